/* page_correction_record.c: correcting a referral, a contact, a measure, a
 * safeguarding period or a family record on the web, and marking one
 * entered in error (app/app_correction_record.h; docs/corrections.md):
 * GET/POST /{kind}/{id}/correct shows the fields as held and saves those
 * changed with a reason; GET/POST /{kind}/{id}/error asks for the reason
 * and marks the record (a family's once each of its referrals is). Either
 * returns to the family's history. Booking staff reach these pages; the app
 * layer checks every record (measures and safeguarding need clinical
 * staff). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_correction_record.h"
#include "core/correction_record.h"
#include "http/page.h"
#include "http/page_correction_choices.h"
#include "http/routes.h"
#include "util/str.h"

#define BOOKING (USER_MANAGER | USER_CLINICIAN | USER_ADMIN_STAFF | USER_OPERATOR)

/* Each kind: its name in the app, its path and how the page names it. */
struct kind {
	const char *name, *path, *title;
};
static const struct kind referral = {"referral", "referrals", "referral"};
static const struct kind contact = {"contact", "contacts", "contact"};
static const struct kind measure = {"measure", "measures", "measure"};
static const struct kind safeguarding = {"safeguarding", "safeguarding", "safeguarding period"};
static const struct kind family = {"family", "families", "family record"};

/* What the form says of a field, by name: its label where the code's own
 * (page_code) would not tell a reader, and its hint. */
static const struct field_text {
	const char *field, *label, *hint;
} texts[] = {{"received_on", "Date received", "YYYY-MM-DD"},
             {"created_on", NULL, "YYYY-MM-DD"},
             {"started_on", NULL, "YYYY-MM-DD"},
             {"ended_on", NULL, "YYYY-MM-DD; empty while current"},
             {"date", NULL, "YYYY-MM-DD"},
             {"duration_min", "Duration (minutes)", "0 to 600; empty when not known"},
             {"responses", NULL, "the answers in order, separated by ;"},
             {"practitioners", NULL, "everyone who was there: untick all for none"},
             {"attendees", NULL, "everyone from the family who was there: untick all for none"},
             {"infant_id", "Infant", NULL},
             {"caregiver_id", "Caregiver", NULL},
             {"first_time_parent", "First-time parent", NULL}};

static const struct field_text *text_of(const char *field)
{
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (strcmp(texts[i].field, field) == 0)
			return &texts[i];
	return NULL;
}

static void field_label(const char *field, char *out, size_t size)
{
	const struct field_text *t = text_of(field);
	if (t && t->label)
		snprintf(out, size, "%s", t->label);
	else
		page_code(field, 1, out, size);
}

static const char *hint_of(const char *field)
{
	const struct field_text *t = text_of(field);
	return t ? t->hint : NULL;
}

/* A record as the app shows it: its fields and values, family and error. */
struct rec {
	const char *const *fields;
	char values[CORRECTION_RECORD_FIELDS_MAX][CORRECTION_VALUE_MAX];
	int64_t family_id;
	int in_error;
	char back[48], id[24];
	struct dy_err e;
};

static int load(struct http_req *rq, const struct kind *k, int64_t id, struct rec *r)
{
	dy_err_clear(&r->e);
	int rc = app_record_values(rq->app, k->name, id, &r->fields, r->values, &r->family_id, &r->in_error, &r->e);
	snprintf(r->back, sizeof r->back, "/families/%lld", (long long)r->family_id);
	snprintf(r->id, sizeof r->id, "%lld", (long long)id);
	return rc;
}

/* A field that holds a list of ids, shown as ticked boxes. */
static int is_list(const char *field)
{
	return strcmp(field, "practitioners") == 0 || strcmp(field, "attendees") == 0;
}

/* The ids ticked in list field f, ascending and comma-separated, into out
 * (CORRECTION_VALUE_MAX); -1 for more than a contact holds. */
static int ticked_list(const struct http_req *rq, const char *f, char *out)
{
	int64_t ids[8];
	int n = 0;
	out[0] = '\0';
	if (page_form_ids(rq, f, ids, 8, &n))
		return -1;
	correction_ids_text(ids, n, out);
	return 0;
}

