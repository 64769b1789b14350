/* app_audit.c: writing, sealing and verifying the audit hash chain. */
#include "app/app_audit.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_audit_queue.h"
#include "app/app_scope.h"
#include "util/date.h"
#include "util/str.h"

static void put_field(crypto_generichash_state *st, const char *s)
{
	uint32_t n = (uint32_t)strlen(s);
	unsigned char len[4] = {(unsigned char)(n >> 24), (unsigned char)(n >> 16), (unsigned char)(n >> 8),
	                        (unsigned char)n};
	crypto_generichash_update(st, len, sizeof len);
	crypto_generichash_update(st, (const unsigned char *)s, n);
}

/* hash = BLAKE2b-256(prev, id, at, actor, user_id, action, entity,
 * entity_id, address, detail), each field length-prefixed; hex. */
static void entry_hash(const char *prev, const struct audit_row *r, char out[AUDIT_HASH_HEX])
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, 32);
	char num[3][24];
	snprintf(num[0], sizeof num[0], "%lld", (long long)r->id);
	snprintf(num[1], sizeof num[1], "%lld", (long long)r->user_id);
	snprintf(num[2], sizeof num[2], "%lld", (long long)r->entity_id);
	put_field(&st, prev);
	put_field(&st, num[0]);
	put_field(&st, r->at);
	put_field(&st, r->actor);
	put_field(&st, num[1]);
	put_field(&st, r->action);
	put_field(&st, r->entity);
	put_field(&st, num[2]);
	put_field(&st, r->address);
	put_field(&st, r->detail);
	unsigned char h[32];
	crypto_generichash_final(&st, h, sizeof h);
	sodium_bin2hex(out, AUDIT_HASH_HEX, h, sizeof h);
}

void app_audit_row(const struct app *a, const char *action, const char *entity, int64_t id, const char *detail,
                   struct audit_row *r)
{
	memset(r, 0, sizeof *r);
	date_now_utc(r->at);
	str_copy(r->actor, sizeof r->actor, a->actor);
	r->user_id = a->user.id;
	str_copy(r->action, sizeof r->action, action);
	str_copy(r->entity, sizeof r->entity, entity);
	r->entity_id = id;
	str_copy(r->address, sizeof r->address, a->address);
	str_copy(r->detail, sizeof r->detail, detail ? detail : "");
}

int app_audit_chain(db_t *db, struct audit_row *const *rows, int n, struct dy_err *e)
{
	char prev[AUDIT_HASH_HEX];
	int64_t last;
	int found;
	int rc = store_audit_head(db, &last, prev, &found, e);
	if (!rc && !found)
		rc = store_audit_max_id(db, &last, e); /* an empty log: start after any unsealed row */
	for (int i = 0; !rc && i < n; i++) {
		struct audit_row *r = rows[i];
		r->id = ++last;
		entry_hash(prev, r, r->hash);
		str_copy(prev, sizeof prev, r->hash);
	}
	return rc ? rc : store_audit_insert(db, rows, n, e);
}

int app_audit_write(struct app *a, const char *action, const char *entity, int64_t id, const char *detail,
                    struct dy_err *e)
{
	struct audit_row r, *rp = &r;
	app_audit_row(a, action, entity, id, detail, &r);
	return app_audit_chain(a->db, &rp, 1, e);
}

int app_audit_read(struct app *a, const char *entity, int64_t id, struct dy_err *e)
{
	return app_audit_read_detail(a, entity, id, NULL, e);
}

/* Notes rows[0..n) in the open view, once each. */
static void note_rows(struct app *a, struct audit_row **rows, int n)
{
	for (int i = 0; i < n; i++) {
		const struct audit_row *r = rows[i];
		int seen = 0;
		for (int k = 0; k < a->nlooks && !seen; k++) {
			const struct audit_row *o = &a->looks[k];
			seen = o->entity_id == r->entity_id && strcmp(o->entity, r->entity) == 0 &&
			       strcmp(o->action, r->action) == 0 && strcmp(o->detail, r->detail) == 0;
		}
		if (!seen)
			XAPPEND(a->looks, a->nlooks, *r);
	}
}

/* Whether entries are written here, in a transaction of their own (the
 * command line), rather than noted in an open view or handed to a
 * server's audit writer (pass_on). */
