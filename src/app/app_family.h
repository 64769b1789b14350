/* app_family.h: use cases for families and the people in them. */
#ifndef DYAD_APP_FAMILY_H
#define DYAD_APP_FAMILY_H

#include "app/app.h"
#include "core/record.h"
#include "store/store_score.h"
#include "store/store_family.h"
#include "store/store_summary.h"

/* Creates an empty family in the team; writes its id to *id. */
int app_family_add(struct app *a, int64_t *id, struct dy_err *e);

/* Inside a transaction: 0 when family f (read with store_family_get) may
 * take a new person or referral; DY_ECONFLICT (field "family") when it was
 * merged into another family (its records are there now) or is marked
 * entered in error; or a store error. */
int app_family_takes_records(struct app *a, const struct family *f, struct dy_err *e);

/* Adds a caregiver or infant to p->family_id after checking every field
 * (see record_person_check); writes the new id to p->id. */
int app_person_add(struct app *a, struct person *p, struct dy_err *e);

/* Records the birth of an unborn infant: the same record gains its date of
 * birth (and gestation at birth, 0 unknown), keeping its history. */
int app_person_birth(struct app *a, int64_t person_id, int32_t dob, int gestation_weeks, struct dy_err *e);

/* As app_person_birth; with gestation_weeks 0 and an EDD held, the
 * gestation is worked out from the EDD (age_gestation_from_edd). Sets
 * *weeks to the gestation recorded (0: not known) and *from_edd to 1 when
 * it was derived, so the caller can say so. */
int app_person_birth_gestation(struct app *a, int64_t person_id, int32_t dob, int gestation_weeks, int *weeks,
                               int *from_edd, struct dy_err *e);

/* Everything shown on a family's page. Free with app_family_view_free. */
struct family_view {
	struct family family;
	struct person *people;
	int npeople;
	struct safeguarding *current; /* per person; status "" when none */
	struct episode *episodes;
	int nepisodes;
	struct stored_risk *risks;  /* risk flags not yet acknowledged by a clinician */
	int nrisks;
};

/* Loads family id's view; DY_ENOTFOUND when absent. */
int app_family_view(struct app *a, int64_t id, struct family_view *v, struct dy_err *e);
void app_family_view_free(struct family_view *v);

/* Calls fn for each unborn infant whose EDD is `days` or more days before
 * today (days >= 0), oldest first: a pregnancy still shown "unborn" after
 * its due date needs the birth (or a loss) recording. */
int app_overdue_pregnancies(struct app *a, int days, store_person_fn fn, void *ctx, struct dy_err *e);

/* Lists families (or only the open caseload) a page at a time (pg): calls
 * fn for at most pg->limit rows (fn returning non-zero stops, and is
 * returned); *more (may be NULL) says whether rows follow the page. Every
 * family handed to fn is logged in the audit ("list"), committed before
 * this returns. */
int app_family_list(struct app *a, int open_only, const struct list_page *pg, store_summary_fn fn, void *ctx,
                    int *more, struct dy_err *e);

/* How many families app_family_list lists without a limit. */
int app_family_count(struct app *a, int open_only, int64_t *n, struct dy_err *e);

/* Adds a practitioner to the team (name, profession code); writes p->id. */
int app_practitioner_add(struct app *a, struct practitioner *p, struct dy_err *e);

/* Lists the team's practitioners. */
int app_practitioner_list(struct app *a, int (*fn)(void *ctx, const struct practitioner *p), void *ctx,
                          struct dy_err *e);

#endif
