/* main.c: `dyad` entry point: global options, finding the command, help. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_report_db.h"
#include "cli/cli.h"
#include "cli/out.h"

static void overview(void)
{
	puts("dyad: case management and outcomes for parent-infant relationship teams\n\n"
	     "usage: dyad [--db PATH] [--report-db URL] [--format table|json|csv|html] [--as NAME] <command> [options]\n\ncommands:");
	for (const struct cli_command *c = cli_commands; c->noun; c++) {
		char name[48];
		snprintf(name, sizeof name, "%s%s%s%s%s%s", c->noun, c->verb ? " " : "", c->verb ? c->verb : "",
		         c->usage ? " " : "", c->usage ? c->usage : "", cli_bare_id(c) == 0 ? " [ID]" : "");
		printf("  %-26s %s\n", name, c->summary);
	}
	printf("  %-26s %s\n", "version", "Print the version.");
	puts("\nEvery command has --help. The database is --db PATH, else $DYAD_DB, else ./dyad.db;\n"
	     "only init (and demo or import into a new path) creates one. Reports (dyad report, and the web\n"
	     "application's reports) read from --report-db URL, else $DYAD_REPORT_DB, when given: a read\n"
	     "replica (docs/postgresql.md); everything else uses --db.\n"
	     "Commands that change the record need the operator's name: --as NAME, else $DYAD_USER.\n"
	     "Exit codes: 0 ok, 1 usage, 2 invalid input, 3 not found, conflict or busy (try again),\n"
	     "4 storage or internal error.");
}

/* 0 when name can stand in the audit as the operator: 1 to 50 bytes, no
 * control characters. */
static int operator_ok(const char *name)
{
	size_t n = strlen(name);
	if (n < 1 || n > 50)
		return 1;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	struct cli_global g = {.db = getenv("DYAD_DB"), .format = "table"};
	if (!g.db || !*g.db)
		g.db = "dyad.db";
	const char *operator = getenv("DYAD_USER");
	const char *report_db = getenv("DYAD_REPORT_DB");

	/* Global options may stand anywhere, each at most once; the rest are
	 * the command's. */
	char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
	int nrest = 0, help = 0, twice = 0;
	const char *seen_db = NULL, *seen_format = NULL, *seen_as = NULL, *seen_report = NULL;
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i], *v = NULL, **seen = NULL;
		if ((strcmp(s, "--db") == 0 || strcmp(s, "--format") == 0 || strcmp(s, "--as") == 0 ||
		     strcmp(s, "--report-db") == 0) && i + 1 < argc) {
			v = argv[++i];
		} else if (strncmp(s, "--report-db=", 12) == 0) {
			v = s + 12;
		} else if (strncmp(s, "--as=", 5) == 0 || strncmp(s, "--db=", 5) == 0) {
			v = s + 5;
		} else if (strncmp(s, "--format=", 9) == 0) {
			v = s + 9;
		} else if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
			help = 1;
			continue;
		} else {
			rest[nrest++] = argv[i];
			continue;
		}
		seen = s[2] == 'd' ? &seen_db : s[2] == 'a' ? &seen_as : s[2] == 'r' ? &seen_report : &seen_format;
		if (*seen && !twice) {
			fprintf(stderr, "dyad: --%s is given twice: give it once\n",
			        s[2] == 'd' ? "db" : s[2] == 'a' ? "as" : s[2] == 'r' ? "report-db" : "format");
			twice = 1;
		}
		*seen = v;
	}
	if (seen_db)
		g.db = seen_db;
	if (seen_format)
		g.format = seen_format;
	if (seen_as)
		operator = seen_as;
	if (seen_report)
		report_db = seen_report;
	app_report_db_set(report_db);
	if (twice) {
		free(rest);
		return 1;
	}
	int rc = 0;
	if (nrest == 0) {
		overview();
		rc = help ? 0 : 1;
		goto done;
	}
	if ((strcmp(rest[0], "version") == 0 || strcmp(rest[0], "--version") == 0) && help) {
		puts("usage: dyad version\n\nPrint the version of dyad (also: dyad --version).\n\noptions:\n"
		     "  --help                       show this help");
		goto done;
	}
	if (strcmp(rest[0], "version") == 0 || strcmp(rest[0], "--version") == 0) {
		printf("dyad %s\n", DYAD_VERSION);
		goto done;
	}
	char actor[64];
	if (operator && *operator) {
		if (operator_ok(operator)) {
			fputs("dyad: as: the operator's name must be 1 to 50 printable characters\n", stderr);
			rc = 1;
			goto done;
		}
		snprintf(actor, sizeof actor, "cli:%s", operator);
		g.user = actor;
	}
	int html = strcmp(g.format, "html") == 0; /* reports only: checked below */
	if (out_format_ok(g.format) && !html) {
		fputs("dyad: format: must be one of table, json or csv (or html, for a report)\n", stderr);
		rc = 1;
		goto done;
	}
	const struct cli_command *found = NULL;
	int noun_known = 0;
	for (const struct cli_command *c = cli_commands; c->noun; c++) {
		if (strcmp(c->noun, rest[0]) != 0)
			continue;
		noun_known = 1;
		if (!c->verb || (nrest > 1 && strcmp(c->verb, rest[1]) == 0)) {
			found = c;
			break;
		}
	}
	if (!found) {
		if (noun_known) {
			if (help || nrest == 1) {
				printf("usage: dyad %s <verb> [options]\n\n", rest[0]);
			} else {
				fprintf(stderr, "dyad: %s: the word after it is not one of its commands:\n", rest[0]);
			}
			FILE *to = help || nrest == 1 ? stdout : stderr;
			for (const struct cli_command *c = cli_commands; c->noun; c++)
				if (strcmp(c->noun, rest[0]) == 0)
					fprintf(to, "  dyad %s %-10s %s\n", c->noun, c->verb, c->summary);
			rc = help ? 0 : 1;
		} else {
			fputs("dyad: the first word is not a command (see `dyad --help`)\n", stderr);
			rc = 1;
		}
		goto done;
	}
	if (help) {
		cli_help(found);
		goto done;
	}
	if (html && !(found->formats && strstr(found->formats, "html"))) {
		fputs("dyad: format: must be one of table, json or csv (html is for a report)\n", stderr);
		rc = 1;
		goto done;
	}
	struct cli_args args;
	int skip = found->verb ? 2 : 1;
	int prc = cli_parse(found, nrest - skip, rest + skip, &args);
	if (prc) {
		rc = dy_exit_code(prc);
		goto done;
	}
	rc = cli_run(found, &g, &args);
	app_report_db_close_thread();
done:
	free(rest);
	return rc;
}
