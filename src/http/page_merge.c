/* page_merge.c: likely duplicates and family merge on the web
 * (app/app_merge.h; docs/merge.md). /duplicates lists the pairs of people
 * of two families who are likely one person, and why, each with a link to
 * merge one family into the other; the merge page says what will happen
 * and asks for the reason before anything moves (the confirm step). Managers
 * and clinicians reach these pages; the app layer checks every record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_merge.h"
#include "http/page.h"
#include "http/page_merge.h"
#include "http/routes.h"
#include "util/date.h"

#define CLINICAL (USER_MANAGER | USER_CLINICIAN | USER_OPERATOR)

static const char *reason_words(enum duplicate_reason r)
{
	switch (r) {
	case DUPLICATE_NHS_NUMBER: return "Same NHS number";
	case DUPLICATE_NAME_DOB: return "Same name and date of birth";
	case DUPLICATE_SIMILAR_NAME: return "Similar name, same postcode and date of birth";
	case DUPLICATE_NONE: break;
	}
	return "";
}

struct dup_ctx {
	struct buf *b;
	struct dy_err *e;
	int rc;
};

/* One side of a pair: the person and a link to their family. */
static int side(struct buf *b, const struct merge_person *m, struct dy_err *e)
{
	char fam[24], href[48];
	snprintf(fam, sizeof fam, "%lld", (long long)m->p.family_id);
	snprintf(href, sizeof href, "/families/%lld", (long long)m->p.family_id);
	return TMPL(b, e, "<td class=\"nhsuk-table__cell\">{{g}} {{f}}{{#pc}}, {{pc}}{{/pc}}<br><a href=\"{{h}}\">Family "
	            "{{id}}</a></td>",
	            TMPL_S("g", m->p.given_name), TMPL_S("f", m->p.family_name), TMPL_S("pc", m->p.postcode),
	            TMPL_S("h", href), TMPL_S("id", fam));
}

static int dup_row(void *ctx, const struct duplicate_pair *d)
{
	struct dup_ctx *c = ctx;
	if (c->rc)
		return 0;
	char dob[DATE_LEN], ab[64], ba[64], fa[24], fb[24];
	date_format(d->a.p.date_of_birth, dob);
	snprintf(ab, sizeof ab, "/families/%lld/merge?with=%lld", (long long)d->a.p.family_id, (long long)d->b.p.family_id);
	snprintf(ba, sizeof ba, "/families/%lld/merge?with=%lld", (long long)d->b.p.family_id, (long long)d->a.p.family_id);
	snprintf(fa, sizeof fa, "%lld", (long long)d->a.p.family_id);
	snprintf(fb, sizeof fb, "%lld", (long long)d->b.p.family_id);
	c->rc = TMPL(c->b, c->e, "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\">{{r}}</td><td class=\""
	             "nhsuk-table__cell\">{{role}}</td><td class=\"nhsuk-table__cell dyad-nowrap\">{{dob}}</td>",
	             TMPL_S("r", reason_words(d->reason)), TMPL_S("role", d->a.p.role), TMPL_S("dob", dob));
	c->rc = c->rc ? c->rc : side(c->b, &d->a, c->e);
	c->rc = c->rc ? c->rc : side(c->b, &d->b, c->e);
	c->rc = c->rc ? c->rc
	              : TMPL(c->b, c->e, "<td class=\"nhsuk-table__cell\"><a href=\"{{ab}}\">Keep family {{fa}}</a><br>"
	                     "<a href=\"{{ba}}\">Keep family {{fb}}</a></td></tr>",
	                     TMPL_S("ab", ab), TMPL_S("fa", fa), TMPL_S("ba", ba), TMPL_S("fb", fb));
	return 0;
}

static int duplicates_page(struct http_req *rq, struct http_resp *rs)
{
	struct buf rows, b;
	struct dy_err e;
	dy_err_clear(&e);
	buf_init(&rows, PAGE_BODY_MAX);
	page_body(&b);
	struct dup_ctx c = {&rows, &e, 0};
	int rc = app_duplicates(rq->app, dup_row, &c, &e);
	rc = rc ? rc : c.rc;
	rc = rc ? rc : TMPL(&b, &e,
	                    "<h1>Likely duplicates</h1><p>People of two families of the team who are likely one person "
	                    "recorded twice. Check both records before merging: a merge moves everything of one family into "
	                    "the other and cannot be undone here.</p>{{#r}}<table class=\"nhsuk-table\"><caption class=\""
	                    "nhsuk-table__caption\">Pairs, by date of birth</caption><thead class=\"nhsuk-table__head\"><tr "
	                    "class=\"nhsuk-table__row\"><th class=\"nhsuk-table__header\" scope=\"col\">Why</th><th class=\""
	                    "nhsuk-table__header\" scope=\"col\">Role</th><th class=\"nhsuk-table__header\" scope=\"col\">"
	                    "Date of birth</th><th class=\"nhsuk-table__header\" scope=\"col\">Person</th><th class=\"nhsuk-"
	                    "table__header\" scope=\"col\">Other person</th><th class=\"nhsuk-table__header\" scope=\"col\">"
	                    "Merge</th></tr></thead><tbody class=\"nhsuk-table__body\">{{{r}}}</tbody></table>{{/r}}{{^r}}"
	                    "<p>No likely duplicates.</p>{{/r}}",
	                    TMPL_HTML("r", &rows));
	buf_free(&rows);
	return page_form_send(rq, rs, rc, "Likely duplicates", "/", "Home", NULL, &b);
}

