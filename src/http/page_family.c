/* page_family.c: find a family, and the family page: who is in the family
 * (infant age with corrected age), the safeguarding callout and every risk
 * flag not yet acknowledged at the top, then each referral with its state
 * as a tag and the actions its state allows, a timeline of contacts,
 * measures and state changes, each measure's scales as a trend chart with
 * its band, and the goals. All data comes through app/, which checks the
 * user's role and team and audits the look. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_alerts.h"

#include "app/app_episode.h"
#include "app/app_audit.h"
#include "app/app_family.h"
#include "app/app_measure.h"
#include "app/app_merge.h"
#include "app/app_pathway.h"
#include "app/app_scope.h"
#include "app/app_search.h"
#include "core/age.h"
#include "http/family_copy.h"
#include "http/page.h"
#include "http/page_appointment.h"
#include "http/page_careplan.h"
#include "http/page_family.h"
#include "http/page_merge.h"
#include "http/routes.h"
#include "http/svg_chart.h"
#include "util/date.h"
#include "util/str.h"

/* ---- Shared pieces ------------------------------------------------------------ */

int page_state_tag(struct buf *b, enum episode_state s, struct dy_err *e)
{
	static const char *const colour[EPISODE_STATE_COUNT] = {
		[EPISODE_RECEIVED] = "nhsuk-tag--blue",          [EPISODE_AWAITING_ASSESSMENT] = "nhsuk-tag--orange",
		[EPISODE_DECLINED] = "nhsuk-tag--grey",          [EPISODE_SIGNPOSTED] = "nhsuk-tag--grey",
		[EPISODE_ASSESSED] = "nhsuk-tag--aqua-green",    [EPISODE_AWAITING_INTERVENTION] = "nhsuk-tag--orange",
		[EPISODE_IN_INTERVENTION] = "nhsuk-tag--green",  [EPISODE_DISCHARGED] = "nhsuk-tag--grey",
	};
	char label[40];
	page_code(episode_state_code(s), 1, label, sizeof label);
	return TMPL(b, e, "<strong class=\"nhsuk-tag {{c}}\">{{l}}</strong>",
	            TMPL_S("c", (unsigned)s < EPISODE_STATE_COUNT ? colour[s] : ""), TMPL_S("l", label));
}

void page_person_name(const struct person *p, char *out, size_t n)
{
	str_full_name(out, n, p->given_name, p->family_name);
}

int page_infant_age(const struct person *p, int32_t today, char *out, size_t n)
{
	if (p->date_of_birth == DATE_NONE) {
		char d[32];
		page_date(p->edd, d, sizeof d);
		snprintf(out, n, p->edd != DATE_NONE ? "unborn, due %s" : "unborn", d);
		return 0;
	}
	struct infant_age age;
	struct dy_err e;
	if (age_compute(p->date_of_birth, p->gestation_weeks, today, &age, &e)) {
		out[0] = '\0';
		return 0;
	}
	age_text(&age, out, n); /* the same words as everywhere: core/age.c */
	return 0;
}

/* The people of a family as one line: "Ann Example and Bo Example". */
static void family_title(const struct family_view *v, char *out, size_t n)
{
	const struct person *cg = NULL, *inf = NULL;
	for (int i = 0; i < v->npeople; i++) {
		if (!cg && strcmp(v->people[i].role, "caregiver") == 0)
			cg = &v->people[i];
		if (!inf && strcmp(v->people[i].role, "infant") == 0)
			inf = &v->people[i];
	}
	if (cg && inf)
		snprintf(out, n, "%s %s and %s %s", cg->given_name, cg->family_name, inf->given_name, inf->family_name);
	else if (cg || inf)
		page_person_name(cg ? cg : inf, out, n);
	else
		snprintf(out, n, "Family %lld", (long long)v->family.id);
}

int page_family_callouts(struct buf *b, struct app *a, const struct family_view *v, const struct http_req *rq,
                         int64_t skip_measure, struct dy_err *e)
{
	int rc = 0;
	for (int i = 0; i < v->npeople && !rc; i++) {
		const struct safeguarding *s = &v->current[i];
		if (!s->status[0] || strcmp(s->status, "none") == 0)
			continue;
		char name[2 * NAME_BYTES + 2], status[40], since[32];
		page_person_name(&v->people[i], name, sizeof name);
		page_code(s->status, 1, status, sizeof status);
		page_date(s->started_on, since, sizeof since);
		/* Its correction forms, for the clinical staff who may use them. */
		char sid[24] = "";
		if (rq && rq->user && (rq->user->roles & app_scope_roles(SCOPE_CLINICAL_WRITE)))
			snprintf(sid, sizeof sid, "%lld", (long long)s->id);
		rc = TMPL(b, e,
		          "<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span "
		          "role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>Safeguarding</span></h2>"
		          "<p>{{name}}: <strong>{{status}}</strong> since {{since}}. Lead social worker: not recorded.</p>"
		          "{{#id}}<p><a href=\"/safeguarding/{{id}}/correct\">Correct this status</a> <a href=\"/safeguarding/"
		          "{{id}}/error\">Status entered in error</a></p>{{/id}}</div>",
		          TMPL_S("name", name), TMPL_S("status", status), TMPL_S("since", since), TMPL_S("id", sid));
	}
	/* Signed safeguarding case notes: flagged to those who may read them. */
	struct family_alerts al;
	struct dy_err ae;
	if (!rc && app_family_alerts(a, v->family.id, &al, &ae) == 0 && al.nsafeguarding_notes) {
		char n[16];
		snprintf(n, sizeof n, "%d", al.nsafeguarding_notes);
		rc = TMPL(b, e,
		          "<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span "
		          "role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>Safeguarding notes</span>"
		          "</h2><p>{{n}} signed safeguarding {{w}} on this family's referrals: see each referral's case notes."
		          "</p></div>",
		          TMPL_S("n", n), TMPL_S("w", al.nsafeguarding_notes == 1 ? "note" : "notes"));
	}
	if (rc || v->nrisks == 0)
		return rc;
	/* Risk flags: which measure, which item, when; acknowledge in one step. */
	const struct instrument_set *set = NULL;
	struct dy_err ie;
	app_instruments(a, &set, &ie);
	for (int i = 0; i < v->nrisks && !rc; i++) {
		const struct stored_risk *r = &v->risks[i];
		if (r->measure_id == skip_measure)
			continue;
		const char *label = r->risk, *iname = "";
		/* The flag's row carries its measure's instrument and date. */
		char when[32] = "";
		page_date(r->measure_date, when, sizeof when);
		const struct instrument *in = set ? instrument_set_find(set, r->instrument) : NULL;
		if (in) {
			iname = in->short_name;
			for (int q = 0; q < in->nrisks; q++)
				if (strcmp(in->risks[q].id, r->risk) == 0)
					label = in->risks[q].label;
		}
		char item[16], action[64], back[48], mid[24];
		snprintf(item, sizeof item, "%d", r->item);
		snprintf(mid, sizeof mid, "%lld", (long long)r->measure_id);
		snprintf(back, sizeof back, "/families/%lld", (long long)v->family.id);
		snprintf(action, sizeof action, "/measures/%lld/acknowledge", (long long)r->measure_id);
		rc = TMPL(b, e,
		          "<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\"><span "
		          "role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>Risk to follow up"
		          "</span></h2><p>{{label}}.</p><p>Recorded on {{when}}. This stays on every page of the family "
		          "until a clinician acknowledges it.</p>"
		          "<form method=\"post\" action=\"{{action}}\" novalidate><input type=\"hidden\" name=\"csrf\" value=\"{{c}}\">"
		          "<input type=\"hidden\" name=\"back\" value=\"{{back}}\">"
		          "<div class=\"nhsuk-form-group\"><label class=\"nhsuk-label\" for=\"action-{{mid}}\">Action taken "
		          "(required)</label><textarea class=\"nhsuk-textarea\" id=\"action-{{mid}}\" name=\"action\" rows=\"2\" "
		          "maxlength=\"500\" required></textarea></div>"
		          "<button class=\"nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0\" "
		          "type=\"submit\">Acknowledge<span class=\"nhsuk-u-visually-hidden\"> the {{iname}} item {{item}} "
		          "risk</span></button></form></div>",
		          TMPL_S("iname", iname), TMPL_S("item", item), TMPL_S("label", label), TMPL_S("when", when),
		          TMPL_S("action", action), TMPL_S("c", rq->csrf), TMPL_S("back", back), TMPL_S("mid", mid));
	}
	return rc;
}

