/* page_referral.c: a new referral, one thing per page (the parent or
 * carer, the baby, the referral), then "check your answers" with the
 * team's eligibility rules applied and any open referral that looks like
 * the same people, before anything is saved; and triage of a received
 * referral (accept, with overrides of failed rules; decline with a reason;
 * signpost to a named service).
 *
 * The answers of earlier pages travel as hidden fields, so nothing is
 * stored until "Save referral" and the form works without JavaScript. */
#include <stdio.h>
#include <string.h>

#include "app/app_episode.h"
#include "app/app_pathway.h"
#include "app/app_referral_new.h"
#include "core/codes.h"
#include "http/page.h"
#include "http/page_family.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"

/* Every field of the new-referral form. */
static const char *const FIELDS[] = {
	"cg_given", "cg_family", "cg_rel", "cg_dob-day", "cg_dob-month", "cg_dob-year", "cg_nhs", "cg_postcode",
	"inf_given", "inf_family", "inf_born", "inf_dob-day", "inf_dob-month", "inf_dob-year", "inf_edd-day",
	"inf_edd-month", "inf_edd-year", "inf_gest", "received-day", "received-month", "received-year", "source",
	"ftp", NULL};

enum step { STEP_CAREGIVER, STEP_BABY, STEP_REFERRAL, STEP_CHECK };
static const char *const STEPS[] = {"caregiver", "baby", "referral", "check", NULL};

/* Which page asks each field of FIELDS. */
static const unsigned char FIELD_STEP[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2};

/* The hidden fields for every answer not asked on page `skip` (-1: all). */
static int carry(struct buf *b, const struct http_req *rq, int skip, struct dy_err *e)
{
	int rc = 0;
	for (int i = 0; FIELDS[i] && !rc; i++) {
		if ((int)FIELD_STEP[i] == skip)
			continue;
		rc = form_hidden(b, FIELDS[i], page_field(rq, FIELDS[i]), e);
	}
	return rc;
}

static const char *F(const struct http_req *rq, const char *name)
{
	return page_field(rq, name);
}

/* ---- Reading the answers ------------------------------------------------------------ */

static void read_caregiver(struct http_req *rq, struct person *p, struct form_errors *fe)
{
	memset(p, 0, sizeof *p);
	strcpy(p->role, "caregiver");
	str_copy(p->given_name, sizeof p->given_name, page_field_trim(rq, "cg_given"));
	str_copy(p->family_name, sizeof p->family_name, page_field_trim(rq, "cg_family"));
	str_copy(p->relationship, sizeof p->relationship, F(rq, "cg_rel"));
	str_copy(p->nhs_number, sizeof p->nhs_number, "");
	p->edd = DATE_NONE;
	if (!p->given_name[0])
		form_error(fe, "cg_given", "Enter the parent or carer's first name");
	if (!p->family_name[0])
		form_error(fe, "cg_family", "Enter the parent or carer's last name");
	if (!p->relationship[0])
		form_error(fe, "cg_rel", "Select how they are related to the baby");
	form_date_parse(F(rq, "cg_dob-day"), F(rq, "cg_dob-month"), F(rq, "cg_dob-year"), 0, "cg_dob",
	                "date of birth", &p->date_of_birth, fe);
}

static void read_baby(struct http_req *rq, struct person *p, struct form_errors *fe)
{
	memset(p, 0, sizeof *p);
	strcpy(p->role, "infant");
	str_copy(p->given_name, sizeof p->given_name, page_field_trim(rq, "inf_given"));
	str_copy(p->family_name, sizeof p->family_name, page_field_trim(rq, "inf_family"));
	p->date_of_birth = p->edd = DATE_NONE;
	if (!p->given_name[0])
		form_error(fe, "inf_given", "Enter the baby's first name, or \"Baby\" before birth");
	if (!p->family_name[0])
		form_error(fe, "inf_family", "Enter the baby's last name");
	const char *born = F(rq, "inf_born");
	if (strcmp(born, "yes") == 0) {
		form_date_parse(F(rq, "inf_dob-day"), F(rq, "inf_dob-month"), F(rq, "inf_dob-year"), 1, "inf_dob",
		                "baby's date of birth", &p->date_of_birth, fe);
		const char *g = page_field_trim(rq, "inf_gest");
		if (*g && str_parse_int(g, 22, 44, &p->gestation_weeks))
			form_error(fe, "inf_gest", "Gestation at birth must be a number of weeks from 22 to 44");
	} else if (strcmp(born, "no") == 0) {
		form_date_parse(F(rq, "inf_edd-day"), F(rq, "inf_edd-month"), F(rq, "inf_edd-year"), 1, "inf_edd",
		                "due date", &p->edd, fe);
	} else {
		form_error(fe, "inf_born", "Select whether the baby has been born");
	}
}

