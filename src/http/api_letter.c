/* api_letter.c: letters and family feedback (docs/letters.md, docs/reports.md).
 *
 *   GET  /api/v1/referrals/{id}/letters   the referral's letters (no HTML)
 *   POST /api/v1/referrals/{id}/letters   make a letter: {"kind": ..., "to": ...}
 *   GET  /api/v1/letters/{id}             the letter itself: one HTML document (a download)
 *   POST /api/v1/referrals/{id}/feedback  the family's answers: {"answers": "yes;partly;;yes", "date": ...} */
#include <stdio.h>
#include <string.h>

#include "app/app_feedback.h"
#include "app/app_letter.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "util/date.h"

static json_t *letter_json(const struct letter *l)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(l->id));
	json_object_set_new(o, "referral_id", json_integer(l->episode_id));
	json_object_set_new(o, "kind", json_string(l->kind));
	json_object_set_new(o, "to", json_string(l->recipient));
	json_object_set_new(o, "produced_at", json_string(l->produced_at));
	json_object_set_new(o, "produced_by", json_string(l->produced_by));
	return o;
}

static int add_letter(void *ctx, const struct letter *l)
{
	json_array_append_new(ctx, letter_json(l));
	return 0;
}

static int letters_of(struct app *a, int64_t id, json_t *items, struct dy_err *e)
{
	return app_letter_list(a, id, add_letter, items, e);
}

static int letter_list(struct http_req *rq, struct http_resp *rs) { return api_list_of(rq, rs, letters_of); }

static int letter_make(struct http_req *rq, struct http_resp *rs)
{
	int64_t id, letter_id = 0;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	char kind[24] = "", to[24] = "";
	struct dy_err e;
	dy_err_clear(&e);
	enum letter_kind k;
	enum letter_to t = LETTER_TO_REFERRER;
	int rc = api_get_text_into(b, "kind", kind, sizeof kind, 1, &e);
	if (!rc)
		rc = api_get_text_into(b, "to", to, sizeof to, 0, &e);
	json_decref(b);
	if (!rc)
		rc = letter_kind_parse(kind, "kind", &k, &e);
	if (!rc && to[0])
		rc = letter_to_parse(to, "to", &t, &e);
	if (!rc)
		rc = app_letter_make(rq->app, id, k, t, NULL, &letter_id, &e);
	if (rc)
		return api_fail(rs, &e);
	return api_send(rs, 201, json_pack("{s:I,s:I,s:s,s:s}", "id", (json_int_t)letter_id, "referral_id",
	                                   (json_int_t)id, "kind", letter_kind_code(k), "to", letter_to_code(t)));
}

static int send_html(void *ctx, const struct letter *l)
{
	struct http_resp *rs = ctx;
	char disp[80];
	snprintf(disp, sizeof disp, "attachment; filename=\"letter-%lld.html\"", (long long)l->id);
	http_type(rs, HTTP_HTML);
	if (http_header(rs, "Content-Disposition", disp))
		return DY_EINTERNAL;
	return http_puts(rs, l->html);
}

static int letter_get(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (api_path_id(rq, rs, &id))
		return 0;
	struct dy_err e;
	dy_err_clear(&e);
	if (app_letter_get(rq->app, id, send_html, rs, &e))
		return api_fail(rs, &e);
	return 0;
}

static int feedback_add(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	char answers[FEEDBACK_ANSWERS_MAX] = "";
	int32_t on = DATE_NONE;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text_into(b, "answers", answers, sizeof answers, 1, &e);
	if (!rc)
		rc = api_get_date(b, "date", &on, &e);
	json_decref(b);
	if (!rc)
		rc = app_feedback_add(rq->app, id, answers, on, NULL, &e);
	if (rc)
		return api_fail(rs, &e);
	return api_send(rs, 201, json_pack("{s:I,s:s}", "referral_id", (json_int_t)id, "answers", answers));
}

const struct http_route api_letter_routes[] = {
	{HTTP_GET, "/api/v1/referrals/{id}/letters", letter_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/letters", letter_make, USER_ANY, 2048, HTTP_JSON},
	{HTTP_GET, "/api/v1/letters/{id}", letter_get, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/feedback", feedback_add, USER_ANY, 4096, HTTP_JSON},
	{0}};
