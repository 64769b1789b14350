/* page_correction.c: correcting a person's details on the web, and the
 * history of their corrections (app/app_correction.h;
 * docs/corrections.md): the form shows the details as held, each field
 * changed is kept with its earlier value, who, when and why; the history
 * lists them, each with a form to undo it. Booking staff reach these pages;
 * the app layer checks every record. */
#include <stdio.h>
#include <string.h>

#include "app/app_correction.h"
#include "app/app_family.h"
#include "http/page.h"
#include "http/page_correction.h"
#include "http/page_family.h"
#include "http/routes.h"
#include "util/str.h"

#define BOOKING (USER_MANAGER | USER_CLINICIAN | USER_ADMIN_STAFF | USER_OPERATOR)

/* The form's fields: the form name is the field's own. */
static const struct {
	const char *field, *label, *hint;
} fields[] = {{"given_name", "Given name", NULL},
              {"family_name", "Family name", NULL},
              {"dob", "Date of birth", "YYYY-MM-DD; empty for an unborn infant"},
              {"edd", "Estimated date of delivery", "YYYY-MM-DD"},
              {"gestation_weeks", "Gestation at birth in weeks", "22 to 44"},
              {"nhs_number", "NHS number", "10 digits"},
              {"sex", "Sex", "female, male, indeterminate or unknown"},
              {"ethnicity", "Ethnic category", "NHS letter, A to S, Z not stated"},
              {"postcode", "Postcode", NULL},
              {"imd_decile", "Deprivation decile", "1 (most deprived) to 10"},
              {"relationship", "Relationship", "caregivers: mother, father, partner, ..."}};
#define NFIELDS (int)(sizeof fields / sizeof fields[0])

/* A person's page: the person (scope checked by the app), its error and
 * the link back to the family. */
struct person_page {
	struct person p;
	struct dy_err e;
	char back[48];
};

/* Loads person id into pp; 0 or the app's error. */
static int load(struct http_req *rq, int64_t id, struct person_page *pp)
{
	int rc = app_person_get(rq->app, id, &pp->p, &pp->e);
	if (!rc)
		snprintf(pp->back, sizeof pp->back, "/families/%lld", (long long)pp->p.family_id);
	return rc;
}

static int correct_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	struct person_page pp;
	int rc = load(rq, id, &pp);
	if (rc)
		return rc;
	struct buf b;
	page_body(&b);
	char name[2 * NAME_BYTES + 2], action[64];
	page_person_name(&pp.p, name, sizeof name);
	snprintf(action, sizeof action, "/people/%lld/correct", (long long)id);
	int typed = http_form(rq, "reason") != NULL;
	rc = TMPL(&b, &pp.e, "<h1>Correct {{n}}'s details</h1><p>Change what was recorded wrongly. The earlier value is "
	          "kept, with who changed it, when and why, in the record's history.</p>", TMPL_S("n", name));
	rc = rc ? rc : form_error_summary(&b, fe, &pp.e);
	rc = rc ? rc : page_form_open(&b, rq, action, &pp.e);
	for (int i = 0; !rc && i < NFIELDS; i++) {
		char now[CORRECTION_VALUE_MAX];
		correction_person_get(&pp.p, fields[i].field, now, &pp.e);
		rc = form_input(&b, fe, fields[i].field, fields[i].label, fields[i].hint,
		                typed ? page_field(rq, fields[i].field) : now, NULL, "text", "off", &pp.e);
	}
	rc = rc ? rc : form_input(&b, fe, "reason", "Why is it corrected?", "One line, kept with the earlier value",
	                          page_field(rq, "reason"), NULL, "text", "off", &pp.e);
	rc = rc ? rc : buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\">Save correction</button></form>");
	return page_form_send(rq, rs, rc, "Correct details", pp.back, "Back to the family", fe, &b);
}

static int correct_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, correct_page); }

/* The form field an error names ("date_of_birth" is the dob field). */
static const char *error_field(const char *f)
{
	if (strcmp(f, "date_of_birth") == 0)
		return "dob";
	for (int i = 0; i < NFIELDS; i++)
		if (strcmp(f, fields[i].field) == 0)
			return f;
	return strcmp(f, "reason") == 0 ? "reason" : "given_name";
}