static void read_referral(struct http_req *rq, struct episode *ep, struct form_errors *fe)
{
	memset(ep, 0, sizeof *ep);
	ep->decided_on = ep->discharged_on = DATE_NONE;
	form_date_parse(F(rq, "received-day"), F(rq, "received-month"), F(rq, "received-year"), 1, "received",
	                "date the referral was received", &ep->received_on, fe);
	if (ep->received_on != DATE_NONE && ep->received_on > rq->app->today)
		form_error(fe, "received", "The date the referral was received must be today or in the past");
	str_copy(ep->source, sizeof ep->source, F(rq, "source"));
	if (str_index(code_source, ep->source) < 0)
		form_error(fe, "source", "Select who referred the family");
	const char *ftp = F(rq, "ftp");
	if (strcmp(ftp, "yes") && strcmp(ftp, "no") && strcmp(ftp, "unknown"))
		form_error(fe, "ftp", "Select whether this is their first baby, or \"Not known\"");
}

/* Moves app/core errors about a person onto the page's field names. */
static const char *person_field(const char *prefix, const char *field)
{
	static const struct {
		const char *app, *form;
	} map[] = {{"given_name", "given"}, {"family_name", "family"}, {"relationship", "rel"},
	           {"date_of_birth", "dob"}, {"nhs_number", "nhs"}, {"postcode", "postcode"},
	           {"edd", "edd"}, {"gestation_weeks", "gest"}};
	static _Thread_local char out[48];
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(field, map[i].app) == 0) {
			snprintf(out, sizeof out, "%s_%s", prefix, map[i].form);
			return out;
		}
	return NULL;
}

static int check_caregiver(struct http_req *rq, struct person *p, struct form_errors *fe)
{
	read_caregiver(rq, p, fe);
	if (fe->n)
		return DY_EINVAL;
	str_copy(p->nhs_number, sizeof p->nhs_number, "");
	/* NHS number and postcode are checked (and normalised) by the record rules. */
	char nhs[16];
	str_copy(nhs, sizeof nhs, page_field_trim(rq, "cg_nhs"));
	size_t k = 0;
	for (const char *s = nhs; *s && k < sizeof p->nhs_number - 1; s++)
		if (*s != ' ')
			p->nhs_number[k++] = *s;
	p->nhs_number[k] = '\0';
	if (strlen(page_field_trim(rq, "cg_nhs")) > 12)
		form_error(fe, "cg_nhs", "NHS number must be 10 digits, like 485 777 3456");
	str_copy(p->postcode, sizeof p->postcode, page_field_trim(rq, "cg_postcode"));
	if (strlen(page_field_trim(rq, "cg_postcode")) > 8)
		form_error(fe, "cg_postcode", "Enter a real postcode, like NG7 2UH");
	struct dy_err e;
	if (!fe->n && record_person_check(p, rq->app->today, 0, &e)) {
		const char *f = person_field("cg", e.field);
		form_error_from(fe, f ? f : "cg_given", &e);
	}
	return fe->n ? DY_EINVAL : 0;
}

static int check_baby(struct http_req *rq, struct person *p, struct form_errors *fe)
{
	read_baby(rq, p, fe);
	struct dy_err e;
	if (!fe->n && record_person_check(p, rq->app->today, 0, &e)) {
		const char *f = person_field("inf", e.field);
		form_error_from(fe, f ? f : "inf_given", &e);
	}
	return fe->n ? DY_EINVAL : 0;
}

