/* page_measure.c: entering an outcome measure as radios, one row per item,
 * scored when saved; the confirmation page with each scale's score and
 * band and any risk flag shown at once; and a clinician's acknowledgement
 * of a risk flag. Item wording shows only when the service has loaded its
 * licensed text; otherwise the neutral labels ("Item 3"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_episode.h"
#include "app/app_family.h"
#include "app/app_measure.h"
#include "app/app_risk.h"
#include "core/codes.h"
#include "http/page.h"
#include "http/page_family.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"

static const char *F(const struct http_req *rq, const char *name)
{
	return page_field(rq, name);
}

static int instrument_of(struct http_req *rq, const char *id, const struct instrument **out)
{
	const struct instrument_set *set;
	struct dy_err e;
	int rc = app_instruments(rq->app, &set, &e);
	if (rc)
		return rc;
	*out = id ? instrument_set_find(set, id) : NULL;
	return *out ? 0 : DY_ENOTFOUND;
}

/* ---- Choosing the measure ------------------------------------------------------------ */

static int choose_get(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	const struct instrument_set *set;
	struct dy_err e;
	int rc = app_instruments(rq->app, &set, &e);
	if (rc)
		return rc;
	const char *chosen = http_query(rq, "instrument");
	if (chosen && *chosen) {
		if (!instrument_set_find(set, chosen))
			return DY_ENOTFOUND;
		char href[128];
		snprintf(href, sizeof href, "/referrals/%lld/measures/new/%s", (long long)id, chosen);
		return http_redirect(rs, href);
	}
	struct buf b;
	char back[48];
	if ((rc = page_episode_caption(&b, rq, id, 0, back, &e)))
		return rc;
	struct form_option *o = xcalloc(set->n + 1, sizeof *o);
	for (size_t i = 0; i < set->n; i++)
		o[i] = (struct form_option){set->v[i]->id, set->v[i]->name, NULL};
	char action[64];
	snprintf(action, sizeof action, "/referrals/%lld/measures/new", (long long)id);
	rc = TMPL(&b, &e,
	          "<h1>Enter a measure</h1><form method=\"get\" action=\"{{a}}\">", TMPL_S("a", action));
	rc = rc ? rc : page_select(&b, NULL, "instrument", "Which measure?", o, (int)set->n, NULL, &e);
	rc = rc ? rc : buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\">Continue</button></form>");
	free(o);
	if (rc) {
		buf_free(&b);
		return DY_EINTERNAL;
	}
	return page_send(rq, rs, 200, "Enter a measure", back, "Back to the family", NULL, &b);
}

/* ---- The form ----------------------------------------------------------------------- */

static int item_radios(struct buf *b, const struct form_errors *fe, const struct instrument *in, int i,
                       const struct http_req *rq, struct dy_err *e)
{
	const struct instr_item *it = &in->items[i];
	char name[16], legend[600];
	snprintf(name, sizeof name, "item%d", i + 1);
	if (it->text && *it->text)
		snprintf(legend, sizeof legend, "%d. %s", i + 1, it->text);
	else
		snprintf(legend, sizeof legend, "%s", it->label);
	struct form_option o[INSTR_MAX_VALUES + 101];
	char vals[INSTR_MAX_VALUES + 101][12];
	int n = 0;
	if (it->nvalues)
		for (int k = 0; k < it->nvalues; k++) {
			snprintf(vals[n], sizeof vals[0], "%d", it->values[k]);
			o[n] = (struct form_option){vals[n], vals[n], NULL};
			n++;
		}
	else
		for (int v = it->min; v <= it->max && n < INSTR_MAX_VALUES + 100; v++) {
			snprintf(vals[n], sizeof vals[0], "%d", v);
			o[n] = (struct form_option){vals[n], vals[n], NULL};
			n++;
		}
	if (n > 11) {
		/* A wide range (a rating out of 100) is typed, not picked. */
		char hint[64];
		snprintf(hint, sizeof hint, "A whole number from %d to %d", it->min, it->max);
		return form_input(b, fe, name, legend, hint, F(rq, name), "3", "text", "off", e);
	}
	int rc = buf_puts(b, "<div class=\"dyad-item\">");
	rc = rc ? rc : form_radios(b, fe, name, legend, NULL, o, n, F(rq, name), 1, NULL, e);
	return rc ? rc : buf_puts(b, "</div>");
}

