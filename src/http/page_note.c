/* page_note.c: a referral's case notes on the web (app/app_note.h;
 * docs/notes.md): the notes, oldest first, each with its author, time and
 * state; write a note (a draft, or signed at once); sign your draft; follow
 * a signed note with an addendum; mark one entered in error with a reason.
 * Only clinical roles reach these pages (the app layer refuses the rest);
 * the family's callouts stay at the top. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_note.h"
#include "http/page.h"
#include "http/page_family.h"
#include "http/routes.h"
#include "util/str.h"

#define CLINICAL (USER_MANAGER | USER_CLINICIAN | USER_OPERATOR)
/* A form carrying a note: 20,000 characters, each at most 12 bytes once
 * percent-encoded as UTF-8. */
#define NOTE_FORM_MAX (NOTE_TEXT_CHARS * 12u + 4096u)

static const char *const note_kind_codes[] = {"contact", "assessment_formulation", "safeguarding", "supervision",
                                              "telephone", "other", NULL};

struct notes_ctx {
	struct buf *b;
	const struct http_req *rq;
	struct dy_err *e;
	int n, rc;
};

static int note_item(void *ctx, const struct note *n)
{
	struct notes_ctx *c = ctx;
	if (c->rc)
		return 0;
	char kind[48], when[24], id[24], sign[64], add[64], err[64], of[64] = "";
	page_code(n->kind, 1, kind, sizeof kind);
	/* "2026-11-22T10:15:00Z" shown "2026-11-22 10:15 UTC". */
	snprintf(when, sizeof when, "%.10s %.5s UTC", n->written_at, n->written_at + 11);
	snprintf(id, sizeof id, "%lld", (long long)n->id);
	snprintf(sign, sizeof sign, "/notes/%lld/sign", (long long)n->id);
	snprintf(add, sizeof add, "/notes/%lld/addendum", (long long)n->id);
	snprintf(err, sizeof err, "/notes/%lld/error", (long long)n->id);
	if (n->addendum_to)
		snprintf(of, sizeof of, "Addendum to note %lld", (long long)n->addendum_to);
	enum note_state st = store_note_state(n);
	c->rc = TMPL(c->b, c->e,
	             "<div class=\"nhsuk-card\" id=\"note-{{id}}\"><div class=\"nhsuk-card__content\">"
	             "<h3 class=\"nhsuk-card__heading\">{{kind}} note {{id}}"
	             "{{#draft}} <strong class=\"nhsuk-tag nhsuk-tag--yellow\">Draft</strong>{{/draft}}"
	             "{{#inerror}} <strong class=\"nhsuk-tag nhsuk-tag--grey\">Entered in error</strong>{{/inerror}}</h3>"
	             "<p class=\"nhsuk-body-s\">Written by {{author}}, {{when}}{{#of}}. {{of}}{{/of}}</p>"
	             "<p class=\"dyad-note-text\">{{text}}</p>"
	             "{{#inerror}}<p class=\"nhsuk-body-s\">Marked entered in error by {{by}}: {{reason}}</p>{{/inerror}}"
	             "{{#draft}}<form method=\"post\" action=\"{{sign}}\" novalidate>"
	             "<input type=\"hidden\" name=\"csrf\" value=\"{{c}}\"><button class=\"nhsuk-button "
	             "nhsuk-u-margin-bottom-0\" type=\"submit\">Sign<span class=\"nhsuk-u-visually-hidden\"> note {{id}}"
	             "</span></button></form>{{/draft}}"
	             "{{#signed}}<p class=\"nhsuk-u-margin-bottom-0\"><a href=\"{{add}}\">Add an addendum<span "
	             "class=\"nhsuk-u-visually-hidden\"> to note {{id}}</span></a> | <a href=\"{{err}}\">Mark entered in "
	             "error<span class=\"nhsuk-u-visually-hidden\"> (note {{id}})</span></a></p>{{/signed}}"
	             "</div></div>",
	             TMPL_S("id", id), TMPL_S("kind", kind), TMPL_S("draft", st == NOTE_DRAFT ? "1" : ""),
	             TMPL_S("inerror", st == NOTE_IN_ERROR ? "1" : ""), TMPL_S("signed", st == NOTE_SIGNED ? "1" : ""),
	             TMPL_S("author", n->author), TMPL_S("when", when), TMPL_S("of", of), TMPL_S("text", n->text),
	             TMPL_S("by", n->error_by), TMPL_S("reason", n->error_reason), TMPL_S("sign", sign),
	             TMPL_S("add", add), TMPL_S("err", err), TMPL_S("c", c->rq->csrf));
	c->n++;
	return 0;
}

