/* cmd_report.c: dyad report NAME: a report over a period, built by
 * report/ and written in the format asked for (table, json, csv, html).
 * docs/reports.md defines every figure. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "report/render.h"
#include "report/report.h"
#include "util/date.h"

static int run_report(const struct cli_global *g, struct cli_args *a, struct app *app, const char *name)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct report_params p = {.publish = cli_get(a, "publish") != NULL, .team = cli_get(a, "team")};
	enum rep_format f;
	if (rep_format_parse(g->format, &f, &e) || cli_date(a, "from", &p.from, &e) || cli_date(a, "to", &p.to, &e) ||
	    cli_clock_targets(a, &p.targets, &e))
		return cli_fail(&e);
	const char *q = cli_get(a, "quarter");
	if (q && (p.from != DATE_NONE || p.to != DATE_NONE))
		return cli_fail(&(struct dy_err){.code = DY_EINVAL, .field = "quarter", .msg = "give --quarter or --from and --to, not both"});
	if (q && report_quarter_parse(q, &p.from, &p.to, &e))
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

int cmd_report_activity(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return run_report(g, a, app, "activity");
}

int cmd_report_equity(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return run_report(g, a, app, "equity");
}

int cmd_report_quarterly(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return run_report(g, a, app, "quarterly");
}

int cmd_report_workforce(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return run_report(g, a, app, "workforce");
}

int cmd_report_feedback(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return run_report(g, a, app, "feedback");
}
