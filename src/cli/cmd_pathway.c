/* cmd_pathway.c: dyad referral check/triage/move/history and dyad waiting:
 * the referral pathway (docs/eligibility.md, docs/waiting.md). The waiting
 * report is in cmd_report.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_pathway.h"
#include "app/app_waiting_audit.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/out.h"
#include "core/codes.h"
#include "util/date.h"
#include "util/str.h"

/* The eligibility rules a command checks against, and where they came from. */
struct rules {
	struct eligibility_config c;
	char source[4096];
};

/* Loads the rules named by --rules (or the defaults) into r; prints the
 * error. Free r->c with eligibility_config_free on success. */
static int rules(const struct cli_args *a, struct rules *r)
{
	struct dy_err e;
	dy_err_clear(&e);
	if (app_rules_load(cli_get(a, "rules"), &r->c, r->source, sizeof r->source, &e)) {
		eligibility_config_free(&r->c);
		return cli_fail(&e);
	}
	return 0;
}

static void print_reasons(FILE *to, const struct eligibility_result *r)
{
	for (size_t i = 0; i < r->n_reasons; i++)
		fprintf(to, "  - %s [%s%s]\n", r->reasons[i].text, eligibility_rule_code(r->reasons[i].rule),
		        r->reasons[i].unknown ? ", not recorded" : "");
}

int cmd_referral_check(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (cli_id(a, "referral", &id, &e))
		return cli_fail(&e);
	struct rules r;
	int rc = rules(a, &r);
	if (rc)
		return rc;
	struct referral_check chk;
	rc = app_referral_check(app, id, &r.c, cli_get(a, "programme"), &chk, &e);
	eligibility_config_free(&r.c);
	if (rc)
		return cli_fail(&e);
	if (strcmp(g->format, "table") == 0) {
		printf("Referral %lld (%s): %s under %s%s%s.\n", (long long)id, episode_state_label(chk.state),
		       chk.result.eligible ? "eligible" : "not eligible", chk.programme[0] ? "the team's and the " : "the team's rules",
		       chk.programme, chk.programme[0] ? " programme's rules" : "");
		printf("Rules: %s\n", r.source);
		print_reasons(stdout, &chk.result);
		return 0;
	}
	static const char *const cols[] = {"referral_id:id", "programme", "eligible:bool", "rule", "unknown:bool",
	                                   "reason", 0};
	struct out_list *l = out_begin(g->format, cols);
	char rid[24];
	fmt_id(rid, id);
	if (!chk.result.n_reasons) {
		const char *row[] = {rid, chk.programme, "yes", "", "", ""};
		out_row(l, row);
	}
	for (size_t i = 0; i < chk.result.n_reasons; i++) {
		const struct eligibility_reason *why = &chk.result.reasons[i];
		const char *row[] = {rid, chk.programme, "no", eligibility_rule_code(why->rule), why->unknown ? "yes" : "no",
		                     why->text};
		out_row(l, row);
	}
	out_end(l, NULL);
	return 0;
}

/* Collects --override RULE:REASON and the --override-RULE options. */
struct overrides {
	struct eligibility_override o[ELIGIBILITY_RULE_COUNT + 1];
	size_t n;
	char rule[24];
};

static int add_override(struct overrides *ov, const char *rule, const char *reason, struct dy_err *e)
{
	for (size_t i = 0; i < ov->n; i++)
		if (strcmp(ov->o[i].rule, rule) == 0)
			return dy_fail(e, DY_EINVAL, "override", "names the rule %s twice", rule);
	if (ov->n == sizeof ov->o / sizeof ov->o[0])
		return dy_fail(e, DY_EINVAL, "override", "too many overrides");
	ov->o[ov->n++] = (struct eligibility_override){rule, reason};
	return 0;
}

static int collect_overrides(const struct cli_args *a, struct overrides *ov, struct dy_err *e)
{
	memset(ov, 0, sizeof *ov);
	const char *one = cli_get(a, "override");
	if (one) {
		const char *colon = strchr(one, ':');
		size_t len = colon ? (size_t)(colon - one) : 0;
		if (!colon || len == 0 || len >= sizeof ov->rule)
			return dy_fail(e, DY_EINVAL, "override", "must be RULE:REASON, like area:family moving into the area");
		memcpy(ov->rule, one, len);
		ov->rule[len] = '\0';
		if (add_override(ov, ov->rule, colon + 1, e))
			return DY_EINVAL;
	}
	static const struct { const char *opt, *rule; } per[] = {
		{"override-infant-age", "infant_age"},       {"override-pregnancy", "pregnancy"},
		{"override-area", "area"},                   {"override-caregiver-age", "caregiver_age"},
		{"override-first-time-parent", "first_time_parent"}};
	for (size_t i = 0; i < sizeof per / sizeof per[0]; i++) {
		const char *v = cli_get(a, per[i].opt);
		if (v && add_override(ov, per[i].rule, v, e))
			return DY_EINVAL;
	}
	return 0;
}

