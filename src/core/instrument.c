/* instrument.c: parsing and validating an instrument definition (JSON).
 *
 * The definition is read with jansson after a pre-scan that refuses files
 * nested deeper than INSTR_DEF_MAX_DEPTH, then checked field by field into a
 * fixed-size struct instrument. Unknown fields are refused (a misspelt key
 * must not silently change scoring). Every refusal names the JSON path of
 * the field and the reason, so a service editing a definition sees what to
 * fix. The schema is documented in docs/instruments.md. */
#include "core/instrument.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/str.h"

struct ctx {
	struct dy_err *e;
	const char *file;
	json_t *root;
	struct instrument *in;
};

static int fail(struct ctx *c, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct ctx *c, const char *path, const char *fmt, ...)
{
	char msg[320];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	dy_fail(c->e, DY_EINVAL, path, "%s", msg);
	if (c->file)
		dy_err_where(c->e, "%s", c->file);
	return DY_EINVAL;
}

/* Appends src to dst (size n, NUL-terminated), truncating. */
static void append(char *dst, size_t n, const char *src)
{
	size_t used = strlen(dst);
	if (used + 1 >= n)
		return;
	str_copy(dst + used, n - used, src);
}

/* path + "." + key (or just key at the root) into out. */
static void join(char *out, size_t n, const char *path, const char *key)
{
	str_copy(out, n, path ? path : "");
	if (path && *path)
		append(out, n, ".");
	append(out, n, key);
}

/* path + "[i]" into out. */
static void joini(char *out, size_t n, const char *path, size_t i)
{
	char idx[24];
	snprintf(idx, sizeof idx, "[%zu]", i);
	str_copy(out, n, path);
	append(out, n, idx);
}

static int check_keys(struct ctx *c, json_t *obj, const char *path, const char *const *allowed)
{
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v) {
		if (str_index(allowed, k) < 0) {
			char p[96];
			char kk[40];
			str_copy(kk, sizeof kk, k);
			join(p, sizeof p, path, kk);
			return fail(c, p, "unknown field (see docs/instruments.md for the schema)");
		}
	}
	return 0;
}

static int require_object(struct ctx *c, json_t *v, const char *path)
{
	if (!json_is_object(v))
		return fail(c, path, "must be an object");
	return 0;
}

