/* app.c: opening the application, init, and the one-transaction rule. */
#include "app/app.h"

#include "app/app_audit.h"
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

int app_open(struct app *a, const char *url, const char *actor, struct dy_err *e)
{
	memset(a, 0, sizeof *a);
	if (sodium_init() < 0)
		return dy_fail(e, DY_EINTERNAL, NULL, "the cryptography library could not start");
	str_copy(a->actor, sizeof a->actor, actor && *actor ? actor : "unknown");
	a->today = date_today();
	/* Until told otherwise the app is the local operator (the CLI). */
	a->user.roles = USER_OPERATOR;
	str_copy(a->user.name, sizeof a->user.name, a->actor);
	str_copy(a->address, sizeof a->address, "local");
	int rc = db_open(url, &a->db, e);
	if (rc)
		return rc;
	if ((rc = migrate_up(a->db, NULL, e))) {
		app_close(a);
		return rc;
	}
	if ((rc = app_audit_seal(a, e))) {
		app_close(a);
		return rc;
	}
	struct dy_err ignore;
	struct team t;
	if (store_team_default(a->db, &a->team_id, &ignore) || store_team_get(a->db, a->team_id, &t, &ignore))
		a->team_id = 0;
	else
		str_copy(a->team_name, sizeof a->team_name, t.name);
	return 0;
}

void app_close(struct app *a)
{
	db_close(a->db);
	a->db = NULL;
	instrument_set_free(&a->instruments);
	a->instruments_loaded = 0;
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
	str_copy(a->instruments_dir, sizeof a->instruments_dir, dir ? dir : "");
}

static int attach_table(void *ctx, const char *instrument, const char *name, const char *csv)
{
	struct app *a = ctx;
	struct instrument *in = instrument_set_get(&a->instruments, instrument);
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
	struct app *a = ctx;
	struct instrument *in = instrument_set_get(&a->instruments, instrument);
	if (!in || item < 1 || item > in->nitems)
		return 0;
	free(in->items[item - 1].text);
	in->items[item - 1].text = xstrdup(text);
	return 0;
}

int app_instruments(struct app *a, const struct instrument_set **out, struct dy_err *e)
{
	*out = NULL;
	if (!a->instruments_loaded) {
		int rc = app_instruments_load_dir(&a->instruments, a->instruments_dir, e);
		if (rc)
			return rc;
		if (a->db) {
			rc = store_table_list(a->db, attach_table, a, e);
			if (rc == 1)
				rc = dy_fail(e, DY_EINVAL, "table",
				             "a stored instrument table no longer fits its definition: load it again"
				             " with `dyad instruments load-table`");
			if (!rc)
				rc = store_text_list(a->db, attach_text, a, e);
			if (rc) {
				instrument_set_free(&a->instruments);
				return rc;
			}
		}
		a->instruments_loaded = 1;
	}
	*out = &a->instruments;
	return 0;
}

int app_begin(struct app *a, struct dy_err *e)
{
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

int app_init(struct app *a, const char *team_code, const char *team_name, int *created, struct dy_err *e)
{
	*created = 0;
	if (a->team_id)
		return 0;
	if (str_empty(team_code) || strlen(team_code) > 32)
		return dy_fail(e, DY_EINVAL, "team-code", "must be 1 to 32 characters");
	if (str_empty(team_name) || strlen(team_name) > 100)
		return dy_fail(e, DY_EINVAL, "team-name", "must be 1 to 100 characters");
	struct team t = {0};
	str_copy(t.code, sizeof t.code, team_code);
	str_copy(t.name, sizeof t.name, team_name);
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	rc = store_team_ensure(a->db, &t, e);
	rc = app_end(a, rc, "init", "team", t.id, NULL, e);
	if (!rc) {
		a->team_id = t.id;
		str_copy(a->team_name, sizeof a->team_name, t.name);
		*created = 1;
	}
	return rc;
}

void app_act_as(struct app *a, const struct app_user *user, const char *address)
{
	memset(&a->user, 0, sizeof a->user);
	if (user) {
		a->user = *user;
		str_copy(a->actor, sizeof a->actor, user->name);
	} else {
		str_copy(a->actor, sizeof a->actor, "web");
	}
	str_copy(a->address, sizeof a->address, address && *address ? address : "local");
}