/* ---- Find a family --------------------------------------------------------------- */

struct find_ctx {
	struct buf *rows;
	const char *q;
	int shown;
	struct dy_err *e;
	int rc;
	int64_t last; /* the last family shown */
};

static int find_row(void *ctx, const struct family_summary *s)
{
	struct find_ctx *c = ctx;
	char who[3 * NAME_BYTES], infant[NAME_BYTES + 1], state[40] = "", last[32] = "", href[48], sg[40] = "";
	snprintf(who, sizeof who, "%s %s", s->caregiver_given, s->caregiver_family);
	str_copy(infant, sizeof infant, s->infant_given);
	if (s->episode_id) {
		if (s->discharged_on != DATE_NONE)
			str_copy(state, sizeof state, "Discharged");
		else
			page_code(s->decision, 1, state, sizeof state);
	}
	page_date(s->last_contact, last, sizeof last);
	if (s->safeguarding[0] && strcmp(s->safeguarding, "none") != 0)
		page_code(s->safeguarding, 1, sg, sizeof sg);
	snprintf(href, sizeof href, "/families/%lld", (long long)s->family_id);
	char received[32] = "";
	page_date(s->received_on, received, sizeof received);
	c->shown++;
	c->last = s->family_id;
	c->rc = TMPL(c->rows, c->e,
	             "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\"><a href=\"{{href}}\">{{who}}</a>"
	             "</td><td class=\"nhsuk-table__cell\">{{infant}}</td><td class=\"nhsuk-table__cell\">"
	             "{{#rec}}<span class=\"dyad-nowrap\">{{rec}}</span>: {{/rec}}{{state}}"
	             "{{#sg}} <strong class=\"nhsuk-tag nhsuk-tag--red\">{{sg}}</strong>{{/sg}}</td>"
	             "<td class=\"nhsuk-table__cell dyad-nowrap\">{{last}}</td></tr>",
	             TMPL_S("href", href), TMPL_S("who", who), TMPL_S("infant", infant), TMPL_S("rec", received),
	             TMPL_S("state", state[0] ? state : "no referral"), TMPL_S("sg", sg),
	             TMPL_S("last", last[0] ? last : "none"));
	return c->rc ? 1 : 0;
}

/* Answers the find page: the search box holding q, then a table captioned
 * shown with the header cells head (dyad's own HTML) over rows; frees rows. */
static int find_send(struct http_req *rq, struct http_resp *rs, const char *q, const char *shown, const char *head,
                     struct buf *rows, const struct buf *nav)
{
	struct buf b;
	page_body(&b);
	struct dy_err e;
	/* Those who may see the likely duplicates (app_merge's roles). */
	int may_merge = rq->user && (rq->user->roles & app_scope_roles(SCOPE_CLINICAL));
	int rc = TMPL(&b, &e,
	              "<h1>Find a family</h1><form method=\"get\" action=\"/families\" role=\"search\">"
	              "<div class=\"nhsuk-form-group\"><label class=\"nhsuk-label\" for=\"q\">Name, NHS number, date of "
	              "birth or postcode</label><div class=\"nhsuk-hint\" id=\"q-hint\">Part of a name is enough; case, "
	              "accents and one wrong letter do not matter</div>"
	              "<input class=\"nhsuk-input nhsuk-input--width-20\" id=\"q\" name=\"q\" type=\"search\" "
	              "value=\"{{q}}\" aria-describedby=\"q-hint\"></div><button class=\"nhsuk-button\" "
	              "type=\"submit\">Search</button></form>{{#dup}}<p><a href=\"/duplicates\">Likely duplicate "
	              "families</a></p>{{/dup}}"
	              "<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">{{shown}}</caption>"
	              "<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">{{{head}}}</tr></thead>"
	              "<tbody class=\"nhsuk-table__body\">{{{rows}}}</tbody></table>{{{nav}}}",
	              TMPL_S("q", q), TMPL_S("shown", shown), {"head", head, 1}, TMPL_HTML("rows", rows),
	              {"nav", nav ? buf_cstr(nav) : "", 1}, TMPL_S("dup", may_merge ? "yes" : ""));
	buf_free(rows);
	if (rc) {
		buf_free(&b);
		return DY_EINTERNAL;
	}
	return page_send(rq, rs, 200, "Find a family", NULL, NULL, NULL, &b);
}

