/* cmd_setup.c: dyad init, demo, import, export. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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
	char old[sizeof app->team_name];
	str_copy(old, sizeof old, app->team_name);
	if (app_init(app, code ? code : "team", name ? name : "Parent-infant relationship team", &created, &e))
		return cli_fail(&e);
	if (!created && name && strcmp(name, app->team_name) != 0) {
		if (app_team_rename(app, name, &e))
			return cli_fail(&e);
		printf("Renamed the team from \"%s\" to \"%s\".\n", old, app->team_name);
	}
	printf("%s %s (schema version %d) for team: %s%s\n", created ? "Created" : "Checked", cli_db_shown(g->db), migrate_latest(),
	       app->team_name, app->demo ? " (a demo database: synthetic families, no real people)" : "");
	if (!created && code)
		printf("The team code is kept: an existing team's code does not change.\n");
	return 0;
}

/* "1 referral", "2 referrals" */
static void count(const char *sep, int64_t n, const char *one, const char *many)
{
	printf("%s%lld %s", sep, (long long)n, n == 1 ? one : many);
}

static void print_counts(const char *verb, const struct transfer_counts *n)
{
	printf("%s ", verb);
	if (n->families)
		count("", n->families, "family", "families");
	count(n->families ? ", " : "", n->people, "person", "people");
	count(", ", n->referrals, "referral", "referrals");
	count(", ", n->contacts, "contact", "contacts");
	count(", ", n->safeguarding, "safeguarding period", "safeguarding periods");
	count(", ", n->outcomes, "discharge outcome", "discharge outcomes");
	count(", ", n->measures, "measure", "measures");
	count(", ", n->practitioners, "practitioner", "practitioners");
	count(", ", n->events, "state change", "state changes");
	count(", ", n->overrides, "eligibility override", "eligibility overrides");
	count(", ", n->goals, "goal", "goals");
	count(", ", n->goal_ratings, "goal rating", "goal ratings");
	count(", ", n->notes, "case note", "case notes");
	if (n->video_cycles)
		count(", ", n->video_cycles, "video feedback cycle", "video feedback cycles");
	if (n->careplans)
		count(", ", n->careplans, "care plan item", "care plan items");
	if (n->group_runs)
		count(", ", n->group_runs, "group run", "group runs");
	if (n->group_enrolments)
		count(", ", n->group_enrolments, "group enrolment", "group enrolments");
	if (n->group_waiting)
		count(", ", n->group_waiting, "group waiting-list entry", "group waiting-list entries");
	if (n->trainings)
		count(", ", n->trainings, "training event", "training events");
	if (n->consultations)
		count(", ", n->consultations, "consultation", "consultations");
	if (n->supervision)
		count(", ", n->supervision, "supervision session", "supervision sessions");
	if (n->letters)
		count(", ", n->letters, "letter", "letters");
	if (n->feedback)
		count(", ", n->feedback, "feedback response set", "feedback response sets");
	if (n->appointments)
		count(", ", n->appointments, "appointment", "appointments");
	if (n->family_merges)
		count(", ", n->family_merges, "family merge", "family merges");
	fputs(".\n", stdout);
}

int cmd_demo(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int families = 300, seed = 1;
	if (cli_int(a, "families", 1, 10000000, &families, &e) || cli_int(a, "seed", 0, 2000000000, &seed, &e))
		return cli_fail(&e);
	struct transfer_counts n;
	if (app_demo(app, families, (uint64_t)seed, cli_get(a, "into-existing") != NULL, &n, &e))
		return cli_fail(&e);
	print_counts("Added", &n);
	printf("This is a demo database (team: %s): every name is made up; listings say so.\n", app->team_name);
	/* Sign-ins for the web application, one per role, shown only now. */
	return cmd_user_demo(g, a, app);
}

int cmd_import(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct stat st;
	if (stat(a->pos[0], &st) || !S_ISDIR(st.st_mode)) {
		dy_fail(&e, DY_ENOTFOUND, "DIR", "%s is not a folder: give the folder that `dyad export DIR` wrote",
		        a->pos[0]);
		return cli_fail(&e);
	}
	int fresh = !app->team_id;
	char before[sizeof app->team_name];
	str_copy(before, sizeof before, app->team_name);
	struct transfer_counts n;
	if (app_import(app, a->pos[0], &n, &e)) {
		int code = cli_fail(&e);
		if (fresh)
			fprintf(stderr, "dyad: nothing was imported; no database was made at %s.\n", cli_db_shown(g->db));
		else
			fputs("dyad: nothing was imported; the database is unchanged.\n", stderr);
		return code;
	}
	print_counts("Imported", &n);
	if (n.team[0] && strcmp(n.team, app->team_name) != 0)
		printf("The files are from the team \"%s\"; this database keeps its team \"%s\""
		       " (rename it with `dyad init --team-name NAME`).\n", n.team, app->team_name);
	else if (fresh || strcmp(before, app->team_name) != 0)
		printf("Team: %s (from the files)%s.\n", app->team_name, app->demo ? "; a demo database" : "");
	return 0;
}

int cmd_export(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct transfer_counts n;
	int rc = app_export(app, a->pos[0], cli_get(a, "replace") != NULL, &n, &e);
	if (rc)
		return cli_fail(&e);
	print_counts("Exported", &n);
	printf("The files in %s identify people: keep them as securely as the database.\n", a->pos[0]);
	return 0;
}