/* ---- Pages -------------------------------------------------------------------------- */

static int step_page(struct http_req *rq, struct http_resp *rs, enum step s, const struct form_errors *fe,
                     int from_check)
{
	struct buf b;
	page_body(&b);
	struct dy_err e;
	const char *title = s == STEP_CAREGIVER ? "The parent or carer referred"
	                    : s == STEP_BABY    ? "The baby"
	                                        : "The referral";
	int rc = TMPL(&b, &e,
	              "<div class=\"nhsuk-grid-row\"><div class=\"nhsuk-grid-column-two-thirds\">"
	              "<span class=\"nhsuk-caption-l\">New referral, step {{n}} of 4</span><h1>{{t}}</h1>",
	              TMPL_S("n", s == STEP_CAREGIVER ? "1" : s == STEP_BABY ? "2" : "3"), TMPL_S("t", title));
	if (!rc)
		rc = form_error_summary(&b, fe, &e);
	if (!rc)
		rc = page_form_open(&b, rq, "/referrals/new", &e);
	if (!rc)
		rc = form_hidden(&b, "step", STEPS[s], &e);
	if (!rc && from_check)
		rc = form_hidden(&b, "return", "check", &e);
	struct form_option o[16];
	char labels[16][48];
	if (!rc && s == STEP_CAREGIVER) {
		rc = carry(&b, rq, STEP_CAREGIVER, &e);
		int n = page_code_options(code_relationship, o, labels, 16);
		rc = rc ? rc : form_input(&b, fe, "cg_given", "First name", NULL, F(rq, "cg_given"), "20", "text", "off", &e);
		rc = rc ? rc : form_input(&b, fe, "cg_family", "Last name", NULL, F(rq, "cg_family"), "20", "text", "off", &e);
		rc = rc ? rc : form_radios(&b, fe, "cg_rel", "How are they related to the baby?", NULL, o, n, F(rq, "cg_rel"),
		                           0, NULL, &e);
		rc = rc ? rc : form_date(&b, fe, "cg_dob", "Date of birth (if known)", "For example, 15 3 1994",
		                         F(rq, "cg_dob-day"), F(rq, "cg_dob-month"), F(rq, "cg_dob-year"), &e);
		rc = rc ? rc : form_input(&b, fe, "cg_nhs", "NHS number (if known)", "10 digits, like 485 777 3456",
		                          F(rq, "cg_nhs"), "10", "text", "off", &e);
		rc = rc ? rc : form_input(&b, fe, "cg_postcode", "Postcode (if known)", NULL, F(rq, "cg_postcode"), "10",
		                          "text", "off", &e);
	} else if (!rc && s == STEP_BABY) {
		rc = carry(&b, rq, STEP_BABY, &e);
		struct form_option born[] = {{"yes", "Yes", NULL}, {"no", "No, not yet", NULL}};
		rc = rc ? rc : form_input(&b, fe, "inf_given", "First name", "Before birth, \"Baby\" is fine",
		                          F(rq, "inf_given"), "20", "text", "off", &e);
		rc = rc ? rc : form_input(&b, fe, "inf_family", "Last name", NULL, F(rq, "inf_family"), "20", "text", "off", &e);
		rc = rc ? rc : form_radios(&b, fe, "inf_born", "Has the baby been born?", NULL, born, 2, F(rq, "inf_born"), 1,
		                           NULL, &e);
		rc = rc ? rc : form_date(&b, fe, "inf_dob", "Date of birth (if born)", NULL, F(rq, "inf_dob-day"),
		                         F(rq, "inf_dob-month"), F(rq, "inf_dob-year"), &e);
		rc = rc ? rc : form_input(&b, fe, "inf_gest", "Weeks of pregnancy at birth (if known)",
		                          "Gives the corrected age of a baby born before 37 weeks", F(rq, "inf_gest"), "2",
		                          "text", "off", &e);
		rc = rc ? rc : form_date(&b, fe, "inf_edd", "Due date (if not born yet)", NULL, F(rq, "inf_edd-day"),
		                         F(rq, "inf_edd-month"), F(rq, "inf_edd-year"), &e);
	} else if (!rc) {
		rc = carry(&b, rq, STEP_REFERRAL, &e);
		int n = page_code_options(code_source, o, labels, 16);
		struct form_option ftp[] = {{"yes", "Yes", NULL}, {"no", "No", NULL}, {"unknown", "Not known", NULL}};
		char d[8], m[8], y[8];
		form_date_split(rq->app->today, d, m, y);
		int typed = *F(rq, "received-day") || *F(rq, "received-month") || *F(rq, "received-year");
		rc = rc ? rc : form_date(&b, fe, "received", "Date the referral was received", NULL,
		                         typed ? F(rq, "received-day") : d, typed ? F(rq, "received-month") : m,
		                         typed ? F(rq, "received-year") : y, &e);
		rc = rc ? rc : form_radios(&b, fe, "source", "Who referred the family?", NULL, o, n, F(rq, "source"), 0, NULL,
		                           &e);
		rc = rc ? rc : form_radios(&b, fe, "ftp", "Is this the parent's first baby?", NULL, ftp, 3, F(rq, "ftp"), 1,
		                           NULL, &e);
	}
	if (!rc)
		rc = buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\">Continue</button></form></div></div>");
	return page_form_send(rq, rs, rc, title, s == STEP_CAREGIVER ? "/" : NULL, NULL, fe, &b);
}