#define TH(x) "<th scope=\"col\" class=\"nhsuk-table__header\">" x "</th>"

/* One person a search found (app/app_search.h). */
static int found_row(void *ctx, const struct search_hit *h, enum find_match m)
{
	(void)m;
	struct find_ctx *c = ctx;
	char who[2 * NAME_BYTES + 2], dob[32], nhs[16], state[40] = "", href[48], role[40];
	page_person_name(&h->p, who, sizeof who);
	page_date(h->p.date_of_birth, dob, sizeof dob);
	page_nhs_number(h->p.nhs_number, nhs, sizeof nhs);
	page_code(strcmp(h->p.role, "infant") == 0 ? "baby" : h->p.relationship[0] ? h->p.relationship : "caregiver", 1,
	          role, sizeof role);
	if (h->state[0])
		page_code(h->state, 1, state, sizeof state);
	snprintf(href, sizeof href, "/families/%lld", (long long)h->p.family_id);
	c->shown++;
	c->rc = TMPL(c->rows, c->e,
	             "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\"><a href=\"{{href}}\">{{who}}</a>"
	             "</td><td class=\"nhsuk-table__cell\">{{role}}</td><td class=\"nhsuk-table__cell dyad-nowrap\">{{dob}}"
	             "</td><td class=\"nhsuk-table__cell dyad-nowrap\">{{nhs}}</td><td class=\"nhsuk-table__cell\">{{state}}"
	             "</td></tr>",
	             TMPL_S("href", href), TMPL_S("who", who), TMPL_S("role", role), TMPL_S("dob", dob[0] ? dob : "unborn"),
	             TMPL_S("nhs", nhs), TMPL_S("state", state[0] ? state : "no referral"));
	return c->rc;
}

/* The search box's answer: people found by name, NHS number, date of birth
 * or postcode, best first. */
static int search_page(struct http_req *rq, struct http_resp *rs, const char *q)
{
	struct buf rows;
	buf_init(&rows, PAGE_BODY_MAX);
	struct dy_err e;
	struct find_ctx c = {&rows, q, 0, &e, 0, 0};
	int64_t total = 0;
	int rc = app_find(rq->app, q, 50, 0, found_row, &c, &total, &e);
	if (rc || c.rc) {
		buf_free(&rows);
		return rc ? rc : DY_EINTERNAL;
	}
	char shown[80];
	if (total > c.shown)
		snprintf(shown, sizeof shown, "The first %d of %lld people found", c.shown, (long long)total);
	else
		snprintf(shown, sizeof shown, "%d %s found", c.shown, c.shown == 1 ? "person" : "people");
	return find_send(rq, rs, q, shown, TH("Name") TH("Who") TH("Date of birth") TH("NHS number") TH("Latest referral"),
	                 &rows, NULL);
}

/* The href of a families list page: its filter, sort and direction, and
 * the family the page starts after (0: the first page). */
static void list_href(char *out, size_t n, int open, enum list_sort sort, int descending, int64_t after)
{
	int used = snprintf(out, n, "/families?%ssort=%s&order=%s", open ? "open=1&" : "", list_sort_code(sort),
	                    descending ? "descending" : "ascending");
	if (after > 0 && used > 0 && (size_t)used < n)
		snprintf(out + used, n - (size_t)used, "&after=%lld", (long long)after);
}

/* A sortable header: sorted by it already, the link turns the order round. */
static int list_th(struct buf *b, const char *label, int open, const struct list_page *pg, enum list_sort sort,
                   struct dy_err *e)
{
	char href[96];
	int here = pg->sort == sort;
	list_href(href, sizeof href, open, sort, here ? !pg->newest_first : 0, 0);
	return page_sort_th(b, label, href, here ? (pg->newest_first ? -1 : 1) : 0, e);
}

static int find_page(struct http_req *rq, struct http_resp *rs)
{
	const char *q = http_query(rq, "q");
	q = q ? q : "";
	for (const char *t = q; *t; t++)
		if (*t != ' ')
			return search_page(rq, rs, q);
	/* Nothing typed: the team's families (open=1: the caseload), 50 to a
	 * page in the order asked for (by name unless said otherwise). */
	const char *o = http_query(rq, "open"), *sort = http_query(rq, "sort"), *order = http_query(rq, "order"),
	           *after = http_query(rq, "after");
	int open = o && strcmp(o, "1") == 0;
	int sk = sort ? list_sort_parse(sort) : LIST_SORT_NAME;
	struct list_page pg = {.limit = 50, .sort = sk < 0 ? LIST_SORT_NAME : (enum list_sort)sk,
	                       .newest_first = order && strcmp(order, "descending") == 0};
	if (after && str_parse_i64(after, 1, INT64_MAX, &pg.after))
		pg.after = 0;
	struct buf rows, head;
	buf_init(&rows, PAGE_BODY_MAX);
	buf_init(&head, 1 << 12);
	struct dy_err e;
	struct find_ctx c = {&rows, q, 0, &e, 0, 0};
	int more = 0;
	int rc = app_family_list(rq->app, open, &pg, find_row, &c, &more, &e);
	if (rc && rc != 1) {
		buf_free(&rows);
		buf_free(&head);
		return rc;
	}
	rc = list_th(&head, "Parent or carer", open, &pg, LIST_SORT_NAME, &e);
	rc = rc ? rc : page_sort_th(&head, "Baby", NULL, 0, &e);
	rc = rc ? rc : list_th(&head, "Referral received", open, &pg, LIST_SORT_RECEIVED, &e);
	rc = rc ? rc : list_th(&head, "Last contact", open, &pg, LIST_SORT_LAST_CONTACT, &e);
	char shown[160], first[96], next[128], next_words[48];
	static const char *const order_words[4][2] = {
		[LIST_SORT_ID] = {"in the order they were added", "newest added first"},
		[LIST_SORT_NAME] = {"by the parent or carer's name, A to Z", "by the parent or carer's name, Z to A"},
		[LIST_SORT_RECEIVED] = {"by the date the referral was received, oldest first", "by the date the referral was received, newest first"},
		[LIST_SORT_LAST_CONTACT] = {"by last contact, longest ago first", "by last contact, most recent first"}};
	snprintf(shown, sizeof shown, "%s %s: %d %s", open ? "Open referrals" : "Families",
	         order_words[pg.sort][pg.newest_first ? 1 : 0], c.shown,
	         more || pg.after ? "on this page" : "in all");
	list_href(first, sizeof first, open, pg.sort, pg.newest_first, 0);
	list_href(next, sizeof next, open, pg.sort, pg.newest_first, c.last);
	snprintf(next_words, sizeof next_words, "The next %d", pg.limit);
	struct buf nav;
	buf_init(&nav, 1 << 12);
	rc = rc ? rc : page_pagination(&nav, pg.after ? first : NULL, "The first page", more ? next : NULL, next_words, &e);
	if (rc) {
		buf_free(&rows);
		buf_free(&head);
		buf_free(&nav);
		return rc < 0 ? rc : DY_EINTERNAL;
	}
	rc = find_send(rq, rs, q, shown, buf_cstr(&head), &rows, &nav);
	buf_free(&head);
	buf_free(&nav);
	return rc;
}

