/* run.c: the one place a command's database is opened and closed. The
 * command table says how each command uses the database (enum cli_db);
 * this file applies the rules that follow from it: only init, demo and
 * import may create a database, a change to the record needs a named
 * operator, and a database created by a run that then fails is removed. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

int cli_run(const struct cli_command *c, const struct cli_global *g, struct cli_args *a)
{
	if (c->db == CLI_DB_NONE)
		return c->run(g, a, NULL);
	if ((c->db == CLI_DB_WRITE || c->db == CLI_DB_CREATE) && !g->user) {
		fprintf(stderr, "dyad: as: `dyad %s%s%s` is recorded in the audit under the operator's name: give"
		                " --as NAME (or set DYAD_USER)\n",
		        c->noun, c->verb ? " " : "", c->verb ? c->verb : "");
		return dy_exit_code(DY_EUSAGE);
	}
	int existed = db_url_exists(g->db);
	if (!existed && c->db != CLI_DB_CREATE) {
		const char *shown = cli_db_shown(g->db);
		fprintf(stderr, "dyad: db: there is no database at %s: create one with `dyad --db %s init`, or name"
		                " the right one with --db PATH or DYAD_DB\n",
		        shown, shown);
		return dy_exit_code(DY_ENOTFOUND);
	}
	if (c->db == CLI_DB_EXTERNAL)
		return c->run(g, a, NULL);
	struct app app;
	struct dy_err e;
	dy_err_clear(&e);
	int rc;
	if (app_open(&app, g->db, g->user ? g->user : "cli:unnamed", &e)) {
		rc = cli_fail(&e);
	} else {
		if (app.demo) {
			/* A demo database says so on every view: on the table's first line, or
			 * beside machine-readable output. */
			FILE *to = strcmp(g->format, "table") == 0 ? stdout : stderr;
			fprintf(to, "%sDEMO DATABASE (%s): synthetic families, no real people.%s\n",
			        to == stderr ? "dyad: " : "", app.team_name, to == stdout ? "\n" : "");
		}
		const char *dir = cli_get(a, "instruments");
		if (dir)
			app_set_instruments_dir(&app, dir);
		rc = c->run(g, a, &app);
		app_close(&app);
	}
	if (rc && !existed)
		db_url_remove(g->db); /* with SQLite's companion files */
	return rc;
}