static int notes_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	struct buf b;
	struct dy_err e;
	char back[48];
	int rc = page_episode_caption(&b, rq, id, 0, back, &e);
	if (rc)
		return rc;
	const char *all = http_query(rq, "all");
	int show_all = all && strcmp(all, "1") == 0;
	struct buf list;
	buf_init(&list, PAGE_BODY_MAX);
	struct notes_ctx c = {&list, rq, &e, 0, 0};
	rc = app_note_list(rq->app, id, show_all, note_item, &c, &e);
	if (rc) {
		buf_free(&list);
		buf_free(&b);
		return rc;
	}
	rc = c.rc;
	char action[64], toggle[64];
	snprintf(action, sizeof action, "/referrals/%lld/notes", (long long)id);
	snprintf(toggle, sizeof toggle, "/referrals/%lld/notes%s", (long long)id, show_all ? "" : "?all=1");
	struct form_option kinds[8];
	char labels[8][48];
	int nk = page_code_options(note_kind_codes, kinds, labels, 8);
	struct form_option sign[] = {{"1", "Sign it now", "A signed note can never be changed, only followed by an addendum"}};
	int signed_now = strcmp(page_field(rq, "sign"), "1") == 0;
	rc = rc ? rc : buf_puts(&b, "<h1>Case notes</h1>");
	rc = rc ? rc : form_error_summary(&b, fe, &e);
	rc = rc ? rc : TMPL(&b, &e,
	                    "{{#l}}{{{l}}}{{/l}}{{^l}}<p>No notes{{#all}} at all{{/all}} on this referral yet.</p>{{/l}}"
	                    "<p><a href=\"{{t}}\">{{#all}}Hide notes entered in error{{/all}}{{^all}}Show notes entered "
	                    "in error too{{/all}}</a></p><h2>Write a note</h2>",
	                    TMPL_HTML("l", &list), TMPL_S("all", show_all ? "1" : ""), TMPL_S("t", toggle));
	rc = rc ? rc : page_form_open(&b, rq, action, &e);
	rc = rc ? rc : form_radios(&b, fe, "kind", "Kind of note", NULL, kinds, nk, page_field(rq, "kind"), 0, NULL, &e);
	rc = rc ? rc : form_textarea(&b, fe, "text", "Note", "Up to 20,000 characters", page_field(rq, "text"),
	                             NOTE_TEXT_CHARS, &e);
	rc = rc ? rc : form_checkboxes(&b, fe, "sign", "Signing", NULL, sign, 1, &signed_now, &e);
	rc = rc ? rc : buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\">Save note</button></form>");
	buf_free(&list);
	return page_form_send(rq, rs, rc, "Case notes", back, "Back to the family", fe, &b);
}

static int notes_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, notes_page); }

static int notes_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct form_errors fe = {0};
	struct note n;
	memset(&n, 0, sizeof n);
	n.episode_id = id;
	str_copy(n.kind, sizeof n.kind, page_field(rq, "kind"));
	n.text = page_field(rq, "text");
	struct dy_err e;
	int rc = app_note_add(rq->app, &n, strcmp(page_field(rq, "sign"), "1") == 0, &e);
	if (rc == DY_EINVAL) {
		form_error(&fe, strcmp(e.field, "kind") == 0 ? "kind" : "text",
		           strcmp(e.field, "kind") == 0 ? "Select the kind of note" : e.msg);
		return notes_page(rq, rs, id, &fe);
	}
	if (rc)
		return rc;
	char href[80];
	snprintf(href, sizeof href, "/referrals/%lld/notes#note-%lld", (long long)id, (long long)n.id);
	return http_redirect(rs, href);
}

/* The referral of note id (an error for a note the user may not see). */
static int note_referral(struct http_req *rq, int64_t id, int64_t *episode, struct dy_err *e)
{
	struct note n;
	char *text = xmalloc(NOTE_TEXT_BYTES + 1);
	int rc = app_note_get(rq->app, id, &n, text, NOTE_TEXT_BYTES + 1, e);
	*episode = n.episode_id;
	free(text);
	return rc;
}