/* ---- The family page ----------------------------------------------------------------- */

/* One dated line of the timeline. */
struct tl_line {
	int32_t date;
	int order;
	char what[24];
	char text[300];
};

struct tl {
	struct tl_line *v;
	int n, cap;
};

static void tl_add(struct tl *t, int32_t date, int order, const char *what, const char *text)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 32;
		t->v = xrealloc(t->v, (size_t)t->cap * sizeof *t->v);
	}
	struct tl_line *l = &t->v[t->n++];
	l->date = date;
	l->order = order;
	str_copy(l->what, sizeof l->what, what);
	str_copy(l->text, sizeof l->text, text);
}

static int tl_cmp(const void *x, const void *y)
{
	const struct tl_line *a = x, *b = y;
	if (a->date != b->date)
		return a->date > b->date ? -1 : 1;
	return b->order - a->order;
}

static int add_event(void *ctx, const struct pathway_event *ev)
{
	struct tl *t = ctx;
	char to[40], text[300];
	page_code(episode_state_code(ev->to), 0, to, sizeof to);
	int closing = ev->to == EPISODE_DISCHARGED || ev->to == EPISODE_DECLINED || ev->to == EPISODE_SIGNPOSTED;
	if (ev->from < 0)
		snprintf(text, sizeof text, "Referral %s", to);
	else if (closing)
		page_code(episode_state_code(ev->to), 1, text, sizeof text);
	else
		snprintf(text, sizeof text, "Moved to %s", to);
	if (ev->to == EPISODE_DISCHARGED && ev->reason[0]) {
		char why[64];
		page_code(ev->reason, 0, why, sizeof why);
		size_t used = strlen(text);
		snprintf(text + used, sizeof text - used, ": %s", why);
	} else if (ev->to == EPISODE_SIGNPOSTED && ev->service[0]) {
		size_t used = strlen(text);
		snprintf(text + used, sizeof text - used, " to %.200s", ev->service);
	}
	/* A closing move is the last thing on its day. */
	tl_add(t, ev->date, closing ? 3000 + t->n : t->n, "State", text);
	return 0;
}

/* The measures of one referral, gathered for the charts. */
struct mlist {
	struct measure_view *v;
	int n, cap;
};

static int add_measure(void *ctx, const struct measure_view *mv)
{
	struct mlist *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, (size_t)l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *mv;
	return 0;
}

/* Charts: one per instrument and scale with a score, oldest first. */
static int charts(struct buf *b, const struct instrument_set *set, const struct mlist *ml, int64_t episode_id,
                  struct dy_err *e)
{
	int rc = 0;
	struct svg_point *pts = xcalloc((size_t)ml->n + 1, sizeof *pts);
	char (*done)[72] = xcalloc((size_t)ml->n * INSTR_MAX_SCALES + 1, sizeof *done);
	int ndone = 0;
	for (int i = 0; i < ml->n && !rc; i++) {
		const struct instrument *in = set ? instrument_set_find(set, ml->v[i].rec.m.instrument) : NULL;
		if (!in)
			continue;
		for (int s = 0; s < ml->v[i].nscores && !rc; s++) {
			const struct stored_score *sc = &ml->v[i].scores[s];
			char key[72];
			snprintf(key, sizeof key, "%s/%s", in->id, sc->scale);
			int seen = 0;
			for (int k = 0; k < ndone; k++)
				seen |= strcmp(done[k], key) == 0;
			int si = instrument_scale_index(in, sc->scale);
			if (seen || si < 0)
				continue;
			str_copy(done[ndone++], sizeof done[0], key);
			int n = 0;
			const char *latest_band = "";
			double latest = 0;
			for (int j = i; j < ml->n; j++) {
				if (strcmp(ml->v[j].rec.m.instrument, in->id) != 0)
					continue;
				for (int q = 0; q < ml->v[j].nscores; q++)
					if (strcmp(ml->v[j].scores[q].scale, sc->scale) == 0 && ml->v[j].scores[q].present) {
						pts[n].date = ml->v[j].rec.m.date;
						pts[n].value = ml->v[j].scores[q].value;
						pts[n].band = ml->v[j].scores[q].band;
						latest_band = ml->v[j].scores[q].band;
						latest = pts[n].value;
						n++;
					}
			}
			if (n == 0)
				continue;
			const struct instr_scale *scale = &in->scales[si];
			char title[200], id[96], val[32], lo[32], hi[32], uv[96];
			instrument_unverified_text(in, si, uv, sizeof uv);
			if (strncmp(scale->name, in->short_name, strlen(in->short_name)) == 0)
				snprintf(title, sizeof title, "%s", scale->name);
			else
				snprintf(title, sizeof title, "%s %s", in->short_name, scale->name);
			snprintf(id, sizeof id, "chart-%lld-%d-%d", (long long)episode_id, i, s);
			snprintf(val, sizeof val, "%g", latest);
			snprintf(lo, sizeof lo, "%g", scale->lo);
			snprintf(hi, sizeof hi, "%g", scale->hi);
			rc = TMPL(b, e,
			          "<div class=\"nhsuk-grid-column-one-half dyad-measure\"><h4>{{title}}</h4><p>Latest: <strong>{{val}}</strong>"
			          "{{#band}}, {{band}}{{/band}} (possible range {{lo}} to {{hi}})"
			          "{{#uv}} <strong class=\"nhsuk-tag nhsuk-tag--grey dyad-unverified\">{{uv}}</strong>{{/uv}}</p>",
			          TMPL_S("title", title), TMPL_S("val", val), TMPL_S("band", latest_band),
			          TMPL_S("lo", lo), TMPL_S("hi", hi), TMPL_S("uv", uv));
			struct svg_trend c = {id, title, "Score", scale->lo, scale->hi, scale->bands, scale->nbands, pts, n};
			if (!rc && scale->hi > scale->lo)
				rc = svg_trend(b, &c, e);
			if (!rc)
				rc = svg_band_legend(b, scale->bands, scale->nbands, scale->hi, e);
			if (!rc)
				rc = buf_puts(b, "</div>");
		}
	}
	free(pts);
	free(done);
	return rc;
}

