/* score.h: scoring one administration of an instrument.
 *
 * Responses are text, one value per item separated by ';' ("1;0;2;;3"): an
 * empty value is a missing item, the instrument's not-observed token (KIPS)
 * counts as missing, and an instrument with a modifier (ASQ:SE-2's concern)
 * accepts it as a suffix ("10c"). Parsing checks the number of items and
 * every value against the definition and reports which item is wrong and
 * why. Scoring computes every scale, its band and clinical caseness, and the
 * risk flags. A scale the missing-item rule does not allow is null with a
 * reason, never a silently short sum.
 *
 * The hot path (score_compute) does not allocate: a struct score_result is
 * a fixed-size value the caller owns and may reuse. Rendering to JSON
 * (score_to_json) allocates and is meant for output, not for bulk work. */
#ifndef DYAD_CORE_SCORE_H
#define DYAD_CORE_SCORE_H

#include <stddef.h>

#include "core/instrument.h"
#include "util/err.h"

#define SCORE_MAX_ERRORS 8
#define SCORE_NO_AGE (-1) /* age_months when the age is not known */

/* Why a response was refused. */
enum score_error_code {
	SCORE_E_TOO_MANY = 1,  /* more values than items */
	SCORE_E_TOO_FEW,       /* fewer values than items */
	SCORE_E_NOT_NUMBER,    /* not a whole number (nor empty, nor not-observed) */
	SCORE_E_RANGE,         /* a number outside min..max */
	SCORE_E_NOT_ALLOWED,   /* inside min..max but not one of the listed values */
	SCORE_E_NO_AGE,        /* the form depends on age, and none was given */
	SCORE_E_NO_INTERVAL,   /* no age interval covers the age (or table not loaded) */
	SCORE_E_TOO_LONG       /* responses text over SCORE_MAX_TEXT bytes */
};

#define SCORE_MAX_TEXT 4096

struct score_error {
	int code;      /* enum score_error_code */
	int item;      /* 1-based item, or 0 for the whole response */
	int value;     /* the value refused (SCORE_E_RANGE / NOT_ALLOWED), or a count */
	int expected;  /* the expected count (TOO_MANY / TOO_FEW), or the age */
};

/* Why a scale has no score. */
enum score_null_reason {
	SCORE_NULL_NONE = 0,
	SCORE_NULL_MISSING,     /* items missing and the rule allows none */
	SCORE_NULL_TOO_FEW,     /* fewer answered than the rule's minimum */
	SCORE_NULL_SOURCE,      /* a scale it is built from is null */
	SCORE_NULL_NO_TABLE,    /* its conversion table is not loaded */
	SCORE_NULL_OFF_TABLE,   /* the source score is not a key of the table */
	SCORE_NULL_INVALID      /* the responses were refused */
};

struct score_scale {
	int present;      /* 1 when value holds a score */
	double value;
	int band;         /* index into the scale's bands (or the interval labels), or -1 */
	int clinical;     /* 1 in the clinical range, 0 not, -1 no cut-off or no score */
	int answered;     /* items answered */
	int total;        /* items in the scale */
	int reason;       /* enum score_null_reason when !present */
	int need;         /* SCORE_NULL_TOO_FEW: the minimum; SCORE_NULL_SOURCE: source scale */
};

struct score_result {
	const struct instrument *in;
	int nitems;         /* items expected in this administration */
	int nvalues;        /* values given */
	int interval;       /* age interval index, or -1 */
	unsigned char state[INSTR_MAX_ITEMS]; /* 0 missing, 1 answered, 2 not observed */
	int value[INSTR_MAX_ITEMS];           /* entered value (without the modifier) */
	unsigned char modified[INSTR_MAX_ITEMS]; /* 1 when the modifier suffix was given */
	double item_score[INSTR_MAX_ITEMS];   /* score after rescoring/reversal/modifier */
	int nscales;
	struct score_scale scales[INSTR_MAX_SCALES];
	int nrisks;
	unsigned char risks[INSTR_MAX_RISKS]; /* indexes into in->risks of raised flags */
	int nerrors;
	struct score_error errors[SCORE_MAX_ERRORS];
};

/* Parses and scores len bytes of responses for instrument `in`. age_months
 * is the infant's corrected age in whole months (SCORE_NO_AGE when unknown;
 * needed only for age-interval instruments such as ASQ:SE-2). Fills *out
 * (caller-owned; no allocation). Returns 0 when the responses are valid
 * (scales may still be null with a reason), or DY_EINVAL when they were
 * refused: out->errors lists up to SCORE_MAX_ERRORS problems and e (may be
 * NULL) is filled with the first, its field naming the item ("item 3"). */
int score_compute(const struct instrument *in, const char *responses, size_t len, int age_months,
                  struct score_result *out, struct dy_err *e);

/* Writes a plain-English message for one error into buf (size n):
 * "item 3: 4 is outside 0-3". */
void score_error_text(const struct score_result *r, const struct score_error *err, char *buf,
                      size_t n);

/* Writes why scale i of r is null into buf (size n); "" when it has a score. */
void score_null_text(const struct score_result *r, int i, char *buf, size_t n);

/* The label of scale i's band, or NULL when it has none. */
const char *score_band_label(const struct score_result *r, int i);

/* Renders r as a JSON object (compact, UTF-8):
 * {"instrument","version","interval"?,"scales":[{"scale","name","score","band",
 *  "clinical","reason"?}],"risk_flags":[{"id","item","label"}],"errors":[{"field","message"}]}.
 * score, band and clinical are null when absent. Returns a malloc'd string
 * the caller frees with free(). */
char *score_to_json(const struct score_result *r);

#endif
