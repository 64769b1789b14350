/* instrument_set.c: a set of instrument definitions, and the local tables
 * and text packs attached to them, parsed from bytes in memory. Reading the
 * files themselves is app/'s (app_files.c): core/ does no I/O. Tables (the
 * SWEMWBS raw-to-metric conversion, ASQ:SE-2 age-interval cut-offs) and text
 * packs (licensed item wording) are CSV a service keeps locally. Every
 * refusal names the file and line. */
#include "core/instrument.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"
#include "util/str.h"
#include "util/limits.h"

#define TEXT_MAX LIMIT_ITEM_TEXT
#define TABLE_MAX_BYTES LIMIT_LOCAL_FILE_BYTES /* tables and text packs */

void instrument_set_init(struct instrument_set *set)
{
	set->v = NULL;
	set->n = 0;
}

void instrument_set_free(struct instrument_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		instrument_free(set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

int instrument_set_add(struct instrument_set *set, struct instrument *in, struct dy_err *e)
{
	if (instrument_set_find(set, in->id))
		return dy_fail(e, DY_EINVAL, "id", "instrument '%s' is defined twice", in->id);
	set->v = xrealloc(set->v, (set->n + 1) * sizeof *set->v);
	set->v[set->n++] = in;
	return 0;
}

const struct instrument *instrument_set_find(const struct instrument_set *set, const char *id)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i]->id, id) == 0)
			return set->v[i];
	return NULL;
}

struct instrument *instrument_set_get(struct instrument_set *set, const char *id)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i]->id, id) == 0)
			return set->v[i];
	return NULL;
}

/* --- CSV helpers --- */

/* Parses a plain decimal number ("35", "-2.5", "12.00"); no exponent, no spaces. */
static int parse_decimal(const char *s, double *out)
{
	const char *p = s;
	if (*p == '-')
		p++;
	int digits = 0, dot = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.' && !dot)
			dot = 1;
		else
			return DY_EINVAL;
	}
	if (!digits || digits > 15)
		return DY_EINVAL;
	char *end;
	*out = strtod(s, &end);
	return *end == '\0' && isfinite(*out) ? 0 : DY_EINVAL;
}

static int line_fail(struct dy_err *e, const char *name, long line, const char *field,
                     const char *msg)
{
	dy_fail(e, DY_EINVAL, field, "%s", msg);
	dy_err_where(e, "%s line %ld", name, line);
	return DY_EINVAL;
}

static int header_is(struct csv_reader *r, const char *const *cols)
{
	int n = 0;
	while (cols[n])
		n++;
	if (r->nfields != n)
		return 0;
	for (int i = 0; i < n; i++)
		if (strcmp(r->fields[i], cols[i]) != 0)
			return 0;
	return 1;
}

/* Reads the next record that is not a comment (first field starting '#'). */
static int next_record(struct csv_reader *r, struct dy_err *e)
{
	for (;;) {
		int rc = csv_read(r, e);
		if (rc <= 0)
			return rc;
		if (r->nfields > 0 && r->fields[0][0] == '#')
			continue;
		return rc;
	}
}