struct goals_ctx {
	struct buf *b;
	struct dy_err *e;
	int rc, n;
};

static int add_goal(void *ctx, const struct goal *g, const struct goal_rating *r, int n)
{
	struct goals_ctx *c = ctx;
	char rating[64] = "not rated yet", set[32];
	if (n > 0) {
		char d[32];
		page_date(r[n - 1].date, d, sizeof d);
		snprintf(rating, sizeof rating, "%d out of 10 on %s", r[n - 1].rating, d);
	}
	page_date(g->set_on, set, sizeof set);
	c->n++;
	c->rc = TMPL(c->b, c->e,
	             "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">{{text}}</dt>"
	             "<dd class=\"nhsuk-summary-list__value\">{{rating}} (set {{set}})</dd></div>",
	             TMPL_S("text", g->text), TMPL_S("rating", rating), TMPL_S("set", set));
	return c->rc;
}

/* One referral's section. */
static int episode_section(struct buf *b, struct http_req *rq, const struct episode *ep, struct tl *tl,
                           struct dy_err *e)
{
	struct app *a = rq->app;
	struct pathway_referral pr;
	int rc = app_referral_pathway(a, ep->id, &pr, e);
	if (rc)
		return rc;
	struct referral_view rv;
	if ((rc = app_referral_view(a, ep->id, &rv, e)))
		return rc;
	tl->n = 0;
	app_referral_history(a, ep->id, add_event, tl, e);
	const struct instrument_set *set = NULL;
	struct dy_err ie;
	app_instruments(a, &set, &ie);
	for (int i = 0; i < rv.ncontacts; i++) {
		const struct contact *c = &rv.contacts[i];
		char kind[40], loc[40], att[40], text[300];
		page_code(c->kind, 1, kind, sizeof kind);
		page_code(c->location, 0, loc, sizeof loc);
		page_code(c->attendance, 0, att, sizeof att);
		snprintf(text, sizeof text, "%s at %s: %s", kind, loc, att);
		tl_add(tl, c->date, 1000 + i, "Contact", text);
	}
	struct mlist ml = {0};
	struct dy_err me;
	int can_measures = app_measure_list(a, ep->id, add_measure, &ml, &me) == 0;
	for (int i = 0; i < ml.n; i++) {
		const struct instrument *in = set ? instrument_set_find(set, ml.v[i].rec.m.instrument) : NULL;
		char text[300];
		int used = snprintf(text, sizeof text, "%s", in ? in->short_name : ml.v[i].rec.m.instrument);
		for (int s = 0; s < ml.v[i].nscores && used < (int)sizeof text; s++) {
			const struct stored_score *sc = &ml.v[i].scores[s];
			int si = in ? instrument_scale_index(in, sc->scale) : -1;
			int uv = sc->band[0] && si >= 0 && instrument_scale_unverified(in, si, "bands");
			if (sc->present && (s == 0 || ml.v[i].nscores <= 3))
				used += snprintf(text + used, sizeof text - (size_t)used, "%s %s %g%s%s%s", s ? ";" : ":",
				                 sc->scale, sc->value, sc->band[0] ? ", " : "", sc->band,
				                 uv ? " (band unverified)" : "");
		}
		tl_add(tl, ml.v[i].rec.m.date, 2000 + i, "Measure", text);
	}
	qsort(tl->v, (size_t)tl->n, sizeof *tl->v, tl_cmp);