static int text_ok(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* Looks up key in obj, writing its path (path.key) into p: *v the value,
 * or NULL when it is absent (then an error if it is required). */
static int field(struct ctx *c, json_t *obj, const char *key, const char *path, int required, char p[96],
                 json_t **v)
{
	join(p, 96, path, key);
	*v = json_object_get(obj, key);
	return !*v && required ? fail(c, p, "is required") : 0;
}

/* A string field: required or optional (dst left as is when absent). */
static int get_str(struct ctx *c, json_t *obj, const char *key, const char *path, char *dst,
                   size_t n, int required)
{
	char p[96];
	json_t *v;
	int rc = field(c, obj, key, path, required, p, &v);
	if (rc || !v)
		return rc;
	if (!json_is_string(v))
		return fail(c, p, "must be a string");
	const char *s = json_string_value(v);
	size_t len = json_string_length(v);
	if (len != strlen(s))
		return fail(c, p, "must not contain a NUL character");
	if (len == 0 && required)
		return fail(c, p, "must not be empty");
	if (len >= n)
		return fail(c, p, "is too long (at most %zu bytes)", n - 1);
	if (!text_ok(s))
		return fail(c, p, "must not contain control characters");
	memcpy(dst, s, len + 1);
	return 0;
}

static int get_int(struct ctx *c, json_t *obj, const char *key, const char *path, int lo, int hi,
                   int *out, int required)
{
	char p[96];
	json_t *v;
	int rc = field(c, obj, key, path, required, p, &v);
	if (rc || !v)
		return rc;
	if (!json_is_integer(v))
		return fail(c, p, "must be a whole number");
	json_int_t x = json_integer_value(v);
	if (x < lo || x > hi)
		return fail(c, p, "must be from %d to %d", lo, hi);
	*out = (int)x;
	return 0;
}

static int num_value(struct ctx *c, json_t *v, const char *p, double lo, double hi, double *out)
{
	if (!json_is_number(v))
		return fail(c, p, "must be a number");
	double x = json_number_value(v);
	if (!isfinite(x) || x < lo || x > hi)
		return fail(c, p, "must be from %g to %g", lo, hi);
	*out = x;
	return 0;
}

static int get_num(struct ctx *c, json_t *obj, const char *key, const char *path, double lo,
                   double hi, double *out, int required)
{
	char p[96];
	json_t *v;
	int rc = field(c, obj, key, path, required, p, &v);
	if (rc || !v)
		return rc;
	return num_value(c, v, p, lo, hi, out);
}

static int get_bool(struct ctx *c, json_t *obj, const char *key, const char *path, int *out)
{
	char p[96];
	json_t *v;
	int rc = field(c, obj, key, path, 0, p, &v);
	if (rc || !v)
		return rc;
	if (!json_is_boolean(v))
		return fail(c, p, "must be true or false");
	*out = json_is_true(v);
	return 0;
}

static int get_enum(struct ctx *c, json_t *obj, const char *key, const char *path,
                    const char *const *list, int *out, int required)
{
	char p[96];
	json_t *v;
	int rc = field(c, obj, key, path, required, p, &v);
	if (rc || !v)
		return rc;
	int i = json_is_string(v) ? str_index(list, json_string_value(v)) : -1;
	if (i < 0) {
		char alts[160];
		str_join_list(list, alts, sizeof alts);
		return fail(c, p, "must be %s", alts);
	}
	*out = i;
	return 0;
}

static int id_ok(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

static int get_id(struct ctx *c, json_t *obj, const char *key, const char *path, char *dst, size_t n)
{
	int rc = get_str(c, obj, key, path, dst, n, 1);
	if (rc)
		return rc;
	if (!id_ok(dst)) {
		char p[96];
		join(p, sizeof p, path, key);
		return fail(c, p, "must be lower-case letters, digits or _ and start with a letter");
	}
	return 0;
}

static const char *const ROLE_NAMES[] = {"caregiver", "clinician", "observer", NULL};
static const char *const SUBJECT_NAMES[] = {"caregiver", "infant", "pair", NULL};
static const char *const AGG_NAMES[] = {"sum", "mean", "scales", "table", NULL};
static const char *const MISSING_NAMES[] = {"none", "prorate", "mean", NULL};
static const char *const DIR_NAMES[] = {"higher_is_worse", "higher_is_better", "none", NULL};
static const char *const OP_NAMES[] = {">=", ">", "<=", "<", NULL};
static const char *const TABLE_KINDS[] = {"lookup", "age_intervals", NULL};

const char *instrument_role_name(enum instr_role r)
{
	return (unsigned)r < 3 ? ROLE_NAMES[r] : "?";
}

const char *instrument_subject_name(enum instr_subject s)
{
	return (unsigned)s < 3 ? SUBJECT_NAMES[s] : "?";
}

const char *instrument_direction_name(enum instr_direction d)
{
	return (unsigned)d < 3 ? DIR_NAMES[d] : "?";
}

const char *instrument_op_name(enum instr_op op)
{
	return (unsigned)op < 4 ? OP_NAMES[op] : "?";
}

int instrument_op_holds(enum instr_op op, double a, double b)
{
	switch (op) {
	case OP_GE: return a >= b;
	case OP_GT: return a > b;
	case OP_LE: return a <= b;
	case OP_LT: return a < b;
	}
	return 0;
}

/* --- items --- */

/* Reads an item number list (1-based) into idx[] (0-based); refuses
 * duplicates and numbers past count. */
static int get_item_list(struct ctx *c, json_t *arr, const char *p, int count,
                         unsigned char *idx, int *n)
{
	if (!json_is_array(arr) || json_array_size(arr) == 0)
		return fail(c, p, "must be a non-empty list of item numbers");
	if (json_array_size(arr) > (size_t)count)
		return fail(c, p, "lists more items than the instrument has (%d)", count);
	unsigned char seen[INSTR_MAX_ITEMS] = {0};
	size_t i;
	json_t *v;
	*n = 0;
	json_array_foreach(arr, i, v) {
		char pi[96];
		joini(pi, sizeof pi, p, i);
		if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > count)
			return fail(c, pi, "must be an item number from 1 to %d", count);
		int k = (int)json_integer_value(v) - 1;
		if (seen[k])
			return fail(c, pi, "item %d is listed twice", k + 1);
		seen[k] = 1;
		idx[(*n)++] = (unsigned char)k;
	}
	return 0;
}

/* Applies values / min+max / scores / reverse from obj onto item t. */
static int parse_value_spec(struct ctx *c, json_t *obj, const char *path, struct instr_item *t,
                            int need)
{
	char p[96];
	json_t *vals = json_object_get(obj, "values");
	json_t *mn = json_object_get(obj, "min");
	json_t *mx = json_object_get(obj, "max");
	json_t *sc = json_object_get(obj, "scores");
	if (vals && (mn || mx)) {
		join(p, sizeof p, path, "values");
		return fail(c, p, "give either values or min and max, not both");
	}
	if (vals) {
		join(p, sizeof p, path, "values");
		if (!json_is_array(vals) || json_array_size(vals) < 2 ||
		    json_array_size(vals) > INSTR_MAX_VALUES)
			return fail(c, p, "must be a list of 2 to %d whole numbers", INSTR_MAX_VALUES);
		size_t i;
		json_t *v;
		t->nvalues = 0;
		json_array_foreach(vals, i, v) {
			char pi[96];
			joini(pi, sizeof pi, p, i);
			if (!json_is_integer(v) || json_integer_value(v) < -INSTR_VALUE_LIMIT ||
			    json_integer_value(v) > INSTR_VALUE_LIMIT)
				return fail(c, pi, "must be a whole number from %d to %d",
				            -INSTR_VALUE_LIMIT, INSTR_VALUE_LIMIT);
			int x = (int)json_integer_value(v);
			for (int k = 0; k < t->nvalues; k++)
				if (t->values[k] == x)
					return fail(c, pi, "value %d is listed twice", x);
			t->values[t->nvalues++] = x;
		}
		t->min = t->max = t->values[0];
		for (int k = 1; k < t->nvalues; k++) {
			if (t->values[k] < t->min)
				t->min = t->values[k];
			if (t->values[k] > t->max)
				t->max = t->values[k];
		}
		t->has_scores = 0;
	} else if (mn || mx) {
		int lo = 0, hi = 0;
		if (get_int(c, obj, "min", path, -INSTR_VALUE_LIMIT, INSTR_VALUE_LIMIT, &lo, 1) ||
		    get_int(c, obj, "max", path, -INSTR_VALUE_LIMIT, INSTR_VALUE_LIMIT, &hi, 1))
			return DY_EINVAL;
		if (hi <= lo) {
			join(p, sizeof p, path, "max");
			return fail(c, p, "must be greater than min");
		}
		t->min = lo;
		t->max = hi;
		t->nvalues = 0;
		t->has_scores = 0;
	} else if (need) {
		join(p, sizeof p, path, "values");
		return fail(c, p, "is required (or min and max)");
	}
	if (sc) {
		join(p, sizeof p, path, "scores");
		if (t->nvalues == 0)
			return fail(c, p, "needs an explicit values list of the same length");
		if (!json_is_array(sc) || json_array_size(sc) != (size_t)t->nvalues)
			return fail(c, p, "must list one score for each of the %d values", t->nvalues);
		size_t i;
		json_t *v;
		json_array_foreach(sc, i, v) {
			char pi[96];
			joini(pi, sizeof pi, p, i);
			if (num_value(c, v, pi, -1e6, 1e6, &t->scores[i]))
				return DY_EINVAL;
		}
		t->has_scores = 1;
	}
	int rev = t->reverse;
	if (get_bool(c, obj, "reverse", path, &rev))
		return DY_EINVAL;
	t->reverse = rev;
	if (t->reverse && t->has_scores) {
		join(p, sizeof p, path, "reverse");
		return fail(c, p, "cannot be combined with scores: write the reversed scores instead");
	}
	return 0;
}

static double item_score_min(const struct instr_item *t)
{
	if (!t->has_scores)
		return t->min;
	double m = t->scores[0];
	for (int i = 1; i < t->nvalues; i++)
		if (t->scores[i] < m)
			m = t->scores[i];
	return m;
}

static double item_score_max(const struct instr_item *t)
{
	if (!t->has_scores)
		return t->max;
	double m = t->scores[0];
	for (int i = 1; i < t->nvalues; i++)
		if (t->scores[i] > m)
			m = t->scores[i];
	return m;
}

static int parse_items(struct ctx *c, json_t *obj)
{
	static const char *const keys[] = {"count", "min_count", "values", "min", "max", "scores",
	                                   "reverse", "groups", "labels", "not_observed", "modifier",
	                                   "note", NULL};
	static const char *const gkeys[] = {"items", "values", "min", "max", "scores", "reverse",
	                                    "note", NULL};
	struct instrument *in = c->in;
	const char *path = "items";
	if (require_object(c, obj, path) || check_keys(c, obj, path, keys))
		return DY_EINVAL;
	if (get_int(c, obj, "count", path, 1, INSTR_MAX_ITEMS, &in->nitems, 1))
		return DY_EINVAL;
	in->min_items = in->nitems;
	if (get_int(c, obj, "min_count", path, 1, in->nitems, &in->min_items, 0))
		return DY_EINVAL;

	/* The default for every item; "reverse" here is a list, handled below. */
	struct instr_item t;
	memset(&t, 0, sizeof t);
	json_t *rev = json_object_get(obj, "reverse");
	json_t *tmp = json_deep_copy(obj);
	if (!tmp)
		dy_oom();
	json_object_del(tmp, "reverse");
	int rc = parse_value_spec(c, tmp, path, &t, 1);
	json_decref(tmp);
	if (rc)
		return rc;
	for (int i = 0; i < in->nitems; i++)
		in->items[i] = t;

	if (rev) {
		unsigned char idx[INSTR_MAX_ITEMS];
		int n;
		if (get_item_list(c, rev, "items.reverse", in->nitems, idx, &n))
			return DY_EINVAL;
		for (int i = 0; i < n; i++) {
			if (in->items[idx[i]].has_scores)
				return fail(c, "items.reverse", "cannot reverse an item that has scores");
			in->items[idx[i]].reverse = 1;
		}
	}

	json_t *groups = json_object_get(obj, "groups");
	if (groups) {
		if (!json_is_array(groups))
			return fail(c, "items.groups", "must be a list");
		size_t g;
		json_t *gv;
		json_array_foreach(groups, g, gv) {
			char gp[96], ip[96];
			joini(gp, sizeof gp, "items.groups", g);
			if (require_object(c, gv, gp) || check_keys(c, gv, gp, gkeys))
				return DY_EINVAL;
			unsigned char idx[INSTR_MAX_ITEMS];
			int n;
			join(ip, sizeof ip, gp, "items");
			json_t *gi = json_object_get(gv, "items");
			if (!gi)
				return fail(c, ip, "is required");
			if (get_item_list(c, gi, ip, in->nitems, idx, &n))
				return DY_EINVAL;
			for (int i = 0; i < n; i++) {
				struct instr_item *it = &in->items[idx[i]];
				if (parse_value_spec(c, gv, gp, it, 0))
					return DY_EINVAL;
			}
		}
	}

	json_t *labels = json_object_get(obj, "labels");
	if (labels) {
		if (!json_is_array(labels) || json_array_size(labels) != (size_t)in->nitems)
			return fail(c, "items.labels", "must list one label for each of the %d items",
			            in->nitems);
		size_t i;
		json_t *v;
		json_array_foreach(labels, i, v) {
			char p[96];
			joini(p, sizeof p, "items.labels", i);
			if (!json_is_string(v) || json_string_length(v) == 0 ||
			    json_string_length(v) >= sizeof in->items[i].label ||
			    !text_ok(json_string_value(v)) ||
			    strlen(json_string_value(v)) != json_string_length(v))
				return fail(c, p, "must be a short neutral label (1 to %zu bytes)",
				            sizeof in->items[i].label - 1);
			str_copy(in->items[i].label, sizeof in->items[i].label, json_string_value(v));
		}
	} else {
		for (int i = 0; i < in->nitems; i++)
			snprintf(in->items[i].label, sizeof in->items[i].label, "Item %d", i + 1);
	}

	if (get_str(c, obj, "not_observed", path, in->not_observed, sizeof in->not_observed, 0))
		return DY_EINVAL;
	if (in->not_observed[0]) {
		const char *s = in->not_observed;
		if (strchr(s, ';') || strchr(s, ' ') || (*s >= '0' && *s <= '9') || *s == '-')
			return fail(c, "items.not_observed",
			            "must not start with a digit or '-', nor contain ';' or a space");
	}
	json_t *mod = json_object_get(obj, "modifier");
	if (mod) {
		static const char *const mkeys[] = {"suffix", "add", "note", NULL};
		if (require_object(c, mod, "items.modifier") ||
		    check_keys(c, mod, "items.modifier", mkeys) ||
		    get_str(c, mod, "suffix", "items.modifier", in->modifier, sizeof in->modifier, 1) ||
		    get_int(c, mod, "add", "items.modifier", -1000, 1000, &in->modifier_add, 1))
			return DY_EINVAL;
		for (const char *s = in->modifier; *s; s++)
			if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
				return fail(c, "items.modifier.suffix", "must be letters only");
		if (in->not_observed[0] && strcmp(in->not_observed, in->modifier) == 0)
			return fail(c, "items.modifier.suffix", "must differ from not_observed");
	}
	return 0;
}

/* --- scales --- */

static int parse_code(struct ctx *c, json_t *obj, const char *path, struct instr_code *code)
{
	static const char *const keys[] = {"system", "code", "verified", "note", NULL};
	if (require_object(c, obj, path) || check_keys(c, obj, path, keys) ||
	    get_str(c, obj, "system", path, code->system, sizeof code->system, 1) ||
	    get_str(c, obj, "code", path, code->code, sizeof code->code, 1) ||
	    get_bool(c, obj, "verified", path, &code->verified))
		return DY_EINVAL;
	return 0;
}

static void scale_range(struct instrument *in, struct instr_scale *s)
{
	if (s->agg == AGG_TABLE) {
		s->lo = -INFINITY;
		s->hi = INFINITY;
		return;
	}
	if (s->agg == AGG_SCALES) {
		s->lo = s->hi = 0;
		for (int i = 0; i < s->nsrc; i++) {
			s->lo += in->scales[s->src[i]].lo;
			s->hi += in->scales[s->src[i]].hi;
		}
		return;
	}
	double lo = 0, hi = 0;
	for (int i = 0; i < s->nitems; i++) {
		lo += item_score_min(&in->items[s->items[i]]);
		hi += item_score_max(&in->items[s->items[i]]);
	}
	if (s->agg == AGG_MEAN) {
		lo /= s->nitems;
		hi /= s->nitems;
	}
	if (in->modifier[0] && in->modifier_add > 0)
		hi += (double)in->modifier_add * s->nitems;
	s->lo = lo * s->multiplier;
	s->hi = hi * s->multiplier;
}

static int range_known(const struct instr_scale *s)
{
	return isfinite(s->lo) && isfinite(s->hi);
}

static int parse_bands(struct ctx *c, json_t *arr, const char *path, struct instr_scale *s)
{
	static const char *const keys[] = {"min", "max", "label", "note", NULL};
	if (!json_is_array(arr) || json_array_size(arr) == 0 ||
	    json_array_size(arr) > INSTR_MAX_BANDS)
		return fail(c, path, "must be a list of 1 to %d bands", INSTR_MAX_BANDS);
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		char p[96], pm[96];
		joini(p, sizeof p, path, i);
		struct instr_band *b = &s->bands[i];
		b->max = NAN;
		if (require_object(c, v, p) || check_keys(c, v, p, keys) ||
		    get_num(c, v, "min", p, -1e9, 1e9, &b->min, 1) ||
		    get_num(c, v, "max", p, -1e9, 1e9, &b->max, 0) ||
		    get_str(c, v, "label", p, b->label, sizeof b->label, 1))
			return DY_EINVAL;
		join(pm, sizeof pm, p, "min");
		if (i > 0 && b->min <= s->bands[i - 1].min)
			return fail(c, pm, "must be above the previous band's min (bands go upwards)");
		if (i > 0 && !isnan(s->bands[i - 1].max) && s->bands[i - 1].max >= b->min) {
			char pp[96];
			joini(pp, sizeof pp, path, i - 1);
			join(pm, sizeof pm, pp, "max");
			return fail(c, pm, "must be below the next band's min");
		}
		if (!isnan(b->max) && b->max < b->min) {
			join(pm, sizeof pm, p, "max");
			return fail(c, pm, "must not be below min");
		}
		if (range_known(s) && (b->min < s->lo - 1e-9 || b->min > s->hi + 1e-9))
			return fail(c, pm, "is outside the scale's possible range %g to %g", s->lo, s->hi);
		s->nbands = (int)i + 1;
	}
	return 0;
}

