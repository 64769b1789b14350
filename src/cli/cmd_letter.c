/* cmd_letter.c: letters on the command line: `dyad letter make|list|show`
 * (app/app_letter.h; docs/letters.md). */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include "app/app_letter.h"
#include "cli/fmt.h"
#include "cli/out.h"
#include "util/str.h"

int cmd_letter_make(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t ep, id = 0;
	enum letter_kind kind;
	enum letter_to to = LETTER_TO_REFERRER;
	if (cli_id(a, "referral", &ep, &e) || letter_kind_parse(cli_get(a, "kind"), "kind", &kind, &e) ||
	    (cli_get(a, "to") && letter_to_parse(cli_get(a, "to"), "to", &to, &e)))
		return cli_fail(&e);
	if (app_letter_make(app, ep, kind, to, cli_get(a, "templates"), &id, &e))
		return cli_fail(&e);
	printf("Made letter %lld: %s to %s, referral %lld.\n", (long long)id, letter_kind_code(kind),
	       letter_to_code(to), (long long)ep);
	return 0;
}

static int letter_row(void *ctx, const struct letter *l)
{
	char id[24], ep[24];
	fmt_id(id, l->id);
	fmt_id(ep, l->episode_id);
	const char *row[] = {id, ep, l->kind, l->recipient, l->produced_at, l->produced_by, 0};
	out_row(ctx, row);
	return 0;
}

int cmd_letter_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t ep;
	if (cli_id(a, "referral", &ep, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"letter:id",   "referral:id", "kind", "to", "produced_at",
	                                   "produced_by", 0};
	struct out_list *l = out_begin(g->format, cols);
	if (!l)
		return 1;
	if (app_letter_list(app, ep, letter_row, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "The referral has no letter yet (dyad letter make).");
	return 0;
}

static int print_html(void *ctx, const struct letter *l)
{
	(void)ctx;
	fputs(l->html, stdout);
	return 0;
}

int cmd_letter_show(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (str_parse_i64(a->pos[0], 1, INT64_MAX, &id))
		return cli_fail(&(struct dy_err){.code = DY_EINVAL, .field = "ID", .msg = "must be a letter number"});
	if (app_letter_get(app, id, print_html, NULL, &e))
		return cli_fail(&e);
	return 0;
}
