/* page_group.c: group programmes on the web (app/app_group.h;
 * docs/interventions.md, "Groups"): the team's runs with sessions held and
 * places taken, and the caregivers waiting for each programme's next run;
 * one run with its caregivers' attendance at every session recorded and
 * whether they complete by the programme's rule; and the form that records
 * a session's attendance (one contact per family, refused whole). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_files.h"
#include "app/app_group.h"
#include "http/page.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"

#define TH "<th scope=\"col\" class=\"nhsuk-table__header\">"
#define TD "<td class=\"nhsuk-table__cell\">"

/* The programme's name from the catalogue, else its code. */
static const char *programme(const struct intervention_catalogue *cat, const char *code)
{
	const struct intervention_def *d = intervention_find(cat, code);
	return d ? d->name : code;
}

static void load_catalogue(struct intervention_catalogue *cat)
{
	struct dy_err e;
	if (intervention_load_file(NULL, cat, &e))
		memset(cat, 0, sizeof *cat); /* names fall back to codes */
}

/* ---- The list -------------------------------------------------------------- */

struct runs_ctx {
	struct buf *b;
	const struct intervention_catalogue *cat;
	struct dy_err *e;
	int n, rc;
};

static int run_row(void *ctx, const struct group_run *r)
{
	struct runs_ctx *c = ctx;
	if (c->rc)
		return 0;
	char href[40], starts[32], held[32], places[32];
	snprintf(href, sizeof href, "/groups/%lld", (long long)r->id);
	page_date(r->starts_on, starts, sizeof starts);
	snprintf(held, sizeof held, "%d of %d", r->sessions_held, r->sessions);
	snprintf(places, sizeof places, "%d of %d", r->enrolled, r->capacity);
	c->rc = TMPL(c->b, c->e,
	             "<tr class=\"nhsuk-table__row\">" TD "<a href=\"{{h}}\">{{p}}</a></td>" TD "{{s}}</td>" TD
	             "{{v}}</td>" TD "{{held}}</td>" TD "{{pl}}</td></tr>",
	             TMPL_S("h", href), TMPL_S("p", programme(c->cat, r->intervention)), TMPL_S("s", starts),
	             TMPL_S("v", r->venue), TMPL_S("held", held), TMPL_S("pl", places));
	c->n++;
	return 0;
}

struct wait_ctx {
	char code[INTERVENTION_MAX][INTERVENTION_CODE_MAX];
	int count[INTERVENTION_MAX];
	int32_t since[INTERVENTION_MAX];
	int n;
};

static int wait_row(void *ctx, const struct group_wait *w)
{
	struct wait_ctx *c = ctx;
	int i = 0;
	while (i < c->n && strcmp(c->code[i], w->intervention) != 0)
		i++;
	if (i == c->n) {
		if (c->n == INTERVENTION_MAX)
			return 0;
		str_copy(c->code[c->n], sizeof c->code[0], w->intervention);
		c->count[c->n] = 0;
		c->since[c->n++] = w->added_on;
	}
	c->count[i]++;
	if (w->added_on < c->since[i])
		c->since[i] = w->added_on;
	return 0;
}

static int groups_get(struct http_req *rq, struct http_resp *rs)
{
	struct intervention_catalogue cat;
	load_catalogue(&cat);
	struct buf b, rows, waits;
	page_body(&b);
	buf_init(&rows, PAGE_BODY_MAX);
	buf_init(&waits, PAGE_BODY_MAX);
	struct dy_err e;
	struct runs_ctx c = {&rows, &cat, &e, 0, 0};
	int rc = app_group_list(rq->app, run_row, &c, &e);
	rc = rc ? rc : c.rc;
	struct wait_ctx *w = xcalloc(1, sizeof *w);
	if (!rc)
		rc = app_group_waiting(rq->app, NULL, wait_row, w, &e);
	for (int i = 0; !rc && i < w->n; i++) {
		char count[16], since[32];
		snprintf(count, sizeof count, "%d", w->count[i]);
		page_date(w->since[i], since, sizeof since);
		rc = TMPL(&waits, &e, "<tr class=\"nhsuk-table__row\">" TD "{{p}}</td>" TD "{{n}}</td>" TD "{{s}}</td></tr>",
		          TMPL_S("p", programme(&cat, w->code[i])), TMPL_S("n", count), TMPL_S("s", since));
	}
	if (!rc)
		rc = TMPL(&b, &e,
		          "<h1>Groups</h1>"
		          "{{#runs}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">Group runs, latest "
		          "start first</caption><thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">" TH
		          "Programme</th>" TH "Starts</th>" TH "Venue</th>" TH "Sessions held</th>" TH
		          "Places taken</th></tr></thead><tbody class=\"nhsuk-table__body\">{{{runs}}}</tbody></table>"
		          "{{/runs}}{{^runs}}<p>No group runs yet. Add one with <code>dyad group add</code>.</p>{{/runs}}"
		          "<h2>Waiting for the next run</h2>"
		          "{{#waits}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption "
		          "nhsuk-u-visually-hidden\">Caregivers waiting, by programme</caption><thead "
		          "class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">" TH "Programme</th>" TH
		          "Caregivers waiting</th>" TH "Waiting since</th></tr></thead><tbody "
		          "class=\"nhsuk-table__body\">{{{waits}}}</tbody></table>{{/waits}}"
		          "{{^waits}}<p>No one is waiting for a group.</p>{{/waits}}",
		          TMPL_HTML("runs", &rows), TMPL_HTML("waits", &waits));
	free(w);
	buf_free(&rows);
	buf_free(&waits);
	intervention_catalogue_free(&cat);
	if (rc) {
		buf_free(&b);
		return rc < 0 ? rc : DY_EINTERNAL;
	}
	return page_send(rq, rs, 200, "Groups", "/", "Home", NULL, &b);
}