/* One field of the form: a select or ticked boxes when its values come
 * from a list, else a text box; value is what the form shows. */
static int field_input(struct buf *b, const struct http_req *rq, const struct form_errors *fe,
                       const struct correction_sources *src, struct correction_choices *ch, const char *f,
                       const char *held, int typed, struct dy_err *e)
{
	char label[48];
	field_label(f, label, sizeof label);
	const char *value = typed ? page_field(rq, f) : held;
	if (!correction_choices(src, f, held, ch))
		return form_input(b, fe, f, label, hint_of(f), value, NULL, "text", "off", e);
	if (!ch->multiple)
		return page_select(b, fe, f, label, ch->o, ch->n, value, e);
	int on[CORRECTION_CHOICES_MAX] = {0};
	if (typed)
		page_ticked(rq, f, ch->o, ch->n, on);
	else
		for (int i = 0; i < ch->n; i++) {
			char list[CORRECTION_VALUE_MAX + 2], one[52];
			snprintf(list, sizeof list, ",%s,", held);
			snprintf(one, sizeof one, ",%s,", ch->values[i]);
			on[i] = strstr(list, one) != NULL;
		}
	/* The marker says the boxes were on the form, so that none ticked
	 * means none. */
	int rc = TMPL(b, e, "<input type=\"hidden\" name=\"{{f}}-listed\" value=\"1\">", TMPL_S("f", f));
	return rc ? rc : form_checkboxes(b, fe, f, label, hint_of(f), ch->o, ch->n, on, e);
}

static int correct_page(struct http_req *rq, struct http_resp *rs, const struct kind *k, int64_t id,
                        const struct form_errors *fe)
{
	struct rec r;
	int rc = load(rq, k, id, &r);
	if (rc)
		return rc;
	struct buf b;
	page_body(&b);
	char action[64];
	snprintf(action, sizeof action, "/%s/%lld/correct", k->path, (long long)id);
	int typed = http_form(rq, "reason") != NULL;
	struct correction_sources *src = xmalloc(sizeof *src);
	struct correction_choices *ch = xmalloc(sizeof *ch);
	correction_sources_load(rq->app, k->name, r.family_id, src);
	rc = TMPL(&b, &r.e, "<h1>Correct {{k}} {{id}}</h1><p>Change what was recorded wrongly. The earlier value is "
	          "kept, with who changed it, when and why, in the family's history.</p>",
	          TMPL_S("k", k->title), TMPL_S("id", r.id));
	rc = rc ? rc : form_error_summary(&b, fe, &r.e);
	rc = rc ? rc : page_form_open(&b, rq, action, &r.e);
	for (int i = 0; !rc && r.fields[i] && i < CORRECTION_RECORD_FIELDS_MAX; i++)
		rc = field_input(&b, rq, fe, src, ch, r.fields[i], r.values[i], typed, &r.e);
	correction_sources_free(src);
	free(src);
	free(ch);
	rc = rc ? rc : form_input(&b, fe, "reason", "Why is it corrected?", "One line, kept with the earlier value",
	                          page_field(rq, "reason"), NULL, "text", "off", &r.e);
	rc = rc ? rc : buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\">Save correction</button></form>");
	return page_form_send(rq, rs, rc, "Correct a record", r.back, "Back to the family", fe, &b);
}

/* The form field an error names: the kind's own (a referral's "infant" is
 * its infant_id) or the reason, else the first field changed. */
static const char *error_field(const struct rec *r, const char *f, const char *changed)
{
	char with_id[72];
	snprintf(with_id, sizeof with_id, "%s_id", f);
	for (int i = 0; r->fields[i]; i++)
		if (strcmp(f, r->fields[i]) == 0 || strcmp(with_id, r->fields[i]) == 0)
			return r->fields[i];
	return strcmp(f, "reason") == 0 ? "reason" : changed;
}

static int history_redirect(struct http_resp *rs, int64_t family_id)
{
	char href[48];
	snprintf(href, sizeof href, "/families/%lld/history", (long long)family_id);
	return http_redirect(rs, href);
}

