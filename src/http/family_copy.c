/* family_copy.c: a family's own copy of its record on the web
 * (docs/subject-access.md; app/app_family_copy.h):
 *
 *   GET /families/{id}/copy          the HTML document, as a download
 *   GET /api/v1/families/{id}/copy   the same data as JSON
 *
 * Manager and clinician only (the roles that see notes); each copy is
 * audited as family.copy. */
#include <stdio.h>

#include "app/app_family_copy.h"
#include "http/family_copy.h"

#include "app/app_scope.h"
#include "http/api_json.h"
#include "http/routes.h"

#define CLINICAL (USER_MANAGER | USER_CLINICIAN | USER_OPERATOR)

/* The copy of family {id} as html or JSON into rs: 0, or the app's error. */
static int send_copy(struct http_req *rq, struct http_resp *rs, int64_t id, int html, struct dy_err *e)
{
	struct buf b;
	buf_init(&b, HTTP_RESP_MAX);
	int rc = app_family_copy_get(rq->app, id, html, &b, e);
	if (!rc) {
		char disp[80];
		snprintf(disp, sizeof disp, "attachment; filename=\"family-%lld.%s\"", (long long)id, html ? "html" : "json");
		http_type(rs, html ? HTTP_HTML : HTTP_JSON_TYPE);
		rc = http_header(rs, "Content-Disposition", disp) || http_write(rs, b.data, b.len) ? DY_EINTERNAL : 0;
	}
	buf_free(&b);
	return rc;
}

static int copy_page(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return http_not_found(rs);
	struct dy_err e;
	dy_err_clear(&e);
	return send_copy(rq, rs, id, 1, &e);
}

static int copy_api(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (api_path_id(rq, rs, &id))
		return 0;
	struct dy_err e;
	dy_err_clear(&e);
	return send_copy(rq, rs, id, 0, &e) ? api_fail(rs, &e) : 0;
}

int page_family_copy_link(struct buf *b, struct app *a, int64_t family_id, struct dy_err *e)
{
	struct dy_err ignore;
	if (app_scope_family(a, family_id, SCOPE_CLINICAL, &ignore))
		return 0; /* a role that may not see notes: no way to the copy */
	if (buf_printf(b,
	               "<h2>A copy for the family</h2><p>Everything the team holds about this family, for a subject "
	               "access request: people, referrals, contacts, appointments, measures, goals, care plans, notes, "
	               "letters and corrections, with nothing of any other family. Making it is recorded.</p>"
	               "<p><a class=\"nhsuk-link\" href=\"/families/%lld/copy\" download>Download the family's copy "
	               "(HTML)</a></p>",
	               (long long)family_id))
		return dy_fail(e, DY_EINVAL, "page", "is too large");
	return 0;
}

const struct http_route api_family_copy_routes[] = {
	{HTTP_GET, "/api/v1/families/{id}/copy", copy_api, USER_ANY, 0, HTTP_JSON},
	{0}};

const struct http_route page_family_copy_routes[] = {
	{HTTP_GET, "/families/{id}/copy", copy_page, CLINICAL, 0, 0},
	{0}};
