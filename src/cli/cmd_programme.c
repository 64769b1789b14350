/* cmd_programme.c: the intervention catalogue and care plans on the
 * command line: `dyad interventions list`, `dyad careplan add|move|list`. */
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_careplan.h"
#include "app/app_files.h"
#include "cli/fmt.h"
#include "cli/out.h"
#include "util/date.h"

static void num_or_blank(char *out, size_t n, int v)
{
	if (v > 0)
		snprintf(out, n, "%d", v);
	else
		out[0] = '\0';
}

int cmd_interventions_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct intervention_catalogue c;
	if (intervention_load_file(cli_get(a, "interventions"), &c, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"intervention", "name", "mode", "planned_sessions:int",
	                                   "planned_span_weeks:int", "completion_min_sessions:int",
	                                   "visit_every_days:int", "nice", "verified:bool", 0};
	struct out_list *l = out_begin(g->format, cols);
	if (!l) {
		intervention_catalogue_free(&c);
		return 1;
	}
	for (size_t i = 0; i < c.n; i++) {
		const struct intervention_def *d = &c.defs[i];
		char ps[12], sw[12], cm[12], ve[12];
		num_or_blank(ps, sizeof ps, d->planned_sessions);
		num_or_blank(sw, sizeof sw, d->planned_span_weeks);
		num_or_blank(cm, sizeof cm, d->completion_min_sessions);
		num_or_blank(ve, sizeof ve, d->visit_every_days);
		const char *row[] = {d->code, d->name, intervention_mode_code(d->mode), ps, sw, cm, ve, d->nice,
		                     d->verified ? "yes" : "no", 0};
		out_row(l, row);
	}
	out_end(l, "The catalogue holds no interventions.");
	intervention_catalogue_free(&c);
	return 0;
}

/* ---- care plans ---------------------------------------------------------- */

int cmd_careplan_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct care_plan p;
	memset(&p, 0, sizeof p);
	const char *status = cli_get(a, "status");
	if (cli_id(a, "referral", &p.episode_id, &e) ||
	    cli_text(a, "intervention", p.intervention, sizeof p.intervention, &e) ||
	    cli_date(a, "start", &p.start_on, &e) || cli_int(a, "sessions", 1, 500, &p.planned_sessions, &e) ||
	    cli_ids(a, "practitioners", p.practitioners, CAREPLAN_MAX_PRACTITIONERS, &p.n_practitioners, &e) ||
	    cli_ids(a, "goals", p.goals, CAREPLAN_MAX_GOALS, &p.n_goals, &e) ||
	    (status && careplan_status_parse(status, "status", &p.status, &e)))
		return cli_fail(&e);
	if (app_careplan_add(app, &p, cli_get(a, "interventions"), &e))
		return cli_fail(&e);
	char start[11];
	printf("Added plan %lld: %s from %s, %d sessions planned (%s).\n", (long long)p.id, p.intervention,
	       fmt_date(start, p.start_on), p.planned_sessions, careplan_status_code(p.status));
	return 0;
}

int cmd_careplan_move(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	int32_t on;
	enum careplan_status to;
	char reason[CAREPLAN_REASON_MAX + 1] = "";
	if (cli_id(a, "plan", &id, &e) || careplan_status_parse(cli_get(a, "to"), "to", &to, &e) ||
	    cli_date(a, "date", &on, &e) || cli_text(a, "reason", reason, sizeof reason, &e))
		return cli_fail(&e);
	if (app_careplan_move(app, id, to, on, reason, &e))
		return cli_fail(&e);
	printf("Plan %lld is now %s.\n", (long long)id, careplan_status_code(to));
	return 0;
}

static void ids_text(char *out, size_t n, const int64_t *ids, int k)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < k && used < n; i++)
		used += (size_t)snprintf(out + used, n - used, "%s%lld", i ? ";" : "", (long long)ids[i]);
}

static int plan_row(void *ctx, const struct care_plan *p)
{
	struct out_list *l = ctx;
	char id[24], start[11], on[11] = "", planned[16], delivered[16], pct[16], pr[120], gl[80];
	fmt_id(id, p->id);
	fmt_date(start, p->start_on);
	if (p->status_on != DATE_NONE)
		fmt_date(on, p->status_on);
	snprintf(planned, sizeof planned, "%d", p->planned_sessions);
	snprintf(delivered, sizeof delivered, "%d", p->delivered);
	snprintf(pct, sizeof pct, "%d", careplan_percent(p->delivered, p->planned_sessions));
	ids_text(pr, sizeof pr, p->practitioners, p->n_practitioners);
	ids_text(gl, sizeof gl, p->goals, p->n_goals);
	const char *row[] = {id,  p->intervention, start, careplan_status_code(p->status), on, p->stop_reason,
	                     delivered, planned, pct, pr, gl, 0};
	out_row(l, row);
	return 0;
}

int cmd_careplan_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t ep;
	if (cli_id(a, "referral", &ep, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"plan:id",          "intervention",      "start:date",
	                                   "status",           "status_on:date",    "stop_reason",
	                                   "delivered:int",    "planned:int",       "percent:int",
	                                   "practitioners:ids", "goals:ids",        0};
	struct out_list *l = out_begin(g->format, cols);
	if (!l)
		return 1;
	if (app_careplan_list(app, ep, plan_row, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "The referral has no care plan yet (dyad careplan add).");
	return 0;
}