static int measure_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct instrument *in,
                        const struct form_errors *fe)
{
	struct episode_page pg;
	int rc = page_episode_open(&pg, rq, id);
	if (rc)
		return rc;
	char action[128], title[160];
	snprintf(action, sizeof action, "/referrals/%lld/measures/new/%s", (long long)id, in->id);
	snprintf(title, sizeof title, "%s", in->name);
	struct form_option tp[8];
	char ltp[8][48];
	int ntp = page_code_options(code_timepoint, tp, ltp, 8);
	rc = page_episode_form(&pg, rq, fe, title, action, "Date completed");
	rc = rc ? rc
	          : form_radios(&pg.b, fe, "timepoint", "When in the work", NULL, tp, ntp, F(rq, "timepoint"), 1, NULL,
	                        &pg.e);
	/* Who completed it: a caregiver of the family, or the practitioner who rated it. */
	if (!rc && in->completed_by == ROLE_CAREGIVER) {
		struct form_option o[16];
		char l[16][2 * NAME_BYTES + 2], v[16][24];
		int n = 0;
		for (int i = 0; i < pg.fv.npeople && n < 16; i++)
			if (strcmp(pg.fv.people[i].role, "caregiver") == 0) {
				page_person_name(&pg.fv.people[i], l[n], sizeof l[0]);
				snprintf(v[n], sizeof v[0], "%lld", (long long)pg.fv.people[i].id);
				o[n] = (struct form_option){v[n], l[n], NULL};
				n++;
			}
		const char *dflt = n == 1 ? v[0] : NULL;
		rc = form_radios(&pg.b, fe, "respondent", "Completed by", NULL, o, n,
		                 http_form(rq, "respondent") ? F(rq, "respondent") : dflt, 0, NULL, &pg.e);
	} else if (!rc) {
		struct page_prac_opts *p = xmalloc(sizeof *p);
		page_practitioners(rq->app, p, &pg.e);
		const char *chosen = F(rq, "practitioner");
		rc = p->n <= 8 ? form_radios(&pg.b, fe, "practitioner", "Rated by", NULL, p->o, p->n, chosen, 0, NULL, &pg.e)
		               : page_select(&pg.b, fe, "practitioner", "Rated by", p->o, p->n, chosen, &pg.e);
		free(p);
	}
	rc = rc ? rc : TMPL(&pg.b, &pg.e, "<h2>Answers</h2>{{#w}}<p>{{w}}</p>{{/w}}",
	                    TMPL_S("w", in->nitems && !in->items[0].text
	                                    ? "Item wording is not loaded for this measure: the items are numbered as "
	                                      "on the licensed form."
	                                    : ""));
	for (int i = 0; i < in->nitems && !rc; i++)
		rc = item_radios(&pg.b, fe, in, i, rq, &pg.e);
	rc = rc ? rc : buf_puts(&pg.b, "<button class=\"nhsuk-button\" type=\"submit\">Save and score</button></form>");
	return page_episode_send(&pg, rq, rs, rc, title, fe);
}

static int measure_get(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	const struct instrument *in;
	if (http_param_id(rq, "id", &id) || instrument_of(rq, http_param(rq, "instrument"), &in))
		return DY_ENOTFOUND;
	return measure_page(rq, rs, id, in, NULL);
}

static int measure_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	const struct instrument *in;
	if (http_param_id(rq, "id", &id) || instrument_of(rq, http_param(rq, "instrument"), &in))
		return DY_ENOTFOUND;
	struct form_errors fe = {0};
	struct measure_entry m;
	memset(&m, 0, sizeof m);
	m.episode_id = id;
	str_copy(m.instrument, sizeof m.instrument, in->id);
	form_date_parse(F(rq, "date-day"), F(rq, "date-month"), F(rq, "date-year"), 1, "date", "date completed", &m.date,
	                &fe);
	str_copy(m.timepoint, sizeof m.timepoint, F(rq, "timepoint"));
	if (str_index(code_timepoint, m.timepoint) < 0)
		form_error(&fe, "timepoint", "Select when in the work it was completed");
	const char *who = in->completed_by == ROLE_CAREGIVER ? "respondent" : "practitioner";
	int64_t pid = 0;
	if (str_parse_i64(F(rq, who), 1, INT64_MAX, &pid))
		form_error(&fe, who, in->completed_by == ROLE_CAREGIVER ? "Select who completed it" : "Select who rated it");
	if (in->completed_by == ROLE_CAREGIVER)
		m.respondent_id = pid;
	else
		m.practitioner_id = pid;
	/* The responses, item by item; an unanswered item stays empty. */
	size_t used = 0;
	for (int i = 0; i < in->nitems; i++) {
		char name[16];
		snprintf(name, sizeof name, "item%d", i + 1);
		const char *v = F(rq, name);
		int x;
		if (*v && str_parse_int(v, -INSTR_VALUE_LIMIT, INSTR_VALUE_LIMIT, &x)) {
			form_error(&fe, name, "Select one of the answers");
			v = "";
		}
		if (!*v && !form_error_for(&fe, name)) {
			/* Every item is asked for: a blank risk item (EPDS item 10) must never pass unseen. */
			char msg[64];
			snprintf(msg, sizeof msg, "Select an answer for item %d", i + 1);
			form_error(&fe, name, msg);
		}
		used += (size_t)snprintf(m.responses + used, used < sizeof m.responses ? sizeof m.responses - used : 0,
		                         "%s%s", i ? ";" : "", v);
	}
	if (fe.n)
		return measure_page(rq, rs, id, in, &fe);
	struct measure_record rec;
	struct score_result res;
	struct dy_err e;
	int rc = app_measure_record(rq->app, &m, &rec, &res, &e);
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		const char *f = e.field;
		if (strcmp(f, "responses") == 0 && e.index >= 1 && e.index <= in->nitems) {
			static _Thread_local char nm[16];
			snprintf(nm, sizeof nm, "item%d", e.index);
			f = nm;
		} else if (strcmp(f, "date") && strcmp(f, "timepoint")) {
			f = strcmp(f, "responses") == 0 ? "item1" : "date";
		}
		form_error_from(&fe, f, &e);
		return measure_page(rq, rs, id, in, &fe);
	}
	if (rc)
		return rc;
	char href[96];
	snprintf(href, sizeof href, "/referrals/%lld/measures/%lld", (long long)id, (long long)rec.m.id);
	return http_redirect(rs, href);
}

