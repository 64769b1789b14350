/* cmd_programme.c: the intervention catalogue and care plans and
 * group programmes on the command line: `dyad interventions list`,
 * `dyad careplan add|move|list`, `dyad group add|enrol|wait|session|show|list|waiting`. */
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_careplan.h"
#include "app/app_files.h"
#include "app/app_group.h"
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
	char id[24], start[11], on[11] = "", planned[16], delivered[16], pct[16], pr[120], gl[80], end[11] = "",
	     visits[16] = "";
	fmt_id(id, p->id);
	fmt_date(start, p->start_on);
	if (p->status_on != DATE_NONE)
		fmt_date(on, p->status_on);
	snprintf(planned, sizeof planned, "%d", p->planned_sessions);
	snprintf(delivered, sizeof delivered, "%d", p->delivered);
	snprintf(pct, sizeof pct, "%d", careplan_percent(p->delivered, p->planned_sessions));
	ids_text(pr, sizeof pr, p->practitioners, p->n_practitioners);
	ids_text(gl, sizeof gl, p->goals, p->n_goals);
	if (p->planned_end != DATE_NONE)
		fmt_date(end, p->planned_end);
	if (p->visit_every_days)
		snprintf(visits, sizeof visits, "%d", p->visits_expected);
	const char *row[] = {id,  p->intervention, start, careplan_status_code(p->status), on, p->stop_reason,
	                     delivered, planned, pct, pr, gl, end, visits, 0};
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
	                                   "practitioners:ids", "goals:ids",        "planned_end:date",
	                                   "visits_expected:int", 0};
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

/* ---- groups --------------------------------------------------------------- */

int cmd_group_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct group_run r;
	memset(&r, 0, sizeof r);
	if (cli_text(a, "intervention", r.intervention, sizeof r.intervention, &e) ||
	    cli_date(a, "starts", &r.starts_on, &e) || cli_int(a, "sessions", 1, GROUP_MAX_SESSIONS, &r.sessions, &e) ||
	    cli_text(a, "venue", r.venue, sizeof r.venue, &e) || cli_text(a, "location", r.location, sizeof r.location, &e) ||
	    cli_int(a, "capacity", 1, GROUP_MAX_CAPACITY, &r.capacity, &e) ||
	    cli_ids(a, "facilitators", r.facilitators, GROUP_MAX_FACILITATORS, &r.n_facilitators, &e))
		return cli_fail(&e);
	if (app_group_add(app, &r, cli_get(a, "interventions"), &e))
		return cli_fail(&e);
	char d[11];
	printf("Added group run %lld: %s from %s, %d sessions, %d places.\n", (long long)r.id, r.intervention,
	       fmt_date(d, r.starts_on), r.sessions, r.capacity);
	return 0;
}

int cmd_group_enrol(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t run, ep, person, id = 0;
	if (cli_id(a, "run", &run, &e) || cli_id(a, "referral", &ep, &e) || cli_id(a, "caregiver", &person, &e))
		return cli_fail(&e);
	if (app_group_enrol(app, run, ep, person, &id, &e))
		return cli_fail(&e);
	printf("Enrolled caregiver %lld in group run %lld (enrolment %lld).\n", (long long)person, (long long)run,
	       (long long)id);
	return 0;
}

int cmd_group_wait(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t ep, person, id = 0;
	char code[INTERVENTION_CODE_MAX];
	if (cli_text(a, "intervention", code, sizeof code, &e) || cli_id(a, "referral", &ep, &e) ||
	    cli_id(a, "caregiver", &person, &e))
		return cli_fail(&e);
	if (app_group_wait(app, code, ep, person, cli_get(a, "interventions"), &id, &e))
		return cli_fail(&e);
	printf("Caregiver %lld is on the waiting list for the next %s run.\n", (long long)person, code);
	return 0;
}

