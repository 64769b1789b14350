/* cmd_family_copy.c: `dyad family copy ID DIR`: a family's own copy of its
 * record, an HTML document and the same data as JSON, written into the new
 * (or empty) folder DIR (app/app_family_copy.h; docs/subject-access.md). */
#include "cli/commands.h"

#include <stdint.h>
#include <stdio.h>

#include "app/app_family_copy.h"
#include "util/str.h"

int cmd_family_copy(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (str_parse_i64(a->pos[0], 1, INT64_MAX, &id))
		return cli_fail(&(struct dy_err){.code = DY_EINVAL, .field = "ID", .msg = "must be a family number"});
	if (app_family_copy(app, id, a->pos[1], &e))
		return cli_fail(&e);
	printf("Wrote family %lld's copy into %s: family-%lld.html and family-%lld.json.\n", (long long)id, a->pos[1],
	       (long long)id, (long long)id);
	printf("The copy identifies the family: give it only to them, securely.\n");
	return 0;
}