static int new_referral_start(struct http_req *rq, struct http_resp *rs)
{
	return step_page(rq, rs, STEP_CAREGIVER, NULL, 0);
}

static int summary_row(struct buf *b, const char *key, const char *value, const char *step, struct dy_err *e)
{
	return TMPL(b, e,
	            "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">{{k}}</dt>"
	            "<dd class=\"nhsuk-summary-list__value\">{{v}}</dd><dd class=\"nhsuk-summary-list__actions\">"
	            "<button class=\"dyad-change\" type=\"submit\" name=\"go\" value=\"{{s}}\">Change<span "
	            "class=\"nhsuk-u-visually-hidden\"> {{k}}</span></button></dd></div>",
	            TMPL_S("k", key), TMPL_S("v", value && *value ? value : "Not given"), TMPL_S("s", step));
}

static int check_page(struct http_req *rq, struct http_resp *rs, struct form_errors *fe)
{
	struct person cg, inf;
	struct episode ep;
	struct form_errors tmp = {0};
	check_caregiver(rq, &cg, &tmp);
	check_baby(rq, &inf, &tmp);
	read_referral(rq, &ep, &tmp);
	struct dy_err e;
	/* Duplicates, and the team's rules applied to these facts. */
	struct referral_duplicates d = {0};
	struct person cg2 = cg, inf2 = inf;
	int drc = app_referral_new_duplicates(rq->app, &cg2, &inf2, &d, &e);
	struct eligibility_config cfg;
	char source[300];
	struct eligibility_result er = {0};
	int erc = app_rules_load(NULL, &cfg, source, sizeof source, &e);
	const char *ftp = F(rq, "ftp");
	enum eligibility_answer first = ELIGIBILITY_ANSWER_UNKNOWN; /* yes, no, or "unknown": not known */
	eligibility_answer_parse(ftp, &first);
	if (!erc) {
		struct eligibility_facts facts = {
			.received = ep.received_on, .infant_dob = inf.date_of_birth, .edd = inf.edd,
			.caregiver_dob = cg.date_of_birth, .first_time_parent = first, .postcode = cg.postcode, .programme = NULL};
		erc = eligibility_evaluate(&cfg, &facts, &er, &e);
	}
	eligibility_config_free(&cfg);

	struct buf b;
	page_body(&b);
	char name[2 * NAME_BYTES + 2], rel[48], dob[32], nhs[16], bname[2 * NAME_BYTES + 2], bdate[64],
		received[32], src[48], gest[32] = "";
	snprintf(name, sizeof name, "%s %s", cg.given_name, cg.family_name);
	page_code(cg.relationship, 1, rel, sizeof rel);
	page_date(cg.date_of_birth, dob, sizeof dob);
	page_nhs_number(cg.nhs_number, nhs, sizeof nhs);
	snprintf(bname, sizeof bname, "%s %s", inf.given_name, inf.family_name);
	if (inf.date_of_birth != DATE_NONE) {
		char d1[32];
		page_date(inf.date_of_birth, d1, sizeof d1);
		snprintf(bdate, sizeof bdate, "Born %s", d1);
		if (inf.gestation_weeks)
			snprintf(gest, sizeof gest, "%d weeks", inf.gestation_weeks);
	} else {
		char d1[32];
		page_date(inf.edd, d1, sizeof d1);
		snprintf(bdate, sizeof bdate, "Due %s", d1);
	}
	page_date(ep.received_on, received, sizeof received);
	page_code(ep.source, 1, src, sizeof src);
	int rc = buf_puts(&b, "<div class=\"nhsuk-grid-row\"><div class=\"nhsuk-grid-column-two-thirds\">"
	              "<span class=\"nhsuk-caption-l\">New referral, step 4 of 4</span>"
	              "<h1>Check your answers before saving the referral</h1>");
	if (!rc)
		rc = form_error_summary(&b, fe, &e);
	if (!rc && !erc && er.eligible)
		rc = buf_puts(&b, "<div class=\"nhsuk-inset-text\"><span class=\"nhsuk-u-visually-hidden\">Information: "
		                  "</span><p>The family meets the team's criteria.</p></div>");
	else if (!rc && !erc) {
		struct buf rs2;
		buf_init(&rs2, 1 << 14);
		for (size_t i = 0; i < er.n_reasons && !rc; i++)
			rc = TMPL(&rs2, &e, "<li>{{r}}</li>", TMPL_S("r", er.reasons[i].text));
		if (!rc)
			rc = TMPL(&b, &e,
			          "<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span "
			          "role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>Does not meet "
			          "the team's criteria</span></h2><ul>{{{r}}}</ul><p>You can still save it: at triage a "
			          "clinician can accept it with a reason, or decline or signpost it.</p></div>",
			          TMPL_HTML("r", &rs2));
		buf_free(&rs2);
	}
	if (!rc && !drc && d.n) {
		struct buf dl;
		buf_init(&dl, 1 << 14);
		for (size_t i = 0; i < d.n && !rc; i++) {
			char href[48], label[48];
			snprintf(href, sizeof href, "/referrals/%lld", (long long)d.ids[i]);
			snprintf(label, sizeof label, "Referral %lld", (long long)d.ids[i]);
			rc = TMPL(&dl, &e, "<li><a href=\"{{h}}\">{{l}}</a></li>", TMPL_S("h", href), TMPL_S("l", label));
		}
		if (!rc)
			rc = TMPL(&b, &e,
			          "<div class=\"nhsuk-warning-callout\" id=\"allow_dup-callout\"><h2 "
			          "class=\"nhsuk-warning-callout__label\"><span role=\"text\"><span "
			          "class=\"nhsuk-u-visually-hidden\">Important: </span>This may be a family already referred"
			          "</span></h2><p>An open referral has the same NHS number, or the same last name and date of "
			          "birth:</p><ul>{{{l}}}</ul></div>",
			          TMPL_HTML("l", &dl));
		buf_free(&dl);
	}
	if (!rc)
		rc = page_form_open(&b, rq, "/referrals/new", &e);
	rc = rc ? rc : form_hidden(&b, "step", "check", &e);
	rc = rc ? rc : carry(&b, rq, -1, &e);
	rc = rc ? rc : buf_puts(&b, "<h2>Parent or carer</h2><dl class=\"nhsuk-summary-list\">");
	rc = rc ? rc : summary_row(&b, "Name", name, "caregiver", &e);
	rc = rc ? rc : summary_row(&b, "Relationship", rel, "caregiver", &e);
	rc = rc ? rc : summary_row(&b, "Date of birth", dob, "caregiver", &e);
	rc = rc ? rc : summary_row(&b, "NHS number", nhs, "caregiver", &e);
	rc = rc ? rc : summary_row(&b, "Postcode", cg.postcode, "caregiver", &e);
	rc = rc ? rc : buf_puts(&b, "</dl><h2>Baby</h2><dl class=\"nhsuk-summary-list\">");
	rc = rc ? rc : summary_row(&b, "Name", bname, "baby", &e);
	rc = rc ? rc : summary_row(&b, "Birth", bdate, "baby", &e);
	if (gest[0])
		rc = rc ? rc : summary_row(&b, "Weeks of pregnancy at birth", gest, "baby", &e);
	rc = rc ? rc : buf_puts(&b, "</dl><h2>Referral</h2><dl class=\"nhsuk-summary-list\">");
	rc = rc ? rc : summary_row(&b, "Received", received, "referral", &e);
	rc = rc ? rc : summary_row(&b, "Referred by", src, "referral", &e);
	rc = rc ? rc : summary_row(&b, "First baby", strcmp(ftp, "yes") == 0 ? "Yes" : strcmp(ftp, "no") == 0 ? "No" : "Not known",
	                           "referral", &e);
	rc = rc ? rc : buf_puts(&b, "</dl>");
	if (!rc && d.n) {
		struct form_option o[] = {{"yes", "These are different people, or I want a new referral anyway", NULL}};
		int on[] = {strcmp(F(rq, "allow_dup"), "yes") == 0};
		rc = form_checkboxes(&b, fe, "allow_dup", "Save despite the open referral?", NULL, o, 1, on, &e);
	}
	if (!rc)
		rc = buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\" name=\"go\" value=\"save\">Save referral</button>"
		          "</form></div></div>");
	return page_form_send(rq, rs, rc, "Check your answers", NULL, NULL, fe, &b);
}