static int merge_page(struct http_req *rq, struct http_resp *rs, int64_t keep, const struct form_errors *fe)
{
	const char *with = http_form(rq, "merge");
	if (!with)
		with = http_query(rq, "with");
	char *end;
	long long other = with ? strtoll(with, &end, 10) : 0;
	if (!with || !*with || *end || other < 1)
		return DY_ENOTFOUND;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t into = 0;
	int rc = app_family_merged_into(rq->app, keep, &into, &e);
	rc = rc ? rc : app_family_merged_into(rq->app, other, &into, &e);
	if (rc)
		return rc;
	char action[48], k[24], o[24], hk[48], ho[48];
	snprintf(action, sizeof action, "/families/%lld/merge", (long long)keep);
	snprintf(k, sizeof k, "%lld", (long long)keep);
	snprintf(o, sizeof o, "%lld", other);
	snprintf(hk, sizeof hk, "/families/%lld", (long long)keep);
	snprintf(ho, sizeof ho, "/families/%lld", other);
	struct buf b;
	page_body(&b);
	rc = TMPL(&b, &e,
	          "<h1>Merge family {{o}} into family {{k}}</h1><p>Everything of <a href=\"{{ho}}\">family {{o}}</a> moves to "
	          "<a href=\"{{hk}}\">family {{k}}</a> in one step: its people, referrals and all that hangs off them "
	          "(contacts, appointments, measures, notes, goals, care plans, groups, letters, feedback, video cycles), "
	          "safeguarding, corrections and consultations. A person of family {{o}} with the same role and NHS number, "
	          "or the same name and date of birth, as a person of family {{k}} becomes that person. Family {{o}} is kept "
	          "only as a pointer to family {{k}}. The merge is refused, with the reason, if it would give an infant two "
	          "different current safeguarding statuses or a caregiver two open referrals.</p>",
	          TMPL_S("o", o), TMPL_S("k", k), TMPL_S("ho", ho), TMPL_S("hk", hk));
	rc = rc ? rc : form_error_summary(&b, fe, &e);
	rc = rc ? rc : page_form_open(&b, rq, action, &e);
	rc = rc ? rc : TMPL(&b, &e, "<input type=\"hidden\" name=\"merge\" value=\"{{o}}\">", TMPL_S("o", o));
	rc = rc ? rc : form_input(&b, fe, "reason", "Why are they one family?", "One line, kept with the merge",
	                          page_field(rq, "reason"), NULL, "text", "off", &e);
	rc = rc ? rc : TMPL(&b, &e, "<button class=\"nhsuk-button nhsuk-button--warning\" type=\"submit\">Merge family {{o}} "
	                    "into family {{k}}</button></form><p><a href=\"/duplicates\">Cancel</a></p>",
	                    TMPL_S("o", o), TMPL_S("k", k));
	return page_form_send(rq, rs, rc, "Merge families", "/duplicates", "Likely duplicates", fe, &b);
}

static int merge_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, merge_page); }

static int merge_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t keep;
	if (http_param_id(rq, "id", &keep))
		return DY_ENOTFOUND;
	const char *with = page_field_trim(rq, "merge");
	char *end;
	long long other = strtoll(with, &end, 10);
	if (!*with || *end || other < 1)
		return DY_ENOTFOUND;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = app_family_merge(rq->app, keep, other, page_field_trim(rq, "reason"), NULL, &e);
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		struct form_errors fe = {0};
		form_error(&fe, "reason", e.msg);
		return merge_page(rq, rs, keep, &fe);
	}
	if (rc)
		return rc;
	char href[48];
	snprintf(href, sizeof href, "/families/%lld", (long long)keep);
	return http_redirect(rs, href);
}

int page_merged_family(struct http_req *rq, struct http_resp *rs, int64_t id, int64_t into)
{
	char f[24], t[24], h[48], title[48];
	snprintf(f, sizeof f, "%lld", (long long)id);
	snprintf(t, sizeof t, "%lld", (long long)into);
	snprintf(h, sizeof h, "/families/%lld", (long long)into);
	snprintf(title, sizeof title, "Family %lld", (long long)id);
	struct dy_err e;
	struct buf b;
	page_body(&b);
	int rc = TMPL(&b, &e, "<h1>Family {{f}}</h1><p>Family {{f}} has been merged into <a href=\"{{h}}\">family {{t}}"
	              "</a>: its records are there now, and the merge is in that family's history.</p>",
	              TMPL_S("f", f), TMPL_S("h", h), TMPL_S("t", t));
	return page_form_send(rq, rs, rc, title, h, "The family it was merged into", NULL, &b);
}

const struct http_route page_merge_routes[] = {
	{HTTP_GET, "/duplicates", duplicates_page, CLINICAL, 0, 0},
	{HTTP_GET, "/families/{id}/merge", merge_get, CLINICAL, 0, 0},
	{HTTP_POST, "/families/{id}/merge", merge_post, CLINICAL, 0, HTTP_FORM},
	{0}};
