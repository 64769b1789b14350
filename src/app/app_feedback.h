/* app_feedback.h: the family feedback questionnaire (core/feedback.h;
 * docs/reports.md "Family feedback"): one optional response set per
 * referral, recorded once it is discharged (at discharge or after), listed,
 * and counted per question and answer for the feedback report. Managers,
 * clinicians and admin staff record and list them; the counts are figures
 * without identities (analysts too, suppressed). */
#ifndef DYAD_APP_FEEDBACK_H
#define DYAD_APP_FEEDBACK_H

#include "app/app.h"
#include "core/feedback.h"
#include "store/store_letter.h"

/* The questionnaire used when none is named: $DYAD_FEEDBACK when set and
 * not empty, else the source tree's config/feedback.ini. */
const char *app_feedback_default_path(void);

/* Reads and parses the questionnaire at path (NULL or "": the default);
 * e->where "PATH line N" on a bad file; DY_ENOTFOUND when unreadable. */
int app_feedback_load(const char *path, struct feedback_def *def, struct dy_err *e);

/* Records the family's answers (feedback_check_answers) to the
 * questionnaire at path for referral episode_id, answered on `on`
 * (DATE_NONE: today). Refused: the referral not discharged (DY_ECONFLICT,
 * field "referral"), a response set already recorded (DY_ECONFLICT), a day
 * before the referral was received or in the future (DY_EINVAL, "date"). */
int app_feedback_add(struct app *a, int64_t episode_id, const char *answers, int32_t on, const char *path,
                     struct dy_err *e);

/* The referral's response set into *f; DY_ENOTFOUND when none. */
int app_feedback_get(struct app *a, int64_t episode_id, struct feedback_row *f, struct dy_err *e);

/* Calls fn for each response set answered in [from, to] (DATE_NONE: open). */
int app_feedback_list(struct app *a, int32_t from, int32_t to, store_feedback_fn fn, void *ctx, struct dy_err *e);

/* The counts of the feedback report for response sets to def's
 * questionnaire answered in [from, to]. */
struct app_feedback_counts {
	int respondents;                                         /* response sets counted */
	int answered[FEEDBACK_QUESTIONS_MAX];                    /* per question: sets that answered it */
	int count[FEEDBACK_QUESTIONS_MAX][FEEDBACK_OPTIONS_MAX]; /* per question and option */
	int other_questionnaire;                                 /* sets to another questionnaire id, left out */
};
/* Counts the response sets of the families of the team with code team
 * (one of the user's, else DY_ENOTFOUND "no such team"), or with team NULL
 * those of the user's teams (app_scope_report_teams: the server's team, the
 * network role's teams together, every team for the operator). */
int app_feedback_counts(struct app *a, const struct feedback_def *def, int32_t from, int32_t to, const char *team,
                        struct app_feedback_counts *out, struct dy_err *e);

/* Adds the counts of one response set (normalised answers) to out: the
 * pure part of app_feedback_counts, for tests. */
void app_feedback_tally(const struct feedback_def *def, const char *answers, struct app_feedback_counts *out);

#endif
