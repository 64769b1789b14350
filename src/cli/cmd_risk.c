/* cmd_risk.c: dyad measure acknowledge (a risk flag reviewed, with the
 * action taken) and dyad risks (the team's flags still open). */
#include <stdio.h>
#include <string.h>

#include "app/app_risk.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/out.h"
#include "util/date.h"

int cmd_measure_acknowledge(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (cli_id(a, "measure", &id, &e))
		return cli_fail(&e);
	int n = 0;
	if (app_risk_acknowledge(app, id, cli_get(a, "action"), &n, &e))
		return cli_fail(&e);
	printf("Acknowledged %d risk flag%s on measure %lld, by %s, with the action taken recorded.\n", n,
	       n == 1 ? "" : "s", (long long)id, app->actor);
	return 0;
}

struct risks_ctx {
	struct out_list *l;
	int32_t today;
	size_t n;
};

static int risk_row(void *ctx, const struct stored_risk *r)
{
	struct risks_ctx *c = ctx;
	char fam[24], ref[24], mid[24], d[11], days[16];
	const char *row[] = {fmt_id(fam, r->family_id), fmt_id(ref, r->episode_id), fmt_id(mid, r->measure_id),
	                     fmt_date(d, r->measure_date), fmt_int(days, c->today - r->measure_date, INT32_MIN),
	                     r->label};
	out_row(c->l, row);
	c->n++;
	return 0;
}

int cmd_risks(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int older = RISK_OLDER_THAN_DEFAULT;
	if (cli_int(a, "older-than", 0, 36500, &older, &e))
		return cli_fail(&e);
	if (out_format_ok(g->format))
		return 1;
	static const char *const cols[] = {"family_id:id", "referral_id:id", "measure_id:id", "date:date",
	                                   "days_open:int", "label", 0};
	if (strcmp(g->format, "table") == 0)
		printf("Risk flags not acknowledged, raised on measures %d or more days old (oldest first).\n"
		       "Acknowledge each after review: dyad measure acknowledge --measure ID --action TEXT\n\n",
		       older);
	struct risks_ctx c = {.l = out_begin(g->format, cols), .today = app->today};
	if (!c.l)
		return 1;
	if (app_risks_open(app, older, risk_row, &c, &e)) {
		out_discard(c.l);
		return cli_fail(&e);
	}
	out_end(c.l, "No risk flag has been left open that long.");
	return 0;
}