static int save(struct http_req *rq, struct http_resp *rs)
{
	struct form_errors fe = {0};
	struct person cg, inf;
	struct episode ep;
	if (check_caregiver(rq, &cg, &fe) || check_baby(rq, &inf, &fe))
		return step_page(rq, rs, form_error_for(&fe, "inf_given") || fe.v[0].field[0] == 'i' ? STEP_BABY
		                                                                                     : STEP_CAREGIVER,
		                 &fe, 1);
	read_referral(rq, &ep, &fe);
	if (fe.n)
		return step_page(rq, rs, STEP_REFERRAL, &fe, 1);
	enum eligibility_answer ftp = ELIGIBILITY_ANSWER_UNKNOWN; /* yes, no, or "unknown": not known */
	eligibility_answer_parse(F(rq, "ftp"), &ftp);
	struct referral_extra x = {
		.programme = "",
		.first_time_parent = ftp,
		.allow_duplicate = strcmp(F(rq, "allow_dup"), "yes") == 0};
	struct referral_duplicates d;
	struct dy_err e;
	int rc = app_referral_new(rq->app, &cg, &inf, &ep, &x, &d, &e);
	if (rc == DY_ECONFLICT && d.n) {
		form_error(&fe, "allow_dup", "An open referral may be the same family: check it, then tick the box to "
		                             "save anyway");
		return check_page(rq, rs, &fe);
	}
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		form_error_from(&fe, "form", &e);
		return check_page(rq, rs, &fe);
	}
	if (rc)
		return rc;
	char href[48];
	snprintf(href, sizeof href, "/families/%lld", (long long)ep.family_id);
	return http_redirect(rs, href);
}

