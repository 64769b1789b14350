/* cli.h: the `dyad` command line: option parsing, output formats and the
 * command table. Each command parses its options, calls one app_* function
 * and renders the result; errors go to stderr as one line naming the field.
 * Exit codes: 0 ok, 1 usage, 2 invalid input, 3 not found / conflict,
 * 4 storage or internal error. */
#ifndef DYAD_CLI_CLI_H
#define DYAD_CLI_CLI_H

#include <stdint.h>

#include "app/app.h"
#include "util/err.h"

/* One option a command accepts. arg is the value's name ("DATE"), or NULL
 * for a flag. */
struct cli_opt {
	const char *name;
	const char *arg;
	const char *help;
	int required;
};

#define CLI_MAX_ARGS 32

/* A command's parsed arguments. */
struct cli_args {
	const struct cli_opt *spec;
	const char *vals[CLI_MAX_ARGS]; /* by spec index; NULL when not given; "" for a given flag */
	const char *pos[4];             /* positional arguments */
	int npos;
};

/* Global settings, from --db / DYAD_DB, --format and --as / DYAD_USER. */
struct cli_global {
	const char *db;
	const char *format; /* table | json | csv */
	const char *user;   /* the operator as the audit records them ("cli:NAME"), or NULL when not named */
};

/* How a command uses the database. main opens it for every command but
 * CLI_DB_NONE, refuses a database that does not exist unless the command
 * is CLI_DB_CREATE, and refuses CLI_DB_WRITE and CLI_DB_CREATE commands
 * when the operator is not named (--as NAME or DYAD_USER). */
enum cli_db {
	CLI_DB_NONE,   /* no database (score, instruments list/show) */
	CLI_DB_READ,   /* reads the record */
	CLI_DB_WRITE,  /* changes the record, or takes it out (export): audited */
	CLI_DB_CREATE, /* may create a database that does not exist (init, demo, import) */
	CLI_DB_EXTERNAL /* opens the database itself (serve): it must exist; the app is NULL */
};

/* One command: `dyad <noun> <verb>` (verb NULL for `dyad <noun>`). */
struct cli_command {
	const char *noun;
	const char *verb;
	const char *usage;    /* positional part, e.g. "DIR" */
	int npos;             /* positional arguments required */
	const char *summary;
	const struct cli_opt *opts; /* NULL-name terminated */
	/* Runs the command on the open app (NULL for CLI_DB_NONE); prints its
	 * own errors and returns the exit code. */
	int (*run)(const struct cli_global *g, struct cli_args *a, struct app *app);
	enum cli_db db;
	/* The output formats it offers, as its --help says them; NULL: a
	 * reading command's "table (default), json or csv", and no --format at
	 * all for a command that changes the record (it prints a sentence). */
	const char *formats;
};

extern const struct cli_command cli_commands[];

/* Parses argv (after the command words) against c's options into a.
 * Returns 0, or prints the error and returns DY_EUSAGE (unknown, repeated or
 * missing options) or DY_EINVAL (a value that is not valid UTF-8 text). */
int cli_parse(const struct cli_command *c, int argc, char **argv, struct cli_args *a);

/* The value of option name, or NULL when not given. */
const char *cli_get(const struct cli_args *a, const char *name);

/* The option a bare record number stands for: the index of the command's
 * first option when it is a required ID (`dyad referral history 5` =
 * `--referral 5`); -1 when there is none or the command takes positional
 * arguments. */
int cli_bare_id(const struct cli_command *c);

/* Prints the command's help (usage, summary, options) to stdout. */
void cli_help(const struct cli_command *c);

/* The database named by url as dyad's messages show it: its password as
 * *** (db_url_shown), in a buffer of the process valid until the next call. */
const char *cli_db_shown(const char *url);

/* Prints "dyad: <error>" to stderr and returns the exit code for e. */
int cli_fail(const struct dy_err *e);

/* Runs command c with its parsed arguments: checks the operator and the
 * database as c->db asks, opens the app, runs, closes. A database this run
 * created is removed again when the command fails. Returns the exit code. */
int cli_run(const struct cli_command *c, const struct cli_global *g, struct cli_args *a);

/* Option value helpers: each validates and fills e naming the option. An
 * absent optional value leaves *out as DATE_NONE / 0 / "". */
int cli_id(const struct cli_args *a, const char *name, int64_t *out, struct dy_err *e);
int cli_date(const struct cli_args *a, const char *name, int32_t *out, struct dy_err *e);
int cli_int(const struct cli_args *a, const char *name, int lo, int hi, int *out, struct dy_err *e);
int cli_text(const struct cli_args *a, const char *name, char *out, unsigned n, struct dy_err *e);

/* Paging options of a listing: --limit N (default_limit when absent),
 * --offset N and --all (no limit). */
int cli_page(const struct cli_args *a, int default_limit, int *limit, int *offset, struct dy_err *e);

/* Keyset paging options of a family listing into pg: --limit N
 * (default_limit when absent), --after ID, --sort KEY, --descending and
 * --all (no limit). */
struct list_page;
int cli_keyset(const struct cli_args *a, int default_limit, struct list_page *pg, struct dy_err *e);

/* --target-a / --target-b (clock targets, cmd_pathway.c) into t, the
 * defaults where absent; 0 or DY_EINVAL naming the option. */
struct clock_targets;
int cli_clock_targets(const struct cli_args *a, struct clock_targets *t, struct dy_err *e);

/* Parses "1,2,3" ids (at most max) from option name; 0 or DY_EINVAL. */
int cli_ids(const struct cli_args *a, const char *name, int64_t *ids, int max, int *n, struct dy_err *e);

#endif
