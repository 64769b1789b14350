/* page_correction_family.c: the history of every correction of a family's
 * records on the web (GET /families/{id}/history; docs/corrections.md):
 * which record, the field, the earlier and new value, who, when and why,
 * each with a form to undo it (POST /corrections/{id}/revert,
 * page_correction.c). Booking staff reach it; the app layer checks the
 * family. */
#include "http/page_correction.h"

#include <stdio.h>

#include "app/app_correction.h"
#include "http/page_html.h"
#include "http/routes.h"

#define BOOKING (USER_MANAGER | USER_CLINICIAN | USER_ADMIN_STAFF | USER_OPERATOR)

struct fam_hist {
	struct buf *b;
	const struct http_req *rq;
	struct dy_err *e;
	int rc;
};

static int row(void *ctx, const struct correction *c)
{
	struct fam_hist *h = ctx;
	if (h->rc)
		return 0;
	char when[24], id[24], undo[64], field[48], record[48], kind[32], rv[48] = "";
	snprintf(when, sizeof when, "%.10s %.5s UTC", c->corrected_at, c->corrected_at + 11);
	snprintf(id, sizeof id, "%lld", (long long)c->id);
	snprintf(undo, sizeof undo, "/corrections/%lld/revert", (long long)c->id);
	page_code(c->field, 1, field, sizeof field);
	page_code(c->entity, 1, kind, sizeof kind);
	snprintf(record, sizeof record, "%s %lld", kind, (long long)c->entity_id);
	if (c->reverts)
		snprintf(rv, sizeof rv, " (undoes correction %lld)", (long long)c->reverts);
	struct buf form;
	buf_init(&form, 8192);
	h->rc = page_form_open(&form, h->rq, undo, h->e);
	h->rc = h->rc ? h->rc : form_input(&form, NULL, "reason", "Why undo it?", NULL, "", NULL, "text", "off", h->e);
	h->rc = h->rc ? h->rc : TMPL(&form, h->e, "<button class=\"nhsuk-button nhsuk-button--secondary nhsuk-u-margin-"
	                             "bottom-0\" type=\"submit\">Undo<span class=\"nhsuk-u-visually-hidden\"> correction "
	                             "{{id}}</span></button></form>", TMPL_S("id", id));
	h->rc = h->rc ? h->rc : TMPL(h->b, h->e,
	                             "<tr class=\"nhsuk-table__row\" id=\"correction-{{id}}\"><td class=\"nhsuk-table__cell "
	                             "dyad-nowrap\">{{w}}</td><td class=\"nhsuk-table__cell\">{{rec}}</td><td class=\"nhsuk-"
	                             "table__cell\">{{f}}</td><td class=\"nhsuk-table__cell\">{{o}}</td><td class=\"nhsuk-"
	                             "table__cell\">{{nv}}</td><td class=\"nhsuk-table__cell\">{{by}}: {{r}}{{rv}}</td>"
	                             "<td class=\"nhsuk-table__cell\">{{{form}}}</td></tr>",
	                             TMPL_S("id", id), TMPL_S("w", when), TMPL_S("rec", record), TMPL_S("f", field),
	                             TMPL_S("o", c->old_value), TMPL_S("nv", c->new_value), TMPL_S("by", c->corrected_by),
	                             TMPL_S("r", c->reason), TMPL_S("rv", rv), TMPL_HTML("form", &form));
	buf_free(&form);
	return 0;
}

int page_family_history(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct buf rows, b;
	buf_init(&rows, PAGE_BODY_MAX);
	page_body(&b);
	struct fam_hist h = {&rows, rq, &e, 0};
	int rc = app_history(rq->app, 0, id, row, &h, &e);
	rc = rc ? rc : h.rc;
	char back[48], fid[24];
	snprintf(back, sizeof back, "/families/%lld", (long long)id);
	snprintf(fid, sizeof fid, "%lld", (long long)id);
	rc = rc ? rc : TMPL(&b, &e, "<h1>History of family {{f}}'s records</h1>", TMPL_S("f", fid));
	rc = rc ? rc : form_error_summary(&b, fe, &e);
	rc = rc ? rc : TMPL(&b, &e,
	                    "{{#r}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">Corrections and "
	                    "records entered in error, oldest first</caption><thead class=\"nhsuk-table__head\"><tr "
	                    "class=\"nhsuk-table__row\"><th class=\"nhsuk-table__header\" scope=\"col\">When</th><th "
	                    "class=\"nhsuk-table__header\" scope=\"col\">Record</th><th class=\"nhsuk-table__header\" "
	                    "scope=\"col\">Field</th><th class=\"nhsuk-table__header\" scope=\"col\">Was</th><th "
	                    "class=\"nhsuk-table__header\" scope=\"col\">Now</th><th class=\"nhsuk-table__header\" "
	                    "scope=\"col\">Who and why</th><th class=\"nhsuk-table__header\" scope=\"col\">Undo</th></tr>"
	                    "</thead><tbody class=\"nhsuk-table__body\">{{{r}}}</tbody></table>{{/r}}{{^r}}<p>No "
	                    "corrections: the family's records are as entered.</p>{{/r}}",
	                    TMPL_HTML("r", &rows));
	buf_free(&rows);
	return page_form_send(rq, rs, rc, "History", back, "Back to the family", fe, &b);
}

static int history_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, page_family_history); }

const struct http_route page_correction_family_routes[] = {
	{HTTP_GET, "/families/{id}/history", history_get, BOOKING, 0, 0},
	{0}};
