/* api_family.c: /api/v1/families and the people in them.
 *
 *   GET  /api/v1/families?open=1&limit=&after=&order=   the team's families, a page at a time
 *   POST /api/v1/families                         a new, empty family
 *   GET  /api/v1/families/{id}                    people, safeguarding, referrals, risk flags
 *   POST /api/v1/families/{id}/people             add a caregiver or an infant
 *
 * Who may see or change what is decided in app/ (app_scope); a family of
 * another team answers 404 as one that does not exist. */
#include <string.h>

#include "app/app_family.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"

struct page {
	json_t *items;
	int64_t last; /* the last family id on the page */
};

static int add_summary(void *ctx, const struct family_summary *s)
{
	struct page *p = ctx;
	json_array_append_new(p->items, api_summary(s));
	p->last = s->family_id;
	return 0;
}

static int families_list(struct http_req *rq, struct http_resp *rs)
{
	struct list_page pg;
	if (api_keyset(rq, rs, &pg))
		return 0;
	const char *open = http_query(rq, "open");
	struct page p = {.items = json_array()};
	struct dy_err e;
	dy_err_clear(&e);
	int more;
	int rc = app_family_list(rq->app, open && strcmp(open, "1") == 0, &pg, add_summary, &p, &more, &e);
	if (rc) {
		json_decref(p.items);
		return api_fail(rs, &e);
	}
	return api_send(rs, 200, api_keyset_wrap(p.items, &pg, p.last, more));
}

static int family_add(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	struct dy_err e;
	dy_err_clear(&e);
	if (app_family_add(rq->app, &id, &e))
		return api_fail(rs, &e);
	return api_send(rs, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

static int family_show(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (api_path_id(rq, rs, &id))
		return 0;
	struct family_view v;
	struct dy_err e;
	dy_err_clear(&e);
	if (app_family_view(rq->app, id, &v, &e))
		return api_fail(rs, &e);
	json_t *people = json_array(), *safeguarding = json_array(), *refs = json_array(), *risks = json_array();
	for (int i = 0; i < v.npeople; i++) {
		json_array_append_new(people, api_person(&v.people[i]));
		if (v.current && v.current[i].status[0])
			json_array_append_new(safeguarding, api_safeguarding(&v.current[i]));
	}
	for (int i = 0; i < v.nepisodes; i++)
		json_array_append_new(refs, api_episode(&v.episodes[i]));
	for (int i = 0; i < v.nrisks; i++)
		json_array_append_new(risks, api_risk(&v.risks[i]));
	json_t *o = json_pack("{s:I,s:o,s:o,s:o,s:o,s:o}", "id", (json_int_t)v.family.id, "created_on",
	                      api_date(v.family.created_on), "people", people, "safeguarding", safeguarding,
	                      "referrals", refs, "risk_flags", risks);
	app_family_view_free(&v);
	return api_send(rs, 200, o);
}

/* Copies text member name into out (size n); absent leaves "". */

static int person_add(struct http_req *rq, struct http_resp *rs)
{
	int64_t fid;
	if (api_path_id(rq, rs, &fid))
		return 0;
	json_t *b;
	if (api_body(rq, rs, &b))
		return 0;
	struct person p;
	memset(&p, 0, sizeof p);
	p.family_id = fid;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t gest = 0, imd = 0;
	int rc = api_get_text_into(b, "role", p.role, sizeof p.role, 0, &e);
	if (!rc)
		rc = api_get_text_into(b, "relationship", p.relationship, sizeof p.relationship, 0, &e);
	if (!rc)
		rc = api_get_text_into(b, "given_name", p.given_name, sizeof p.given_name, 0, &e);
	if (!rc)
		rc = api_get_text_into(b, "family_name", p.family_name, sizeof p.family_name, 0, &e);
	if (!rc)
		rc = api_get_text_into(b, "nhs_number", p.nhs_number, sizeof p.nhs_number, 0, &e);
	if (!rc)
		rc = api_get_text_into(b, "sex", p.sex, sizeof p.sex, 0, &e);
	if (!rc)
		rc = api_get_text_into(b, "ethnicity", p.ethnicity, sizeof p.ethnicity, 0, &e);
	if (!rc)
		rc = api_get_text_into(b, "postcode", p.postcode, sizeof p.postcode, 0, &e);
	if (!rc)
		rc = api_get_date(b, "date_of_birth", &p.date_of_birth, &e);
	if (!rc)
		rc = api_get_date(b, "edd", &p.edd, &e);
	if (!rc)
		rc = api_get_int(b, "gestation_weeks", 0, 0, 44, &gest, &e);
	if (!rc)
		rc = api_get_int(b, "imd_decile", 0, 0, 10, &imd, &e);
	json_decref(b);
	if (!rc) {
		p.gestation_weeks = (int)gest;
		p.imd_decile = (int)imd;
		rc = app_person_add(rq->app, &p, &e);
	}
	if (rc)
		return api_fail(rs, &e);
	return api_send(rs, 201, api_person(&p));
}

const struct http_route api_family_routes[] = {
	{HTTP_GET, "/api/v1/families", families_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/families", family_add, USER_ANY, 1024, HTTP_JSON},
	{HTTP_GET, "/api/v1/families/{id}", family_show, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/families/{id}/people", person_add, USER_ANY, 8192, HTTP_JSON},
	{0}};