static int parse_clinical(struct ctx *c, json_t *obj, const char *path, struct instr_scale *s)
{
	static const char *const keys[] = {"op", "value", "from_interval", "label", "note", NULL};
	int op = 0;
	char p[96];
	if (require_object(c, obj, path) || check_keys(c, obj, path, keys) ||
	    get_enum(c, obj, "op", path, OP_NAMES, &op, 1))
		return DY_EINVAL;
	s->cutoff_op = (enum instr_op)op;
	join(p, sizeof p, path, "op");
	if (s->direction == DIR_NONE)
		return fail(c, path, "a scale with direction none has no clinical cut-off");
	if (s->direction == DIR_HIGHER_IS_WORSE && op != OP_GE && op != OP_GT)
		return fail(c, p, "must be >= or > for a higher_is_worse scale");
	if (s->direction == DIR_HIGHER_IS_BETTER && op != OP_LE && op != OP_LT)
		return fail(c, p, "must be <= or < for a higher_is_better scale");
	if (get_bool(c, obj, "from_interval", path, &s->cutoff_from_interval))
		return DY_EINVAL;
	json_t *val = json_object_get(obj, "value");
	if (s->cutoff_from_interval) {
		if (val) {
			join(p, sizeof p, path, "value");
			return fail(c, p, "give either value or from_interval, not both");
		}
	} else {
		if (get_num(c, obj, "value", path, -1e9, 1e9, &s->cutoff, 1))
			return DY_EINVAL;
		join(p, sizeof p, path, "value");
		if (range_known(s) && (s->cutoff < s->lo || s->cutoff > s->hi))
			return fail(c, p, "is outside the scale's possible range %g to %g", s->lo, s->hi);
	}
	str_copy(s->cutoff_label, sizeof s->cutoff_label, "clinical range");
	if (get_str(c, obj, "label", path, s->cutoff_label, sizeof s->cutoff_label, 0))
		return DY_EINVAL;
	s->has_cutoff = 1;
	return 0;
}

