/* app_alerts.h: what every view of a family shows first (DOMAIN.md: "must
 * be visible on every screen"): each infant's current safeguarding status,
 * every risk flag not yet acknowledged, and a baby's loss, in words. The family page,
 * the referral page, the measure list, the caseload and the waiting list
 * all read them from here, so no view can forget one. */
#ifndef DYAD_APP_ALERTS_H
#define DYAD_APP_ALERTS_H

#include "app/app.h"
#include "core/record.h"
#include "store/store_family.h"
#include "store/store_score.h"

#define ALERTS_MAX_INFANTS 8
#define ALERTS_MAX_RISKS 16

struct family_alerts {
	int64_t family_id;
	int ninfants;                 /* infants with a current status other than none */
	struct {
		int64_t infant_id;
		char name[2 * NAME_BYTES];
		char status[24];          /* the code ("child_protection_plan") */
		int32_t since;
	} infants[ALERTS_MAX_INFANTS];
	int nlosses;                  /* infants with a pregnancy loss, stillbirth or death recorded */
	struct {
		int64_t infant_id;
		char name[2 * NAME_BYTES];
		char kind[16];            /* the code_loss */
		int32_t on;
	} losses[ALERTS_MAX_INFANTS];
	int nrisks;                   /* open flags (all of them, even past ALERTS_MAX_RISKS) */
	struct stored_risk risks[ALERTS_MAX_RISKS]; /* labelled, oldest first */
	int nsafeguarding_notes;      /* signed safeguarding case notes in force (clinical roles only, else 0) */
};

/* Fills *out for the family; DY_ENOTFOUND for an unknown family. */
int app_family_alerts(struct app *a, int64_t family_id, struct family_alerts *out, struct dy_err *e);

/* What app_family_alerts_many reads besides the families' teams, people
 * and safeguarding (NULL: everything, nothing given back). */
struct alerts_read {
	store_person_fn each_person; /* given each person of the families in the caller's teams, or NULL */
	void *person_ctx;
	int no_risks;                /* 1: the caller reads the open flags itself; nrisks stays 0 */
	int no_notes;                /* 1: the caller shows no note count; nsafeguarding_notes stays 0 */
	int infants_only;            /* 1: each_person is given the infants alone, with their names and loss only */
};

/* As app_family_alerts for each of the n families family_ids (ascending,
 * distinct) into out[0..n), in a few statements per STORE_BATCH families
 * rather than several per family (the waiting list's many rows). A family
 * that is not in one of the caller's teams, or does not exist, is left
 * with family_id 0 and nothing else. */
int app_family_alerts_many(struct app *a, const int64_t *family_ids, size_t n, struct family_alerts *out,
                           const struct alerts_read *how, struct dy_err *e);

/* As app_family_alerts for the family of a referral; DY_ENOTFOUND for an
 * unknown referral. */
int app_referral_alerts(struct app *a, int64_t episode_id, struct family_alerts *out, struct dy_err *e);

/* One line for a list's "safeguarding" column: each infant's current
 * status, in words ("child protection plan") when `words`, else as codes,
 * several infants joined by "; "; "" for none. */
void app_alerts_safeguarding_text(const struct family_alerts *f, int words, char *out, size_t n);

/* One line for a list's "risk" column: "RISK not acknowledged: <label>"
 * and "(and N more)", "" for none. */
void app_alerts_risk_text(const struct family_alerts *f, char *out, size_t n);

/* The same line from the oldest open flag's label and the number open. */
void app_alerts_risk_line(const char *first_label, int nrisks, char *out, size_t n);

#endif
