/* app.c: the process and request contexts, the shared definitions, init,
 * and the one-transaction rule (see app.h). */
#include "app/app.h"

#include "app/app_audit.h"
#include "app/app_audit_queue.h"
#include "app/app_files.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/migrate.h"
#include "store/store_audit.h"
#include "store/store_family.h"
#include "store/store_score.h"
#include "util/date.h"
#include "util/str.h"

struct app_defs {
	int refs; /* guarded by the process context's lock */
	struct instrument_set set;
};

/* Drops one reference; the last frees the set. Caller holds p->lock. */
static void defs_release_locked(struct app_defs *d)
{
	if (d && --d->refs == 0) {
		instrument_set_free(&d->set);
		free(d);
	}
}

/* Sets the request's current definitions aside (kept until it closes, so
 * what it took from them stays valid). Caller holds the lock. */
static void retire_locked(struct app *a)
{
	if (!a->defs)
		return;
	XAPPEND(a->retired, a->nretired, a->defs);
	a->defs = NULL;
}

int app_proc_open(struct app_proc *p, const char *url, const char *instruments_dir, struct dy_err *e)
{
	memset(p, 0, sizeof *p);
	if (url && strlen(url) >= sizeof p->url)
		return dy_fail(e, DY_EUSAGE, "db", "the database name is longer than %zu characters", sizeof p->url - 1);
	str_copy(p->url, sizeof p->url, url ? url : "");
	str_copy(p->instruments_dir, sizeof p->instruments_dir, instruments_dir ? instruments_dir : "");
	db_t *db;
	int rc = db_open(p->url, &db, e);
	if (rc)
		return rc;
	if (sodium_init() < 0) {
		db_close(db);
		return dy_fail(e, DY_EINTERNAL, NULL, "the cryptography library could not start");
	}
	/* Migrations, then rows logged before the audit chain are sealed into it. */
	if ((rc = migrate_up(db, NULL, e)) || (rc = app_audit_seal(db, e))) {
		db_close(db);
		return rc;
	}
	pthread_mutex_init(&p->lock, NULL);
	p->spare = db;
	return 0;
}

void app_proc_close(struct app_proc *p)
{
	app_audit_queue_stop(p);
	pthread_mutex_lock(&p->lock);
	defs_release_locked(p->defs);
	p->defs = NULL;
	db_close(p->spare);
	p->spare = NULL;
	pthread_mutex_unlock(&p->lock);
	pthread_mutex_destroy(&p->lock);
}

int app_request_open(struct app *a, struct app_proc *p, const char *actor, struct dy_err *e)
{
	memset(a, 0, sizeof *a);
	a->proc = p;
	str_copy(a->actor, sizeof a->actor, actor && *actor ? actor : "unknown");
	a->today = date_today();
	arena_init(&a->arena, APP_ARENA_MAX);
	/* Until told otherwise the request is the local operator (the CLI). */
	a->user.roles = USER_OPERATOR;
	str_copy(a->user.name, sizeof a->user.name, a->actor);
	str_copy(a->address, sizeof a->address, "local");
	pthread_mutex_lock(&p->lock);
	a->db = p->spare;
	p->spare = NULL;
	pthread_mutex_unlock(&p->lock);
	if (!a->db) {
		int rc = db_open(p->url, &a->db, e);
		if (rc) {
			a->db = NULL;
			arena_free(&a->arena);
			return rc;
		}
	}
	struct dy_err ignore;
	struct team t;
	if (store_team_default(a->db, &a->team_id, &ignore) || store_team_get(a->db, a->team_id, &t, &ignore))
		a->team_id = 0;
	else {
		str_copy(a->team_name, sizeof a->team_name, t.name);
		a->demo = t.demo;
	}
	return 0;
}

void app_request_close(struct app *a)
{
	struct app_proc *p = a->proc;
	if (!p)
		return;
	int reusable = 0;
	if (a->db) {
		db_rollback(a->db);
		/* Lent on only with every check on (a bulk load turns some off). */
		struct dy_err ignore;
		reusable = !db_bulk(a->db, DB_BULK_END, &ignore);
	}
	pthread_mutex_lock(&p->lock);
	if (a->db && reusable && !p->spare) {
		p->spare = a->db;
		a->db = NULL;
	}
	defs_release_locked(a->defs);
	a->defs = NULL;
	for (int i = 0; i < a->nretired; i++)
		defs_release_locked(a->retired[i]);
	pthread_mutex_unlock(&p->lock);
	free(a->retired);
	a->retired = NULL;
	a->view_depth = 0; /* its transaction was rolled back above */
	free(a->looks);
	a->looks = NULL;
	a->nlooks = 0;
	a->nretired = 0;
	db_close(a->db);
	a->db = NULL;
	arena_free(&a->arena);
}

