/* list.c: the shared body of listing commands (see list.h). */
#include "cli/list.h"

#include "app/app_measure.h"

int cli_list(const struct cli_global *g, struct cli_args *a, struct app *app, const char *id_option, const char *const *cols,
             const char *empty, cli_lister fn)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id = 0;
	if (id_option && cli_id(a, id_option, &id, &e))
		return cli_fail(&e);
	struct out_list *l = out_begin(g->format, cols);
	if (!l)
		return 1;
	int rc = fn(app, id, l, &e);
	if (rc) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, empty);
	return 0;
}
