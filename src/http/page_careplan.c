/* page_careplan.c: the care plan on the family page: each intervention of
 * a referral's plan with its practitioners (a co-working pair shows both),
 * status (with the reason when it stopped early) and progress, sessions
 * delivered against planned. Data comes through app/ (role and team
 * checked there). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_careplan.h"
#include "app/app_family.h"
#include "app/app_files.h"
#include "http/page.h"
#include "http/page_careplan.h"
#include "util/date.h"

struct names {
	struct practitioner *v;
	int n, cap;
};

static int add_name(void *ctx, const struct practitioner *p)
{
	struct names *nm = ctx;
	if (nm->n == nm->cap) {
		nm->cap = nm->cap ? nm->cap * 2 : 16;
		nm->v = xrealloc(nm->v, (size_t)nm->cap * sizeof *nm->v);
	}
	nm->v[nm->n++] = *p;
	return 0;
}

struct plan_ctx {
	struct buf *rows;
	const struct intervention_catalogue *cat;
	const struct names *names;
	struct dy_err *e;
	int n;
};

static int plan_row(void *ctx, const struct care_plan *p)
{
	struct plan_ctx *c = ctx;
	const struct intervention_def *d = intervention_find(c->cat, p->intervention);
	char who[400] = "", start[32], status[80], progress[80], on[32];
	size_t used = 0;
	for (int i = 0; i < p->n_practitioners && used < sizeof who; i++) {
		const char *name = "(unknown)";
		char prof[64] = "";
		for (int k = 0; k < c->names->n; k++)
			if (c->names->v[k].id == p->practitioners[i]) {
				name = c->names->v[k].name;
				page_code(c->names->v[k].profession, 0, prof, sizeof prof);
			}
		used += (size_t)snprintf(who + used, sizeof who - used, "%s%s%s%s%s", i ? " and " : "", name,
		                         prof[0] ? " (" : "", prof, prof[0] ? ")" : "");
	}
	page_date(p->start_on, start, sizeof start);
	page_code(careplan_status_code(p->status), 1, status, sizeof status);
	if (p->status_on != DATE_NONE && p->status != CAREPLAN_PLANNED) {
		page_date(p->status_on, on, sizeof on);
		size_t k = strlen(status);
		snprintf(status + k, sizeof status - k, " (%s)", on);
	}
	snprintf(progress, sizeof progress, "%d of %d sessions (%d%%)", p->delivered, p->planned_sessions,
	         careplan_percent(p->delivered, p->planned_sessions));
	char ends[96] = "", visits[120] = "";
	if (p->planned_end != DATE_NONE) {
		char day[32];
		page_date(p->planned_end, day, sizeof day);
		snprintf(ends, sizeof ends, "planned to end %s", day);
	}
	if (p->visit_every_days && p->status != CAREPLAN_PLANNED)
		snprintf(visits, sizeof visits, "%d of %d home visits expected %s (one every %d days)", p->delivered,
		         p->visits_expected, p->status == CAREPLAN_ACTIVE ? "by today" : "by its end", p->visit_every_days);
	char planned[16], delivered[16];
	snprintf(planned, sizeof planned, "%d", p->planned_sessions);
	snprintf(delivered, sizeof delivered, "%d", p->delivered < p->planned_sessions ? p->delivered : p->planned_sessions);
	c->n++;
	return TMPL(c->rows, c->e,
	            "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\">{{name}}</td>"
	            "<td class=\"nhsuk-table__cell dyad-nowrap\">{{start}}</td>"
	            "<td class=\"nhsuk-table__cell\">{{who}}</td>"
	            "<td class=\"nhsuk-table__cell\">{{status}}{{#reason}}: {{reason}}{{/reason}}</td>"
	            "<td class=\"nhsuk-table__cell\"><progress max=\"{{planned}}\" value=\"{{delivered}}\"></progress> "
	            "{{progress}}{{#visits}}<br>{{visits}}{{/visits}}{{#ends}}<br>{{ends}}{{/ends}}</td></tr>",
	            TMPL_S("name", d ? d->name : p->intervention), TMPL_S("start", start), TMPL_S("who", who),
	            TMPL_S("status", status), TMPL_S("reason", p->stop_reason), TMPL_S("planned", planned),
	            TMPL_S("delivered", delivered),
	            TMPL_S("progress", progress), TMPL_S("visits", visits), TMPL_S("ends", ends));
}

int page_careplan_section(struct buf *b, struct app *a, int64_t episode_id, struct dy_err *e)
{
	struct intervention_catalogue cat;
	struct dy_err le;
	dy_err_clear(&le);
	if (intervention_load_file(NULL, &cat, &le))
		memset(&cat, 0, sizeof cat); /* names fall back to codes */
	struct names nm = {0};
	app_practitioner_list(a, add_name, &nm, &le);
	struct buf rows;
	buf_init(&rows, PAGE_BODY_MAX);
	struct plan_ctx c = {&rows, &cat, &nm, e, 0};
	int rc = app_careplan_list(a, episode_id, plan_row, &c, &le);
	if (rc == DY_EFORBIDDEN || rc == DY_ENOTFOUND)
		rc = 0; /* the role may not see it: no section */
	else if (rc)
		*e = le;
	else if (c.n)
		rc = TMPL(b, e,
		          "<h3>Care plan</h3><table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption "
		          "nhsuk-u-visually-hidden\">Care plan</caption><thead class=\"nhsuk-table__head\">"
		          "<tr class=\"nhsuk-table__row\"><th scope=\"col\" class=\"nhsuk-table__header\">Intervention</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">Start</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">Practitioners</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">Status</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">Delivered</th></tr></thead>"
		          "<tbody class=\"nhsuk-table__body\">{{{rows}}}</tbody></table>",
		          TMPL_HTML("rows", &rows));
	buf_free(&rows);
	free(nm.v);
	intervention_catalogue_free(&cat);
	return rc;
}