/* ---- One run ---------------------------------------------------------------- */

struct run_view {
	struct group_run r;
	struct group_member *m;
	int nm;
	struct group_mark *k;
	int nk;
};

static int add_member(void *ctx, const struct group_member *m)
{
	struct run_view *v = ctx;
	v->m = xrealloc(v->m, (size_t)(v->nm + 1) * sizeof *v->m);
	v->m[v->nm++] = *m;
	return 0;
}

static int add_mark(void *ctx, const struct group_mark *k)
{
	struct run_view *v = ctx;
	v->k = xrealloc(v->k, (size_t)(v->nk + 1) * sizeof *v->k);
	v->k[v->nk++] = *k;
	return 0;
}

static void run_view_free(struct run_view *v)
{
	free(v->m);
	free(v->k);
}

/* The mark of enrolment en at session number: "Attended", "Did not attend"
 * or "" (not recorded for them). */
static const char *mark_of(const struct run_view *v, int number, int64_t en)
{
	for (int i = 0; i < v->nk; i++)
		if (v->k[i].number == number && v->k[i].enrolment_id == en)
			return v->k[i].attended ? "Attended" : "Did not attend";
	return "";
}

/* The numbers of the sessions recorded, in order, and the next one free. */
static int sessions_held(const struct run_view *v, int *numbers, int32_t *dates, int max)
{
	int n = 0;
	for (int i = 0; i < v->nk && n < max; i++)
		if (!n || numbers[n - 1] != v->k[i].number) {
			numbers[n] = v->k[i].number;
			dates[n++] = v->k[i].date;
		}
	return n;
}

static int attendance_table(struct buf *b, const struct run_view *v, struct dy_err *e)
{
	int numbers[GROUP_MAX_SESSIONS];
	int32_t dates[GROUP_MAX_SESSIONS];
	int ns = sessions_held(v, numbers, dates, GROUP_MAX_SESSIONS);
	struct buf head, rows;
	buf_init(&head, PAGE_BODY_MAX);
	buf_init(&rows, PAGE_BODY_MAX);
	int rc = 0;
	for (int i = 0; !rc && i < ns; i++) {
		char num[16], date[32];
		snprintf(num, sizeof num, "%d", numbers[i]);
		page_date(dates[i], date, sizeof date);
		rc = TMPL(&head, e, TH "Session {{n}}<br><span class=\"nhsuk-body-s\">{{d}}</span></th>", TMPL_S("n", num),
		          TMPL_S("d", date));
	}
	for (int j = 0; !rc && j < v->nm; j++) {
		const struct group_member *m = &v->m[j];
		char ref[40], att[32];
		snprintf(ref, sizeof ref, "/referrals/%lld", (long long)m->en.episode_id);
		snprintf(att, sizeof att, "%d of %d", m->en.attended, v->r.sessions);
		rc = TMPL(&rows, e, "<tr class=\"nhsuk-table__row\">" TD "<a href=\"{{r}}\">{{name}}</a></td>",
		          TMPL_S("r", ref), TMPL_S("name", m->name[0] ? m->name : "(not found)"));
		for (int i = 0; !rc && i < ns; i++)
			rc = TMPL(&rows, e, TD "{{m}}{{^m}}<span class=\"nhsuk-u-visually-hidden\">not recorded</span>{{/m}}</td>",
			          TMPL_S("m", mark_of(v, numbers[i], m->en.id)));
		const char *done = m->completion_min <= 0 ? "No rule"
		                   : m->completed         ? "Completed"
		                   : m->en.recorded >= v->r.sessions ? "Did not complete"
		                                                     : "Not yet";
		rc = rc ? rc
		        : TMPL(&rows, e,
		               TD "{{a}}</td>" TD "<strong class=\"nhsuk-tag{{#grey}} nhsuk-tag--grey{{/grey}}\">{{d}}</strong>"
		                  "</td></tr>",
		               TMPL_S("a", att), TMPL_S("d", done), TMPL_S("grey", m->completed ? "" : "1"));
	}
	rc = rc ? rc
	        : TMPL(b, e,
	               "<h2 id=\"attendance\">Attendance</h2>{{#rows}}<div class=\"dyad-table-scroll\"><table "
	               "class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption nhsuk-u-visually-hidden\">Attendance "
	               "of each caregiver at each session recorded</caption><thead class=\"nhsuk-table__head\"><tr "
	               "class=\"nhsuk-table__row\">" TH "Caregiver</th>{{{head}}}" TH "Attended</th>" TH
	               "Completion</th></tr></thead><tbody class=\"nhsuk-table__body\">{{{rows}}}</tbody></table></div>"
	               "{{/rows}}{{^rows}}<p>No one is enrolled in this run yet.</p>{{/rows}}",
	               TMPL_HTML("head", &head), TMPL_HTML("rows", &rows));
	buf_free(&head);
	buf_free(&rows);
	return rc;
}