/* "reliable_change": the smallest change counted as reliable, in raw
 * points, from published figures only (docs/instruments.md, "Reliable
 * change"): {"points": P} as published; {"sem": SEM} (Jacobson & Truax
 * from a published standard error of measurement: z * sqrt(2) * SEM); or
 * {"reliability": r, "sd": SD} (z * sqrt(2) * SD * sqrt(1 - r) with a
 * published SD). A team's own baselines are never used: one family's
 * classification would move as other families arrive. z defaults to 1.96
 * (95%); "source" names where the figures come from. */
static int parse_rci(struct ctx *c, json_t *obj, const char *path, struct instr_scale *s)
{
	static const char *const keys[] = {"points", "sem", "reliability", "sd", "z", "source", "note", NULL};
	if (require_object(c, obj, path) || check_keys(c, obj, path, keys))
		return DY_EINVAL;
	json_t *pts = json_object_get(obj, "points");
	json_t *sem = json_object_get(obj, "sem");
	json_t *rel = json_object_get(obj, "reliability");
	char p[96];
	if ((pts != NULL) + (sem != NULL) + (rel != NULL) != 1)
		return fail(c, path, "give exactly one of points, sem, or reliability with a published sd");
	if (s->direction == DIR_NONE)
		return fail(c, path, "a scale with direction none cannot classify reliable change");
	s->z = 1.96;
	if (get_str(c, obj, "source", path, s->rci_source, sizeof s->rci_source, 0))
		return DY_EINVAL;
	if (pts) {
		if (get_num(c, obj, "points", path, 1e-9, 1e9, &s->rci_points, 1))
			return DY_EINVAL;
		if (json_object_get(obj, "z") || json_object_get(obj, "sd")) {
			join(p, sizeof p, path, json_object_get(obj, "z") ? "z" : "sd");
			return fail(c, p, "applies only with sem or reliability");
		}
	} else {
		if (get_num(c, obj, "z", path, 0, 10, &s->z, 0))
			return DY_EINVAL;
		if (s->z <= 0) {
			join(p, sizeof p, path, "z");
			return fail(c, p, "must be above 0");
		}
		if (sem) {
			if (get_num(c, obj, "sem", path, 1e-9, 1e9, &s->rci_sem, 1))
				return DY_EINVAL;
			if (json_object_get(obj, "sd")) {
				join(p, sizeof p, path, "sd");
				return fail(c, p, "applies only with reliability");
			}
			s->rci_points = s->z * sqrt(2.0) * s->rci_sem;
		} else {
			if (get_num(c, obj, "reliability", path, 0, 1, &s->reliability, 1))
				return DY_EINVAL;
			join(p, sizeof p, path, "reliability");
			if (s->reliability <= 0 || s->reliability >= 1)
				return fail(c, p, "must be between 0 and 1 (exclusive)");
			join(p, sizeof p, path, "sd");
			if (!json_object_get(obj, "sd"))
				return fail(c, p, "is required with reliability: a published standard deviation (the team's own"
				                  " baselines would move one family's classification as others arrive)");
			if (get_num(c, obj, "sd", path, 1e-9, 1e9, &s->rci_sd, 1))
				return DY_EINVAL;
			s->rci_points = s->z * sqrt(2.0) * s->rci_sd * sqrt(1.0 - s->reliability);
		}
	}
	s->has_rci = 1;
	return 0;
}