int app_open(struct app *a, const char *url, const char *actor, struct dy_err *e)
{
	memset(a, 0, sizeof *a);
	struct app_proc *p = xcalloc(1, sizeof *p);
	int rc = app_proc_open(p, url, NULL, e);
	if (!rc && (rc = app_request_open(a, p, actor, e)))
		app_proc_close(p);
	if (rc) {
		free(p);
		memset(a, 0, sizeof *a);
		return rc;
	}
	a->owns_proc = 1;
	return 0;
}

void app_close(struct app *a)
{
	struct app_proc *p = a->proc;
	app_request_close(a);
	if (p && a->owns_proc) {
		app_proc_close(p);
		free(p);
	}
	a->proc = NULL;
	a->owns_proc = 0;
}

const char *app_instruments_default_dir(void)
{
	const char *env = getenv("DYAD_INSTRUMENTS");
	return env && *env ? env : DYAD_SOURCE_DIR "/instruments";
}

int app_instruments_load_dir(struct instrument_set *set, const char *dir, struct dy_err *e)
{
	instrument_set_init(set);
	return instrument_set_load_dir(set, dir && *dir ? dir : app_instruments_default_dir(), e);
}

void app_set_instruments_dir(struct app *a, const char *dir)
{
	struct app_proc *p = a->proc;
	pthread_mutex_lock(&p->lock);
	str_copy(p->instruments_dir, sizeof p->instruments_dir, dir ? dir : "");
	defs_release_locked(p->defs);
	p->defs = NULL;
	retire_locked(a);
	pthread_mutex_unlock(&p->lock);
}

static int attach_table(void *ctx, const char *instrument, const char *name, const char *csv)
{
	struct instrument_set *set = ctx;
	struct instrument *in = instrument_set_get(set, instrument);
	if (!in || instrument_table_index(in, name) < 0)
		return 0; /* a table of a definition no longer loaded: kept, unused */
	struct dy_err e;
	dy_err_clear(&e);
	char label[96];
	snprintf(label, sizeof label, "stored table %s/%s", instrument, name);
	if (instrument_parse_table(in, name, csv, strlen(csv), label, &e))
		return 1; /* the definition changed under a stored table: load it again */
	return 0;
}

static int attach_text(void *ctx, const char *instrument, int item, const char *text)
{
	struct instrument_set *set = ctx;
	struct instrument *in = instrument_set_get(set, instrument);
	if (!in || item < 1 || item > in->nitems)
		return 0;
	free(in->items[item - 1].text);
	in->items[item - 1].text = xstrdup(text);
	return 0;
}

/* Builds a set from dir and what db stores. */
static int build(struct instrument_set *set, const char *dir, db_t *db, struct dy_err *e)
{
	int rc = app_instruments_load_dir(set, dir, e);
	if (rc)
		return rc;
	rc = store_table_list(db, attach_table, set, e);
	if (rc == 1)
		rc = dy_fail(e, DY_EINVAL, "table",
		             "a stored instrument table no longer fits its definition: load it again"
		             " with `dyad instruments load-table`");
	if (!rc)
		rc = store_text_list(db, attach_text, set, e);
	if (rc)
		instrument_set_free(set);
	return rc;
}

int app_instruments_build(struct app *a, struct instrument_set *set, struct dy_err *e)
{
	char dir[APP_DIR_MAX];
	pthread_mutex_lock(&a->proc->lock);
	str_copy(dir, sizeof dir, a->proc->instruments_dir);
	pthread_mutex_unlock(&a->proc->lock);
	return build(set, dir, a->db, e);
}

/* Swaps d in as p's definitions. Caller holds p->lock; d's reference passes
 * to p. */
static void swap_locked(struct app_proc *p, struct app_defs *d)
{
	defs_release_locked(p->defs);
	p->defs = d;
}

static struct app_defs *defs_new(struct instrument_set *set)
{
	struct app_defs *d = xcalloc(1, sizeof *d);
	d->refs = 1;
	d->set = *set;
	memset(set, 0, sizeof *set);
	return d;
}

int app_proc_reload(struct app_proc *p, db_t *db, struct dy_err *e)
{
	char dir[APP_DIR_MAX];
	pthread_mutex_lock(&p->lock);
	str_copy(dir, sizeof dir, p->instruments_dir);
	pthread_mutex_unlock(&p->lock);
	struct instrument_set set;
	int rc = build(&set, dir, db, e);
	if (rc)
		return rc;
	struct app_defs *d = defs_new(&set);
	pthread_mutex_lock(&p->lock);
	swap_locked(p, d);
	pthread_mutex_unlock(&p->lock);
	return 0;
}

