/* cmd_feedback.c: family feedback on the command line: `dyad feedback
 * add|list` (app/app_feedback.h; docs/reports.md "Family feedback"). */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include "app/app_feedback.h"
#include "cli/fmt.h"
#include "cli/out.h"
#include "util/date.h"

int cmd_feedback_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t ep;
	int32_t on = DATE_NONE;
	if (cli_id(a, "referral", &ep, &e) || (cli_get(a, "date") && cli_date(a, "date", &on, &e)))
		return cli_fail(&e);
	if (app_feedback_add(app, ep, cli_get(a, "answers"), on, cli_get(a, "questionnaire"), &e))
		return cli_fail(&e);
	printf("Recorded the family's feedback for referral %lld.\n", (long long)ep);
	return 0;
}

static int feedback_row(void *ctx, const struct feedback_row *f)
{
	char id[24], on[DATE_LEN];
	fmt_id(id, f->episode_id);
	fmt_date(on, f->answered_on);
	const char *row[] = {id, f->questionnaire, on, f->answers, f->recorded_by, 0};
	out_row(ctx, row);
	return 0;
}

int cmd_feedback_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int32_t from = DATE_NONE, to = DATE_NONE;
	if ((cli_get(a, "from") && cli_date(a, "from", &from, &e)) || (cli_get(a, "to") && cli_date(a, "to", &to, &e)))
		return cli_fail(&e);
	static const char *const cols[] = {"referral:id", "questionnaire", "answered:date", "answers", "recorded_by", 0};
	struct out_list *l = out_begin(g->format, cols);
	if (!l)
		return 1;
	if (app_feedback_list(app, from, to, feedback_row, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "No feedback recorded (dyad feedback add).");
	return 0;
}
