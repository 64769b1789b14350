/* measures_test.h: shared helpers for the outcome-measure tests (header only).
 *
 * Loads the shipped definitions once, from $DYAD_INSTRUMENTS (set by CTest)
 * or DYAD_SOURCE_DIR "/instruments", and wraps scoring with lookups by scale
 * id so that each test reads like the hand-worked example it checks. Include
 * after cmocka.h. */
#ifndef DYAD_TESTS_MEASURES_TEST_H
#define DYAD_TESTS_MEASURES_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/instrument.h"
#include "app/app_files.h"
#include "core/score.h"

static inline const char *mt_dir(void)
{
	const char *d = getenv("DYAD_INSTRUMENTS");
	return d && *d ? d : DYAD_SOURCE_DIR "/instruments";
}

static inline struct instrument_set *mt_set(void)
{
	static struct instrument_set set;
	static int loaded;
	if (!loaded) {
		struct dy_err e;
		dy_err_clear(&e);
		instrument_set_init(&set);
		if (instrument_set_load_dir(&set, mt_dir(), &e)) {
			char msg[600];
			dy_err_format(&e, msg, sizeof msg);
			fprintf(stderr, "cannot load instruments: %s\n", msg);
			abort();
		}
		loaded = 1;
	}
	return &set;
}

static inline struct instrument *mt_get(const char *id)
{
	struct instrument *in = instrument_set_get(mt_set(), id);
	if (!in) {
		fprintf(stderr, "instrument %s not shipped\n", id);
		abort();
	}
	return in;
}

/* Scores responses for instrument id (age for ASQ:SE-2, else SCORE_NO_AGE). */
static inline int mt_score_age(const char *id, const char *responses, int age,
                               struct score_result *r)
{
	struct dy_err e;
	dy_err_clear(&e);
	return score_compute(mt_get(id), responses, strlen(responses), age, r, &e);
}

static inline int mt_score(const char *id, const char *responses, struct score_result *r)
{
	return mt_score_age(id, responses, SCORE_NO_AGE, r);
}

static inline const struct score_scale *mt_scale(const struct score_result *r, const char *scale)
{
	int i = instrument_scale_index(r->in, scale);
	if (i < 0) {
		fprintf(stderr, "%s has no scale %s\n", r->in->id, scale);
		abort();
	}
	return &r->scales[i];
}

static inline const char *mt_band(const struct score_result *r, const char *scale)
{
	const char *b = score_band_label(r, instrument_scale_index(r->in, scale));
	return b ? b : "(none)";
}

/* Builds "v;v;...;v" (n copies of v) into a static buffer. */
static inline const char *mt_repeat(const char *v, int n)
{
	static char buf[1024];
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(buf, ";");
		strcat(buf, v);
	}
	return buf;
}

/* Builds responses from an int array; a value of -1 is left empty (missing). */
static inline const char *mt_join(const int *v, int n)
{
	static char buf[1024];
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (v[i] >= 0)
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%d", i ? ";" : "", v[i]);
		else
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%s", i ? ";" : "");
	}
	return buf;
}

/* n items whose values add up to total, filling items in order up to maxv,
 * with `lo` as each item's least value and item `skip` (1-based, 0 none)
 * held at lo. */
static inline const char *mt_fill(int n, int total, int lo, int maxv, int skip)
{
	int v[INSTR_MAX_ITEMS];
	int left = total - lo * n;
	for (int i = 0; i < n; i++) {
		v[i] = lo;
		if (i + 1 == skip)
			continue;
		int add = left < maxv - lo ? left : maxv - lo;
		v[i] += add;
		left -= add;
	}
	if (left != 0) {
		fprintf(stderr, "mt_fill: cannot reach %d\n", total);
		abort();
	}
	return mt_join(v, n);
}

/* Asserts the scale has a score equal to want (to 1e-6). */
#define assert_scale(r, scale, want)                                                               \
	do {                                                                                       \
		const struct score_scale *s_ = mt_scale((r), (scale));                             \
		assert_true(s_->present);                                                          \
		if (fabs(s_->value - (want)) > 1e-6) {                                             \
			fprintf(stderr, "%s: got %.6f, want %.6f\n", (scale), s_->value,            \
			        (double)(want));                                                   \
			fail();                                                                    \
		}                                                                                  \
	} while (0)

#define assert_scale_null(r, scale, why_)                                                        \
	do {                                                                                       \
		const struct score_scale *s_ = mt_scale((r), (scale));                             \
		assert_false(s_->present);                                                         \
		assert_int_equal(s_->reason, (why_));                                            \
	} while (0)

#define assert_band(r, scale, label) assert_string_equal(mt_band((r), (scale)), (label))

#define assert_clinical(r, scale, want) assert_int_equal(mt_scale((r), (scale))->clinical, (want))

#endif