/* ---- Confirmation: scores, bands and risk flags ------------------------------------- */

struct find_measure {
	int64_t id;
	int found;
	struct measure_view v;
};

static int pick(void *ctx, const struct measure_view *v)
{
	struct find_measure *f = ctx;
	if (v->rec.m.id == f->id) {
		f->v = *v;
		f->found = 1;
	}
	return 0;
}

static int result_get(struct http_req *rq, struct http_resp *rs)
{
	int64_t id, mid;
	if (http_param_id(rq, "id", &id) || http_param_id(rq, "mid", &mid))
		return DY_ENOTFOUND;
	struct dy_err e;
	struct find_measure *fm = xcalloc(1, sizeof *fm);
	fm->id = mid;
	int rc = app_measure_list(rq->app, id, pick, fm, &e);
	if (rc || !fm->found) {
		free(fm);
		return rc ? rc : DY_ENOTFOUND;
	}
	const struct instrument *in = NULL;
	instrument_of(rq, fm->v.rec.m.instrument, &in);
	struct buf b, rows;
	buf_init(&rows, 1 << 16);
	char back[48];
	if ((rc = page_episode_caption(&b, rq, id, mid, back, &e))) {
		free(fm);
		buf_free(&rows);
		return rc;
	}
	char when[32], title[160];
	page_date(fm->v.rec.m.date, when, sizeof when);
	snprintf(title, sizeof title, "%s saved", in ? in->short_name : fm->v.rec.m.instrument);
	for (int i = 0; i < fm->v.nscores && !rc; i++) {
		const struct stored_score *s = &fm->v.scores[i];
		int si = in ? instrument_scale_index(in, s->scale) : -1;
		char val[32], uv[96] = "";
		if (s->present)
			snprintf(val, sizeof val, "%g", s->value);
		/* A band or cut-off not yet checked against its source says so (docs/instruments.md). */
		if (si >= 0)
			instrument_unverified_text(in, si, uv, sizeof uv);
		rc = TMPL(&rows, &e,
		          "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">{{n}}</dt>"
		          "<dd class=\"nhsuk-summary-list__value\">{{#p}}<strong>{{v}}</strong>{{#band}}, {{band}}{{/band}}"
		          "{{#uv}} <strong class=\"nhsuk-tag nhsuk-tag--grey dyad-unverified\">{{uv}}</strong>{{/uv}}"
		          "{{/p}}{{^p}}No score: {{why}}{{/p}}</dd></div>",
		          TMPL_S("n", si >= 0 ? in->scales[si].name : s->scale), TMPL_S("p", s->present ? "1" : ""),
		          TMPL_S("v", val), TMPL_S("band", s->band), TMPL_S("uv", uv), TMPL_S("why", s->reason));
	}
	rc = rc ? rc : TMPL(&b, &e, "<h1>{{t}}</h1><p>Completed {{w}}, scored when saved.</p>", TMPL_S("t", title),
	                    TMPL_S("w", when));
	for (int i = 0; i < fm->v.nrisks && !rc; i++) {
		const struct stored_risk *r = &fm->v.risks[i];
		const char *label = r->risk;
		for (int q = 0; in && q < in->nrisks; q++)
			if (strcmp(in->risks[q].id, r->risk) == 0)
				label = in->risks[q].label;
		char item[16], action[64], ack[32];
		snprintf(item, sizeof item, "%d", r->item);
		snprintf(action, sizeof action, "/measures/%lld/acknowledge", (long long)mid);
		page_date(r->acknowledged_on, ack, sizeof ack);
		rc = TMPL(&b, &e,
		          "<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span "
		          "role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>Risk to follow up now"
		          "</span></h2><p>{{label}}.</p>"
		          "{{#by}}<p>Acknowledged by {{by}} on {{ack}}.</p>{{/by}}"
		          "{{^by}}<p>Follow the team's risk procedure today. This shows on the family page until a "
		          "clinician acknowledges it.</p><form method=\"post\" action=\"{{action}}\" novalidate><input type=\"hidden\" "
		          "name=\"csrf\" value=\"{{c}}\"><input type=\"hidden\" name=\"back\" value=\"{{back}}\">"
		          "<div class=\"nhsuk-form-group\"><label class=\"nhsuk-label\" for=\"action-{{item}}\">Action taken "
		          "(required)</label><textarea class=\"nhsuk-textarea\" id=\"action-{{item}}\" name=\"action\" rows=\"2\" "
		          "maxlength=\"500\" required></textarea></div>"
		          "<button class=\"nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0\" type=\"submit\">"
		          "Acknowledge the risk</button></form>{{/by}}</div>",
		          TMPL_S("item", item), TMPL_S("label", label), TMPL_S("by", r->acknowledged_by), TMPL_S("ack", ack),
		          TMPL_S("action", action), TMPL_S("c", rq->csrf), TMPL_S("back", back));
	}
	rc = rc ? rc : TMPL(&b, &e,
	                    "<h2>Scores</h2><dl class=\"nhsuk-summary-list\">{{{rows}}}</dl>"
	                    "<a class=\"nhsuk-button\" href=\"{{back}}\">Back to the family</a>",
	                    TMPL_HTML("rows", &rows), TMPL_S("back", back));
	buf_free(&rows);
	free(fm);
	if (rc) {
		buf_free(&b);
		return DY_EINTERNAL;
	}
	return page_send(rq, rs, 200, title, back, "Back to the family", NULL, &b);
}

