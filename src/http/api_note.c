/* api_note.c: case notes through the JSON API (app/app_note.h; docs/notes.md).
 *
 *   GET  /api/v1/referrals/{id}/notes[?all=1]   the referral's notes, oldest first (all: with entered in error)
 *   POST /api/v1/referrals/{id}/notes           write a note {kind, text, contact_id?, sign?}
 *   GET  /api/v1/notes/{id}                     one note
 *   POST /api/v1/notes/{id}/edit                change your own draft {text, kind?}
 *   POST /api/v1/notes/{id}/sign                sign your draft
 *   POST /api/v1/notes/{id}/addendum            follow a signed note {text}
 *   POST /api/v1/notes/{id}/error               mark a signed note entered in error {reason}
 *
 * Who may: the app layer's rules (managers and clinicians of the team); the
 * note's words go only into the answer, never into a message or log. */
#include <stdlib.h>
#include <string.h>

#include "app/app_note.h"
#include "http/api_json.h"
#include "http/routes.h"

/* A note's JSON body may hold 20,000 characters, each escaped in six bytes (backslash, u, four hex digits). */
#define NOTE_BODY_MAX (NOTE_TEXT_CHARS * 12u + 4096u)

static const char *state_code(const struct note *n)
{
	switch (store_note_state(n)) {
	case NOTE_DRAFT: return "draft";
	case NOTE_SIGNED: return "signed";
	case NOTE_IN_ERROR: return "entered_in_error";
	}
	return "";
}

static json_t *opt_text(const char *s)
{
	return s[0] ? json_string(s) : json_null();
}

static json_t *opt_id(int64_t v)
{
	return v ? json_integer((json_int_t)v) : json_null();
}

static json_t *note_json(const struct note *n)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)n->id));
	json_object_set_new(o, "referral_id", json_integer((json_int_t)n->episode_id));
	json_object_set_new(o, "contact_id", opt_id(n->contact_id));
	json_object_set_new(o, "kind", json_string(n->kind));
	json_object_set_new(o, "state", json_string(state_code(n)));
	json_object_set_new(o, "author", json_string(n->author));
	json_object_set_new(o, "written_at", json_string(n->written_at));
	json_object_set_new(o, "signed_at", opt_text(n->signed_at));
	json_object_set_new(o, "addendum_to", opt_id(n->addendum_to));
	json_object_set_new(o, "error_reason", opt_text(n->error_reason));
	json_object_set_new(o, "error_by", opt_text(n->error_by));
	json_object_set_new(o, "error_at", opt_text(n->error_at));
	json_object_set_new(o, "text", json_string(n->text));
	return o;
}

static int add_note(void *ctx, const struct note *n)
{
	json_array_append_new(ctx, note_json(n));
	return 0;
}

static int notes_list(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (api_path_id(rq, rs, &id))
		return 0;
	const char *all = http_query(rq, "all");
	json_t *items = json_array();
	struct dy_err e;
	dy_err_clear(&e);
	if (app_note_list(rq->app, id, all && strcmp(all, "0") != 0, add_note, items, &e)) {
		json_decref(items);
		return api_fail(rs, &e);
	}
	return api_send(rs, 200, json_pack("{s:o}", "items", items));
}

/* Answers note id as it now stands, with status. */
static int send_note(struct http_req *rq, struct http_resp *rs, int64_t id, int status)
{
	struct note n;
	char *text = xmalloc(NOTE_TEXT_BYTES + 1);
	struct dy_err e;
	dy_err_clear(&e);
	int rc = app_note_get(rq->app, id, &n, text, NOTE_TEXT_BYTES + 1, &e);
	rc = rc ? api_fail(rs, &e) : api_send(rs, status, note_json(&n));
	free(text);
	return rc;
}

static int note_show(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (api_path_id(rq, rs, &id))
		return 0;
	return send_note(rq, rs, id, 200);
}

static int note_add(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	struct note n;
	memset(&n, 0, sizeof n);
	n.episode_id = id;
	int64_t sign = 0;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text_into(b, "kind", n.kind, sizeof n.kind, 1, &e);
	if (!rc)
		rc = api_get_text(b, "text", &n.text, &e);
	if (!rc)
		rc = api_get_int(b, "contact_id", 0, 1, INT64_MAX, &n.contact_id, &e);
	if (!rc)
		rc = api_get_int(b, "sign", 0, 0, 1, &sign, &e);
	if (!rc)
		rc = app_note_add(rq->app, &n, (int)sign, &e);
	json_decref(b);
	if (rc)
		return api_fail(rs, &e);
	return send_note(rq, rs, n.id, 201);
}

static int note_edit(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	const char *kind = NULL, *text = NULL;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text(b, "kind", &kind, &e);
	if (!rc)
		rc = api_get_text(b, "text", &text, &e);
	if (!rc)
		rc = app_note_edit(rq->app, id, kind, text, &e);
	json_decref(b);
	return rc ? api_fail(rs, &e) : send_note(rq, rs, id, 200);
}

static int note_sign(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (api_path_id(rq, rs, &id))
		return 0;
	struct dy_err e;
	dy_err_clear(&e);
	return app_note_sign(rq->app, id, &e) ? api_fail(rs, &e) : send_note(rq, rs, id, 200);
}

static int note_addendum(struct http_req *rq, struct http_resp *rs)
{
	int64_t id, add = 0;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	const char *text = NULL;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text(b, "text", &text, &e);
	if (!rc)
		rc = app_note_addendum(rq->app, id, text, &add, &e);
	json_decref(b);
	return rc ? api_fail(rs, &e) : send_note(rq, rs, add, 201);
}

static int note_error(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	const char *reason = NULL;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text(b, "reason", &reason, &e);
	if (!rc)
		rc = app_note_error(rq->app, id, reason, &e);
	json_decref(b);
	return rc ? api_fail(rs, &e) : send_note(rq, rs, id, 200);
}

const struct http_route api_note_routes[] = {
	{HTTP_GET, "/api/v1/referrals/{id}/notes", notes_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/notes", note_add, USER_ANY, NOTE_BODY_MAX, HTTP_JSON},
	{HTTP_GET, "/api/v1/notes/{id}", note_show, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/notes/{id}/edit", note_edit, USER_ANY, NOTE_BODY_MAX, HTTP_JSON},
	{HTTP_POST, "/api/v1/notes/{id}/sign", note_sign, USER_ANY, 1024, HTTP_JSON},
	{HTTP_POST, "/api/v1/notes/{id}/addendum", note_addendum, USER_ANY, NOTE_BODY_MAX, HTTP_JSON},
	{HTTP_POST, "/api/v1/notes/{id}/error", note_error, USER_ANY, 8192, HTTP_JSON},
	{0}};