static int load_lookup(struct instr_table *t, struct csv_reader *r, const char *name,
                       struct dy_err *e)
{
	static const char *const cols[] = {"raw", "value", NULL};
	int rc = next_record(r, e);
	if (rc < 0)
		return rc;
	if (rc == 0 || !header_is(r, cols))
		return line_fail(e, name, r->line, "header", "the first row must be: raw,value");
	int nkeys = t->key_to - t->key_from + 1;
	unsigned char seen[INSTR_MAX_LOOKUP] = {0};
	double val[INSTR_MAX_LOOKUP];
	while ((rc = next_record(r, e)) > 0) {
		int key;
		double v;
		if (r->nfields != 2)
			return line_fail(e, name, r->line, "", "must have 2 fields: raw,value");
		if (str_parse_int(r->fields[0], t->key_from, t->key_to, &key)) {
			char msg[96];
			snprintf(msg, sizeof msg, "must be a whole number from %d to %d", t->key_from,
			         t->key_to);
			return line_fail(e, name, r->line, "raw", msg);
		}
		if (parse_decimal(r->fields[1], &v))
			return line_fail(e, name, r->line, "value", "must be a decimal number");
		if (seen[key - t->key_from])
			return line_fail(e, name, r->line, "raw", "this raw score is listed twice");
		seen[key - t->key_from] = 1;
		val[key - t->key_from] = v;
	}
	if (rc < 0)
		return rc;
	for (int k = 0; k < nkeys; k++)
		if (!seen[k]) {
			char msg[96];
			snprintf(msg, sizeof msg, "raw score %d is missing (every score from %d to %d is needed)",
			         t->key_from + k, t->key_from, t->key_to);
			dy_fail(e, DY_EINVAL, "raw", "%s", msg);
			dy_err_where(e, "%s", name);
			return DY_EINVAL;
		}
	for (int k = 0; k < t->nchecks; k++) {
		double want = t->check_value[k], got = val[t->check_key[k] - t->key_from];
		if (fabs(want - got) > 0.005) {
			dy_fail(e, DY_EINVAL, "value",
			        "raw score %d converts to %g in this table but the definition fixes it at %g",
			        t->check_key[k], got, want);
			dy_err_where(e, "%s", name);
			return DY_EINVAL;
		}
	}
	memcpy(t->value, val, sizeof(double) * (size_t)nkeys);
	return 0;
}

static int load_intervals(const struct instrument *in, struct instr_table *t,
                          struct csv_reader *r, const char *name, struct dy_err *e)
{
	static const char *const cols[] = {"interval", "from_months", "to_months", "items",
	                                   "monitoring", "cutoff", NULL};
	int rc = next_record(r, e);
	if (rc < 0)
		return rc;
	if (rc == 0 || !header_is(r, cols))
		return line_fail(e, name, r->line, "header",
		                 "the first row must be: interval,from_months,to_months,items,monitoring,cutoff");
	struct instr_interval iv[INSTR_MAX_INTERVALS];
	int n = 0;
	while ((rc = next_record(r, e)) > 0) {
		if (r->nfields != 6)
			return line_fail(e, name, r->line, "", "must have 6 fields");
		if (n == INSTR_MAX_INTERVALS)
			return line_fail(e, name, r->line, "", "too many intervals");
		struct instr_interval *x = &iv[n];
		char msg[96];
		if (str_parse_int(r->fields[0], 0, 240, &x->interval))
			return line_fail(e, name, r->line, "interval", "must be a whole number of months");
		if (str_parse_int(r->fields[1], 0, 240, &x->from_months))
			return line_fail(e, name, r->line, "from_months", "must be a whole number 0-240");
		if (str_parse_int(r->fields[2], x->from_months, 240, &x->to_months))
			return line_fail(e, name, r->line, "to_months",
			                 "must be a whole number from from_months to 240");
		snprintf(msg, sizeof msg, "must be a whole number from 1 to %d", in->nitems);
		if (str_parse_int(r->fields[3], 1, in->nitems, &x->items))
			return line_fail(e, name, r->line, "items", msg);
		if (parse_decimal(r->fields[4], &x->monitoring))
			return line_fail(e, name, r->line, "monitoring", "must be a decimal number");
		if (parse_decimal(r->fields[5], &x->cutoff) || x->cutoff < x->monitoring)
			return line_fail(e, name, r->line, "cutoff",
			                 "must be a decimal number not below monitoring");
		for (int i = 0; i < n; i++)
			if (x->from_months <= iv[i].to_months && iv[i].from_months <= x->to_months)
				return line_fail(e, name, r->line, "from_months",
				                 "this age range overlaps an earlier interval");
		n++;
	}
	if (rc < 0)
		return rc;
	if (n == 0) {
		dy_fail(e, DY_EINVAL, "", "the table has no intervals");
		dy_err_where(e, "%s", name);
		return DY_EINVAL;
	}
	memcpy(t->intervals, iv, sizeof(struct instr_interval) * (size_t)n);
	t->nintervals = n;
	return 0;
}