static int writes_here(const struct app *a)
{
	return a->view_depth <= 0 && !(a->proc && a->proc->audit);
}

/* Where entries are not written here: rows[0..n) noted in the open view,
 * or handed to the server's audit writer, waiting for the batch holding
 * them to commit (app_audit_queue.h). */
static int pass_on(struct app *a, struct audit_row **rows, int n, struct dy_err *e)
{
	if (a->view_depth > 0) {
		note_rows(a, rows, n);
		return 0;
	}
	return app_audit_queue_append(a->proc->audit, rows, n, e);
}

/* Ends the transaction a write here began: committed when rc is 0, else
 * rolled back; rc or the commit's error. */
static int end_write(struct app *a, int rc, struct dy_err *e)
{
	if (!rc)
		rc = db_commit(a->db, e);
	if (rc)
		db_rollback(a->db);
	return rc;
}

/* Commits rows[0..n), here or passed on (writes_here): either way nothing
 * is shown before the entries are committed. */
static int commit_rows(struct app *a, struct audit_row **rows, int n, struct dy_err *e)
{
	if (!writes_here(a))
		return pass_on(a, rows, n, e);
	int rc = db_begin(a->db, e);
	return rc ? rc : end_write(a, app_audit_chain(a->db, rows, n, e), e);
}

int app_view_begin(struct app *a, struct dy_err *e)
{
	int rc = app_begin_read(a, e);
	if (!rc)
		a->view_depth++;
	return rc;
}

int app_view_end(struct app *a, int rc, struct dy_err *e)
{
	if (a->view_depth <= 0)
		return rc;
	app_end_read(a, 0);
	if (--a->view_depth > 0)
		return rc;
	int n = a->nlooks;
	a->nlooks = 0;
	if (rc || n == 0)
		return rc;
	struct audit_row **rp = xcalloc((size_t)n, sizeof *rp);
	for (int i = 0; i < n; i++)
		rp[i] = &a->looks[i];
	rc = commit_rows(a, rp, n, e);
	free(rp);
	return rc;
}

int app_view_abandon(struct app *a)
{
	if (a->view_depth <= 0)
		return 0;
	while (a->view_depth > 0) {
		a->view_depth--;
		app_end_read(a, 0);
	}
	a->nlooks = 0;
	return 1;
}

int app_audit_read_detail(struct app *a, const char *entity, int64_t id, const char *detail, struct dy_err *e)
{
	struct audit_row r, *rp = &r;
	app_audit_row(a, "read", entity, id, detail, &r);
	return commit_rows(a, &rp, 1, e);
}

/* The entries of a list are made LIST_CHUNK at a time, from one made in
 * full (a list names tens of thousands of families, all at one moment):
 * the rows held at once stay small however long the list. */
enum { LIST_CHUNK = 2048 };

int app_audit_list(struct app *a, const char *entity, const int64_t *ids, int n, struct dy_err *e)
{
	if (n <= 0)
		return 0;
	int k = n < LIST_CHUNK ? n : LIST_CHUNK;
	struct audit_row *rows = xmalloc((size_t)k * sizeof *rows);
	struct audit_row **rp = xmalloc((size_t)k * sizeof *rp);
	app_audit_row(a, "list", entity, 0, NULL, &rows[0]);
	for (int i = 0; i < k; i++) {
		if (i)
			rows[i] = rows[0];
		rp[i] = &rows[i];
	}
	/* Written here, every chunk goes in the one transaction. */
	int here = writes_here(a);
	int rc = here ? db_begin(a->db, e) : 0;
	int begun = here && !rc;
	for (int from = 0; !rc && from < n; from += k) {
		int m = n - from < k ? n - from : k;
		for (int i = 0; i < m; i++)
			rows[i].entity_id = ids[from + i];
		rc = here ? app_audit_chain(a->db, rp, m, e) : pass_on(a, rp, m, e);
	}
	if (begun)
		rc = end_write(a, rc, e);
	free(rp);
	free(rows);
	return rc;
}

struct seal {
	char prev[AUDIT_HASH_HEX];
	int64_t ids[256];
	char hashes[256][AUDIT_HASH_HEX];
	int n;
	int more;
};

