/* list.c: the shared body of listing commands (see list.h). */
#include "cli/list.h"

#include "app/app_measure.h"

int cli_list(const struct cli_global *g, struct cli_args *a, const char *id_option, const char *const *cols,
             const char *empty, cli_lister fn)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id = 0;
	if (id_option && cli_id(a, id_option, &id, &e))
		return cli_fail(&e);
	struct app app;
	int rc = cli_open(g, &app);
	if (rc)
		return rc;
	const char *dir = cli_get(a, "instruments");
	if (dir)
		app_set_instruments_dir(&app, dir);
	struct out_list *l = out_begin(g->format, cols);
	if (!l) {
		app_close(&app);
		return 1;
	}
	rc = fn(&app, id, l, &e);
	app_close(&app);
	if (rc) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, empty);
	return 0;
}