static int parse_scale(struct ctx *c, json_t *obj, const char *path, int index)
{
	static const char *const keys[] = {"id", "name", "items", "aggregate", "scales", "table",
	                                   "source", "multiplier", "missing", "round", "direction",
	                                   "bands", "clinical", "reliable_change", "code", "note",
	                                   NULL};
	struct instrument *in = c->in;
	struct instr_scale *s = &in->scales[index];
	char p[96];
	memset(s, 0, sizeof *s);
	s->multiplier = 1;
	s->round = -1;
	s->table = -1;
	int agg = AGG_SUM, dir = DIR_NONE;
	if (require_object(c, obj, path) || check_keys(c, obj, path, keys) ||
	    get_id(c, obj, "id", path, s->id, sizeof s->id) ||
	    get_str(c, obj, "name", path, s->name, sizeof s->name, 1) ||
	    get_enum(c, obj, "aggregate", path, AGG_NAMES, &agg, 0) ||
	    get_enum(c, obj, "direction", path, DIR_NAMES, &dir, 1) ||
	    get_num(c, obj, "multiplier", path, 1e-6, 1000, &s->multiplier, 0) ||
	    get_int(c, obj, "round", path, 0, 6, &s->round, 0))
		return DY_EINVAL;
	s->agg = (enum instr_agg)agg;
	s->direction = (enum instr_direction)dir;
	for (int i = 0; i < index; i++)
		if (strcmp(in->scales[i].id, s->id) == 0) {
			join(p, sizeof p, path, "id");
			return fail(c, p, "repeats the id of scales[%d]", i);
		}

	json_t *items = json_object_get(obj, "items");
	json_t *srcs = json_object_get(obj, "scales");
	json_t *tab = json_object_get(obj, "table");
	json_t *source = json_object_get(obj, "source");
	json_t *missing = json_object_get(obj, "missing");
	if (s->agg == AGG_SUM || s->agg == AGG_MEAN) {
		join(p, sizeof p, path, "items");
		if (!items)
			return fail(c, p, "is required for aggregate %s", AGG_NAMES[agg]);
		if (srcs || tab || source)
			return fail(c, path, "scales, table and source apply only to aggregate scales or table");
		if (json_is_string(items) && strcmp(json_string_value(items), "all") == 0) {
			s->all_items = 1;
			s->nitems = in->nitems;
			for (int i = 0; i < in->nitems; i++)
				s->items[i] = (unsigned char)i;
		} else if (get_item_list(c, items, p, in->nitems, s->items, &s->nitems)) {
			return DY_EINVAL;
		}
		if (missing) {
			static const char *const mkeys[] = {"rule", "min_answered", "note", NULL};
			int rule = 0;
			char mp[96];
			join(mp, sizeof mp, path, "missing");
			if (require_object(c, missing, mp) || check_keys(c, missing, mp, mkeys) ||
			    get_enum(c, missing, "rule", mp, MISSING_NAMES, &rule, 1))
				return DY_EINVAL;
			s->missing = (enum instr_missing)rule;
			s->min_answered = s->nitems;
			if (rule == MISSING_MEAN)
				s->min_answered = 1;
			if (rule != MISSING_NONE &&
			    get_int(c, missing, "min_answered", mp, 1, s->nitems, &s->min_answered,
			            rule == MISSING_PRORATE))
				return DY_EINVAL;
			if (rule == MISSING_NONE && json_object_get(missing, "min_answered")) {
				join(p, sizeof p, mp, "min_answered");
				return fail(c, p, "applies only to rules prorate and mean");
			}
			if (rule == MISSING_MEAN && s->agg != AGG_MEAN) {
				join(p, sizeof p, mp, "rule");
				return fail(c, p, "mean applies to aggregate mean; for a sum use prorate");
			}
		} else {
			s->missing = MISSING_NONE;
			s->min_answered = s->nitems;
		}
	} else {
		if (items) {
			join(p, sizeof p, path, "items");
			return fail(c, p, "does not apply to aggregate %s", AGG_NAMES[agg]);
		}
		if (missing) {
			join(p, sizeof p, path, "missing");
			return fail(c, p, "does not apply to aggregate %s: it is null when a source is null",
			            AGG_NAMES[agg]);
		}
		if (s->agg == AGG_SCALES) {
			join(p, sizeof p, path, "scales");
			if (!srcs || !json_is_array(srcs) || json_array_size(srcs) == 0)
				return fail(c, p, "must list the ids of earlier scales to add up");
			if (tab || source)
				return fail(c, path, "table and source apply only to aggregate table");
			size_t i;
			json_t *v;
			json_array_foreach(srcs, i, v) {
				char pi[96];
				joini(pi, sizeof pi, p, i);
				int k = -1;
				for (int j = 0; j < index && json_is_string(v); j++)
					if (strcmp(in->scales[j].id, json_string_value(v)) == 0)
						k = j;
				if (k < 0)
					return fail(c, pi, "must name a scale defined before this one");
				for (int j = 0; j < s->nsrc; j++)
					if (s->src[j] == k)
						return fail(c, pi, "lists a scale twice");
				s->src[s->nsrc++] = (unsigned char)k;
			}
		} else {
			if (srcs) {
				join(p, sizeof p, path, "scales");
				return fail(c, p, "applies only to aggregate scales");
			}
			join(p, sizeof p, path, "table");
			int t = json_is_string(tab) ? instrument_table_index(in, json_string_value(tab)) : -1;
			if (t < 0 || in->tables[t].kind != TABLE_LOOKUP)
				return fail(c, p, "must name a lookup table declared in tables");
			s->table = t;
			join(p, sizeof p, path, "source");
			int k = -1;
			for (int j = 0; j < index && json_is_string(source); j++)
				if (strcmp(in->scales[j].id, json_string_value(source)) == 0)
					k = j;
			if (k < 0)
				return fail(c, p, "must name a scale defined before this one");
			s->src[0] = (unsigned char)k;
			s->nsrc = 1;
		}
	}

	scale_range(in, s);
	json_t *bands = json_object_get(obj, "bands");
	if (bands) {
		join(p, sizeof p, path, "bands");
		if (parse_bands(c, bands, p, s))
			return DY_EINVAL;
	}
	json_t *clin = json_object_get(obj, "clinical");
	if (clin) {
		join(p, sizeof p, path, "clinical");
		if (parse_clinical(c, clin, p, s))
			return DY_EINVAL;
		if (s->cutoff_from_interval && in->interval_table < 0)
			return fail(c, p, "from_interval needs an intervals section");
	}
	json_t *rci = json_object_get(obj, "reliable_change");
	if (rci) {
		join(p, sizeof p, path, "reliable_change");
		if (parse_rci(c, rci, p, s))
			return DY_EINVAL;
	}
	json_t *code = json_object_get(obj, "code");
	if (code) {
		join(p, sizeof p, path, "code");
		if (parse_code(c, code, p, &s->code))
			return DY_EINVAL;
	} else {
		str_copy(s->code.system, sizeof s->code.system, "urn:dyad:scale");
		str_copy(s->code.code, sizeof s->code.code, in->id);
		append(s->code.code, sizeof s->code.code, ".");
		append(s->code.code, sizeof s->code.code, s->id);
	}
	return 0;
}

/* --- risks, tables, intervals, unverified --- */