static int seal_collect(void *ctx, const struct audit_row *r)
{
	struct seal *s = ctx;
	if (r->hash[0]) {
		str_copy(s->prev, sizeof s->prev, r->hash);
		return 0;
	}
	if (s->n == 256) {
		s->more = 1;
		return 1;
	}
	entry_hash(s->prev, r, s->hashes[s->n]);
	str_copy(s->prev, sizeof s->prev, s->hashes[s->n]);
	s->ids[s->n++] = r->id;
	return 0;
}

int app_audit_seal(db_t *db, struct dy_err *e)
{
	int64_t last;
	char head[AUDIT_HASH_HEX];
	int found;
	int rc = store_audit_head(db, &last, head, &found, e);
	if (rc || found)
		return rc;
	int64_t max;
	if ((rc = store_audit_max_id(db, &max, e)) || max == 0)
		return rc;
	/* Rows from before the chain: seal them, oldest first, 256 a pass. */
	for (;;) {
		struct seal *sp = xcalloc(1, sizeof *sp);
		if ((rc = db_begin(db, e))) {
			free(sp);
			return rc;
		}
		rc = store_audit_each(db, seal_collect, sp, e);
		if (rc == 1)
			rc = 0;
		for (int i = 0; !rc && i < sp->n; i++)
			rc = store_audit_seal_row(db, sp->ids[i], sp->hashes[i], e);
		if (!rc)
			rc = db_commit(db, e);
		if (rc)
			db_rollback(db);
		int more = sp->more;
		free(sp);
		if (rc || !more)
			return rc;
	}
}

struct verify {
	struct audit_check *c;
	char prev[AUDIT_HASH_HEX];
	int64_t prev_id;
};

static int verify_row(void *ctx, const struct audit_row *r)
{
	struct verify *v = ctx;
	struct audit_check *c = v->c;
	if (r->id != v->prev_id + 1) {
		c->bad_id = v->prev_id + 1;
		snprintf(c->problem, sizeof c->problem, "entry %lld was removed (the next entry is %lld)",
		         (long long)c->bad_id, (long long)r->id);
		return 1;
	}
	char want[AUDIT_HASH_HEX];
	entry_hash(v->prev, r, want);
	if (!r->hash[0] || sodium_memcmp(want, r->hash, AUDIT_HASH_HEX - 1) != 0) {
		c->bad_id = r->id;
		snprintf(c->problem, sizeof c->problem, "entry %lld was changed (or entries were reordered)",
		         (long long)r->id);
		return 1;
	}
	str_copy(v->prev, sizeof v->prev, r->hash);
	v->prev_id = r->id;
	c->entries++;
	return 0;
}

int app_audit_verify(struct app *a, struct audit_check *c, struct dy_err *e)
{
	memset(c, 0, sizeof *c);
	int rc = app_scope_require(a, USER_ADMIN | USER_OPERATOR, e);
	if (rc)
		return rc;
	struct verify v = {.c = c};
	if ((rc = db_begin_read(a->db, e)))
		return rc;
	rc = store_audit_each(a->db, verify_row, &v, e);
	int64_t last = 0;
	char head[AUDIT_HASH_HEX];
	int found = 0;
	if (rc == 0)
		rc = store_audit_head(a->db, &last, head, &found, e);
	db_rollback(a->db);
	if (rc < 0)
		return rc;
	if (rc == 1)
		return 0;
	if (found && (last != v.prev_id || strcmp(head, v.prev) != 0)) {
		c->bad_id = v.prev_id + 1;
		snprintf(c->problem, sizeof c->problem, "entry %lld was removed (the log ends at %lld, its head at %lld)",
		         (long long)c->bad_id, (long long)v.prev_id, (long long)last);
		return 0;
	}
	c->ok = 1;
	return 0;
}

int app_audit_family(struct app *a, int64_t family_id, int limit, store_audit_fn fn, void *ctx,
                     struct dy_err *e)
{
	int rc = app_scope_family(a, family_id, SCOPE_AUDIT, e);
	if (rc)
		return rc;
	return store_audit_for(a->db, "family", family_id, limit, fn, ctx, e);
}

int app_end_look(struct app *a, int rc, const char *entity, int64_t id, struct dy_err *e)
{
	rc = app_end_read(a, rc);
	return rc ? rc : app_audit_read(a, entity, id, e);
}
