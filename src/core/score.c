/* score.c: parsing responses and computing scales, bands, caseness and risk flags.
 *
 * One pass over the response text fills the per-item arrays of a caller-owned
 * struct score_result; a second pass over the scales aggregates them. No
 * allocation and no formatting happen on the valid path, so that a million
 * administrations score in well under a second; messages are produced only
 * when asked for (score_error_text, score_null_text, score_to_json). */
#include "core/score.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double POW10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

/* The field an error belongs to: "item 3", "age" or "responses". */
static void error_field(const struct score_error *x, char *buf, size_t n)
{
	if (x->item)
		snprintf(buf, n, "item %d", x->item);
	else
		snprintf(buf, n, "%s",
		         x->code == SCORE_E_NO_AGE || x->code == SCORE_E_NO_INTERVAL ? "age" : "responses");
}

static void add_error(struct score_result *r, int code, int item, int value, int expected)
{
	if (r->nerrors >= SCORE_MAX_ERRORS)
		return;
	struct score_error *x = &r->errors[r->nerrors++];
	x->code = code;
	x->item = item;
	x->value = value;
	x->expected = expected;
}

/* Checks value v for item t; returns 0 and sets *score, or an error code. */
static int item_value(const struct instr_item *t, int v, double *score)
{
	if (v < t->min || v > t->max)
		return SCORE_E_RANGE;
	if (t->nvalues) {
		for (int i = 0; i < t->nvalues; i++)
			if (t->values[i] == v) {
				*score = t->has_scores ? t->scores[i] : (t->reverse ? t->min + t->max - v : v);
				return 0;
			}
		return SCORE_E_NOT_ALLOWED;
	}
	*score = t->reverse ? t->min + t->max - v : v;
	return 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Parses the tokens; records per-item state and errors. */
static void parse_responses(const struct instrument *in, const char *s, size_t len,
                            struct score_result *r)
{
	const char *p = s, *end = s + len;
	int n = 0;
	size_t nolen = strlen(in->not_observed), modlen = strlen(in->modifier);
	for (;;) {
		const char *tok = p;
		while (p < end && *p != ';')
			p++;
		const char *te = p;
		while (tok < te && is_space(*tok))
			tok++;
		while (te > tok && is_space(te[-1]))
			te--;
		if (n < r->nitems) {
			size_t tl = (size_t)(te - tok);
			r->state[n] = 0;
			r->modified[n] = 0;
			r->value[n] = 0;
			r->item_score[n] = 0;
			if (tl == 0) {
				/* missing */
			} else if (nolen && tl == nolen && memcmp(tok, in->not_observed, nolen) == 0) {
				r->state[n] = 2;
			} else {
				int mod = 0;
				if (modlen && tl > modlen && memcmp(te - modlen, in->modifier, modlen) == 0) {
					mod = 1;
					te -= modlen;
				}
				const char *q = tok;
				int neg = 0;
				if (q < te && *q == '-') {
					neg = 1;
					q++;
				}
				int v = 0, digits = 0, bad = q == te;
				for (; q < te; q++) {
					if (*q < '0' || *q > '9' || digits >= 7) {
						bad = 1;
						break;
					}
					v = v * 10 + (*q - '0');
					digits++;
				}
				if (bad) {
					add_error(r, SCORE_E_NOT_NUMBER, n + 1, 0, 0);
				} else {
					if (neg)
						v = -v;
					double sc;
					int ec = item_value(&in->items[n], v, &sc);
					if (ec) {
						add_error(r, ec, n + 1, v, 0);
					} else {
						r->state[n] = 1;
						r->value[n] = v;
						r->modified[n] = (unsigned char)mod;
						r->item_score[n] = mod ? sc + in->modifier_add : sc;
					}
				}
			}
		}
		n++;
		if (p >= end)
			break;
		p++; /* past ';' */
	}
	r->nvalues = n;
	if (n > r->nitems)
		add_error(r, SCORE_E_TOO_MANY, 0, n, r->nitems);
	else if (n < r->nitems) {
		int least = in->interval_table >= 0 ? r->nitems : in->min_items;
		if (n < least)
			add_error(r, SCORE_E_TOO_FEW, 0, n, r->nitems);
		for (int i = n; i < r->nitems; i++) {
			r->state[i] = 0;
			r->modified[i] = 0;
			r->value[i] = 0;
			r->item_score[i] = 0;
		}
	}
}

static double snap(double v)
{
	double x = nearbyint(v * 1e6) / 1e6;
	return x == 0 ? 0 : x; /* no -0 */
}

static void score_scale(const struct instrument *in, int si, struct score_result *r)
{
	const struct instr_scale *s = &in->scales[si];
	struct score_scale *o = &r->scales[si];
	o->present = 0;
	o->value = 0;
	o->band = -1;
	o->clinical = -1;
	o->answered = 0;
	o->total = 0;
	o->reason = SCORE_NULL_NONE;
	o->need = 0;
	double v = 0;

	if (s->agg == AGG_SUM || s->agg == AGG_MEAN) {
		int total = s->all_items ? r->nitems : s->nitems;
		int answered = 0;
		double sum = 0;
		for (int k = 0; k < total; k++) {
			int it = s->items[k];
			if (it < r->nitems && r->state[it] == 1) {
				sum += r->item_score[it];
				answered++;
			}
		}
		o->answered = answered;
		o->total = total;
		if (answered < total) {
			if (s->missing == MISSING_NONE) {
				o->reason = SCORE_NULL_MISSING;
				return;
			}
			int need = s->min_answered < total ? s->min_answered : total;
			if (answered < need || answered == 0) {
				o->reason = SCORE_NULL_TOO_FEW;
				o->need = need;
				return;
			}
			if (s->missing == MISSING_PRORATE && s->agg == AGG_SUM)
				sum = sum * total / answered;
		}
		v = s->agg == AGG_MEAN ? sum / answered : sum;
	} else if (s->agg == AGG_SCALES) {
		for (int k = 0; k < s->nsrc; k++) {
			const struct score_scale *src = &r->scales[s->src[k]];
			if (!src->present) {
				o->reason = SCORE_NULL_SOURCE;
				o->need = s->src[k];
				return;
			}
			v += src->value;
		}
	} else {
		const struct score_scale *src = &r->scales[s->src[0]];
		const struct instr_table *t = &in->tables[s->table];
		if (!src->present) {
			o->reason = SCORE_NULL_SOURCE;
			o->need = s->src[0];
			return;
		}
		if (!t->loaded) {
			o->reason = SCORE_NULL_NO_TABLE;
			return;
		}
		double key = src->value;
		if (key != floor(key) || key < t->key_from || key > t->key_to) {
			o->reason = SCORE_NULL_OFF_TABLE;
			return;
		}
		v = t->value[(int)key - t->key_from];
	}
	v *= s->multiplier;
	if (s->round >= 0)
		v = round(v * POW10[s->round]) / POW10[s->round];
	v = snap(v);
	o->present = 1;
	o->value = v;

	if (s->cutoff_from_interval) {
		if (r->interval >= 0) {
			const struct instr_interval *iv =
				&in->tables[in->interval_table].intervals[r->interval];
			o->clinical = instrument_op_holds(s->cutoff_op, v, iv->cutoff);
			o->band = o->clinical ? 2 : (v >= iv->monitoring ? 1 : 0);
		}
		return;
	}
	if (s->nbands && v >= s->bands[0].min) {
		int b = 0;
		while (b + 1 < s->nbands && v >= s->bands[b + 1].min)
			b++;
		o->band = b;
	}
	if (s->has_cutoff)
		o->clinical = instrument_op_holds(s->cutoff_op, v, s->cutoff);
}

int score_compute(const struct instrument *in, const char *responses, size_t len, int age_months,
                  struct score_result *out, struct dy_err *e)
{
	struct score_result *r = out;
	r->in = in;
	r->nerrors = 0;
	r->nrisks = 0;
	r->nvalues = 0;
	r->interval = -1;
	r->nscales = in->nscales;
	r->nitems = in->nitems;

	if (!responses)
		len = 0;
	if (len > SCORE_MAX_TEXT) {
		add_error(r, SCORE_E_TOO_LONG, 0, (int)(len > 1000000 ? 1000000 : len), SCORE_MAX_TEXT);
	} else if (in->interval_table >= 0) {
		if (age_months < 0) {
			add_error(r, SCORE_E_NO_AGE, 0, 0, 0);
		} else {
			r->interval = instrument_pick_interval(in, age_months);
			if (r->interval < 0)
				add_error(r, SCORE_E_NO_INTERVAL, 0, 0, age_months);
			else
				r->nitems = in->tables[in->interval_table].intervals[r->interval].items;
		}
	}
	if (r->nerrors == 0)
		parse_responses(in, responses ? responses : "", len, r);

	if (r->nerrors) {
		for (int i = 0; i < in->nscales; i++) {
			struct score_scale *o = &r->scales[i];
			memset(o, 0, sizeof *o);
			o->band = -1;
			o->clinical = -1;
			o->reason = SCORE_NULL_INVALID;
		}
		if (e) {
			char msg[200];
			score_error_text(r, &r->errors[0], msg, sizeof msg);
			char field[32];
			error_field(&r->errors[0], field, sizeof field);
			const char *m = msg;
			size_t fl = strlen(field);
			if (strncmp(msg, field, fl) == 0 && msg[fl] == ':')
				m = msg + fl + 2;
			dy_fail(e, DY_EINVAL, field, "%s", m);
		}
		return DY_EINVAL;
	}

	for (int i = 0; i < in->nscales; i++)
		score_scale(in, i, r);
	for (int i = 0; i < in->nrisks; i++) {
		const struct instr_risk *k = &in->risks[i];
		int raise;
		if (k->scale >= 0)
			raise = r->scales[k->scale].present && instrument_op_holds(k->op, r->scales[k->scale].value, k->value);
		else if (k->item >= r->nitems)
			raise = 0;
		else if (k->unanswered)
			raise = r->state[k->item] != 1;
		else
			raise = r->state[k->item] == 1 && instrument_op_holds(k->op, r->item_score[k->item], k->value);
		if (raise)
			r->risks[r->nrisks++] = (unsigned char)i;
	}
	return 0;
}

static void allowed_text(const struct instr_item *t, char *buf, size_t n)
{
	if (!t->nvalues) {
		snprintf(buf, n, "%d-%d", t->min, t->max);
		return;
	}
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < t->nvalues && used < n; i++) {
		int w = snprintf(buf + used, n - used, "%s%d", i == 0 ? "" : (i == t->nvalues - 1 ? " or " : ", "),
		                 t->values[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

void score_error_text(const struct score_result *r, const struct score_error *err, char *buf,
                      size_t n)
{
	const struct instrument *in = r->in;
	char allowed[128];
	switch (err->code) {
	case SCORE_E_TOO_MANY:
		snprintf(buf, n, "responses: %d values given but %s has %d items", err->value, in->short_name,
		         err->expected);
		break;
	case SCORE_E_TOO_FEW:
		if (in->min_items < err->expected && in->interval_table < 0)
			snprintf(buf, n, "responses: %d values given but %s needs %d to %d", err->value,
			         in->short_name, in->min_items, err->expected);
		else
			snprintf(buf, n,
			         "responses: %d values given but %s has %d items (leave a missing item empty, as in 1;;2)",
			         err->value, in->short_name, err->expected);
		break;
	case SCORE_E_NOT_NUMBER:
		if (in->not_observed[0] || in->modifier[0])
			snprintf(buf, n, "item %d: not a whole number%s%s%s%s%s", err->item,
			         in->not_observed[0] ? ", nor the not-observed code " : "", in->not_observed,
			         in->modifier[0] ? " (a number may end in " : "", in->modifier,
			         in->modifier[0] ? ")" : "");
		else
			snprintf(buf, n, "item %d: not a whole number", err->item);
		break;
	case SCORE_E_RANGE:
	case SCORE_E_NOT_ALLOWED:
		allowed_text(&in->items[err->item - 1], allowed, sizeof allowed);
		snprintf(buf, n, "item %d: %d is not allowed (allowed: %s)", err->item, err->value,
		         allowed);
		break;
	case SCORE_E_NO_AGE:
		snprintf(buf, n, "age: %s has a form per age interval; the infant's corrected age is needed",
		         in->short_name);
		break;
	case SCORE_E_NO_INTERVAL:
		if (in->interval_table >= 0 && !in->tables[in->interval_table].loaded)
			snprintf(buf, n, "age: the age-interval table of %s is not loaded", in->short_name);
		else
			snprintf(buf, n, "age: no %s interval covers a corrected age of %d months", in->short_name,
			         err->expected);
		break;
	case SCORE_E_TOO_LONG:
		snprintf(buf, n, "responses: longer than %d bytes", SCORE_MAX_TEXT);
		break;
	default:
		snprintf(buf, n, "responses: refused");
	}
}

void score_null_text(const struct score_result *r, int i, char *buf, size_t n)
{
	const struct instrument *in = r->in;
	const struct score_scale *o = &r->scales[i];
	const struct instr_scale *s = &in->scales[i];
	if (o->present) {
		buf[0] = '\0';
		return;
	}
	switch (o->reason) {
	case SCORE_NULL_MISSING:
		snprintf(buf, n, "%d of %d items missing; %s allows no missing items", o->total - o->answered,
		         o->total, s->name);
		break;
	case SCORE_NULL_TOO_FEW:
		snprintf(buf, n, "only %d of %d items answered; %s needs at least %d", o->answered,
		         o->total, s->name, o->need);
		break;
	case SCORE_NULL_SOURCE:
		snprintf(buf, n, "%s has no score", in->scales[o->need].name);
		break;
	case SCORE_NULL_NO_TABLE:
		snprintf(buf, n, "the %s table is not loaded (a local file the service provides)",
		         in->tables[s->table].name);
		break;
	case SCORE_NULL_OFF_TABLE:
		snprintf(buf, n, "the source score is not in the %s table", in->tables[s->table].name);
		break;
	case SCORE_NULL_INVALID:
		snprintf(buf, n, "responses refused");
		break;
	default:
		snprintf(buf, n, "no score");
	}
}

const char *score_band_label(const struct score_result *r, int i)
{
	const struct instrument *in = r->in;
	const struct score_scale *o = &r->scales[i];
	if (o->band < 0)
		return NULL;
	if (in->scales[i].cutoff_from_interval)
		return in->interval_labels[o->band];
	return in->scales[i].bands[o->band].label;
}

static json_t *number(double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static void put(json_t *obj, const char *key, json_t *v)
{
	if (!v || json_object_set_new(obj, key, v))
		dy_oom();
}

static void push(json_t *arr, json_t *v)
{
	if (!v || json_array_append_new(arr, v))
		dy_oom();
}

char *score_to_json(const struct score_result *r)
{
	const struct instrument *in = r->in;
	json_t *root = json_object();
	if (!root)
		dy_oom();
	put(root, "instrument", json_string(in->id));
	put(root, "version", json_string(in->version));
	if (in->interval_table >= 0)
		put(root, "interval",
		    r->interval >= 0
		        ? json_integer(in->tables[in->interval_table].intervals[r->interval].interval)
		        : json_null());
	json_t *scales = json_array();
	if (!scales)
		dy_oom();
	for (int i = 0; i < in->nscales; i++) {
		const struct score_scale *o = &r->scales[i];
		json_t *s = json_object();
		if (!s)
			dy_oom();
		put(s, "scale", json_string(in->scales[i].id));
		put(s, "name", json_string(in->scales[i].name));
		put(s, "score", o->present ? number(o->value) : json_null());
		const char *band = score_band_label(r, i);
		put(s, "band", band ? json_string(band) : json_null());
		put(s, "clinical", o->clinical < 0 ? json_null() : json_boolean(o->clinical));
		if (!o->present) {
			char why[200];
			score_null_text(r, i, why, sizeof why);
			put(s, "reason", json_string(why));
		}
		char unv[96];
		instrument_unverified_text(in, i, unv, sizeof unv);
		if (unv[0])
			put(s, "unverified", json_string(unv + strlen("unverified: ")));
		push(scales, s);
	}
	put(root, "scales", scales);
	json_t *risks = json_array();
	if (!risks)
		dy_oom();
	for (int i = 0; i < r->nrisks; i++) {
		const struct instr_risk *k = &in->risks[r->risks[i]];
		json_t *x = json_object();
		if (!x)
			dy_oom();
		put(x, "id", json_string(k->id));
		if (k->item >= 0)
			put(x, "item", json_integer(k->item + 1));
		else
			put(x, "scale", json_string(in->scales[k->scale].id));
		if (k->safeguarding)
			put(x, "safeguarding", json_true());
		put(x, "label", json_string(k->label));
		push(risks, x);
	}
	put(root, "risk_flags", risks);
	json_t *errors = json_array();
	if (!errors)
		dy_oom();
	for (int i = 0; i < r->nerrors; i++) {
		char msg[200], field[32];
		const struct score_error *x = &r->errors[i];
		score_error_text(r, x, msg, sizeof msg);
		error_field(x, field, sizeof field);
		const char *m = msg;
		size_t fl = strlen(field);
		if (strncmp(msg, field, fl) == 0 && msg[fl] == ':')
			m = msg + fl + 2;
		json_t *o = json_object();
		if (!o)
			dy_oom();
		put(o, "field", json_string(field));
		put(o, "message", json_string(m));
		push(errors, o);
	}
	put(root, "errors", errors);
	char *out = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	json_decref(root);
	if (!out)
		dy_oom();
	return out;
}