int instrument_parse_table(struct instrument *in, const char *table, const char *csv, size_t len,
                           const char *name, struct dy_err *e)
{
	int ti = instrument_table_index(in, table);
	if (ti < 0) {
		dy_fail(e, DY_ENOTFOUND, "table", "%s declares no table called %s", in->id, table);
		dy_err_where(e, "%s", name);
		return DY_ENOTFOUND;
	}
	struct instr_table *t = &in->tables[ti];
	t->loaded = 0;
	if (len == 0) {
		dy_fail(e, DY_EINVAL, "", "the table file is empty");
		dy_err_where(e, "%s", name);
		return DY_EINVAL;
	}
	FILE *f = fmemopen((void *)csv, len, "r");
	if (!f)
		dy_oom();
	struct csv_reader *r = xmalloc(sizeof *r);
	csv_reader_init(r, f);
	int rc = t->kind == TABLE_LOOKUP ? load_lookup(t, r, name, e)
	                                 : load_intervals(in, t, r, name, e);
	if (rc && e && !e->where[0])
		dy_err_where(e, "%s", name);
	csv_reader_free(r);
	free(r);
	fclose(f);
	if (rc == 0)
		t->loaded = 1;
	return rc;
}

/* --- text packs --- */

struct pending {
	struct instrument *in;
	int item;
	char *text;
};

int instrument_parse_text(struct instrument_set *set, const char *data, size_t size, const char *path,
                          struct dy_err *e)
{
	static const char *const cols[] = {"instrument", "item", "text", NULL};
	int rc;
	FILE *f = fmemopen((void *)data, size ? size : 1, "r");
	if (!f)
		dy_oom();
	struct csv_reader *r = xmalloc(sizeof *r);
	csv_reader_init(r, f);
	struct pending *p = NULL;
	size_t n = 0;
	rc = size ? next_record(r, e) : 0;
	if (rc == 0 || (rc > 0 && !header_is(r, cols)))
		rc = line_fail(e, path, r->line, "header", "the first row must be: instrument,item,text");
	else if (rc > 0)
		rc = 0;
	while (rc == 0) {
		int got = next_record(r, e);
		if (got <= 0) {
			rc = got;
			break;
		}
		if (r->nfields != 3) {
			rc = line_fail(e, path, r->line, "", "must have 3 fields: instrument,item,text");
			break;
		}
		struct instrument *in = instrument_set_get(set, r->fields[0]);
		if (!in) {
			rc = line_fail(e, path, r->line, "instrument", "no instrument with this id is loaded");
			break;
		}
		int item;
		if (str_parse_int(r->fields[1], 1, in->nitems, &item)) {
			char msg[96];
			snprintf(msg, sizeof msg, "must be an item number from 1 to %d", in->nitems);
			rc = line_fail(e, path, r->line, "item", msg);
			break;
		}
		size_t len = strlen(r->fields[2]);
		if (len == 0 || len > TEXT_MAX) {
			rc = line_fail(e, path, r->line, "text", "must be 1 to 1000 bytes");
			break;
		}
		p = xrealloc(p, (n + 1) * sizeof *p);
		p[n].in = in;
		p[n].item = item - 1;
		p[n].text = xstrdup(r->fields[2]);
		n++;
	}
	if (rc < 0 && e && !e->where[0])
		dy_err_where(e, "%s", path);
	for (size_t i = 0; i < n; i++) {
		if (rc == 0) {
			struct instr_item *it = &p[i].in->items[p[i].item];
			free(it->text);
			it->text = p[i].text;
		} else {
			free(p[i].text);
		}
	}
	free(p);
	csv_reader_free(r);
	free(r);
	fclose(f);
	return rc;
}