int cmd_referral_triage(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct triage_request t = {.decision = cli_get(a, "decision"), .reason = cli_get(a, "reason"),
	                           .service = cli_get(a, "service")};
	struct overrides ov;
	if (cli_id(a, "referral", &t.episode_id, &e) || cli_date(a, "date", &t.date, &e) ||
	    collect_overrides(a, &ov, &e))
		return cli_fail(&e);
	t.overrides = ov.o;
	t.n_overrides = ov.n;
	struct rules r;
	int rc = rules(a, &r);
	if (rc)
		return rc;
	struct referral_check chk;
	rc = app_referral_triage(app, &t, &r.c, &chk, &e);
	eligibility_config_free(&r.c);
	if (rc) {
		if (chk.result.n_reasons && strcmp(e.field, "override") == 0) {
			fprintf(stderr, "dyad: referral %lld fails the eligibility rules (%s):\n", (long long)t.episode_id,
			        r.source);
			print_reasons(stderr, &chk.result);
		}
		int code = cli_fail(&e);
		if (chk.result.n_reasons && strcmp(e.field, "override") == 0) {
			const char *rule = eligibility_rule_code(chk.result.reasons[0].rule);
			char opt[40];
			snprintf(opt, sizeof opt, "%s", rule);
			for (char *p = opt; *p; p++)
				if (*p == '_')
					*p = '-';
			fprintf(stderr, "dyad: to accept it all the same, give the reason: --override %s:REASON (or"
			                " --override-%s REASON), one for each failed rule\n",
			        rule, opt);
		}
		return code;
	}
	char d[11];
	printf("Referral %lld %s on %s", (long long)t.episode_id, t.decision, fmt_date(d, t.date));
	if (strcmp(t.decision, "accepted") == 0)
		printf(": awaiting assessment");
	if (t.service && strcmp(t.decision, "signposted") == 0)
		printf(" (to the service named)");
	if (t.n_overrides)
		printf("; %zu override%s recorded", t.n_overrides, t.n_overrides == 1 ? "" : "s");
	printf(".\n");
	return 0;
}

int cmd_referral_move(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	int32_t date;
	if (cli_id(a, "referral", &id, &e) || cli_date(a, "date", &date, &e))
		return cli_fail(&e);
	if (app_referral_move(app, id, cli_get(a, "to"), date, cli_get(a, "reason"), &e)) {
		int code = cli_fail(&e);
		if (strcmp(cli_get(a, "to"), "discharged") == 0)
			fprintf(stderr, "dyad: discharge with `dyad discharge --referral %lld --date DATE --reason REASON"
			                " --care-status STATUS`\n",
			        (long long)id);
		return code;
	}
	enum episode_state st;
	episode_state_parse(cli_get(a, "to"), &st, &e);
	char d[11];
	printf("Referral %lld is now %s (from %s).\n", (long long)id, episode_state_label(st), fmt_date(d, date));
	return 0;
}

/* referral history: the state changes, then the eligibility overrides. In
 * JSON two arrays; in CSV one table whose `record` column says which. */
struct hist_ctx {
	struct out_list *l;
	int csv;
};

static const char *const hist_cols[] = {"from_state", "to_state", "date:date", "actor", "reason", "service",
                                        "recorded_at", 0};
static const char *const over_cols[] = {"rule", "reason", "actor", "date:date", "recorded_at", 0};
static const char *const csv_cols[] = {"record", "from_state", "to_state", "rule", "date:date", "actor", "reason",
                                       "service", "recorded_at", 0};

static int history_row(void *ctx, const struct pathway_event *ev)
{
	struct hist_ctx *c = ctx;
	char d[11];
	const char *from = ev->from == PATHWAY_NO_STATE ? "" : episode_state_code((enum episode_state)ev->from);
	fmt_date(d, ev->date);
	if (c->csv) {
		const char *row[] = {"state_change", from, episode_state_code(ev->to), "", d, ev->actor, ev->reason,
		                     ev->service, ev->recorded_at};
		out_row(c->l, row);
	} else {
		const char *row[] = {from, episode_state_code(ev->to), d, ev->actor, ev->reason, ev->service,
		                     ev->recorded_at};
		out_row(c->l, row);
	}
	return 0;
}

static int override_row(void *ctx, const struct pathway_override *o)
{
	struct hist_ctx *c = ctx;
	char d[11];
	fmt_date(d, o->date);
	if (c->csv) {
		const char *row[] = {"eligibility_override", "", "", o->rule, d, o->actor, o->reason, "", o->recorded_at};
		out_row(c->l, row);
	} else {
		const char *row[] = {o->rule, o->reason, o->actor, d, o->recorded_at};
		out_row(c->l, row);
	}
	return 0;
}