/* Each risk watches an item ("item": 1-based) or a scale ("scale": its id);
 * "safeguarding": true asks for a safeguarding review. After the listed
 * risks the loader adds, for each item risk, the flag raised when that item
 * is left blank (docs/instruments.md, "Risk flags"). */
static int parse_risks(struct ctx *c, json_t *arr)
{
	static const char *const keys[] = {"id", "item", "scale", "op", "value", "label", "safeguarding", "note", NULL};
	struct instrument *in = c->in;
	if (!json_is_array(arr) || json_array_size(arr) * 2 > INSTR_MAX_RISKS)
		return fail(c, "risks", "must be a list of at most %d risk items", INSTR_MAX_RISKS / 2);
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		char p[96], pp[96];
		joini(p, sizeof p, "risks", i);
		struct instr_risk *r = &in->risks[in->nrisks];
		memset(r, 0, sizeof *r);
		int item = 0, op = 0, sg = 0;
		char scale[32] = "";
		if (require_object(c, v, p) || check_keys(c, v, p, keys) ||
		    get_id(c, v, "id", p, r->id, sizeof r->id - 8) ||
		    get_int(c, v, "item", p, 1, in->nitems, &item, 0) ||
		    get_str(c, v, "scale", p, scale, sizeof scale, 0) ||
		    get_enum(c, v, "op", p, OP_NAMES, &op, 1) ||
		    get_num(c, v, "value", p, -1e9, 1e9, &r->value, 1) ||
		    get_str(c, v, "label", p, r->label, sizeof r->label, 1))
			return DY_EINVAL;
		json_t *jsg = json_object_get(v, "safeguarding");
		if (jsg && !json_is_boolean(jsg)) {
			join(pp, sizeof pp, p, "safeguarding");
			return fail(c, pp, "must be true or false");
		}
		sg = jsg && json_is_true(jsg);
		if ((item > 0) == (scale[0] != 0)) {
			join(pp, sizeof pp, p, "item");
			return fail(c, pp, "give either an item or a scale");
		}
		r->item = item - 1;
		r->scale = scale[0] ? instrument_scale_index(in, scale) : -1;
		if (scale[0] && r->scale < 0) {
			join(pp, sizeof pp, p, "scale");
			return fail(c, pp, "must name a scale of this instrument");
		}
		r->safeguarding = sg;
		r->op = (enum instr_op)op;
		for (int j = 0; j < in->nrisks; j++)
			if (strcmp(in->risks[j].id, r->id) == 0) {
				join(pp, sizeof pp, p, "id");
				return fail(c, pp, "repeats the id of risks[%d]", j);
			}
		in->nrisks++;
	}
	/* The blank-item companions. */
	int listed = in->nrisks;
	for (int k = 0; k < listed; k++) {
		const struct instr_risk *r = &in->risks[k];
		if (r->item < 0)
			continue;
		struct instr_risk *b = &in->risks[in->nrisks++];
		memset(b, 0, sizeof *b);
		char base[32];
		str_copy(base, sizeof base, r->id);
		snprintf(b->id, sizeof b->id, "%.31s_blank", base);
		b->item = r->item;
		b->scale = -1;
		b->unanswered = 1;
		snprintf(b->label, sizeof b->label, "%s item %d (risk item) not answered: ask directly", in->short_name,
		         r->item + 1);
	}
	return 0;
}

static const char *const STAGE_NAMES[] = {"any", "antenatal", "postnatal", NULL};

/* "stage": {"when": "any|antenatal|postnatal", "min_months": N,
 * "max_months": N, "source": "..."}: when the measure fits the infant's
 * life. Ages are completed months of a born infant (postnatal only). */
static int parse_stage(struct ctx *c, json_t *obj)
{
	static const char *const keys[] = {"when", "min_months", "max_months", "source", "note", NULL};
	struct instrument *in = c->in;
	int when = 0;
	in->stage_min_months = 0;
	in->stage_max_months = -1;
	if (require_object(c, obj, "stage") || check_keys(c, obj, "stage", keys) ||
	    get_enum(c, obj, "when", "stage", STAGE_NAMES, &when, 1) ||
	    get_int(c, obj, "min_months", "stage", 0, 240, &in->stage_min_months, 0) ||
	    get_int(c, obj, "max_months", "stage", 0, 240, &in->stage_max_months, 0) ||
	    get_str(c, obj, "source", "stage", in->stage_note, sizeof in->stage_note, 1))
		return DY_EINVAL;
	in->stage = (enum instr_stage)when;
	if (in->stage != STAGE_POSTNATAL && (json_object_get(obj, "min_months") || json_object_get(obj, "max_months")))
		return fail(c, "stage.min_months", "an age range applies only to a postnatal measure");
	if (in->stage_max_months >= 0 && in->stage_max_months < in->stage_min_months)
		return fail(c, "stage.max_months", "must not be below min_months");
	return 0;
}

int instrument_unverified(const struct instrument *in, const char *path)
{
	size_t n = strlen(path);
	for (int i = 0; i < in->nunverified; i++) {
		const char *u = in->unverified[i].path;
		size_t m = strlen(u);
		/* u covers path (u is path or a parent of it) or lies inside it */
		size_t k = m < n ? m : n;
		if (strncmp(u, path, k) == 0 && (m == n || (m < n && (path[m] == '.' || path[m] == '[')) ||
		                                  (n < m && (u[n] == '.' || u[n] == '['))))
			return 1;
	}
	return 0;
}

int instrument_scale_unverified(const struct instrument *in, int scale, const char *what)
{
	char p[96];
	snprintf(p, sizeof p, "scales[%d].%s", scale, what);
	return instrument_unverified(in, p);
}

void instrument_unverified_text(const struct instrument *in, int scale, char *out, size_t n)
{
	static const char *const what[][2] = {{"bands", "bands"}, {"clinical", "cut-off"},
	                                      {"reliable_change", "reliable change"}};
	size_t used = 0;
	out[0] = '\0';
	const struct instr_scale *s = &in->scales[scale];
	int have[3] = {s->nbands > 0, s->has_cutoff, s->has_rci};
	for (int k = 0; k < 3; k++) {
		if (!have[k] || !instrument_scale_unverified(in, scale, what[k][0]))
			continue;
		int w = snprintf(out + used, n - used, "%s%s", used ? ", " : "unverified: ", what[k][1]);
		if (w < 0 || (size_t)w >= n - used)
			break;
		used += (size_t)w;
	}
}

const char *instrument_stage_name(enum instr_stage s)
{
	return (unsigned)s < 3 ? STAGE_NAMES[s] : "?";
}