	char received[32], source[40], since[32], href[80], title[64];
	page_date(ep->received_on, received, sizeof received);
	page_code(ep->source, 1, source, sizeof source);
	page_date(pr.state_on, since, sizeof since);
	snprintf(title, sizeof title, "Referral received %s", received);
	struct buf tag, actions, rows;
	buf_init(&tag, 1024);
	buf_init(&actions, 8192);
	buf_init(&rows, PAGE_BODY_MAX);
	rc = page_state_tag(&tag, pr.state, e);
	long long id = (long long)ep->id;
	char rid[24];
	snprintf(rid, sizeof rid, "%lld", id);
	int open = episode_state_is_open(pr.state);
	if (!rc) {
		snprintf(href, sizeof href, "/referrals/%lld", id);
		rc = TMPL(&actions, e, "<p><a href=\"{{h}}/correct\">Correct the referral</a> <a href=\"{{h}}/error\">"
		          "Referral entered in error</a></p>", TMPL_S("h", href));
	}
	if (!rc && pr.state == EPISODE_RECEIVED) {
		snprintf(href, sizeof href, "/referrals/%lld/triage", id);
		rc = TMPL(&actions, e, "<a class=\"nhsuk-button nhsuk-u-margin-right-3\" href=\"{{h}}\">Triage</a>",
		          TMPL_S("h", href));
	}
	if (!rc && (open || pr.state == EPISODE_RECEIVED)) {
		snprintf(href, sizeof href, "/referrals/%lld/appointments", id);
		rc = TMPL(&actions, e, "<a class=\"nhsuk-button nhsuk-button--secondary nhsuk-u-margin-right-3\" "
		          "href=\"{{h}}\">Appointments</a>", TMPL_S("h", href));
	}
	if (!rc && can_measures) {
		snprintf(href, sizeof href, "/referrals/%lld/notes", id);
		rc = TMPL(&actions, e, "<a class=\"nhsuk-button nhsuk-button--secondary nhsuk-u-margin-right-3\" "
		          "href=\"{{h}}\">Case notes</a>", TMPL_S("h", href));
	}
	if (!rc && open && pr.state != EPISODE_RECEIVED) {
		char h2[80], h3[80];
		snprintf(href, sizeof href, "/referrals/%lld/contacts/new", id);
		snprintf(h2, sizeof h2, "/referrals/%lld/measures/new", id);
		snprintf(h3, sizeof h3, "/referrals/%lld/discharge", id);
		rc = TMPL(&actions, e,
		          "<a class=\"nhsuk-button nhsuk-u-margin-right-3\" href=\"{{h}}\">Record a contact</a>"
		          "<a class=\"nhsuk-button nhsuk-u-margin-right-3\" href=\"{{h2}}\">Enter a measure</a>"
		          "<a class=\"nhsuk-button nhsuk-button--secondary\" href=\"{{h3}}\">Discharge</a>",
		          TMPL_S("h", href), TMPL_S("h2", h2), TMPL_S("h3", h3));
	}
	for (int i = 0; i < tl->n && !rc; i++) {
		char d[32];
		page_date(tl->v[i].date, d, sizeof d);
		char rec[48] = "";
		int o = tl->v[i].order;
		if (strcmp(tl->v[i].what, "Contact") == 0 && o >= 1000 && o < 1000 + rv.ncontacts)
			snprintf(rec, sizeof rec, "/contacts/%lld", (long long)rv.contacts[o - 1000].id);
		else if (strcmp(tl->v[i].what, "Measure") == 0 && o >= 2000 && o < 2000 + ml.n)
			snprintf(rec, sizeof rec, "/measures/%lld", (long long)ml.v[o - 2000].rec.m.id);
		rc = TMPL(&rows, e,
		          "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell dyad-nowrap\">{{d}}</td>"
		          "<td class=\"nhsuk-table__cell\">{{w}}</td><td class=\"nhsuk-table__cell\">{{t}}{{#r}} <a href=\""
		          "{{r}}/correct\">Correct<span class=\"nhsuk-u-visually-hidden\"> this {{w}}</span></a> <a href=\""
		          "{{r}}/error\">Entered in error<span class=\"nhsuk-u-visually-hidden\">: this {{w}}</span></a>{{/r}}"
		          "</td></tr>",
		          TMPL_S("d", d), TMPL_S("w", tl->v[i].what), TMPL_S("t", tl->v[i].text), TMPL_S("r", rec));
	}
	if (!rc)
		rc = TMPL(b, e,
		          "<section class=\"nhsuk-u-margin-bottom-7\" id=\"referral-{{rid}}\"><h2>{{title}}</h2>"
		          "<dl class=\"nhsuk-summary-list\">"
		          "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">State</dt>"
		          "<dd class=\"nhsuk-summary-list__value\">{{{tag}}} since {{since}}</dd></div>"
		          "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">Referred by</dt>"
		          "<dd class=\"nhsuk-summary-list__value\">{{source}}</dd></div></dl>"
		          "{{#actions}}<div class=\"dyad-actions\">{{{actions}}}</div>{{/actions}}"
		          "<h3>Timeline</h3>"
		          "{{#rows}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption "
		          "nhsuk-u-visually-hidden\">Timeline, newest first</caption><thead class=\"nhsuk-table__head\">"
		          "<tr class=\"nhsuk-table__row\"><th scope=\"col\" class=\"nhsuk-table__header\">Date</th><th "
		          "scope=\"col\" class=\"nhsuk-table__header\">What</th><th scope=\"col\" "
		          "class=\"nhsuk-table__header\">Details</th></tr></thead><tbody class=\"nhsuk-table__body\">"
		          "{{{rows}}}</tbody></table>{{/rows}}{{^rows}}<p>Nothing recorded yet.</p>{{/rows}}",
		          TMPL_S("title", title), TMPL_HTML("tag", &tag), TMPL_S("since", since),
		          TMPL_S("source", source), TMPL_HTML("actions", &actions), TMPL_HTML("rows", &rows),
		          TMPL_S("rid", rid));
	if (!rc && can_measures && ml.n > 0) {
		rc = buf_puts(b, "<h3>Measures</h3><div class=\"nhsuk-grid-row\">");
		if (!rc)
			rc = charts(b, set, &ml, ep->id, e);
		if (!rc)
			rc = buf_puts(b, "</div>");
	}
	if (!rc && can_measures) {
		struct buf goals;
		buf_init(&goals, PAGE_BODY_MAX);
		struct goals_ctx gc = {&goals, e, 0, 0};
		app_goal_list(a, ep->id, add_goal, &gc, &me);
		rc = gc.rc;
		if (!rc && gc.n)
			rc = TMPL(b, e, "<h3>Goals</h3><dl class=\"nhsuk-summary-list\">{{{g}}}</dl>", TMPL_HTML("g", &goals));
		buf_free(&goals);
	}
	if (!rc)
		rc = page_careplan_section(b, a, ep->id, e);
	if (!rc)
		rc = page_video_section(b, a, ep->id, e);
	if (!rc)
		rc = page_letter_section(b, a, ep, e);
	if (!rc)
		rc = buf_puts(b, "</section>");
	free(ml.v);
	buf_free(&tag);
	buf_free(&actions);
	buf_free(&rows);
	app_referral_view_free(&rv);
	return rc;
}

