/* args.c: option parsing, help and value helpers for the CLI. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/db.h"
#include "store/store_summary.h"
#include "core/validate.h"
#include "util/date.h"
#include "util/str.h"
#include "util/text.h"

int cli_bare_id(const struct cli_command *c)
{
	if (c->npos || !c->opts || !c->opts[0].name || !c->opts[0].required || !c->opts[0].arg ||
	    strcmp(c->opts[0].arg, "ID") != 0)
		return -1;
	return 0;
}

static void usage_line(const struct cli_command *c)
{
	printf("usage: dyad %s%s%s%s%s%s [options]\n", c->noun, c->verb ? " " : "", c->verb ? c->verb : "",
	       c->usage ? " " : "", c->usage ? c->usage : "", cli_bare_id(c) == 0 ? " [ID]" : "");
}

void cli_help(const struct cli_command *c)
{
	usage_line(c);
	printf("\n%s\n\noptions:\n", c->summary);
	for (const struct cli_opt *o = c->opts; o && o->name; o++) {
		char left[64];
		snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		printf("  %-28s%s%s%s\n", left, strlen(left) < 28 ? " " : "  ", o->help,
		       !o->required ? "" : o == c->opts && cli_bare_id(c) == 0 ? " (required; or give the ID alone)"
		                                                                 : " (required)");
	}
	if (c->db != CLI_DB_NONE)
		printf("  %-28s %s\n", "--db PATH", "the database (default $DYAD_DB or ./dyad.db)");
	if (c->db == CLI_DB_WRITE || c->db == CLI_DB_CREATE || strcmp(c->noun, "migrate-store") == 0)
		printf("  %-28s %s\n", "--as NAME", "the operator, recorded in the audit (default $DYAD_USER; required)");
	if (strcmp(c->noun, "report") == 0 || strcmp(c->noun, "serve") == 0)
		printf("  %-28s %s\n", "--report-db URL", "reports read this database, a read replica (default"
		                                           " $DYAD_REPORT_DB; else --db)");
	const char *formats = c->formats ? c->formats : c->db == CLI_DB_READ ? "table (default), json or csv" : NULL;
	if (formats)
		printf("  %-28s %s\n", "--format FORMAT", formats);
	printf("  %-28s %s\n", "--help", "show this help");
}

/* Prints "dyad: <problem> <what> (see ... --help)". what is never a value
 * the user typed (it may be a name or an NHS number in the wrong place):
 * only a position or the name of a known option. */
static int usage_error(const struct cli_command *c, const char *problem, const char *what)
{
	fprintf(stderr, "dyad: %s %s", problem, what);
	fprintf(stderr, " (see `dyad %s%s%s --help`)\n", c->noun, c->verb ? " " : "", c->verb ? c->verb : "");
	return DY_EUSAGE;
}

static int usage_at(const struct cli_command *c, const char *problem, int i)
{
	char at[48];
	snprintf(at, sizeof at, "at word %d after the command", i + 1);
	return usage_error(c, problem, at);
}

int cli_parse(const struct cli_command *c, int argc, char **argv, struct cli_args *a)
{
	memset(a, 0, sizeof *a);
	a->spec = c->opts;
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (strncmp(arg, "--", 2) != 0) {
			int k = cli_bare_id(c);
			if (k >= 0 && !a->vals[k]) {
				a->vals[k] = arg;
				continue;
			}
			if (k >= 0)
				return usage_error(c, "the record is given twice (as a bare ID and as an option):", arg);
			if (a->npos == 4 || a->npos >= c->npos)
				return usage_at(c, "unexpected argument", i);
			a->pos[a->npos++] = arg;
			continue;
		}
		char name[64];
		const char *eq = strchr(arg + 2, '=');
		size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
		if (len >= sizeof name)
			return usage_at(c, "unknown option", i);
		memcpy(name, arg + 2, len);
		name[len] = '\0';
		int k = -1;
		for (int j = 0; c->opts && c->opts[j].name; j++)
			if (strcmp(c->opts[j].name, name) == 0)
				k = j;
		if (k < 0)
			return usage_at(c, "unknown option", i);
		char opt[80];
		snprintf(opt, sizeof opt, "--%s", c->opts[k].name);
		if (a->vals[k])
			return usage_error(c, "this option is given twice:", opt);
		if (!c->opts[k].arg) {
			if (eq)
				return usage_error(c, "this option takes no value:", opt);
			a->vals[k] = "";
			continue;
		}
		if (eq) {
			a->vals[k] = eq + 1;
		} else {
			if (i + 1 >= argc)
				return usage_error(c, "this option needs a value:", opt);
			a->vals[k] = argv[++i];
		}
	}
	/* Every value typed: valid UTF-8, nothing that hides text. */
	struct dy_err e;
	for (int i = 0; i < a->npos; i++)
		if (text_check("", a->pos[i], TEXT_FREE, &e)) {
			fprintf(stderr, "dyad: argument %d %s\n", i + 1, e.msg);
			return DY_EINVAL;
		}
	for (int j = 0; c->opts && c->opts[j].name; j++)
		if (a->vals[j] && text_check(c->opts[j].name, a->vals[j], TEXT_FREE, &e)) {
			fprintf(stderr, "dyad: %s: %s\n", c->opts[j].name, e.msg);
			return DY_EINVAL;
		}
	if (a->npos < c->npos)
		return usage_error(c, "missing", c->usage ? c->usage : "argument");
	for (int j = 0; c->opts && c->opts[j].name; j++)
		if (c->opts[j].required && !a->vals[j])
		{
			char opt[80];
			snprintf(opt, sizeof opt, "--%s", c->opts[j].name);
			return usage_error(c, "missing required option", opt);
		}
	return 0;
}