static int parse_tables(struct ctx *c, json_t *arr)
{
	static const char *const keys[] = {"name", "kind", "key_from", "key_to", "check", "note",
	                                   NULL};
	struct instrument *in = c->in;
	if (!json_is_array(arr) || json_array_size(arr) > INSTR_MAX_TABLES)
		return fail(c, "tables", "must be a list of at most %d tables", INSTR_MAX_TABLES);
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		char p[96], pp[96];
		joini(p, sizeof p, "tables", i);
		struct instr_table *t = &in->tables[i];
		int kind = 0;
		if (require_object(c, v, p) || check_keys(c, v, p, keys) ||
		    get_id(c, v, "name", p, t->name, sizeof t->name) ||
		    get_enum(c, v, "kind", p, TABLE_KINDS, &kind, 1))
			return DY_EINVAL;
		t->kind = (enum instr_table_kind)kind;
		for (size_t j = 0; j < i; j++)
			if (strcmp(in->tables[j].name, t->name) == 0) {
				join(pp, sizeof pp, p, "name");
				return fail(c, pp, "repeats the name of tables[%zu]", j);
			}
		if (t->kind == TABLE_LOOKUP) {
			if (get_int(c, v, "key_from", p, -INSTR_VALUE_LIMIT, INSTR_VALUE_LIMIT,
			            &t->key_from, 1) ||
			    get_int(c, v, "key_to", p, -INSTR_VALUE_LIMIT, INSTR_VALUE_LIMIT, &t->key_to, 1))
				return DY_EINVAL;
			join(pp, sizeof pp, p, "key_to");
			if (t->key_to < t->key_from || t->key_to - t->key_from >= INSTR_MAX_LOOKUP)
				return fail(c, pp, "must be from key_from to key_from + %d", INSTR_MAX_LOOKUP - 1);
			json_t *chk = json_object_get(v, "check");
			if (chk) {
				join(pp, sizeof pp, p, "check");
				if (!json_is_array(chk) || json_array_size(chk) > INSTR_MAX_CHECKS)
					return fail(c, pp, "must be a list of at most %d [key, value] pairs",
					            INSTR_MAX_CHECKS);
				size_t k;
				json_t *pair;
				json_array_foreach(chk, k, pair) {
					char pk[96];
					joini(pk, sizeof pk, pp, k);
					json_t *a = json_array_get(pair, 0);
					json_t *b = json_array_get(pair, 1);
					if (!json_is_array(pair) || json_array_size(pair) != 2 ||
					    !json_is_integer(a) || !json_is_number(b) ||
					    json_integer_value(a) < t->key_from ||
					    json_integer_value(a) > t->key_to ||
					    !isfinite(json_number_value(b)))
						return fail(c, pk, "must be [key, value] with a key from %d to %d",
						            t->key_from, t->key_to);
					t->check_key[k] = (int)json_integer_value(a);
					t->check_value[k] = json_number_value(b);
					t->nchecks = (int)k + 1;
				}
			}
		} else if (json_object_get(v, "key_from") || json_object_get(v, "key_to") ||
		           json_object_get(v, "check")) {
			return fail(c, p, "key_from, key_to and check apply only to lookup tables");
		}
		in->ntables = (int)i + 1;
	}
	return 0;
}

static int parse_intervals(struct ctx *c, json_t *obj)
{
	static const char *const keys[] = {"table", "labels", "note", NULL};
	struct instrument *in = c->in;
	char name[32];
	if (require_object(c, obj, "intervals") || check_keys(c, obj, "intervals", keys) ||
	    get_str(c, obj, "table", "intervals", name, sizeof name, 1))
		return DY_EINVAL;
	int t = instrument_table_index(in, name);
	if (t < 0 || in->tables[t].kind != TABLE_AGE_INTERVALS)
		return fail(c, "intervals.table", "must name an age_intervals table declared in tables");
	in->interval_table = t;
	json_t *labels = json_object_get(obj, "labels");
	if (!json_is_array(labels) || json_array_size(labels) != 3)
		return fail(c, "intervals.labels",
		            "must list 3 labels: below the monitoring zone, in it, over the cut-off");
	for (size_t i = 0; i < 3; i++) {
		char p[96];
		joini(p, sizeof p, "intervals.labels", i);
		json_t *v = json_array_get(labels, i);
		if (!json_is_string(v) || json_string_length(v) == 0 ||
		    json_string_length(v) >= sizeof in->interval_labels[i] ||
		    strlen(json_string_value(v)) != json_string_length(v) ||
		    !text_ok(json_string_value(v)))
			return fail(c, p, "must be a label of 1 to %zu bytes",
			            sizeof in->interval_labels[i] - 1);
		str_copy(in->interval_labels[i], sizeof in->interval_labels[i], json_string_value(v));
	}
	return 0;
}

/* Follows a path like "scales[1].bands[0].label" from the root; 1 if it exists. */
static int path_exists(json_t *root, const char *path)
{
	json_t *cur = root;
	const char *s = path;
	while (*s) {
		char key[64];
		size_t n = 0;
		while (*s && *s != '.' && *s != '[') {
			if (n + 1 >= sizeof key)
				return 0;
			key[n++] = *s++;
		}
		key[n] = '\0';
		if (n) {
			cur = json_is_object(cur) ? json_object_get(cur, key) : NULL;
			if (!cur)
				return 0;
		} else if (*s != '[') {
			return 0;
		}
		while (*s == '[') {
			s++;
			size_t idx = 0;
			int digits = 0;
			while (*s >= '0' && *s <= '9' && digits < 6) {
				idx = idx * 10 + (size_t)(*s++ - '0');
				digits++;
			}
			if (!digits || *s != ']')
				return 0;
			s++;
			cur = json_is_array(cur) ? json_array_get(cur, idx) : NULL;
			if (!cur)
				return 0;
		}
		if (*s == '.') {
			s++;
			if (!*s)
				return 0;
		} else if (*s) {
			return 0;
		}
	}
	return cur != root;
}

static int parse_unverified(struct ctx *c, json_t *arr)
{
	static const char *const keys[] = {"path", "note", NULL};
	struct instrument *in = c->in;
	if (!json_is_array(arr) || json_array_size(arr) > INSTR_MAX_UNVERIFIED)
		return fail(c, "unverified", "must be a list of at most %d entries", INSTR_MAX_UNVERIFIED);
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		char p[96];
		joini(p, sizeof p, "unverified", i);
		struct instr_unverified *u = &in->unverified[i];
		if (require_object(c, v, p) || check_keys(c, v, p, keys) ||
		    get_str(c, v, "path", p, u->path, sizeof u->path, 1) ||
		    get_str(c, v, "note", p, u->note, sizeof u->note, 1))
			return DY_EINVAL;
		if (!path_exists(c->root, u->path)) {
			char pp[96];
			join(pp, sizeof pp, p, "path");
			return fail(c, pp, "does not name a field of this definition");
		}
		in->nunverified = (int)i + 1;
	}
	return 0;
}

