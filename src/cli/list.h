/* list.h: the shape most listing commands share: read one record id from
 * an option and print the rows a lister gives. */
#ifndef DYAD_CLI_LIST_H
#define DYAD_CLI_LIST_H

#include <stdint.h>

#include "cli/cli.h"
#include "cli/out.h"

/* Feeds rows for record id into l (usually by calling one app_*_list with
 * a row callback); 0 or an error code with e filled. */
typedef int (*cli_lister)(struct app *app, int64_t id, struct out_list *l, struct dy_err *e);

/* Parses option id_option as a record id, prints the rows
 * of fn in the global format with columns cols (NULL-terminated), or
 * `empty` when there are none. On an error prints only the error line.
 * Returns the exit code. */
int cli_list(const struct cli_global *g, struct cli_args *a, struct app *app, const char *id_option, const char *const *cols,
             const char *empty, cli_lister fn);

#endif