static int people_list(struct buf *b, const struct family_view *v, int32_t today, struct dy_err *e)
{
	int rc = 0;
	struct buf rows;
	buf_init(&rows, PAGE_BODY_MAX);
	for (int i = 0; i < v->npeople && !rc; i++) {
		const struct person *p = &v->people[i];
		char name[2 * NAME_BYTES + 2], about[200], nhs[16], dob[32], rel[40], fix[48], hist[48];
		page_person_name(p, name, sizeof name);
		snprintf(fix, sizeof fix, "/people/%lld/correct", (long long)p->id);
		snprintf(hist, sizeof hist, "/people/%lld/history", (long long)p->id);
		page_nhs_number(p->nhs_number, nhs, sizeof nhs);
		page_date(p->date_of_birth, dob, sizeof dob);
		if (strcmp(p->role, "infant") == 0) {
			char age[120];
			page_infant_age(p, today, age, sizeof age);
			snprintf(about, sizeof about, "Baby, %s", age);
		} else {
			page_code(p->relationship[0] ? p->relationship : "caregiver", 1, rel, sizeof rel);
			snprintf(about, sizeof about, "%s", rel);
		}
		rc = TMPL(&rows, e,
		          "<div class=\"nhsuk-summary-list__row\"><dt class=\"nhsuk-summary-list__key\">{{name}}</dt>"
		          "<dd class=\"nhsuk-summary-list__value\">{{about}}{{#dob}}<br>Born {{dob}}{{/dob}}"
		          "{{#nhs}}<br>NHS number {{nhs}}{{/nhs}}{{#pc}}<br>Postcode {{pc}}{{/pc}}</dd>"
		          "<dd class=\"nhsuk-summary-list__actions\"><a href=\"{{fix}}\">Correct<span class=\"nhsuk-u-"
		          "visually-hidden\"> {{name}}'s details</span></a> <a href=\"{{hist}}\">History<span class=\"nhsuk-u-"
		          "visually-hidden\"> of {{name}}'s details</span></a></dd></div>",
		          TMPL_S("name", name), TMPL_S("about", about), TMPL_S("dob", dob), TMPL_S("nhs", nhs),
		          TMPL_S("pc", p->postcode), TMPL_S("fix", fix), TMPL_S("hist", hist));
	}
	char hist[48];
	snprintf(hist, sizeof hist, "/families/%lld/history", (long long)v->family.id);
	char fam[48];
	snprintf(fam, sizeof fam, "/families/%lld", (long long)v->family.id);
	if (!rc)
		rc = TMPL(b, e, "<h2>People</h2><dl class=\"nhsuk-summary-list\">{{{rows}}}</dl><p><a href=\"{{h}}\">"
		          "History of corrections to the family's records</a> <a href=\"{{c}}/correct\">Correct the family "
		          "record</a> <a href=\"{{c}}/error\">Family record entered in error</a></p>",
		          TMPL_HTML("rows", &rows), TMPL_S("h", hist), TMPL_S("c", fam));
	buf_free(&rows);
	return rc;
}

/* "Who has looked at this family?": the newest entries of the audit log
 * naming it, for those allowed to see it (managers); nothing for others. */
struct looked_ctx {
	struct buf *b;
	struct dy_err *e;
	int rc, n;
};

static int looked_row(void *ctx, const struct audit_row *r)
{
	struct looked_ctx *c = ctx;
	char when[48] = "", d[32];
	int32_t day;
	char iso[DATE_LEN];
	str_copy(iso, sizeof iso, r->at);
	if (date_parse(iso, &day) == 0) {
		page_date(day, d, sizeof d);
		snprintf(when, sizeof when, "%s %.5s UTC", d, strlen(r->at) >= 16 ? r->at + 11 : "");
	}
	char what[64];
	page_code(r->action, 1, what, sizeof what);
	for (char *p = what; *p; p++)
		if (*p == '.')
			*p = ' ';
	c->n++;
	c->rc = TMPL(c->b, c->e,
	             "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell dyad-nowrap\">{{w}}</td>"
	             "<td class=\"nhsuk-table__cell\">{{a}}</td><td class=\"nhsuk-table__cell\">{{x}}</td></tr>",
	             TMPL_S("w", when), TMPL_S("a", r->actor), TMPL_S("x", what));
	return c->rc;
}

static int looked(struct buf *b, struct app *a, int64_t family_id, struct dy_err *e)
{
	struct buf rows;
	buf_init(&rows, 1 << 18);
	struct looked_ctx c = {&rows, e, 0, 0};
	struct dy_err ae;
	int rc = app_audit_family(a, family_id, 20, looked_row, &c, &ae);
	if (rc == 0 && c.rc == 0 && c.n)
		rc = TMPL(b, e,
		          "<h2>Who has looked at this family</h2><table class=\"nhsuk-table\"><caption "
		          "class=\"nhsuk-table__caption nhsuk-u-visually-hidden\">The last 20 looks and changes, newest "
		          "first</caption><thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\"><th scope=\"col\" "
		          "class=\"nhsuk-table__header\">When</th><th scope=\"col\" class=\"nhsuk-table__header\">Who</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">What</th></tr></thead><tbody "
		          "class=\"nhsuk-table__body\">{{{r}}}</tbody></table>",
		          TMPL_HTML("r", &rows));
	else
		rc = c.rc; /* not allowed to see the log, or nothing in it: no section */
	buf_free(&rows);
	return rc;
}