static int acknowledge_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t mid;
	if (http_param_id(rq, "id", &mid))
		return DY_ENOTFOUND;
	int n;
	struct dy_err e;
	int rc = app_risk_acknowledge(rq->app, mid, F(rq, "action"), &n, &e);
	const char *back = F(rq, "back");
	if (rc == DY_EINVAL) {
		/* Refused (no action written): the form again, with what was typed. */
		struct form_errors fe = {0};
		if (!*page_field_trim(rq, "action"))
			form_error(&fe, "action", "Enter the action taken after reviewing the risk");
		else
			form_error_from(&fe, "action", &e);
		struct buf b;
		page_body(&b);
		char url[64];
		snprintf(url, sizeof url, "/measures/%lld/acknowledge", (long long)mid);
		rc = buf_puts(&b, "<h1>Acknowledge the risk</h1>");
		rc = rc ? rc : form_error_summary(&b, &fe, &e);
		rc = rc ? rc : page_form_open(&b, rq, url, &e);
		rc = rc ? rc : form_hidden(&b, "back", back, &e);
		rc = rc ? rc : form_textarea(&b, &fe, "action", "Action taken", "What was done about the risk, and when",
		                             F(rq, "action"), 500, &e);
		rc = rc ? rc : buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\">Acknowledge the risk</button></form>");
		if (rc) {
			buf_free(&b);
			return DY_EINTERNAL;
		}
		return page_send(rq, rs, 400, "Acknowledge the risk", *back ? back : "/", "Back to the family", &fe, &b);
	}
	if (rc && rc != DY_ECONFLICT) /* already acknowledged: nothing left to do */
		return rc;
	return http_redirect(rs, *back ? back : "/");
}

#define CLINICAL (USER_MANAGER | USER_CLINICIAN | USER_OPERATOR)

const struct http_route page_measure_routes[] = {
	{HTTP_GET, "/referrals/{id}/measures/new", choose_get, CLINICAL, 0, 0},
	{HTTP_GET, "/referrals/{id}/measures/new/{instrument}", measure_get, CLINICAL, 0, 0},
	{HTTP_POST, "/referrals/{id}/measures/new/{instrument}", measure_post, CLINICAL, 0, HTTP_FORM},
	{HTTP_GET, "/referrals/{id}/measures/{mid}", result_get, CLINICAL, 0, 0},
	{HTTP_POST, "/measures/{id}/acknowledge", acknowledge_post, CLINICAL, 0, HTTP_FORM},
	{0}};