/* Refuses nesting deeper than max before jansson sees the text. */
static int depth_ok(const char *s, size_t len, int max)
{
	int depth = 0, in_str = 0, esc = 0;
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if (in_str) {
			if (esc)
				esc = 0;
			else if (ch == '\\')
				esc = 1;
			else if (ch == '"')
				in_str = 0;
			continue;
		}
		if (ch == '"')
			in_str = 1;
		else if (ch == '{' || ch == '[') {
			if (++depth > max)
				return 0;
		} else if (ch == '}' || ch == ']')
			depth--;
	}
	return 1;
}

static int parse_root(struct ctx *c, json_t *root)
{
	static const char *const keys[] = {"schema", "id", "name", "version", "completed_by",
	                                   "subject", "licence", "code", "short_name", "items", "scales", "risks",
	                                   "tables", "intervals", "unverified", "description", "notes",
	                                   "stage", NULL};
	struct instrument *in = c->in;
	int schema = 0, role = 0, subj = 0;
	if (require_object(c, root, "") || check_keys(c, root, "", keys) ||
	    get_int(c, root, "schema", "", 1, 1, &schema, 1) ||
	    get_id(c, root, "id", "", in->id, sizeof in->id) ||
	    get_str(c, root, "name", "", in->name, sizeof in->name, 1) ||
	    get_str(c, root, "version", "", in->version, sizeof in->version, 1) ||
	    get_enum(c, root, "completed_by", "", ROLE_NAMES, &role, 1) ||
	    get_enum(c, root, "subject", "", SUBJECT_NAMES, &subj, 1) ||
	    get_str(c, root, "licence", "", in->licence, sizeof in->licence, 1))
		return DY_EINVAL;
	in->completed_by = (enum instr_role)role;
	in->subject = (enum instr_subject)subj;
	str_copy(in->short_name, sizeof in->short_name, in->id);
	if (get_str(c, root, "short_name", "", in->short_name, sizeof in->short_name, 0))
		return DY_EINVAL;
	char scratch[4096];
	if (get_str(c, root, "description", "", scratch, sizeof scratch, 0))
		return DY_EINVAL;
	json_t *notes = json_object_get(root, "notes");
	if (notes && !json_is_string(notes) && !json_is_array(notes))
		return fail(c, "notes", "must be a string or a list of strings");
	json_t *code = json_object_get(root, "code");
	if (code && parse_code(c, code, "code", &in->code))
		return DY_EINVAL;
	json_t *items = json_object_get(root, "items");
	if (!items)
		return fail(c, "items", "is required");
	if (parse_items(c, items))
		return DY_EINVAL;
	json_t *tables = json_object_get(root, "tables");
	if (tables && parse_tables(c, tables))
		return DY_EINVAL;
	json_t *intervals = json_object_get(root, "intervals");
	if (intervals && parse_intervals(c, intervals))
		return DY_EINVAL;
	json_t *scales = json_object_get(root, "scales");
	if (!json_is_array(scales) || json_array_size(scales) == 0 ||
	    json_array_size(scales) > INSTR_MAX_SCALES)
		return fail(c, "scales", "must be a list of 1 to %d scales", INSTR_MAX_SCALES);
	size_t i;
	json_t *v;
	json_array_foreach(scales, i, v) {
		char p[96];
		joini(p, sizeof p, "scales", i);
		if (parse_scale(c, v, p, (int)i))
			return DY_EINVAL;
		in->nscales = (int)i + 1;
	}
	json_t *risks = json_object_get(root, "risks");
	if (risks && parse_risks(c, risks))
		return DY_EINVAL;
	json_t *stage = json_object_get(root, "stage");
	if (!stage)
		return fail(c, "stage", "is required: when the measure fits (any, antenatal or postnatal) and its age range");
	if (parse_stage(c, stage))
		return DY_EINVAL;
	json_t *unv = json_object_get(root, "unverified");
	if (unv && parse_unverified(c, unv))
		return DY_EINVAL;
	return 0;
}

int instrument_parse(const char *json, size_t len, const char *file, struct instrument **out,
                     struct dy_err *e)
{
	*out = NULL;
	struct ctx c = {.e = e, .file = file};
	if (len > INSTR_DEF_MAX_BYTES)
		return fail(&c, "", "definition is larger than %u bytes", INSTR_DEF_MAX_BYTES);
	if (!depth_ok(json, len, INSTR_DEF_MAX_DEPTH))
		return fail(&c, "", "definition is nested deeper than %d levels", INSTR_DEF_MAX_DEPTH);
	json_error_t jerr;
	json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root)
		return fail(&c, "", "not valid JSON at line %d column %d: %s", jerr.line, jerr.column,
		            jerr.text);
	struct instrument *in = xcalloc(1, sizeof *in);
	in->interval_table = -1;
	if (file)
		str_copy(in->file, sizeof in->file, file);
	c.root = root;
	c.in = in;
	int rc = parse_root(&c, root);
	json_decref(root);
	if (rc) {
		instrument_free(in);
		return rc;
	}
	*out = in;
	return 0;
}

void instrument_free(struct instrument *in)
{
	if (!in)
		return;
	for (int i = 0; i < INSTR_MAX_ITEMS; i++)
		free(in->items[i].text);
	free(in);
}

int instrument_scale_index(const struct instrument *in, const char *scale_id)
{
	for (int i = 0; i < in->nscales; i++)
		if (strcmp(in->scales[i].id, scale_id) == 0)
			return i;
	return -1;
}

int instrument_table_index(const struct instrument *in, const char *name)
{
	for (int i = 0; i < in->ntables; i++)
		if (strcmp(in->tables[i].name, name) == 0)
			return i;
	return -1;
}

int instrument_pick_interval(const struct instrument *in, int age_months)
{
	if (in->interval_table < 0)
		return -1;
	const struct instr_table *t = &in->tables[in->interval_table];
	if (!t->loaded)
		return -1;
	for (int i = 0; i < t->nintervals; i++)
		if (age_months >= t->intervals[i].from_months && age_months <= t->intervals[i].to_months)
			return i;
	return -1;
}

int instrument_check_respondent(const struct instrument *in, const char *role,
                                const char *subject, struct dy_err *e)
{
	int r = str_index(ROLE_NAMES, role);
	if (r < 0)
		return dy_fail(e, DY_EINVAL, "respondent", "must be caregiver, clinician or observer");
	if (r != (int)in->completed_by)
		return dy_fail(e, DY_EINVAL, "respondent", "%s is completed by the %s, not the %s", in->short_name,
		               ROLE_NAMES[in->completed_by], ROLE_NAMES[r]);
	int s = str_index(SUBJECT_NAMES, subject);
	if (s < 0)
		return dy_fail(e, DY_EINVAL, "subject", "must be caregiver, infant or pair");
	if (s != (int)in->subject)
		return dy_fail(e, DY_EINVAL, "subject", "%s is about the %s, not the %s", in->short_name,
		               SUBJECT_NAMES[in->subject], SUBJECT_NAMES[s]);
	return 0;
}