static int correct_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct person_page pp;
	int rc = load(rq, id, &pp);
	if (rc)
		return rc;
	/* Only the fields sent whose value differs from the one held. */
	struct correction_change ch[NFIELDS];
	int n = 0;
	for (int i = 0; i < NFIELDS; i++) {
		if (!http_form(rq, fields[i].field))
			continue;
		char now[CORRECTION_VALUE_MAX];
		correction_person_get(&pp.p, fields[i].field, now, &pp.e);
		const char *v = page_field_trim(rq, fields[i].field);
		if (strcmp(v, now) != 0)
			ch[n++] = (struct correction_change){fields[i].field, v};
	}
	struct form_errors fe = {0};
	rc = n ? app_person_correct(rq->app, id, ch, n, page_field_trim(rq, "reason"), NULL, &pp.e)
	       : dy_fail(&pp.e, DY_EINVAL, "given_name", "Nothing was changed: change the value that is wrong");
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		form_error_from(&fe, error_field(pp.e.field), &pp.e);
		return correct_page(rq, rs, id, &fe);
	}
	if (rc)
		return rc;
	char href[48];
	snprintf(href, sizeof href, "/people/%lld/history", (long long)id);
	return http_redirect(rs, href);
}

struct hist_ctx {
	struct buf *b;
	const struct http_req *rq;
	struct dy_err *e;
	int rc, n;
};

static int hist_row(void *ctx, const struct correction *c)
{
	struct hist_ctx *h = ctx;
	if (h->rc)
		return 0;
	h->rc = page_correction_row(h->b, h->rq, c, 0, h->e);
	h->n++;
	return 0;
}

int page_correction_row(struct buf *b, const struct http_req *rq, const struct correction *c, int with_record,
                        struct dy_err *e)
{
	char when[24], id[24], undo[64], field[48], kind[32], record[64] = "", rv[48] = "";
	snprintf(when, sizeof when, "%.10s %.5s UTC", c->corrected_at, c->corrected_at + 11);
	snprintf(id, sizeof id, "%lld", (long long)c->id);
	snprintf(undo, sizeof undo, "/corrections/%lld/revert", (long long)c->id);
	page_code(c->field, 1, field, sizeof field);
	if (with_record) {
		page_code(c->entity, 1, kind, sizeof kind);
		snprintf(record, sizeof record, "%s %lld", kind, (long long)c->entity_id);
	}
	if (c->reverts)
		snprintf(rv, sizeof rv, " (undoes correction %lld)", (long long)c->reverts);
	struct buf form;
	buf_init(&form, 8192);
	int rc = page_form_open(&form, rq, undo, e);
	rc = rc ? rc : form_input(&form, NULL, "reason", "Why undo it?", NULL, "", NULL, "text", "off", e);
	rc = rc ? rc : TMPL(&form, e, "<button class=\"nhsuk-button nhsuk-button--secondary nhsuk-u-margin-"
	                    "bottom-0\" type=\"submit\">Undo<span class=\"nhsuk-u-visually-hidden\"> correction "
	                    "{{id}}</span></button></form>", TMPL_S("id", id));
	rc = rc ? rc : TMPL(b, e,
	                    "<tr class=\"nhsuk-table__row\" id=\"correction-{{id}}\"><td class=\"nhsuk-table__cell "
	                    "dyad-nowrap\">{{w}}</td>{{#rec}}<td class=\"nhsuk-table__cell\">{{rec}}</td>{{/rec}}<td "
	                    "class=\"nhsuk-table__cell\">{{f}}</td><td class=\"nhsuk-table__cell\">{{o}}</td><td "
	                    "class=\"nhsuk-table__cell\">{{nv}}</td><td class=\"nhsuk-table__cell\">{{by}}: {{r}}{{rv}}"
	                    "</td><td class=\"nhsuk-table__cell\">{{{form}}}</td></tr>",
	                    TMPL_S("id", id), TMPL_S("w", when), TMPL_S("rec", record), TMPL_S("f", field),
	                    TMPL_S("o", c->old_value), TMPL_S("nv", c->new_value), TMPL_S("by", c->corrected_by),
	                    TMPL_S("r", c->reason), TMPL_S("rv", rv), TMPL_HTML("form", &form));
	buf_free(&form);
	return rc;
}

