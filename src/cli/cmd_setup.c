/* cmd_setup.c: dyad init, demo, import, export. */
#include <stdio.h>
#include <string.h>

#include "app/app_demo.h"
#include "app/app_transfer.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "store/migrate.h"
#include "util/str.h"

int cmd_init(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	const char *code = cli_get(a, "team-code");
	const char *name = cli_get(a, "team-name");
	int created = 0;
	int rc = app_init(app, code ? code : "team", name ? name : "Parent-infant relationship team", &created, &e);
	if (rc) {
		return cli_fail(&e);
	}
	printf("%s %s (schema version %d) for team: %s\n", created ? "Created" : "Checked", g->db, migrate_latest(),
	       app->team_name);
	return 0;
}

static void print_counts(const char *verb, const struct transfer_counts *n)
{
	if (n->families)
		printf("%s %lld families, ", verb, (long long)n->families);
	else
		printf("%s ", verb);
	printf("%lld people, %lld referrals, %lld contacts, %lld safeguarding periods,"
	       " %lld discharge outcomes, %lld measures, %lld practitioners, %lld state changes,"
	       " %lld eligibility overrides, %lld goals, %lld goal ratings.\n",
	       (long long)n->people, (long long)n->referrals, (long long)n->contacts,
	       (long long)n->safeguarding, (long long)n->outcomes, (long long)n->measures, (long long)n->practitioners, (long long)n->events,
	       (long long)n->overrides, (long long)n->goals, (long long)n->goal_ratings);
}

int cmd_demo(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int families = 300, seed = 1;
	if (cli_int(a, "families", 1, 10000000, &families, &e) || cli_int(a, "seed", 0, 2000000000, &seed, &e))
		return cli_fail(&e);
	if (!app->team_id) {
		int created;
		app_init(app, "demo", "Demo parent-infant team", &created, &e);
	}
	struct transfer_counts n;
	int rc = app_demo(app, families, (uint64_t)seed, &n, &e);
	if (rc)
		return cli_fail(&e);
	print_counts("Added", &n);
	return 0;
}

int cmd_import(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct transfer_counts n;
	int created;
	if (!app->team_id && app_init(app, "team", "Parent-infant relationship team", &created, &e)) {
		return cli_fail(&e);
	}
	int rc = app_import(app, a->pos[0], &n, &e);
	if (rc) {
		int code = cli_fail(&e);
		fputs("dyad: nothing was imported; the database is unchanged.\n", stderr);
		return code;
	}
	print_counts("Imported", &n);
	return 0;
}

int cmd_export(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct transfer_counts n;
	int rc = app_export(app, a->pos[0], &n, &e);
	if (rc)
		return cli_fail(&e);
	print_counts("Exported", &n);
	printf("The files in %s identify people: keep them as securely as the database.\n", a->pos[0]);
	return 0;
}
