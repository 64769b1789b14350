/* cmd_ops.c: dyad backup, restore and doctor (docs/operations.md). */
#include <stdio.h>

#include "app/app_ops.h"
#include "cli/cli.h"
#include "cli/commands.h"

static void print_report(const char *verb, const char *path, const struct db_backup_report *r)
{
	printf("%s %s: %lld rows in %d tables; integrity check ok; row counts match.\n", verb, path, (long long)r->rows,
	       r->ntables);
}

int cmd_backup(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	struct db_backup_report r;
	if (app_backup(app, a->pos[0], &r, &e))
		return cli_fail(&e);
	print_report("Backed up to", a->pos[0], &r);
	printf("The backup identifies people: keep it as securely as the database (it is mode 0600).\n");
	return 0;
}

int cmd_restore(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)app;
	struct dy_err e;
	dy_err_clear(&e);
	struct db_backup_report r;
	if (db_restore(a->pos[0], g->db, cli_get(a, "force") != NULL, &r, &e))
		return cli_fail(&e);
	print_report("Restored", g->db, &r);
	return 0;
}

static void print_finding(void *ctx, const char *finding)
{
	(void)ctx;
	printf("warning: %s\n", finding);
}

int cmd_doctor(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)app;
	int n = app_doctor(g->db, cli_get(a, "path"), print_finding, NULL);
	if (n == 0) {
		printf("ok: the database, its journal files, and the exports and backups beside it are private"
		       " (owner only).\n");
		return 0;
	}
	printf("%d warning%s: files that identify people must be readable by their owner only.\n", n, n == 1 ? "" : "s");
	return 3;
}