static int new_referral_post(struct http_req *rq, struct http_resp *rs)
{
	int s = str_index(STEPS, F(rq, "step"));
	const char *go = F(rq, "go");
	int from_check = strcmp(F(rq, "return"), "check") == 0;
	if (s == STEP_CHECK) {
		int to = str_index(STEPS, go);
		if (to >= 0 && to != STEP_CHECK)
			return step_page(rq, rs, (enum step)to, NULL, 1);
		return save(rq, rs);
	}
	struct form_errors fe = {0};
	struct person p;
	struct episode ep;
	if (s == STEP_CAREGIVER)
		check_caregiver(rq, &p, &fe);
	else if (s == STEP_BABY)
		check_baby(rq, &p, &fe);
	else if (s == STEP_REFERRAL)
		read_referral(rq, &ep, &fe);
	else
		return step_page(rq, rs, STEP_CAREGIVER, NULL, 0);
	if (fe.n)
		return step_page(rq, rs, (enum step)s, &fe, from_check);
	if (from_check || s == STEP_REFERRAL)
		return check_page(rq, rs, NULL);
	return step_page(rq, rs, (enum step)(s + 1), NULL, 0);
}

/* ---- Triage ------------------------------------------------------------------------- */

static int triage_page(struct http_req *rq, struct http_resp *rs, int64_t id, struct form_errors *fe)
{
	struct app *a = rq->app;
	struct dy_err e;
	struct referral_view rv;
	int rc = app_referral_view(a, id, &rv, &e);
	if (rc)
		return rc;
	struct family_view fv;
	if ((rc = app_family_view(a, rv.episode.family_id, &fv, &e))) {
		app_referral_view_free(&rv);
		return rc;
	}
	struct eligibility_config cfg;
	char source[300];
	struct referral_check chk;
	memset(&chk, 0, sizeof chk);
	int erc = app_rules_load(NULL, &cfg, source, sizeof source, &e);
	if (!erc)
		erc = app_referral_check(a, id, &cfg, NULL, &chk, &e);
	eligibility_config_free(&cfg);

	struct buf b;
	page_body(&b);
	char received[32], src[48], back[48];
	page_date(rv.episode.received_on, received, sizeof received);
	page_code(rv.episode.source, 1, src, sizeof src);
	snprintf(back, sizeof back, "/families/%lld", (long long)rv.episode.family_id);
	rc = buf_puts(&b, "<div class=\"nhsuk-grid-row\"><div class=\"nhsuk-grid-column-two-thirds\">");
	rc = rc ? rc : page_family_callouts(&b, a, &fv, rq, 0, &e);
	rc = rc ? rc : TMPL(&b, &e, "<h1>Triage the referral</h1><p>Received {{r}} from {{s}}.</p>", TMPL_S("r", received),
	                    TMPL_S("s", src));
	rc = rc ? rc : form_error_summary(&b, fe, &e);
	if (!rc && !erc && chk.result.eligible)
		rc = buf_puts(&b, "<div class=\"nhsuk-inset-text\"><p>The family meets the team's criteria.</p></div>");
	char action[64];
	snprintf(action, sizeof action, "/referrals/%lld/triage", (long long)id);
	rc = rc ? rc : page_form_open(&b, rq, action, &e);
	if (!rc && !erc && !chk.result.eligible) {
		rc = buf_puts(&b, "<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span "
		          "role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>Does not meet the "
		          "team's criteria</span></h2><p>To accept it, give a reason for setting aside each rule below."
		          "</p></div>");
		for (size_t i = 0; i < chk.result.n_reasons && !rc; i++) {
			char name[64];
			snprintf(name, sizeof name, "override_%s", eligibility_rule_code(chk.result.reasons[i].rule));
			rc = form_textarea(&b, fe, name, chk.result.reasons[i].text, "Why accept despite this rule", F(rq, name),
			                   500, &e);
		}
	}
	struct form_option o[] = {{"accepted", "Accept", "The family waits for an assessment"},
	                          {"declined", "Decline", "Give the reason below"},
	                          {"signposted", "Signpost to another service", "Name the service below"}};
	char d[8], m[8], y[8];
	form_date_split(a->today, d, m, y);
	int typed = http_form(rq, "date-day") != NULL;
	rc = rc ? rc : form_radios(&b, fe, "decision", "Decision", NULL, o, 3, F(rq, "decision"), 0,
	                           "nhsuk-fieldset__legend--m", &e);
	rc = rc ? rc : form_textarea(&b, fe, "reason", "Reason or note", "Needed when declining", F(rq, "reason"), 500, &e);
	rc = rc ? rc : form_input(&b, fe, "service", "Service signposted to", NULL, F(rq, "service"), NULL, "text", "off", &e);
	rc = rc ? rc : form_date(&b, fe, "date", "Date of the decision", NULL, typed ? F(rq, "date-day") : d,
	                         typed ? F(rq, "date-month") : m, typed ? F(rq, "date-year") : y, &e);
	rc = rc ? rc : buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\">Save decision</button></form></div></div>");
	app_family_view_free(&fv);
	app_referral_view_free(&rv);
	return page_form_send(rq, rs, rc, "Triage the referral", back, "Back to the family", fe, &b);
}

