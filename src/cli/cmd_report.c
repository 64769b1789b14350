/* cmd_report.c: dyad report NAME: a report over a period, built by
 * report/ and written in the format asked for (table, json, csv, html).
 * docs/reports.md defines every figure. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "report/render.h"
#include "report/report.h"

/* --target-a / --target-b into t (defaults otherwise). */
static int targets(const struct cli_args *a, struct clock_targets *t, struct dy_err *e)
{
	clock_targets_default(t);
	const char *ta = cli_get(a, "target-a"), *tb = cli_get(a, "target-b");
	if (ta && clock_target_parse("target-a", ta, &t->t[CLOCK_A], e))
		return DY_EINVAL;
	if (tb && clock_target_parse("target-b", tb, &t->t[CLOCK_B], e))
		return DY_EINVAL;
	return 0;
}

static int run_report(const struct cli_global *g, struct cli_args *a, struct app *app, const char *name)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct report_params p = {.publish = cli_get(a, "publish") != NULL};
	enum rep_format f;
	if (rep_format_parse(g->format, &f, &e) || cli_date(a, "from", &p.from, &e) || cli_date(a, "to", &p.to, &e) ||
	    targets(a, &p.targets, &e))
		return cli_fail(&e);
	struct rep_result r;
	int rc = report_build(app, name, &p, &r, &e);
	struct buf out;
	buf_init(&out, (size_t)1 << 30);
	if (!rc)
		rc = rep_render(&r, f, &out, &e);
	if (!rc) {
		if (r.notice[0])
			fprintf(stderr, "dyad: %s\n", r.notice);
		fwrite(buf_cstr(&out), 1, out.len, stdout);
	}
	buf_free(&out);
	rep_free(&r);
	return rc ? cli_fail(&e) : 0;
}

int cmd_report_waiting(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return run_report(g, a, app, "waiting");
}

int cmd_report_outcomes(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return run_report(g, a, app, "outcomes");
}

int cmd_report_completeness(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return run_report(g, a, app, "completeness");
}

int cmd_report_safeguarding(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return run_report(g, a, app, "safeguarding");
}