static int back_to_notes(struct http_req *rq, struct http_resp *rs, int64_t note_id)
{
	int64_t ep;
	struct dy_err e;
	int rc = note_referral(rq, note_id, &ep, &e);
	if (rc)
		return rc;
	char href[80];
	snprintf(href, sizeof href, "/referrals/%lld/notes#note-%lld", (long long)ep, (long long)note_id);
	return http_redirect(rs, href);
}

static int sign_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct dy_err e;
	int rc = app_note_sign(rq->app, id, &e);
	return rc ? rc : back_to_notes(rq, rs, id);
}

/* The addendum and entered-in-error forms: one text field each. */
static int one_field_page(struct http_req *rq, struct http_resp *rs, int64_t id, int addendum,
                          const struct form_errors *fe)
{
	int64_t ep;
	struct dy_err e;
	int rc = note_referral(rq, id, &ep, &e);
	if (rc)
		return rc;
	struct buf b;
	char back[48];
	if ((rc = page_episode_caption(&b, rq, ep, 0, back, &e)))
		return rc;
	char action[64], title[64], notes[64];
	snprintf(action, sizeof action, "/notes/%lld/%s", (long long)id, addendum ? "addendum" : "error");
	snprintf(title, sizeof title, addendum ? "Addendum to note %lld" : "Mark note %lld entered in error",
	         (long long)id);
	snprintf(notes, sizeof notes, "/referrals/%lld/notes", (long long)ep);
	rc = TMPL(&b, &e, "<h1>{{t}}</h1>", TMPL_S("t", title));
	rc = rc ? rc : form_error_summary(&b, fe, &e);
	rc = rc ? rc : page_form_open(&b, rq, action, &e);
	if (addendum)
		rc = rc ? rc : form_textarea(&b, fe, "text", "Addendum", "It is signed as you save it; the note itself is "
		                             "unchanged", page_field(rq, "text"), NOTE_TEXT_CHARS, &e);
	else
		rc = rc ? rc : form_textarea(&b, fe, "reason", "Why was it entered in error?", "The note is kept and "
		                             "hidden from the notes unless asked for", page_field(rq, "reason"),
		                             NOTE_REASON_MAX, &e);
	rc = rc ? rc : TMPL(&b, &e, "<button class=\"nhsuk-button\" type=\"submit\">{{w}}</button></form>",
	                    TMPL_S("w", addendum ? "Save addendum" : "Mark entered in error"));
	return page_form_send(rq, rs, rc, title, notes, "Back to the notes", fe, &b);
}

static int addendum_get(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	return one_field_page(rq, rs, id, 1, NULL);
}

static int error_get(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	return one_field_page(rq, rs, id, 0, NULL);
}

static int addendum_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id, add = 0;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct dy_err e;
	int rc = app_note_addendum(rq->app, id, page_field(rq, "text"), &add, &e);
	if (rc == DY_EINVAL) {
		struct form_errors fe = {0};
		form_error(&fe, "text", e.msg);
		return one_field_page(rq, rs, id, 1, &fe);
	}
	return rc ? rc : back_to_notes(rq, rs, add);
}

static int error_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct dy_err e;
	int rc = app_note_error(rq->app, id, page_field_trim(rq, "reason"), &e);
	if (rc == DY_EINVAL) {
		struct form_errors fe = {0};
		form_error(&fe, "reason", "Say why the note was entered in error (one line, up to 500 characters)");
		return one_field_page(rq, rs, id, 0, &fe);
	}
	return rc ? rc : back_to_notes(rq, rs, id);
}

const struct http_route page_note_routes[] = {
	{HTTP_GET, "/referrals/{id}/notes", notes_get, CLINICAL, 0, 0},
	{HTTP_POST, "/referrals/{id}/notes", notes_post, CLINICAL, NOTE_FORM_MAX, HTTP_FORM},
	{HTTP_POST, "/notes/{id}/sign", sign_post, CLINICAL, 0, HTTP_FORM},
	{HTTP_GET, "/notes/{id}/addendum", addendum_get, CLINICAL, 0, 0},
	{HTTP_POST, "/notes/{id}/addendum", addendum_post, CLINICAL, NOTE_FORM_MAX, HTTP_FORM},
	{HTTP_GET, "/notes/{id}/error", error_get, CLINICAL, 0, 0},
	{HTTP_POST, "/notes/{id}/error", error_post, CLINICAL, 0, HTTP_FORM},
	{0}};