static int triage_get(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	return triage_page(rq, rs, id, NULL);
}

static int triage_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct form_errors fe = {0};
	const char *decision = F(rq, "decision");
	if (strcmp(decision, "accepted") && strcmp(decision, "declined") && strcmp(decision, "signposted"))
		form_error(&fe, "decision", "Select accept, decline or signpost");
	int32_t date;
	form_date_parse(F(rq, "date-day"), F(rq, "date-month"), F(rq, "date-year"), 1, "date", "date of the decision",
	                &date, &fe);
	const char *reason = page_field_trim(rq, "reason"), *service = page_field_trim(rq, "service");
	if (strcmp(decision, "declined") == 0 && !*reason)
		form_error(&fe, "reason", "Enter why the referral is declined");
	if (strcmp(decision, "signposted") == 0 && !*service)
		form_error(&fe, "service", "Enter the service the family is signposted to");
	if (fe.n)
		return triage_page(rq, rs, id, &fe);
	/* Overrides: every override_<rule> field with text. */
	struct eligibility_override ov[ELIGIBILITY_RULE_COUNT];
	size_t nov = 0;
	for (int r = 0; r < ELIGIBILITY_RULE_COUNT; r++) {
		char name[64];
		snprintf(name, sizeof name, "override_%s", eligibility_rule_code((enum eligibility_rule)r));
		const char *t = page_field_trim(rq, name);
		if (*t) {
			ov[nov].rule = eligibility_rule_code((enum eligibility_rule)r);
			ov[nov].reason = t;
			nov++;
		}
	}
	struct eligibility_config cfg;
	char source[300];
	struct dy_err e;
	int rc = app_rules_load(NULL, &cfg, source, sizeof source, &e);
	if (!rc) {
		struct triage_request t = {id, decision, *reason ? reason : NULL, *service ? service : NULL, date,
		                           strcmp(decision, "accepted") == 0 ? ov : NULL,
		                           strcmp(decision, "accepted") == 0 ? nov : 0};
		rc = app_referral_triage(rq->app, &t, &cfg, NULL, &e);
	}
	eligibility_config_free(&cfg);
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		const char *f = strcmp(e.field, "override") == 0 ? "decision"
		                : form_error_for(&fe, e.field) || !*e.field ? "decision"
		                                                            : e.field;
		if (strcmp(f, "date") && strcmp(f, "reason") && strcmp(f, "service"))
			f = "decision";
		form_error_from(&fe, f, &e);
		return triage_page(rq, rs, id, &fe);
	}
	return rc ? rc : page_to_family(rq, rs, id);
}

/* /referrals/{id}: the family page that holds the referral. */
static int referral_get(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	return page_to_referral(rq, rs, id);
}

const struct http_route page_referral_routes[] = {
	{HTTP_GET, "/referrals/new", new_referral_start, USER_CASEWORK, 0, 0},
	{HTTP_POST, "/referrals/new", new_referral_post, USER_CASEWORK, 0, HTTP_FORM},
	{HTTP_GET, "/referrals/{id}", referral_get, USER_CASEWORK, 0, 0},
	{HTTP_GET, "/referrals/{id}/triage", triage_get, USER_MANAGER | USER_CLINICIAN | USER_OPERATOR, 0, 0},
	{HTTP_POST, "/referrals/{id}/triage", triage_post, USER_MANAGER | USER_CLINICIAN | USER_OPERATOR, 0, HTTP_FORM},
	{0}};
