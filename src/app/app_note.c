/* app_note.c: case notes: write, sign, follow with an addendum, mark
 * entered in error, list (see app_note.h). Every check that reads the
 * database runs inside the transaction that writes; the audit names the
 * note, never its words. */
#include "app/app_note.h"

#include <stdlib.h>
#include <string.h>

#include "app/app_audit.h"
#include "app/app_scope.h"
#include "store/store_episode.h"
#include "util/date.h"
#include "util/str.h"

/* The note, loaded for a change inside the open transaction. */
static int load(struct app *a, int64_t id, struct note *n, char **text, struct dy_err *e)
{
	*text = xmalloc(NOTE_TEXT_BYTES + 1);
	return store_note_get(a->db, id, n, *text, NOTE_TEXT_BYTES + 1, e);
}

int app_note_add(struct app *a, struct note *n, int sign, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, n->episode_id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (rc)
		return rc;
	if (note_check_kind(n->kind, e) || note_check_text(n->text, e))
		return DY_EINVAL;
	if ((rc = app_begin(a, e)))
		return rc;
	if (n->contact_id) {
		int yes = 0;
		rc = store_note_contact_in_episode(a->db, n->contact_id, n->episode_id, &yes, e);
		if (!rc && !yes)
			rc = dy_fail(e, DY_EINVAL, "contact", "contact %lld is not a contact of referral %lld",
			             (long long)n->contact_id, (long long)n->episode_id);
	}
	if (!rc) {
		n->id = 0;
		n->addendum_to = 0;
		n->error_reason[0] = n->error_by[0] = n->error_at[0] = '\0';
		str_copy(n->author, sizeof n->author, a->actor);
		date_now_utc(n->written_at);
		if (sign)
			memcpy(n->signed_at, n->written_at, sizeof n->signed_at);
		else
			n->signed_at[0] = '\0';
		rc = store_note_insert(a->db, n, e);
	}
	return app_end(a, rc, sign ? "note.add_signed" : "note.add", "note", n->id, n->kind, e);
}

/* One change to stored note id (its scope already checked), in one audited
 * transaction: the note loaded, then step checks and writes it. */
typedef int (*note_step)(struct app *a, const struct note *n, const void *arg, struct dy_err *e);

static int change(struct app *a, int64_t id, const char *action, note_step step, const void *arg, struct dy_err *e)
{
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	struct note n;
	char *buf = NULL;
	rc = load(a, id, &n, &buf, e);
	if (!rc)
		rc = step(a, &n, arg, e);
	free(buf);
	return app_end(a, rc, action, "note", id, NULL, e);
}

struct edit_arg {
	const char *kind, *text;
};

static int edit_step(struct app *a, const struct note *n, const void *arg, struct dy_err *e)
{
	const struct edit_arg *x = arg;
	int rc = note_check_sign(store_note_state(n), n->author, a->actor, e);
	return rc ? rc : store_note_update_draft(a->db, n->id, x->kind && x->kind[0] ? x->kind : n->kind, x->text, e);
}

int app_note_edit(struct app *a, int64_t id, const char *kind, const char *text, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_NOTE, id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (rc)
		return rc;
	if ((kind && kind[0] && note_check_kind(kind, e)) || note_check_text(text, e))
		return DY_EINVAL;
	struct edit_arg x = {kind, text};
	return change(a, id, "note.edit", edit_step, &x, e);
}

static int sign_step(struct app *a, const struct note *n, const void *arg, struct dy_err *e)
{
	(void)arg;
	int rc = note_check_sign(store_note_state(n), n->author, a->actor, e);
	char stamp[NOTE_STAMP];
	date_now_utc(stamp);
	return rc ? rc : store_note_sign(a->db, n->id, stamp, e);
}

int app_note_sign(struct app *a, int64_t id, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_NOTE, id, SCOPE_CLINICAL_WRITE, NULL, e);
	return rc ? rc : change(a, id, "note.sign", sign_step, NULL, e);
}

int app_note_addendum(struct app *a, int64_t id, const char *text, int64_t *addendum_id, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_NOTE, id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (rc)
		return rc;
	if (note_check_text(text, e))
		return DY_EINVAL;
	if ((rc = app_begin(a, e)))
		return rc;
	struct note n;
	char *buf = NULL;
	rc = load(a, id, &n, &buf, e);
	if (!rc)
		rc = note_check_addendum(store_note_state(&n), e);
	struct note add;
	memset(&add, 0, sizeof add);
	if (!rc) {
		add.episode_id = n.episode_id;
		add.contact_id = n.contact_id;
		memcpy(add.kind, n.kind, sizeof add.kind);
		str_copy(add.author, sizeof add.author, a->actor);
		date_now_utc(add.written_at);
		memcpy(add.signed_at, add.written_at, sizeof add.signed_at);
		add.text = text;
		add.addendum_to = id;
		rc = store_note_insert(a->db, &add, e);
	}
	free(buf);
	if (!rc && addendum_id)
		*addendum_id = add.id;
	return app_end(a, rc, "note.addendum", "note", add.id, NULL, e);
}

static int error_step(struct app *a, const struct note *n, const void *arg, struct dy_err *e)
{
	int rc = note_check_error(store_note_state(n), e);
	char stamp[NOTE_STAMP];
	date_now_utc(stamp);
	return rc ? rc : store_note_mark_error(a->db, n->id, arg, a->actor, stamp, e);
}

int app_note_error(struct app *a, int64_t id, const char *reason, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_NOTE, id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (rc)
		return rc;
	if (note_check_reason(reason, e))
		return DY_EINVAL;
	return change(a, id, "note.error", error_step, reason, e);
}

/* Whether the acting user is shown note n (all: entered in error too). */
static int shown(const struct app *a, const struct note *n, int all)
{
	enum note_state st = store_note_state(n);
	if (st == NOTE_DRAFT)
		return strcmp(n->author, a->actor) == 0;
	return st == NOTE_SIGNED || all;
}

struct list_ctx {
	const struct app *a;
	int all;
	store_note_fn fn;
	void *ctx;
};

static int filter(void *ctx, const struct note *n)
{
	struct list_ctx *l = ctx;
	return shown(l->a, n, l->all) ? l->fn(l->ctx, n) : 0;
}

int app_note_list(struct app *a, int64_t episode_id, int all, store_note_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_CLINICAL, NULL, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	struct episode ep;
	rc = store_episode_get(a->db, episode_id, &ep, e);
	struct list_ctx l = {a, all, fn, ctx};
	if (!rc)
		rc = store_note_list(a->db, episode_id, filter, &l, e);
	rc = app_end_look(a, rc, "notes", episode_id, e);
	return rc;
}

int app_note_get(struct app *a, int64_t id, struct note *n, char *text, unsigned cap, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_NOTE, id, SCOPE_CLINICAL, NULL, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	rc = store_note_get(a->db, id, n, text, cap, e);
	if (!rc && !shown(a, n, 1))
		rc = dy_fail(e, DY_ENOTFOUND, "note", "note %lld does not exist", (long long)id);
	rc = app_end_look(a, rc, "note", id, e);
	return rc;
}