static int group_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	struct run_view v = {0};
	struct dy_err e;
	int rc = app_group_show(rq->app, id, &v.r, add_member, &v, NULL, &e);
	if (!rc)
		rc = app_group_marks(rq->app, id, add_mark, &v, &e);
	if (rc) {
		run_view_free(&v);
		return rc;
	}
	struct intervention_catalogue cat;
	load_catalogue(&cat);
	const struct intervention_def *def = intervention_find(&cat, v.r.intervention);
	char starts[32], held[32], places[32], rule[80] = "None in the intervention catalogue", action[48], next[16];
	page_date(v.r.starts_on, starts, sizeof starts);
	snprintf(held, sizeof held, "%d of %d", v.r.sessions_held, v.r.sessions);
	snprintf(places, sizeof places, "%d of %d", v.r.enrolled, v.r.capacity);
	if (def && def->completion_min_sessions > 0)
		snprintf(rule, sizeof rule, "At least %d sessions attended", def->completion_min_sessions);
	snprintf(action, sizeof action, "/groups/%lld/sessions", (long long)id);
	int numbers[GROUP_MAX_SESSIONS];
	int32_t dates[GROUP_MAX_SESSIONS];
	int ns = sessions_held(&v, numbers, dates, GROUP_MAX_SESSIONS), free_n = 1;
	for (int i = 0; i < ns; i++)
		free_n += numbers[i] == free_n;
	snprintf(next, sizeof next, "%d", free_n);
	struct buf b;
	page_body(&b);
	rc = TMPL(&b, &e,
	          "<h1>{{p}}</h1><dl class=\"nhsuk-summary-list\">"
	          "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">Starts</dt><dd "
	          "class=\"nhsuk-summary-list__value\">{{s}}</dd></div>"
	          "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">Venue</dt><dd "
	          "class=\"nhsuk-summary-list__value\">{{venue}}</dd></div>"
	          "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">Sessions held</dt><dd "
	          "class=\"nhsuk-summary-list__value\">{{held}}</dd></div>"
	          "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">Places taken</dt><dd "
	          "class=\"nhsuk-summary-list__value\">{{pl}}</dd></div>"
	          "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">Completes with</dt><dd "
	          "class=\"nhsuk-summary-list__value\">{{rule}}</dd></div></dl>",
	          TMPL_S("p", programme(&cat, v.r.intervention)), TMPL_S("s", starts), TMPL_S("venue", v.r.venue),
	          TMPL_S("held", held), TMPL_S("pl", places), TMPL_S("rule", rule));
	rc = rc ? rc : attendance_table(&b, &v, &e);
	/* The form: which session, when, how long, and who was there. */
	struct form_option *who = xcalloc((size_t)v.nm + 1, sizeof *who);
	char (*ids)[24] = xcalloc((size_t)v.nm + 1, sizeof *ids);
	int *on = xcalloc((size_t)v.nm + 1, sizeof *on);
	const char *ticked[GROUP_MAX_CAPACITY];
	int nt = http_form_all(rq, "attended", ticked, GROUP_MAX_CAPACITY);
	for (int j = 0; j < v.nm; j++) {
		snprintf(ids[j], sizeof ids[0], "%lld", (long long)v.m[j].en.person_id);
		who[j] = (struct form_option){ids[j], v.m[j].name, NULL};
		for (int t = 0; t < nt; t++)
			on[j] |= strcmp(ticked[t], ids[j]) == 0;
	}
	int typed = http_form(rq, "date-day") != NULL;
	char d[8], m[8], y[8];
	form_date_split(rq->app->today, d, m, y);
	if (v.nm && v.r.sessions_held < v.r.sessions) {
		rc = rc ? rc : buf_puts(&b, "<h2 id=\"record\">Record a session</h2>");
		rc = rc ? rc : form_error_summary(&b, fe, &e);
		rc = rc ? rc : page_form_open(&b, rq, action, &e);
		rc = rc ? rc : form_input(&b, fe, "number", "Session number", NULL, typed ? page_field(rq, "number") : next,
		                          "3", "text", "off", &e);
		rc = rc ? rc : form_date(&b, fe, "date", "Date of the session", NULL, typed ? page_field(rq, "date-day") : d,
		                         typed ? page_field(rq, "date-month") : m, typed ? page_field(rq, "date-year") : y, &e);
		rc = rc ? rc : form_input(&b, fe, "duration", "Length in minutes (if known)", NULL,
		                          page_field(rq, "duration"), "3", "text", "off", &e);
		rc = rc ? rc : form_checkboxes(&b, fe, "attended", "Who attended", "Everyone else enrolled is recorded "
		                               "as did not attend", who, v.nm, on, &e);
		rc = rc ? rc : buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\">Save attendance</button></form>");
	}
	free(who);
	free(ids);
	free(on);
	char title[INTERVENTION_NAME_MAX + 8];
	snprintf(title, sizeof title, "%s", programme(&cat, v.r.intervention));
	intervention_catalogue_free(&cat);
	run_view_free(&v);
	if (rc) {
		buf_free(&b);
		return rc < 0 ? rc : DY_EINTERNAL;
	}
	return page_send(rq, rs, fe && fe->n ? 400 : 200, title, "/groups", "Back to groups", fe, &b);
}

