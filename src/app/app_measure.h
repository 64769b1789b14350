/* app_measure.h: use cases for outcome measures: recording an
 * administration (checked against its definition, scored at entry, scores
 * and risk flags stored with the definition version used), acknowledging a
 * risk flag, listing, rescoring after a definition changes, change between
 * the first and last administration, goal-based outcomes, and loading the
 * licensed material a service keeps locally (item wording, tables).
 *
 * Who is who (docs/measures.md): the respondent completed the measure. For
 * a caregiver-completed measure it is a caregiver of the family; for a
 * clinician- or observer-rated one (PIR-GAS, KIPS, LOAF) it is the
 * practitioner who rated it, and the stored person_id is then the subject's
 * caregiver (or its infant). The subject is what the measure is about: a
 * caregiver, an infant, or a caregiver and an infant as a pair, and must be
 * the definition's. */
#ifndef DYAD_APP_MEASURE_H
#define DYAD_APP_MEASURE_H

#include "app/app.h"
#include "core/change.h"
#include "core/score.h"
#include "store/store_goal.h"
#include "store/store_measure.h"
#include "store/store_score.h"

/* A measure as entered. Ids 0 take the defaults given. */
struct measure_entry {
	int64_t episode_id;
	char instrument[32];
	char timepoint[12];
	int32_t date;
	char responses[1024];
	int64_t respondent_id;   /* caregiver who completed it; default: the subject's caregiver, else the referral's */
	int64_t practitioner_id; /* who rated it; required for clinician- and observer-rated measures */
	char subject[12];        /* caregiver | infant | pair; "" = the definition's */
	int64_t caregiver_id;    /* the subject caregiver; default: the respondent, else the referral's caregiver */
	int64_t infant_id;       /* the subject infant; default: the referral's infant */
};

/* Facts about a person that the checks need. */
struct measure_person {
	int64_t family_id;
	int infant;              /* 1 infant, 0 caregiver */
	int32_t date_of_birth;   /* filled only when need_birth was asked */
	int gestation_weeks;
	int32_t loss_on;         /* infants: the date of a recorded loss, DATE_NONE when none */
};

/* Looks a person up: 0, DY_ENOTFOUND, or another error. need_birth asks
 * for the date of birth and gestation too. */
typedef int (*measure_person_fn)(void *ctx, int64_t id, int need_birth, struct measure_person *out,
                                 struct dy_err *e);

/* The episode facts the checks need. */
struct measure_episode {
	int64_t family_id, caregiver_id, infant_id;
	int n_infants; /* infants the referral covers: with more than 1, a measure about an infant must name it */
};

/* Checks r (instrument, respondent, subject and people) against definition
 * `in` and the episode, fills in the defaults, then scores r->m.responses
 * into *out and sets r->version and r->age_months (ASQ:SE-2: the infant's
 * corrected age at the measure date picks the form). `rater_optional` lets a
 * rated measure name no practitioner (imported history). Returns 0, or
 * DY_EINVAL naming the field: for refused responses the field is
 * "responses" and the message names the item and the reason ("item 3: 4 is
 * outside 0-3"). Shared by entry, CSV import, the demo and rescoring; does
 * no writing. */
int app_measure_check_score(const struct instrument *in, struct measure_record *r, const struct measure_episode *ep,
                            int rater_optional, measure_person_fn person, void *ctx, struct score_result *out,
                            struct dy_err *e);

/* A person lookup through the database (ctx is the db_t *). */
int app_measure_person_db(void *ctx, int64_t id, int need_birth, struct measure_person *out, struct dy_err *e);

/* Every rule a measure meets on entry and on correction, inside the
 * caller's transaction: its date within the referral and not in the future
 * (record_measure_check), its practitioner existing, then
 * app_measure_check_score into *res. */
int app_measure_checks(struct app *a, const struct instrument *in, struct measure_record *rec, int rater_optional,
                       struct score_result *res, struct dy_err *e);

/* Records a measure: checks it (app_measure_check_score, plus the date
 * within the referral and not in the future), stores it with its scores
 * and any risk flags, in one transaction with one audit entry. Fills *rec
 * (with the new id) and *res (its instrument pointer valid until
 * app_close). */
int app_measure_record(struct app *a, const struct measure_entry *in, struct measure_record *rec,
                       struct score_result *res, struct dy_err *e);

