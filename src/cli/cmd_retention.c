/* cmd_retention.c: `dyad retention review`: the families whose records
 * have reached their retention date (app/app_retention.h). Lists only:
 * nothing is deleted. */
#include <stdio.h>

#include "app/app_retention.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/out.h"
#include "util/date.h"

int cmd_retention_review(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int32_t as_of;
	if (cli_date(a, "as-of", &as_of, &e))
		return cli_fail(&e);
	if (as_of == DATE_NONE)
		as_of = app->today;
	static const char *const cols[] = {"family_id:id", "retention_date:date", "rule", "basis",
	                                   "last_care_ended:date", 0};
	struct retention_review r;
	if (app_retention_review(app, as_of, &r, &e))
		return cli_fail(&e);
	struct out_list *l = out_begin(g->format, cols);
	if (!l) {
		app_retention_review_free(&r);
		return 1;
	}
	for (size_t i = 0; i < r.n; i++) {
		const struct retention_due_row *d = &r.rows[i];
		char fid[24], day[DATE_LEN], ended[DATE_LEN], basis[320];
		fmt_id(fid, d->family_id);
		const char *row[] = {fid, fmt_date(day, d->date), retention_rule_code(d->rule),
		                     retention_rule_basis(&r.rules, d->rule, basis, sizeof basis),
		                     fmt_date(ended, d->last_care_ended), 0};
		out_row(l, row);
	}
	out_end(l, "No family's record has reached its retention date.");
	app_retention_review_free(&r);
	return 0;
}
