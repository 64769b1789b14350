/* csvtab.c: CSV with a header row, columns found by name. */
#include "util/csvtab.h"

#include <errno.h>
#include <string.h>

#include "util/file.h"
#include "util/str.h"
#include "util/text.h"

int csvtab_open(struct csvtab *t, const char *dir, const char *name, const struct csvtab_col *cols, int ncols,
                int required, struct dy_err *e)
{
	memset(t, 0, sizeof *t);
	t->file = name;
	t->cols = cols;
	t->ncols = ncols;
	int rc = file_open_in(dir, name, !required, &t->f, e);
	if (rc)
		return rc == DY_ENOTFOUND ? DY_EINVAL : rc;
	if (!t->f)
		return 0;
	setvbuf(t->f, NULL, _IOFBF, 1 << 16);
	csv_reader_init(&t->r, t->f);
	t->r.unneutralise = 1;
	rc = csv_read(&t->r, e);
	if (rc <= 0) {
		if (rc == 0)
			dy_fail(e, DY_EINVAL, NULL, "is empty: the first line must name the columns");
		dy_err_where(e, "%s line 1", name);
		return DY_EINVAL;
	}
	t->width = t->r.nfields;
	for (int k = 0; k < ncols; k++) {
		t->idx[k] = -1;
		for (int i = 0; i < t->r.nfields; i++) {
			const char *h = t->r.fields[i];
			if (i == 0 && (unsigned char)h[0] == 0xEF && (unsigned char)h[1] == 0xBB && (unsigned char)h[2] == 0xBF)
				h += 3; /* a UTF-8 byte-order mark from a spreadsheet */
			if (strcmp(h, cols[k].name) == 0) {
				if (t->idx[k] >= 0) {
					dy_fail(e, DY_EINVAL, cols[k].name, "the column appears twice in the header");
					dy_err_where(e, "%s line 1", name);
					return DY_EINVAL;
				}
				t->idx[k] = i;
			}
		}
		if (t->idx[k] < 0 && cols[k].required) {
			dy_fail(e, DY_EINVAL, cols[k].name, "the required column is missing from the header");
			dy_err_where(e, "%s line 1", name);
			return DY_EINVAL;
		}
	}
	return 0;
}

int csvtab_next(struct csvtab *t, struct dy_err *e)
{
	if (!t->f)
		return 0;
	int rc = csv_read(&t->r, e);
	if (rc < 0) {
		dy_err_where(e, "%s line %ld", t->file, t->r.line);
		return rc;
	}
	if (rc == 1 && t->r.nfields != t->width) {
		dy_fail(e, DY_EINVAL, NULL, "has %d fields; the header has %d", t->r.nfields, t->width);
		dy_err_where(e, "%s line %ld", t->file, t->r.line);
		return DY_EINVAL;
	}
	/* Every field of every row: valid UTF-8, nothing that hides text (the
	 * column's name is found only for a field refused, to say which). */
	for (int i = 0; rc == 1 && i < t->r.nfields; i++) {
		if (!text_check("", t->r.fields[i], TEXT_FREE, e))
			continue;
		char col[32];
		snprintf(col, sizeof col, "column %d", i + 1);
		const char *name = col;
		for (int k = 0; k < t->ncols; k++)
			if (t->idx[k] == i)
				name = t->cols[k].name;
		text_check(name, t->r.fields[i], TEXT_FREE, e);
		dy_err_where(e, "%s line %ld", t->file, t->r.line);
		return DY_EINVAL;
	}
	return rc;
}

const char *csvtab_get(struct csvtab *t, int k)
{
	t->col = k;
	int i = t->idx[k];
	return i < 0 || i >= t->r.nfields ? "" : t->r.fields[i];
}

int csvtab_fail(struct csvtab *t, int k, struct dy_err *e)
{
	if (!e)
		return DY_EINVAL;
	if (!e->field[0] && k >= 0)
		str_copy(e->field, sizeof e->field, t->cols[k].name);
	dy_err_where(e, "%s line %ld", t->file, t->r.line);
	return e->code;
}

int csvtab_copy(struct csvtab *t, int k, char *out, size_t n, struct dy_err *e)
{
	const char *v = csvtab_get(t, k);
	if (strlen(v) >= n) {
		dy_fail(e, DY_EINVAL, t->cols[k].name, "is longer than %zu characters", n - 1);
		return csvtab_fail(t, k, e);
	}
	str_copy(out, n, v);
	return 0;
}

int csvtab_id(struct csvtab *t, int k, int optional, int64_t *out, struct dy_err *e)
{
	const char *v = csvtab_get(t, k);
	if (optional && !*v) {
		*out = 0;
		return 0;
	}
	if (str_parse_i64(v, 1, (int64_t)1 << 53, out)) {
		if (*v && strspn(v, "0123456789") == strlen(v) && strlen(v) > 15)
			dy_fail(e, DY_EINVAL, t->cols[k].name, "is larger than the largest id dyad keeps (9007199254740992, 2^53)");
		else
			dy_fail(e, DY_EINVAL, t->cols[k].name, *v ? "must be a positive whole number" : "is required");
		return csvtab_fail(t, k, e);
	}
	return 0;
}

void csvtab_close(struct csvtab *t)
{
	if (t->f) {
		csv_reader_free(&t->r);
		fclose(t->f);
	}
	t->f = NULL;
}
