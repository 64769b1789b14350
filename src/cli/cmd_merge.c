/* cmd_merge.c: `dyad duplicates` and `dyad family merge`
 * (app/app_merge.h; docs/merge.md). */
#include <stdio.h>
#include <string.h>

#include "app/app_merge.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/out.h"

static const char *const dup_cols[] = {"reason",      "role",     "date_of_birth:date", "family_id:id", "person_id:id",
                                       "name",        "postcode", "other_family_id:id", "other_person_id:id",
                                       "other_name",  "other_postcode", 0};

static int dup_row(void *ctx, const struct duplicate_pair *d)
{
	char dob[11], fa[24], pa[24], fb[24], pb[24], na[2 * NAME_BYTES + 2], nb[2 * NAME_BYTES + 2];
	snprintf(na, sizeof na, "%s %s", d->a.p.given_name, d->a.p.family_name);
	snprintf(nb, sizeof nb, "%s %s", d->b.p.given_name, d->b.p.family_name);
	const char *row[] = {duplicate_reason_code(d->reason),
	                     d->a.p.role,
	                     fmt_date(dob, d->a.p.date_of_birth),
	                     fmt_id(fa, d->a.p.family_id),
	                     fmt_id(pa, d->a.p.id),
	                     na,
	                     d->a.p.postcode,
	                     fmt_id(fb, d->b.p.family_id),
	                     fmt_id(pb, d->b.p.id),
	                     nb,
	                     d->b.p.postcode,
	                     0};
	out_row(ctx, row);
	return 0;
}

int cmd_duplicates(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)a;
	struct dy_err e;
	dy_err_clear(&e);
	struct out_list *l = out_begin(g->format, dup_cols);
	if (!l)
		return 1;
	if (app_duplicates(app, dup_row, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "No likely duplicates.");
	return 0;
}

int cmd_family_merge(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t keep, mrg;
	struct family_merge m;
	if (cli_id(a, "keep", &keep, &e) || cli_id(a, "merge", &mrg, &e) ||
	    app_family_merge(app, keep, mrg, cli_get(a, "reason"), &m, &e))
		return cli_fail(&e);
	printf("Merged family %lld into family %lld (merge %lld):", (long long)mrg, (long long)keep, (long long)m.id);
	int any = 0;
	for (int k = 0; k < MERGE_KINDS; k++)
		if (m.moved[k]) {
			printf("%s %s %lld", any ? "," : "", merge_kind_names[k], (long long)m.moved[k]);
			any = 1;
		}
	printf("%s.\nFamily %lld is kept as a tombstone pointing to family %lld.\n", any ? "" : " no records", (long long)mrg,
	       (long long)keep);
	return 0;
}
