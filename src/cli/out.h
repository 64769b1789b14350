/* out.h: rendering command results as a table, JSON or CSV.
 *
 * A list is begun with its columns, fed rows of strings and ended. A column
 * is "name" or "name:type"; the name is the header in every format (the
 * vocabulary of docs/csv.md) and the type says what a cell is in JSON:
 *   text (default)  a string; "" is null
 *   id, int         a whole number (ids, counts, days); "" is null
 *   num             a number (scores); "" is null
 *   date            "YYYY-MM-DD"; "" is null
 *   bool            "yes" / "no" are true / false; "" is null
 *   ids             "3;7" is [3, 7]; "" is []
 *   list            "a; b" is ["a", "b"]; "" is []
 * Tables align columns for the terminal; JSON is an array of objects; CSV
 * has a header row and is formula-safe.
 *
 * A show command's document (out_doc) is one JSON object holding the
 * record's facts and its lists as nested arrays; in a table each list is
 * printed where the command asks; in CSV only lists flagged as the main one
 * are printed. */
#ifndef DYAD_CLI_OUT_H
#define DYAD_CLI_OUT_H

#include <stddef.h>
#include <stdint.h>

#define OUT_MAX_COLS 24

struct out_list;
struct out_doc;

/* Starts a list in format fmt ("table", "json" or "csv"). cols is
 * NULL-terminated and must outlive the list. Returns NULL for an unknown
 * format (after printing the error). */
struct out_list *out_begin(const char *fmt, const char *const *cols);

/* Adds a row: one string per column ("" for empty). */
void out_row(struct out_list *l, const char *const *vals);

/* Says how many rows there are in all (when a listing is cut by --limit):
 * out_end then adds "Showing N of M: ..." (to stderr for JSON and CSV). */
void out_total(struct out_list *l, int64_t total, int64_t offset);

/* For a keyset listing cut by --limit: out_end adds "Showing N of M: the
 * next page is --after ID" (next_after, the last row's id; 0 when no rows
 * follow, and then nothing is said). */
void out_next(struct out_list *l, int64_t total, int64_t next_after);

/* Prints the list (tables print at the end to size columns) and frees it;
 * prints `empty` instead of an empty table when given. */
void out_end(struct out_list *l, const char *empty);

/* Frees the list without printing anything more (the command failed). */
void out_discard(struct out_list *l);

/* Checks fmt is one dyad knows; 0 or DY_EUSAGE. */
int out_format_ok(const char *fmt);

/* Starts a show command's document in format fmt (NULL for an unknown
 * format, after printing the error). */
struct out_doc *out_doc_begin(const char *fmt);

/* 1 when the document prints tables (the command prints its own headings). */
int out_doc_table(const struct out_doc *d);

/* Adds a fact to the JSON object (col is "name:type" as above); nothing
 * for tables and CSV, where the command prints the fact its own way. */
void out_doc_fact(struct out_doc *d, const char *col, const char *value);

/* Begins a list that, in JSON, becomes the array under key; in a table it
 * prints as a list; in CSV it prints only when main is set (else rows are
 * dropped). End it with out_end as usual. */
struct out_list *out_doc_list(struct out_doc *d, const char *key, const char *const *cols, int main);

/* As out_doc_list for one record: in JSON the object under key (its first
 * row), not an array. */
struct out_list *out_doc_record(struct out_doc *d, const char *key, const char *const *cols, int main);

/* Prints the document (JSON: the object) and frees it. */
void out_doc_end(struct out_doc *d);

/* Frees the document without printing it (the command failed). */
void out_doc_end_silent(struct out_doc *d);

#endif