/* Acknowledging a risk flag: app_risk_acknowledge (app/app_risk.h). */

/* One stored measure with its scores and flags. */
struct measure_view {
	struct measure_record rec;
	int nscores;
	struct stored_score scores[INSTR_MAX_SCALES];
	int nrisks;
	struct stored_risk risks[INSTR_MAX_RISKS];
};
typedef int (*measure_view_fn)(void *ctx, const struct measure_view *v);

/* Calls fn for each measure of the referral by date; DY_ENOTFOUND for an
 * unknown referral. */
int app_measure_list(struct app *a, int64_t episode_id, measure_view_fn fn, void *ctx, struct dy_err *e);

struct rescore_counts {
	int checked;    /* measures looked at */
	int rescored;   /* scored again (version differed, or never scored) */
	int refused;    /* of those, responses or people the definition now refuses (stored null, with why) */
	int unknown;    /* instrument not loaded: left as they were */
};

/* Rescores, in one transaction, every measure whose stored version differs
 * from the loaded definition's or that has no scores (imported, migrated),
 * keeping the version used; a legacy measure gains its subject from its
 * definition and referral. */
int app_measures_rescore(struct app *a, struct rescore_counts *n, struct dy_err *e);

/* One line of `dyad measures change`. */
enum change_kind { CHANGE_ROW_SCALE, CHANGE_ROW_TALKING_THERAPIES, CHANGE_ROW_GOAL };
struct change_row {
	enum change_kind kind;
	int64_t respondent_id;      /* person_id of the measures (scale, talking therapies) */
	char subject[12];
	int64_t caregiver_id, infant_id;
	char instrument[32];        /* "phq9+gad7" for talking therapies, "gbo" for goals */
	char scale[32];             /* scale id, "goal1".. for goals */
	char scale_name[64];
	int n;                      /* administrations (ratings) with a score */
	int32_t first_date, last_date;
	double first, last;
	int assessed;               /* 0: the change could not be classified (note says why) */
	struct change_result c;     /* scales and goals */
	struct change_tt tt;        /* talking therapies */
	char note[120];
};
typedef int (*change_row_fn)(void *ctx, const struct change_row *r);

/* Calls fn for each respondent/subject, instrument and scale of the
 * referral with at least two scored administrations (first and last), then
 * the NHS Talking Therapies result for each respondent with PHQ-9 and GAD-7,
 * then each goal with at least two ratings. Reliable change uses the
 * definition's published figures only (never the team's own baselines). */
int app_measures_change(struct app *a, int64_t episode_id, change_row_fn fn, void *ctx, struct dy_err *e);

/* Adds a goal (g->episode_id, g->text, g->set_on: DATE_NONE = today) at the
 * next free position; at most 3 per referral. Writes g->id and position. */
int app_goal_add(struct app *a, struct goal *g, struct dy_err *e);

/* Rates goal r->goal_id (0-10) on r->date (not before the goal was set,
 * not in the future; one rating a day). */
int app_goal_rate(struct app *a, const struct goal_rating *r, struct dy_err *e);

/* Calls fn for each goal of the referral with its ratings, by position. */
typedef int (*goal_view_fn)(void *ctx, const struct goal *g, const struct goal_rating *ratings, int n);
int app_goal_list(struct app *a, int64_t episode_id, goal_view_fn fn, void *ctx, struct dy_err *e);

/* Scores responses for instrument id from a set (no database): 0, DY_EINVAL
 * for refused responses (out->errors lists them), DY_ENOTFOUND for an
 * unknown instrument. */
int app_score(const struct instrument_set *set, const char *id, const char *responses, int age_months,
              struct score_result *out, struct dy_err *e);

/* Loads a text pack of licensed item wording (CSV instrument,item,text;
 * docs/instruments.md) into the database, all rows or none; *items is how
 * many items it holds. The wording is kept only in the database (table
 * instrument_text), shown on entry forms, never exported. */
int app_instruments_load_text(struct app *a, const char *path, int *items, struct dy_err *e);

/* Loads a licensed table (ASQ:SE-2 `intervals`, SWEMWBS `metric`) for
 * instrument id into the database after checking it against the
 * definition; used from then on when scoring. Never exported. */
int app_instruments_load_table(struct app *a, const char *id, const char *table, const char *path,
                               struct dy_err *e);

#endif