static int family_page(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return http_not_found(rs), DY_ENOTFOUND;
	struct family_view v;
	struct dy_err e;
	int64_t into = 0; /* a family merged into another: only where its records are now */
	if (!app_family_merged_into(rq->app, id, &into, &e) && into)
		return page_merged_family(rq, rs, id, into);
	/* One view: every read of the page in one read transaction, their
	 * audit entries committed together before anything is shown. */
	int rc = app_view_begin(rq->app, &e);
	if (rc)
		return rc;
	if ((rc = app_family_view(rq->app, id, &v, &e)))
		return app_view_end(rq->app, rc, &e);
	char title[4 * NAME_BYTES + 16], line[4 * NAME_BYTES] = "", famid[24];
	snprintf(famid, sizeof famid, "%lld", (long long)id);
	family_title(&v, title, sizeof title);
	for (int i = 0; i < v.npeople; i++)
		if (strcmp(v.people[i].role, "infant") == 0) {
			char age[120];
			page_infant_age(&v.people[i], rq->app->today, age, sizeof age);
			size_t used = strlen(line);
			snprintf(line + used, sizeof line - used, "%s%s: %s", used ? "; " : "", v.people[i].given_name, age);
		}
	struct buf b;
	page_body(&b);
	rc = TMPL(&b, &e, "<h1 class=\"nhsuk-u-margin-bottom-2\">{{t}}</h1>{{#l}}<p class=\"nhsuk-lede-text\">{{l}}</p>{{/l}}",
	          TMPL_S("t", title), TMPL_S("l", line));
	if (!rc && v.family.in_error)
		rc = TMPL(&b, &e, "<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\">"
		          "Entered in error</h2><p>This family's record was entered in error: it is kept, but hidden from "
		          "finding, the lists and the likely duplicates. <a href=\"/families/{{f}}/history\">Its history"
		          "</a> can undo it.</p></div>", TMPL_S("f", famid));
	if (!rc)
		rc = page_family_callouts(&b, rq->app, &v, rq, 0, &e);
	if (!rc)
		rc = people_list(&b, &v, rq->app->today, &e);
	if (!rc)
		rc = page_family_appointments(&b, rq, id, &e);
	struct tl tl = {0};
	/* Newest referral first. */
	for (int i = v.nepisodes - 1; i >= 0 && !rc; i--)
		rc = episode_section(&b, rq, &v.episodes[i], &tl, &e);
	free(tl.v);
	app_family_view_free(&v);
	rc = app_view_end(rq->app, rc, &e);
	/* After the view's entries are committed, so this look is among them. */
	if (!rc)
		rc = looked(&b, rq->app, id, &e);
	if (!rc)
		rc = page_family_copy_link(&b, rq->app, id, &e);
	if (rc) {
		buf_free(&b);
		return rc < 0 ? rc : DY_EINTERNAL;
	}
	return page_send(rq, rs, 200, title, "/families", "Find a family", NULL, &b);
}

const struct http_route page_family_routes[] = {
	{HTTP_GET, "/families", find_page, USER_CASEWORK, 0, 0},
	{HTTP_GET, "/families/{id}", family_page, USER_CASEWORK, 0, 0},
	{0}};

int page_episode_head(struct buf *b, struct http_req *rq, int64_t episode_id, int64_t skip_measure,
                      struct referral_view *rv, struct family_view *fv, char *back, struct dy_err *e)
{
	page_body(b);
	int rc = app_referral_view(rq->app, episode_id, rv, e);
	if (rc) {
		buf_free(b);
		return rc;
	}
	if ((rc = app_family_view(rq->app, rv->episode.family_id, fv, e))) {
		app_referral_view_free(rv);
		buf_free(b);
		return rc;
	}
	char title[4 * NAME_BYTES + 16];
	family_title(fv, title, sizeof title);
	snprintf(back, 48, "/families/%lld", (long long)rv->episode.family_id);
	rc = TMPL(b, e, "<span class=\"nhsuk-caption-l\">{{t}}</span>", TMPL_S("t", title));
	if (!rc)
		rc = page_family_callouts(b, rq->app, fv, rq, skip_measure, e);
	if (rc) {
		app_family_view_free(fv);
		app_referral_view_free(rv);
		buf_free(b);
		return rc < 0 ? rc : DY_EINTERNAL;
	}
	return 0;
}

int page_episode_open(struct episode_page *pg, struct http_req *rq, int64_t episode_id)
{
	return page_episode_head(&pg->b, rq, episode_id, 0, &pg->rv, &pg->fv, pg->back, &pg->e);
}

int page_episode_form(struct episode_page *pg, struct http_req *rq, const struct form_errors *fe, const char *heading,
                      const char *action, const char *date_legend)
{
	int typed = http_form(rq, "date-day") != NULL;
	char d[8], m[8], y[8];
	form_date_split(rq->app->today, d, m, y);
	int rc = TMPL(&pg->b, &pg->e, "<h1>{{h}}</h1>", TMPL_S("h", heading));
	rc = rc ? rc : form_error_summary(&pg->b, fe, &pg->e);
	rc = rc ? rc : page_form_open(&pg->b, rq, action, &pg->e);
	return rc ? rc
	          : form_date(&pg->b, fe, "date", date_legend, NULL, typed ? page_field(rq, "date-day") : d,
	                      typed ? page_field(rq, "date-month") : m, typed ? page_field(rq, "date-year") : y, &pg->e);
}

int page_episode_send(struct episode_page *pg, struct http_req *rq, struct http_resp *rs, int rc, const char *title,
                      const struct form_errors *fe)
{
	app_family_view_free(&pg->fv);
	app_referral_view_free(&pg->rv);
	return page_form_send(rq, rs, rc, title, pg->back, "Back to the family", fe, &pg->b);
}

int page_episode_caption(struct buf *b, struct http_req *rq, int64_t episode_id, int64_t skip_measure, char *back,
                         struct dy_err *e)
{
	struct referral_view rv;
	struct family_view fv;
	int rc = page_episode_head(b, rq, episode_id, skip_measure, &rv, &fv, back, e);
	if (!rc) {
		app_family_view_free(&fv);
		app_referral_view_free(&rv);
	}
	return rc;
}

/* Redirects to the family page of referral episode_id, at the referral's
 * section when anchored. */
static int to_family(struct http_req *rq, struct http_resp *rs, int64_t episode_id, int anchored)
{
	struct referral_view rv;
	struct dy_err e;
	int rc = app_referral_view(rq->app, episode_id, &rv, &e);
	if (rc)
		return rc;
	char href[72];
	if (anchored)
		snprintf(href, sizeof href, "/families/%lld#referral-%lld", (long long)rv.episode.family_id,
		         (long long)episode_id);
	else
		snprintf(href, sizeof href, "/families/%lld", (long long)rv.episode.family_id);
	app_referral_view_free(&rv);
	return http_redirect(rs, href);
}

int page_to_family(struct http_req *rq, struct http_resp *rs, int64_t episode_id)
{
	return to_family(rq, rs, episode_id, 0);
}

int page_to_referral(struct http_req *rq, struct http_resp *rs, int64_t episode_id)
{
	return to_family(rq, rs, episode_id, 1);
}
