/* app_audit.h: the audit log as a hash chain.
 *
 * Every entry holds BLAKE2b-256(previous entry's hash, this entry's fields),
 * so an entry changed, removed or moved breaks the chain from that point;
 * audit_head holds the last id and hash, so entries cut from the end are
 * noticed too. app_end writes the entry of each change; reads of a
 * person-identifiable record are logged with app_audit_read. */
#ifndef DYAD_APP_AUDIT_H
#define DYAD_APP_AUDIT_H

#include "app/app.h"
#include "store/store_audit.h"

/* Appends one entry by the acting user (a->user, a->actor, a->address)
 * inside the caller's open transaction. */
int app_audit_write(struct app *a, const char *action, const char *entity, int64_t id, const char *detail,
                    struct dy_err *e);

/* Logs that the acting user read record (entity, id), committed before it
 * returns: by the process's audit writer when it has one (a server), else
 * in a transaction of its own. The caller shows nothing unless it returns
 * 0. */
int app_audit_read(struct app *a, const char *entity, int64_t id, struct dy_err *e);

/* Ends the read transaction (app_end_read) and, when rc is 0, logs the
 * look at entity id with app_audit_read; returns rc or the log's error. */
int app_end_look(struct app *a, int rc, const char *entity, int64_t id, struct dy_err *e);

/* A view: the reads one answer shows together (the family page: the
 * family, each referral, their measures...), made in one read transaction
 * and logged in one audit write when the view ends, instead of a
 * transaction and a committed entry per app_* call. Between
 * app_view_begin and app_view_end every app_audit_read / app_audit_list /
 * app_end_look only notes its entries (each record once per view); no
 * change may be begun (app_begin refuses). Views nest; the outermost end
 * commits. */
int app_view_begin(struct app *a, struct dy_err *e);

/* Ends the view's read transaction and, when rc is 0, commits every entry
 * noted in the view (as app_audit_read commits one); the caller shows
 * nothing unless it returns 0. With rc not 0 the entries are dropped (the
 * caller shows nothing) and rc is returned. */
int app_view_end(struct app *a, int rc, struct dy_err *e);

/* For the request's last line of defence: a view left open ends with its
 * entries dropped; 1 when one was open (then nothing may be shown). */
int app_view_abandon(struct app *a);

/* As app_audit_read with a detail (which records a list showed: ids only,
 * never an identifiable value). */
int app_audit_read_detail(struct app *a, const char *entity, int64_t id, const char *detail, struct dy_err *e);

/* Logs that the acting user was shown records (entity, ids[i]) in a list:
 * one entry each, action "list", committed as app_audit_read's are. */
int app_audit_list(struct app *a, const char *entity, const int64_t *ids, int n, struct dy_err *e);

/* Fills r with an entry by the acting user (no id or hash yet). */
void app_audit_row(const struct app *a, const char *action, const char *entity, int64_t id, const char *detail,
                   struct audit_row *r);

/* Appends rows[0..n) to the chain, in that order, inside db's open write
 * transaction: gives each its id and hash and moves the head. */
int app_audit_chain(db_t *db, struct audit_row *const *rows, int n, struct dy_err *e);

/* Seals rows written before the chain existed (when the process context
 * opens, after migrations; idempotent). */
int app_audit_seal(db_t *db, struct dy_err *e);

/* What verification found: ok, or the first entry at fault. */
struct audit_check {
	int ok;
	int64_t entries;     /* entries checked */
	int64_t bad_id;      /* the first entry changed, or the first id missing */
	char problem[160];   /* "entry 42 was changed (or entries were reordered)" */
};

/* Walks the whole chain; fills c. Returns 0 (c->ok says the answer) or a
 * storage error. Needs the operator or an admin. */
int app_audit_verify(struct app *a, struct audit_check *c, struct dy_err *e);

/* Calls fn for the entries naming family id's record (each view of its
 * page or API record, each change to it), newest first, at most limit.
 * A manager of the family's team, an admin, or the operator. */
int app_audit_family(struct app *a, int64_t family_id, int limit, store_audit_fn fn, void *ctx,
                     struct dy_err *e);

#endif
