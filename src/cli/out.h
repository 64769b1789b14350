/* out.h: rendering command results as a table, JSON or CSV.
 *
 * A list is begun with its column names, fed rows of strings and ended; a
 * single record is a list of (label, value) pairs. Tables align columns for
 * the terminal; JSON is an array of objects (or one object); CSV has a
 * header row and is formula-safe. */
#ifndef DYAD_CLI_OUT_H
#define DYAD_CLI_OUT_H

#include <stddef.h>

#define OUT_MAX_COLS 20

struct out_list;

/* Starts a list in format fmt ("table", "json" or "csv"). cols is
 * NULL-terminated and must outlive the list. Returns NULL for an unknown
 * format (after printing the error). */
struct out_list *out_begin(const char *fmt, const char *const *cols);

/* Adds a row: one string per column ("" for empty). */
void out_row(struct out_list *l, const char *const *vals);

/* Prints the list (tables print at the end to size columns) and frees it;
 * prints `empty` instead of an empty table when given. */
void out_end(struct out_list *l, const char *empty);

/* Frees the list without printing anything more (the command failed). */
void out_discard(struct out_list *l);

/* Checks fmt is one dyad knows; 0 or DY_EUSAGE. */
int out_format_ok(const char *fmt);

#endif
