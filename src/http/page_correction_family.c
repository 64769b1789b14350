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
	if (!h->rc)
		h->rc = page_correction_row(h->b, h->rq, c, 1, h->e);
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
