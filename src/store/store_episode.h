/* store_episode.h: referrals / episodes of care, their discharge outcomes,
 * and contacts (with practitioners and attendees) in the database. Same id
 * and error rules as store_family.h. */
#ifndef DYAD_STORE_EPISODE_H
#define DYAD_STORE_EPISODE_H

#include "core/record.h"
#include "store/db.h"

typedef int (*store_episode_fn)(void *ctx, const struct episode *ep);
typedef int (*store_contact_fn)(void *ctx, const struct contact *c);

struct discharge_outcome {
	int64_t episode_id;
	int64_t infant_id;
	char care_status[24];
};
typedef int (*store_outcome_fn)(void *ctx, const struct discharge_outcome *o);

/* The episode columns in the order store_episode_read expects (for queries
 * in other store files that add columns after them; `e.` prefixed). */
#define STORE_EPISODE_COLS \
	"e.id, e.family_id, e.infant_id, e.caregiver_id, e.received_on, e.source, e.decision, e.decided_on," \
	" e.discharged_on, e.discharge_reason," \
	" (SELECT group_concat(ei.infant_id, ';') FROM referral_infant ei WHERE ei.episode_id = e.id)," \
	" e.transferred_to, e.previous_id"
#define STORE_EPISODE_NCOLS 13

/* Reads STORE_EPISODE_COLS from columns 0..12 of the current row into ep
 * (its further infants ascending). */
void store_episode_read(db_stmt_t *s, struct episode *ep);

/* Inserts ep in the state `received` (the schema's default), with its
 * further infants (ep->more_infants). */
int store_episode_insert(db_t *db, struct episode *ep, struct dy_err *e);

/* Inserts ep already in state (an episode_state code): for an import that
 * brings the episode's history, so that no update follows. */
int store_episode_insert_in_state(db_t *db, struct episode *ep, const char *state, struct dy_err *e);

/* Loads episode id; DY_ENOTFOUND if absent. */
int store_episode_get(db_t *db, int64_t id, struct episode *ep, struct dy_err *e);

/* Writes the decision, decision date, discharge date, reason and transfer
 * destination of ep. */
int store_episode_update(db_t *db, const struct episode *ep, struct dy_err *e);

/* Calls fn for each episode of the family (family_id > 0) or all, by id. */
int store_episode_list(db_t *db, int64_t family_id, store_episode_fn fn, void *ctx, struct dy_err *e);

/* The newest episode still open (not discharged, not declined/signposted)
 * for the family into *id, or 0 when there is none. */
int store_episode_open_for_family(db_t *db, int64_t family_id, int64_t *id, struct dy_err *e);

/* Removes the care statuses recorded at the referral's discharge (when it
 * is reopened). */
int store_outcome_delete(db_t *db, int64_t episode_id, struct dy_err *e);

int store_outcome_insert(db_t *db, const struct discharge_outcome *o, struct dy_err *e);
int store_outcome_list(db_t *db, int64_t episode_id, store_outcome_fn fn, void *ctx, struct dy_err *e);

/* Inserts the contact with its practitioner and attendee links. */
int store_contact_insert(db_t *db, struct contact *c, struct dy_err *e);

/* Reads contact c->id's practitioner and attendee ids into c, each list
 * ascending. */
int store_contact_links_get(db_t *db, struct contact *c, struct dy_err *e);

/* Replaces contact c->id's practitioner and attendee links by c's lists
 * (a correction; inside the caller's transaction). */
int store_contact_links_replace(db_t *db, const struct contact *c, struct dy_err *e);

/* Links of many contacts written together: a bulk import inserts each
 * contact with store_contact_insert_batched, whose links wait here and go
 * in multi-row statements of STORE_LINK_BATCH rows; store_link_flush
 * writes what is left (before anything reads the links, and before commit). */
#define STORE_LINK_BATCH 64
#define STORE_CONTACT_BATCH 32
struct store_link_batch {
	int64_t pract[STORE_LINK_BATCH][2];
	int npract;
	int64_t attend[STORE_LINK_BATCH][2];
	int nattend;
	/* Set by a caller that has made sure no contact id it passes exists
	 * (an import into a table that was empty, ids checked for repeats):
	 * the contact rows themselves then wait and go STORE_CONTACT_BATCH to
	 * a statement too. */
	int rows_are_new;
	struct contact rows[STORE_CONTACT_BATCH];
	int nrows;
};
int store_contact_insert_batched(db_t *db, struct contact *c, struct store_link_batch *b, struct dy_err *e);
int store_link_flush(db_t *db, struct store_link_batch *b, struct dy_err *e);

/* 1 when the contact table has no rows, 0 when it has, negative on error. */
int store_contact_table_empty(db_t *db, struct dy_err *e);

/* Calls fn for each contact of the episode (episode_id > 0) or all, by
 * episode then date then id, with practitioners and attendees filled. */
int store_contact_list(db_t *db, int64_t episode_id, store_contact_fn fn, void *ctx, struct dy_err *e);

#endif