static int correct_post(struct http_req *rq, struct http_resp *rs, const struct kind *k)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct rec r;
	int rc = load(rq, k, id, &r);
	if (rc)
		return rc;
	/* Only the fields sent whose value differs from the one held. */
	struct correction_change ch[CORRECTION_RECORD_FIELDS_MAX];
	char lists[2][CORRECTION_VALUE_MAX], listed[72];
	int n = 0, nl = 0;
	for (int i = 0; !rc && r.fields[i] && i < CORRECTION_RECORD_FIELDS_MAX; i++) {
		const char *v = NULL;
		snprintf(listed, sizeof listed, "%s-listed", r.fields[i]);
		if (is_list(r.fields[i]) && http_form(rq, listed) && nl < 2) {
			if (ticked_list(rq, r.fields[i], lists[nl]))
				rc = dy_fail(&r.e, DY_EINVAL, r.fields[i], "Choose at most 8");
			v = lists[nl++];
		} else if (http_form(rq, r.fields[i]))
			v = page_field_trim(rq, r.fields[i]);
		if (v && strcmp(v, r.values[i]) != 0)
			ch[n++] = (struct correction_change){r.fields[i], v};
	}
	if (!rc)
		rc = n ? app_record_correct(rq->app, k->name, id, ch, n, page_field_trim(rq, "reason"), NULL, &r.e)
		       : dy_fail(&r.e, DY_EINVAL, r.fields[0], "Nothing was changed: change the value that is wrong");
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		struct form_errors fe = {0};
		form_error_from(&fe, error_field(&r, r.e.field, n ? ch[0].field : r.fields[0]), &r.e);
		return correct_page(rq, rs, k, id, &fe);
	}
	return rc ? rc : history_redirect(rs, r.family_id);
}

static int error_page(struct http_req *rq, struct http_resp *rs, const struct kind *k, int64_t id,
                      const struct form_errors *fe)
{
	struct rec r;
	int rc = load(rq, k, id, &r);
	if (rc)
		return rc;
	struct buf rows, b;
	buf_init(&rows, PAGE_BODY_MAX);
	page_body(&b);
	for (int i = 0; !rc && r.fields[i] && i < CORRECTION_RECORD_FIELDS_MAX; i++) {
		char label[48];
		field_label(r.fields[i], label, sizeof label);
		rc = TMPL(&rows, &r.e, "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">{{l}}"
		          "</dt><dd class=\"nhsuk-summary-list__value\">{{v}}</dd></div>",
		          TMPL_S("l", label), TMPL_S("v", r.values[i]));
	}
	char action[64];
	snprintf(action, sizeof action, "/%s/%lld/error", k->path, (long long)id);
	rc = rc ? rc : TMPL(&b, &r.e, "<h1>Mark {{k}} {{id}} entered in error</h1>", TMPL_S("k", k->title),
	                    TMPL_S("id", r.id));
	rc = rc ? rc : form_error_summary(&b, fe, &r.e);
	/* A family record has no figures of its own: what marking it does. */
	const char *what = k == &family ? "The family's record is kept but hidden from finding, the lists and the "
	                                   "likely duplicates; it can be marked once each of its referrals is."
	                                 : "The record is kept but hidden from views and left out of reports and clocks.";
	rc = rc ? rc : TMPL(&b, &r.e, "{{#x}}<p>It is marked entered in error already.</p>{{/x}}<dl class=\"nhsuk-"
	                    "summary-list\" id=\"record\">{{{rows}}}</dl><p>{{w}} The family's history can undo it.</p>",
	                    TMPL_S("x", r.in_error ? "yes" : ""), TMPL_HTML("rows", &rows), TMPL_S("w", what));
	buf_free(&rows);
	rc = rc ? rc : page_form_open(&b, rq, action, &r.e);
	rc = rc ? rc : form_input(&b, fe, "reason", "Why was it entered in error?", "One line, kept with the record",
	                          page_field(rq, "reason"), NULL, "text", "off", &r.e);
	rc = rc ? rc : buf_puts(&b, "<button class=\"nhsuk-button nhsuk-button--warning\" type=\"submit\">Mark entered "
	                        "in error</button></form>");
	return page_form_send(rq, rs, rc, "Entered in error", r.back, "Back to the family", fe, &b);
}