static int history_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	struct person_page pp;
	int rc = load(rq, id, &pp);
	if (rc)
		return rc;
	struct buf rows, b;
	buf_init(&rows, PAGE_BODY_MAX);
	page_body(&b);
	struct hist_ctx h = {&rows, rq, &pp.e, 0, 0};
	rc = app_history(rq->app, id, 0, hist_row, &h, &pp.e);
	rc = rc ? rc : h.rc;
	char name[2 * NAME_BYTES + 2], fix[48];
	page_person_name(&pp.p, name, sizeof name);
	snprintf(fix, sizeof fix, "/people/%lld/correct", (long long)id);
	rc = rc ? rc : TMPL(&b, &pp.e, "<h1>History of {{n}}'s details</h1>", TMPL_S("n", name));
	rc = rc ? rc : form_error_summary(&b, fe, &pp.e);
	rc = rc ? rc : TMPL(&b, &pp.e,
	                    "{{#r}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">Corrections, "
	                    "oldest first</caption><thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">"
	                    "<th class=\"nhsuk-table__header\" scope=\"col\">When</th><th class=\"nhsuk-table__header\" "
	                    "scope=\"col\">Field</th><th class=\"nhsuk-table__header\" scope=\"col\">Was</th><th "
	                    "class=\"nhsuk-table__header\" scope=\"col\">Now</th><th class=\"nhsuk-table__header\" "
	                    "scope=\"col\">Who and why</th><th class=\"nhsuk-table__header\" scope=\"col\">Undo</th></tr>"
	                    "</thead><tbody class=\"nhsuk-table__body\">{{{r}}}</tbody></table>{{/r}}{{^r}}<p>No "
	                    "corrections: the details are as entered.</p>{{/r}}<p><a href=\"{{fix}}\">Correct the details"
	                    "</a></p>",
	                    TMPL_HTML("r", &rows), TMPL_S("fix", fix));
	buf_free(&rows);
	return page_form_send(rq, rs, rc, "History", pp.back, "Back to the family", fe, &b);
}

static int history_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, history_page); }

static int revert_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id, nw = 0;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct dy_err e;
	int rc = app_correction_revert(rq->app, id, page_field_trim(rq, "reason"), &nw, &e);
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		/* Back to the person's history, saying why. */
		struct correction c;
		struct dy_err e2;
		if (app_correction_get(rq->app, id, &c, &e2))
			return rc;
		struct form_errors fe = {0};
		form_error(&fe, "reason", e.msg);
		/* Another record's correction: the family's history. */
		if (strcmp(c.entity, "person") != 0)
			return page_family_history(rq, rs, c.family_id, &fe);
		return history_page(rq, rs, c.entity_id, &fe);
	}
	if (rc)
		return rc;
	struct correction c;
	if ((rc = app_correction_get(rq->app, nw, &c, &e)))
		return rc;
	char href[64];
	if (strcmp(c.entity, "person") != 0)
		snprintf(href, sizeof href, "/families/%lld/history#correction-%lld", (long long)c.family_id, (long long)nw);
	else
		snprintf(href, sizeof href, "/people/%lld/history#correction-%lld", (long long)c.entity_id, (long long)nw);
	return http_redirect(rs, href);
}

const struct http_route page_correction_routes[] = {
	{HTTP_GET, "/people/{id}/correct", correct_get, BOOKING, 0, 0},
	{HTTP_POST, "/people/{id}/correct", correct_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/people/{id}/history", history_get, BOOKING, 0, 0},
	{HTTP_POST, "/corrections/{id}/revert", revert_post, BOOKING, 0, HTTP_FORM},
	{0}};