int cmd_referral_history(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (cli_id(a, "referral", &id, &e))
		return cli_fail(&e);
	struct out_doc *d = out_doc_begin(g->format);
	if (!d)
		return 1;
	int table = out_doc_table(d), csv = strcmp(g->format, "csv") == 0;
	char rid[24];
	out_doc_fact(d, "referral_id:id", fmt_id(rid, id));
	struct hist_ctx c = {.l = out_doc_list(d, "state_changes", csv ? csv_cols : hist_cols, 1), .csv = csv};
	int rc = app_referral_history(app, id, history_row, &c, &e);
	if (!rc && !csv) {
		out_end(c.l, "No state changes recorded.");
		if (table)
			printf("\nEligibility overrides\n");
		c.l = out_doc_list(d, "eligibility_overrides", over_cols, 0);
	}
	if (!rc)
		rc = app_referral_overrides(app, id, override_row, &c, &e);
	if (rc)
		out_discard(c.l);
	else
		out_end(c.l, "None.");
	if (!rc)
		out_doc_end(d);
	else
		out_doc_end_silent(d);
	return rc ? cli_fail(&e) : 0;
}

int cli_clock_targets(const struct cli_args *a, struct clock_targets *t, struct dy_err *e)
{
	clock_targets_default(t);
	const char *ta = cli_get(a, "target-a"), *tb = cli_get(a, "target-b");
	if (ta && clock_target_parse("target-a", ta, &t->t[CLOCK_A], e))
		return DY_EINVAL;
	if (tb && clock_target_parse("target-b", tb, &t->t[CLOCK_B], e))
		return DY_EINVAL;
	return 0;
}

static const char *target_text(const struct clock_target *t, char *out, size_t n)
{
	snprintf(out, n, "%d %s%s", t->amount, t->unit == CLOCK_UNIT_DAYS ? "day" : "month", t->amount == 1 ? "" : "s");
	return out;
}

int cmd_waiting(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int32_t as_of;
	int within = -1;
	struct clock_targets t;
	if (cli_date(a, "as-of", &as_of, &e) || cli_int(a, "breach-within", 0, 3650, &within, &e) ||
	    cli_clock_targets(a, &t, &e))
		return cli_fail(&e);
	enum waiting_order order = WAITING_ORDER_URGENCY;
	const char *ord = cli_get(a, "order");
	if (ord && strcmp(ord, "safeguarding") == 0)
		order = WAITING_ORDER_SAFEGUARDING;
	else if (ord && strcmp(ord, "urgency") != 0)
		return cli_fail(&(struct dy_err){.code = DY_EINVAL, .field = "order", .msg = "must be urgency or safeguarding"});
	if (as_of == DATE_NONE)
		as_of = date_today();
	static const char *const cols[] = {"family_id:id", "infant_id:id", "infant_name", "referral_id:id", "clock",
	                                   "started_on:date", "days_waited:int", "target_date:date", "days_left:int",
	                                   "safeguarding", "risk", "booked", "booked_on:date", "booking", 0};
	if (out_format_ok(g->format))
		return 1;
	struct waiting_list l;
	int rc = app_waiting_list_ordered(app, as_of, &t, within, order, &l, &e);
	/* Every family the listing names is logged before it is printed. */
	if (!rc && (rc = app_waiting_shown(app, &l, 0, l.n, &e)))
		app_waiting_list_free(&l);
	if (rc)
		return cli_fail(&e);
	if (strcmp(g->format, "table") == 0) {
		char d[11], ta[32], tb[32];
		size_t breached = 0;
		for (size_t i = 0; i < l.n; i++)
			breached += l.rows[i].w.days_left < 0;
		printf("Waiting as at %s: %zu waiting clock%s, %zu in breach. Clock A: referral to assessment (target %s);"
		       " clock B: assessment to intervention (target %s).\n\n",
		       fmt_date(d, as_of), l.n, l.n == 1 ? "" : "s", breached, target_text(&t.t[CLOCK_A], ta, sizeof ta),
		       target_text(&t.t[CLOCK_B], tb, sizeof tb));
	}
	struct out_list *o = out_begin(g->format, cols);
	for (size_t i = 0; i < l.n; i++) {
		const struct waiting_row *r = &l.rows[i];
		char fam[24], inf[24], ref[24], st[11], tg[11], dw[16], dl[16], sg[120], bo[11];
		if (strcmp(g->format, "table") == 0)
			code_label(r->safeguarding, sg, sizeof sg);
		else
			snprintf(sg, sizeof sg, "%s", r->safeguarding);
		const char *row[] = {fmt_id(fam, r->family_id), fmt_id(inf, r->infant_id), r->infant_name,
		                     fmt_id(ref, r->w.episode_id), r->w.clock == CLOCK_A ? "A" : "B",
		                     fmt_date(st, r->w.start), fmt_int(dw, r->w.days_waited, INT32_MIN),
		                     fmt_date(tg, r->w.target), fmt_int(dl, r->w.days_left, INT32_MIN), sg, r->risk,
		                     r->booked_kind, fmt_date(bo, r->booked_on), waiting_booking_verdict(&r->w, r->booked_on)};
		out_row(o, row);
	}
	out_end(o, within >= 0 ? "Nobody is in breach or due to breach in that time." : "Nobody is waiting.");
	if (l.skipped)
		fprintf(stderr, "dyad: %zu referral%s left out: %s dates are inconsistent\n", l.skipped,
		        l.skipped == 1 ? "" : "s", l.skipped == 1 ? "its" : "their");
	app_waiting_list_free(&l);
	return 0;
}
