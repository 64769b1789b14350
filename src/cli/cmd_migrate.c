/* cmd_migrate.c: dyad migrate-store, a team's database moved up from
 * SQLite to PostgreSQL (docs/postgresql.md, "Moving up"). */
#include <stdio.h>

#include "app/app_migrate_store.h"
#include "cli/cli.h"
#include "cli/commands.h"

int cmd_migrate_store(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)app;
	struct dy_err e;
	dy_err_clear(&e);
	if (!g->user) {
		fputs("dyad: as: `dyad migrate-store` is recorded in the target's audit under the operator's name: give"
		      " --as NAME (or set DYAD_USER)\n", stderr);
		return dy_exit_code(DY_EUSAGE);
	}
	struct app_migrate_report r;
	if (app_migrate_store(cli_get(a, "from"), cli_get(a, "to"), g->user, &r, &e))
		return cli_fail(&e);
	const struct store_copy_report *c = &r.copy;
	printf("Copied team %s from %s into %s: %lld rows in %d tables, each table's row count and BLAKE2b checksum"
	       " read back equal.\n\n", c->team_code[0] ? c->team_code : "(none)", r.from_driver, r.to_driver,
	       (long long)c->rows, c->ntables);
	printf("%-28s %10s  %s\n", "table", "rows", "checksum (BLAKE2b-256 of the rows in key order)");
	for (int i = 0; i < c->ntables; i++)
		printf("%-28s %10lld  %s\n", c->t[i].name, (long long)c->t[i].rows, c->t[i].sum);
	printf("\nNot copied (each database's own, or report tables made again from the records):");
	for (int i = 0; i < c->nlocal; i++)
		printf("%s %s", i ? "," : "", c->local[i]);
	printf("\nPeople sign in again on the new database; point --db (or DYAD_DB) at it from now on.\n");
	return 0;
}
