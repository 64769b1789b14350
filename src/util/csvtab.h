/* csvtab.h: reading a CSV file whose first line names its columns.
 *
 * The caller lists the columns it knows (required or optional); the header
 * may hold them in any order and may hold more, which are ignored. Errors
 * name the file, line and column. */
#ifndef DYAD_UTIL_CSVTAB_H
#define DYAD_UTIL_CSVTAB_H

#include <stdint.h>
#include <stdio.h>

#include "util/csv.h"

#define CSVTAB_MAX_COLS 24

struct csvtab_col {
	const char *name;
	int required;
};

struct csvtab {
	const char *file;                /* file name for messages ("people.csv") */
	FILE *f;                         /* NULL when an optional file is absent */
	struct csv_reader r;
	const struct csvtab_col *cols;
	int ncols;
	int idx[CSVTAB_MAX_COLS];        /* field index of each known column, -1 absent */
	int width;                       /* fields in the header */
	int col;                         /* the column being read (for messages) */
};

/* Opens dir/name and reads its header. An absent file is an error when
 * required, else t->f is NULL and csvtab_next returns 0 at once. */
int csvtab_open(struct csvtab *t, const char *dir, const char *name, const struct csvtab_col *cols, int ncols,
                int required, struct dy_err *e);

/* Reads the next row: 1 for a row, 0 at the end, negative with e filled
 * (a row whose field count differs from the header's is refused). */
int csvtab_next(struct csvtab *t, struct dy_err *e);

/* Column k's value in the current row ("" when the column is absent). */
const char *csvtab_get(struct csvtab *t, int k);

/* Copies column k into out (size n); refuses a value that does not fit. */
int csvtab_copy(struct csvtab *t, int k, char *out, size_t n, struct dy_err *e);

/* Parses column k as an id (1 .. 2^53); `optional` allows "" (gives 0). */
int csvtab_id(struct csvtab *t, int k, int optional, int64_t *out, struct dy_err *e);

/* Sets e->where to "file line N" and e->field to column k's name when the
 * error has no field yet; returns e->code. */
int csvtab_fail(struct csvtab *t, int k, struct dy_err *e);

/* Closes the file and frees the reader. */
void csvtab_close(struct csvtab *t);

#endif