const char *cli_get(const struct cli_args *a, const char *name)
{
	for (int j = 0; a->spec && a->spec[j].name; j++)
		if (strcmp(a->spec[j].name, name) == 0)
			return a->vals[j];
	return NULL;
}

const char *cli_db_shown(const char *url)
{
	static char shown[512];
	db_url_shown(url, shown, sizeof shown);
	return shown;
}

int cli_fail(const struct dy_err *e)
{
	char line[700];
	dy_err_format(e, line, sizeof line);
	fprintf(stderr, "dyad: %s\n", line);
	return dy_exit_code(e->code);
}

int cli_id(const struct cli_args *a, const char *name, int64_t *out, struct dy_err *e)
{
	const char *v = cli_get(a, name);
	*out = 0;
	if (!v)
		return 0;
	if (str_parse_i64(v, 1, (int64_t)1 << 53, out)) {
		if (strspn(v, "0123456789") == strlen(v) && strlen(v) > 15)
			return dy_fail(e, DY_EINVAL, name, "is larger than any record number (at most 9007199254740992, 2^53)");
		return dy_fail(e, DY_EINVAL, name, "must be a record number (a positive whole number)");
	}
	return 0;
}

int cli_date(const struct cli_args *a, const char *name, int32_t *out, struct dy_err *e)
{
	const char *v = cli_get(a, name);
	*out = DATE_NONE;
	if (!v)
		return 0;
	if (strcmp(v, "today") == 0) {
		*out = date_today();
		return 0;
	}
	return validate_date(name, v, out, e);
}

int cli_int(const struct cli_args *a, const char *name, int lo, int hi, int *out, struct dy_err *e)
{
	const char *v = cli_get(a, name);
	if (!v)
		return 0;
	return validate_int(name, v, lo, hi, out, e);
}

int cli_text(const struct cli_args *a, const char *name, char *out, unsigned n, struct dy_err *e)
{
	const char *v = cli_get(a, name);
	if (!v) {
		out[0] = '\0';
		return 0;
	}
	if (strlen(v) >= n)
		return dy_fail(e, DY_EINVAL, name, "is longer than %u characters", n - 1);
	str_copy(out, n, v);
	return 0;
}

int cli_keyset(const struct cli_args *a, int default_limit, struct list_page *pg, struct dy_err *e)
{
	memset(pg, 0, sizeof *pg);
	int offset;
	if (cli_page(a, default_limit, &pg->limit, &offset, e) || cli_id(a, "after", &pg->after, e))
		return DY_EINVAL;
	const char *sort = cli_get(a, "sort");
	int s = sort ? list_sort_parse(sort) : LIST_SORT_ID;
	if (s < 0)
		return dy_fail(e, DY_EINVAL, "sort", "must be id, name, received or last_contact");
	pg->sort = (enum list_sort)s;
	pg->newest_first = cli_get(a, "descending") != NULL;
	return 0;
}

int cli_ids(const struct cli_args *a, const char *name, int64_t *ids, int max, int *n, struct dy_err *e)
{
	const char *v = cli_get(a, name);
	*n = 0;
	if (!v)
		return 0;
	char tmp[256];
	if (strlen(v) >= sizeof tmp)
		return dy_fail(e, DY_EINVAL, name, "is too long");
	strcpy(tmp, v);
	for (char *save = NULL, *tok = strtok_r(tmp, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (*n == max)
			return dy_fail(e, DY_EINVAL, name, "lists more than %d ids", max);
		if (str_parse_i64(tok, 1, (int64_t)1 << 53, &ids[*n]))
			return dy_fail(e, DY_EINVAL, name, "must be record numbers separated by commas, like 3,7");
		for (int i = 0; i < *n; i++)
			if (ids[i] == ids[*n])
				return dy_fail(e, DY_EINVAL, name, "lists %lld twice", (long long)ids[*n]);
		(*n)++;
	}
	return 0;
}

int cli_page(const struct cli_args *a, int default_limit, int *limit, int *offset, struct dy_err *e)
{
	*limit = default_limit;
	*offset = 0;
	if (cli_get(a, "all")) {
		if (cli_get(a, "limit"))
			return dy_fail(e, DY_EUSAGE, "all", "give --all or --limit, not both");
		*limit = 2000000000;
	}
	if (cli_int(a, "limit", 1, 1000000, limit, e) || cli_int(a, "offset", 0, 2000000000, offset, e))
		return DY_EINVAL;
	return 0;
}