int cmd_group_session(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t run;
	int number = 0, n = 0, duration = -1, contacts = 0;
	int32_t date;
	int64_t attended[GROUP_MAX_CAPACITY];
	if (cli_id(a, "run", &run, &e) || cli_int(a, "number", 1, GROUP_MAX_SESSIONS, &number, &e) ||
	    cli_date(a, "date", &date, &e) || cli_ids(a, "attended", attended, GROUP_MAX_CAPACITY, &n, &e))
		return cli_fail(&e);
	if (cli_get(a, "duration") && cli_int(a, "duration", 0, 600, &duration, &e))
		return cli_fail(&e);
	if (app_group_session(app, run, number, date, attended, n, duration, &contacts, &e))
		return cli_fail(&e);
	printf("Recorded session %d of group run %lld: %d attended, %d contacts written.\n", number, (long long)run, n,
	       contacts);
	return 0;
}

static int run_row(void *ctx, const struct group_run *r)
{
	struct out_list *l = ctx;
	char id[24], start[11], ses[16], held[16], cap[16], enr[16], fac[80];
	fmt_id(id, r->id);
	fmt_date(start, r->starts_on);
	snprintf(ses, sizeof ses, "%d", r->sessions);
	snprintf(held, sizeof held, "%d", r->sessions_held);
	snprintf(cap, sizeof cap, "%d", r->capacity);
	snprintf(enr, sizeof enr, "%d", r->enrolled);
	ids_text(fac, sizeof fac, r->facilitators, r->n_facilitators);
	const char *row[] = {id, r->intervention, start, ses, held, enr, cap, r->venue, fac, 0};
	out_row(l, row);
	return 0;
}

int cmd_group_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	static const char *const cols[] = {"run:id",      "intervention",   "starts:date", "sessions:int",
	                                   "held:int",    "enrolled:int",   "capacity:int", "venue",
	                                   "facilitators:ids", 0};
	struct out_list *l = out_begin(g->format, cols);
	if (!l)
		return 1;
	if (app_group_list(app, run_row, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "No group runs yet (dyad group add).");
	return 0;
}

static int member_row(void *ctx, const struct group_member *m)
{
	struct out_list *l = ctx;
	char id[24], ep[24], person[24], att[16], rec[16], need[16] = "";
	fmt_id(id, m->en.id);
	fmt_id(ep, m->en.episode_id);
	fmt_id(person, m->en.person_id);
	snprintf(att, sizeof att, "%d", m->en.attended);
	snprintf(rec, sizeof rec, "%d", m->en.recorded);
	if (m->completion_min > 0)
		snprintf(need, sizeof need, "%d", m->completion_min);
	const char *row[] = {id, ep, person, m->name, att, rec, need, m->completion_min > 0 ? (m->completed ? "yes" : "no") : "",
	                     0};
	out_row(l, row);
	return 0;
}

int cmd_group_show(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (cli_id(a, "run", &id, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"enrolment:id", "referral:id", "caregiver:id", "name", "attended:int",
	                                   "recorded:int", "needed:int",  "completed:bool", 0};
	struct out_list *l = out_begin(g->format, cols);
	if (!l)
		return 1;
	struct group_run r;
	if (app_group_show(app, id, &r, member_row, l, cli_get(a, "interventions"), &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	if (strcmp(g->format, "table") == 0) {
		char d[11];
		printf("Group run %lld: %s from %s at %s; %d of %d sessions held; %d of %d places taken.\n", (long long)r.id,
		       r.intervention, fmt_date(d, r.starts_on), r.venue, r.sessions_held, r.sessions, r.enrolled, r.capacity);
	}
	out_end(l, "Nobody is enrolled yet (dyad group enrol).");
	return 0;
}

static int wait_row(void *ctx, const struct group_wait *w)
{
	struct out_list *l = ctx;
	char id[24], ep[24], person[24], d[11];
	fmt_id(id, w->id);
	fmt_id(ep, w->episode_id);
	fmt_id(person, w->person_id);
	fmt_date(d, w->added_on);
	const char *row[] = {id, w->intervention, ep, person, d, 0};
	out_row(l, row);
	return 0;
}

int cmd_group_waiting(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	static const char *const cols[] = {"wait:id", "intervention", "referral:id", "caregiver:id", "added:date", 0};
	struct out_list *l = out_begin(g->format, cols);
	if (!l)
		return 1;
	if (app_group_waiting(app, cli_get(a, "intervention"), wait_row, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "Nobody is waiting for a group.");
	return 0;
}