void app_instruments_publish(struct app *a, struct instrument_set *set)
{
	struct app_defs *d = defs_new(set);
	pthread_mutex_lock(&a->proc->lock);
	swap_locked(a->proc, d);
	retire_locked(a);
	a->defs = d;
	d->refs++;
	pthread_mutex_unlock(&a->proc->lock);
}

int app_instruments(struct app *a, const struct instrument_set **out, struct dy_err *e)
{
	*out = NULL;
	if (!a->defs) {
		struct app_proc *p = a->proc;
		/* Loaded under the lock so that concurrent first requests load once. */
		pthread_mutex_lock(&p->lock);
		if (!p->defs) {
			struct instrument_set set;
			int rc = build(&set, p->instruments_dir, a->db, e);
			if (rc) {
				pthread_mutex_unlock(&p->lock);
				return rc;
			}
			p->defs = defs_new(&set);
		}
		a->defs = p->defs;
		a->defs->refs++;
		pthread_mutex_unlock(&p->lock);
	}
	*out = &a->defs->set;
	return 0;
}

int app_begin(struct app *a, struct dy_err *e)
{
	if (a->view_depth) /* a view's reads are not logged yet: no change may commit among them */
		return dy_fail(e, DY_EINTERNAL, "view", "a change was begun inside a view");
	return db_begin(a->db, e);
}

int app_end(struct app *a, int rc, const char *action, const char *entity, int64_t id, const char *detail,
            struct dy_err *e)
{
	if (!rc)
		rc = app_audit_write(a, action, entity, id, detail, e);
	if (!rc)
		rc = db_commit(a->db, e);
	if (rc)
		db_rollback(a->db);
	return rc;
}

int app_begin_read(struct app *a, struct dy_err *e)
{
	if (a->read_depth == 0) {
		a->read_began = !db_in_transaction(a->db);
		if (a->read_began) {
			int rc = db_begin_read(a->db, e);
			if (rc)
				return rc;
		}
	}
	a->read_depth++;
	return 0;
}

int app_end_read(struct app *a, int rc)
{
	if (a->read_depth > 0 && --a->read_depth == 0 && a->read_began) {
		db_rollback(a->db); /* a read changes nothing: ending it is enough */
		a->read_began = 0;
	}
	return rc;
}

int app_init(struct app *a, const char *team_code, const char *team_name, int *created, struct dy_err *e)
{
	*created = 0;
	if (str_empty(team_code) || strlen(team_code) > 32)
		return dy_fail(e, DY_EINVAL, "team-code", "must be 1 to 32 characters");
	if (str_empty(team_name) || strlen(team_name) > 100)
		return dy_fail(e, DY_EINVAL, "team-name", "must be 1 to 100 characters");
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	/* Looked for inside the transaction: two first runs make one team. */
	int64_t have = 0;
	struct dy_err none;
	if (!store_team_default(a->db, &have, &none) && have) {
		struct team cur;
		a->team_id = have;
		if (!store_team_get(a->db, have, &cur, &none))
			str_copy(a->team_name, sizeof a->team_name, cur.name);
		db_rollback(a->db);
		return 0;
	}
	struct team t = {0};
	str_copy(t.code, sizeof t.code, team_code);
	str_copy(t.name, sizeof t.name, team_name);
	rc = store_team_ensure(a->db, &t, e);
	rc = app_end(a, rc, "init", "team", t.id, NULL, e);
	if (!rc) {
		a->team_id = t.id;
		str_copy(a->team_name, sizeof a->team_name, t.name);
		*created = 1;
	}
	return rc;
}

int app_team_rename(struct app *a, const char *team_name, struct dy_err *e)
{
	if (!a->team_id)
		return dy_fail(e, DY_ENOTFOUND, "team", "the database has no team yet: run `dyad init`");
	if (str_empty(team_name) || strlen(team_name) > 100)
		return dy_fail(e, DY_EINVAL, "team-name", "must be 1 to 100 characters");
	struct team t;
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	rc = store_team_get(a->db, a->team_id, &t, e);
	if (!rc) {
		str_copy(t.name, sizeof t.name, team_name);
		rc = store_team_update(a->db, &t, e);
	}
	rc = app_end(a, rc, "rename", "team", a->team_id, NULL, e);
	if (!rc)
		str_copy(a->team_name, sizeof a->team_name, team_name);
	return rc;
}

void app_act_as(struct app *a, const struct app_user *user, const char *address)
{
	/* A new request (or the end of one): a lookup's statement left
	 * part-way must not keep this connection on an old snapshot, or it
	 * would not see a session or a token created since. */
	db_end_reads(a->db);
	memset(&a->user, 0, sizeof a->user);
	if (user) {
		a->user = *user;
		str_copy(a->actor, sizeof a->actor, user->name);
	} else {
		str_copy(a->actor, sizeof a->actor, "web");
	}
	str_copy(a->address, sizeof a->address, address && *address ? address : "local");
}