static int group_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, group_page); }

static int session_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct form_errors fe = {0};
	int number = 0, duration = -1;
	int32_t date = DATE_NONE;
	if (str_parse_int(page_field_trim(rq, "number"), 1, GROUP_MAX_SESSIONS, &number))
		form_error(&fe, "number", "Session number must be a number from 1 to the run's sessions");
	form_date_parse(page_field(rq, "date-day"), page_field(rq, "date-month"), page_field(rq, "date-year"), 1, "date",
	                "date of the session", &date, &fe);
	const char *dur = page_field_trim(rq, "duration");
	if (*dur && str_parse_int(dur, 1, 600, &duration))
		form_error(&fe, "duration", "Length must be a number of minutes from 1 to 600");
	const char *v[GROUP_MAX_CAPACITY + 1];
	int64_t attended[GROUP_MAX_CAPACITY];
	int k = http_form_all(rq, "attended", v, GROUP_MAX_CAPACITY + 1), n = 0;
	if (k > GROUP_MAX_CAPACITY)
		form_error(&fe, "attended", "Choose at most the run's places");
	for (int i = 0; i < k && n < GROUP_MAX_CAPACITY; i++)
		if (str_parse_i64(v[i], 1, INT64_MAX, &attended[n++]))
			form_error(&fe, "attended", "Choose from the caregivers enrolled");
	if (fe.n)
		return group_page(rq, rs, id, &fe);
	struct dy_err e;
	int written = 0;
	int rc = app_group_session(rq->app, id, number, date, attended, n, duration, &written, &e);
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		const char *f = strcmp(e.field, "number") == 0 || strcmp(e.field, "date") == 0 ? e.field : "attended";
		form_error_from(&fe, f, &e);
		return group_page(rq, rs, id, &fe);
	}
	if (rc)
		return rc;
	char href[48];
	snprintf(href, sizeof href, "/groups/%lld#attendance", (long long)id);
	return http_redirect(rs, href);
}

const struct http_route page_group_routes[] = {
	{HTTP_GET, "/groups", groups_get, USER_CASEWORK, 0, 0},
	{HTTP_GET, "/groups/{id}", group_get, USER_CASEWORK, 0, 0},
	{HTTP_POST, "/groups/{id}/sessions", session_post, USER_CASEWORK, 0, HTTP_FORM},
	{0}};