static int error_post(struct http_req *rq, struct http_resp *rs, const struct kind *k)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct rec r;
	int rc = load(rq, k, id, &r);
	if (rc)
		return rc;
	rc = app_record_error(rq->app, k->name, id, page_field_trim(rq, "reason"), NULL, &r.e);
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		/* The reason is the form's one field; a refusal of the record itself
		 * (marked already, a family's referrals not yet) is said above it. */
		struct form_errors fe = {0};
		form_error_from(&fe, strcmp(r.e.field, "reason") == 0 ? "reason" : "record", &r.e);
		return error_page(rq, rs, k, id, &fe);
	}
	return rc ? rc : history_redirect(rs, r.family_id);
}

/* One page function per kind, as page_of_id takes them. */
#define KIND_PAGES(K)                                                                                                  \
	static int K##_correct_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe) \
	{                                                                                                              \
		return correct_page(rq, rs, &K, id, fe);                                                               \
	}                                                                                                              \
	static int K##_correct_get(struct http_req *rq, struct http_resp *rs)                                          \
	{                                                                                                              \
		return page_of_id(rq, rs, K##_correct_page);                                                           \
	}                                                                                                              \
	static int K##_correct_post(struct http_req *rq, struct http_resp *rs) { return correct_post(rq, rs, &K); }    \
	static int K##_error_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)   \
	{                                                                                                              \
		return error_page(rq, rs, &K, id, fe);                                                                 \
	}                                                                                                              \
	static int K##_error_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, K##_error_page); } \
	static int K##_error_post(struct http_req *rq, struct http_resp *rs) { return error_post(rq, rs, &K); }

KIND_PAGES(referral)
KIND_PAGES(contact)
KIND_PAGES(measure)
KIND_PAGES(safeguarding)

static int family_correct_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	return correct_page(rq, rs, &family, id, fe);
}
static int family_correct_get(struct http_req *rq, struct http_resp *rs)
{
	return page_of_id(rq, rs, family_correct_page);
}
static int family_correct_post(struct http_req *rq, struct http_resp *rs) { return correct_post(rq, rs, &family); }
static int family_error_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	return error_page(rq, rs, &family, id, fe);
}
static int family_error_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, family_error_page); }
static int family_error_post(struct http_req *rq, struct http_resp *rs) { return error_post(rq, rs, &family); }

const struct http_route page_correction_record_routes[] = {
	{HTTP_GET, "/referrals/{id}/correct", referral_correct_get, BOOKING, 0, 0},
	{HTTP_POST, "/referrals/{id}/correct", referral_correct_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/referrals/{id}/error", referral_error_get, BOOKING, 0, 0},
	{HTTP_POST, "/referrals/{id}/error", referral_error_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/contacts/{id}/correct", contact_correct_get, BOOKING, 0, 0},
	{HTTP_POST, "/contacts/{id}/correct", contact_correct_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/contacts/{id}/error", contact_error_get, BOOKING, 0, 0},
	{HTTP_POST, "/contacts/{id}/error", contact_error_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/measures/{id}/correct", measure_correct_get, BOOKING, 0, 0},
	{HTTP_POST, "/measures/{id}/correct", measure_correct_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/measures/{id}/error", measure_error_get, BOOKING, 0, 0},
	{HTTP_POST, "/measures/{id}/error", measure_error_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/safeguarding/{id}/correct", safeguarding_correct_get, BOOKING, 0, 0},
	{HTTP_POST, "/safeguarding/{id}/correct", safeguarding_correct_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/safeguarding/{id}/error", safeguarding_error_get, BOOKING, 0, 0},
	{HTTP_POST, "/safeguarding/{id}/error", safeguarding_error_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/families/{id}/correct", family_correct_get, BOOKING, 0, 0},
	{HTTP_POST, "/families/{id}/correct", family_correct_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/families/{id}/error", family_error_get, BOOKING, 0, 0},
	{HTTP_POST, "/families/{id}/error", family_error_post, BOOKING, 0, HTTP_FORM},
	{0}};
