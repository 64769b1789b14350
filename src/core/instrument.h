/* instrument.h: outcome-measure definitions as data.
 *
 * An instrument (PHQ-9, KIPS, ASQ:SE-2, ...) is described by a JSON file,
 * `instruments/<id>.json`, whose schema is documented in docs/instruments.md.
 * This module parses and validates one definition into a fixed-size struct
 * instrument (so scoring never allocates), and holds a set of them.
 * Definitions carry scoring rules and neutral labels only; the wording of the
 * items, which is licensed, may be attached at run time from a local text
 * pack (instrument_parse_text). Everything here works on bytes already in
 * memory; reading the files is app/'s (app/app_files.h).
 *
 * Errors name the definition file (dy_err.where), the JSON path of the field
 * at fault (dy_err.field, e.g. "scales[1].items[3]") and the reason. */
#ifndef DYAD_CORE_INSTRUMENT_H
#define DYAD_CORE_INSTRUMENT_H

#include <stddef.h>

#include "util/err.h"
#include "util/limits.h"

#define INSTR_MAX_ITEMS 64       /* items in one administration */
#define INSTR_MAX_VALUES 16      /* values in an explicit list of allowed values */
#define INSTR_MAX_SCALES 12
#define INSTR_MAX_BANDS 12
#define INSTR_MAX_RISKS 12
#define INSTR_MAX_TABLES 4
#define INSTR_MAX_LOOKUP 128     /* keys in one lookup table */
#define INSTR_MAX_INTERVALS 16   /* rows in an age-interval table */
#define INSTR_MAX_CHECKS 8       /* fixed points a lookup table must reproduce */
#define INSTR_MAX_UNVERIFIED 40
#define INSTR_DEF_MAX_BYTES LIMIT_DEFINITION_BYTES /* a definition file larger than this is refused */
#define INSTR_DEF_MAX_DEPTH 12   /* JSON nesting deeper than this is refused */
#define INSTR_VALUE_LIMIT 100000 /* |entered value| never exceeds this */

enum instr_role { ROLE_CAREGIVER, ROLE_CLINICIAN, ROLE_OBSERVER };
enum instr_subject { SUBJECT_CAREGIVER, SUBJECT_INFANT, SUBJECT_PAIR };
enum instr_agg { AGG_SUM, AGG_MEAN, AGG_SCALES, AGG_TABLE };
enum instr_missing { MISSING_NONE, MISSING_PRORATE, MISSING_MEAN };
enum instr_direction { DIR_HIGHER_IS_WORSE, DIR_HIGHER_IS_BETTER, DIR_NONE };
enum instr_op { OP_GE, OP_GT, OP_LE, OP_LT };
enum instr_table_kind { TABLE_LOOKUP, TABLE_AGE_INTERVALS };

/* A code for interchange (FHIR Observation.code). */
struct instr_code {
	char system[80];   /* "http://loinc.org" or the local "urn:dyad:scale" */
	char code[48];
	int verified;      /* 1 when checked against a terminology source */
};

struct instr_item {
	char label[48];    /* neutral label we wrote ("Item 3"); never item wording */
	int min, max;      /* smallest and largest value that may be entered */
	int nvalues;       /* 0: every whole number min..max is allowed; else the list */
	int values[INSTR_MAX_VALUES];
	int has_scores;    /* 1: scores[i] is the score of values[i] (a rescoring map) */
	double scores[INSTR_MAX_VALUES];
	int reverse;       /* 1: score = min + max - value */
	char *text;        /* licensed wording from a text pack, or NULL; owned here */
};

struct instr_band {
	double min;        /* lowest score in the band (inclusive) */
	double max;        /* highest whole score in the band, for display */
	char label[48];
};

struct instr_scale {
	char id[32];
	char name[64];
	enum instr_agg agg;
	int nitems;
	unsigned char items[INSTR_MAX_ITEMS]; /* 0-based item indexes */
	int all_items;     /* 1: "all" (for age-interval forms: the interval's items) */
	int nsrc;
	unsigned char src[INSTR_MAX_SCALES];  /* AGG_SCALES: summed scales; AGG_TABLE: src[0] */
	int table;         /* AGG_TABLE: index into instrument.tables */
	double multiplier; /* applied after aggregation (DASS-21: 2) */
	enum instr_missing missing;
	int min_answered;  /* MISSING_PRORATE / MISSING_MEAN: fewest answered items */
	int round;         /* decimals to round the score to, or -1 for none */
	double lo, hi;     /* possible range, worked out from the items */
	enum instr_direction direction;
	int nbands;
	struct instr_band bands[INSTR_MAX_BANDS];
	int has_cutoff;
	enum instr_op cutoff_op;
	double cutoff;
	int cutoff_from_interval; /* 1: the cut-off is the age interval's */
	char cutoff_label[48];
	int has_rci;
	double rci_points;  /* the reliable change in raw points (> 0 when has_rci), as
	                     * published or worked out at load from sem or reliability + sd */
	double rci_sem;     /* > 0: from this published standard error of measurement */
	double reliability; /* > 0: from this reliability ... */
	double rci_sd;      /* ... and this published SD */
	double z;           /* z for sem / reliability, default 1.96 */
	char rci_source[160]; /* where the figures come from ("" when not given) */
	struct instr_code code;
};

/* A risk flag the definition raises for the clinician to acknowledge. It
 * watches one item (item >= 0, scale == -1) or one scale's score (scale >=
 * 0, item == -1: PBQ risk of abuse, PIR-GAS documented maltreatment).
 * `unanswered` flags are added by the loader, one for each item risk: the
 * item left blank raises its own flag, so a prorated total can never hide
 * an unasked risk question (docs/instruments.md, "Risk flags"). */
struct instr_risk {
	char id[40];
	int item;          /* 0-based item, or -1 */
	int scale;         /* scale index, or -1 */
	int unanswered;    /* 1: raised when the item is not answered */
	int safeguarding;  /* 1: the flag asks for a safeguarding review */
	enum instr_op op;
	double value;
	char label[112];
};

/* The infant stage a measure fits (docs/instruments.md, "Stage"). */
enum instr_stage { STAGE_ANY, STAGE_ANTENATAL, STAGE_POSTNATAL };

struct instr_interval {
	int interval;      /* the form's nominal age in months */
	int from_months, to_months; /* corrected age range, inclusive */
	int items;         /* items on this interval's form */
	double monitoring; /* lowest score in the monitoring zone */
	double cutoff;     /* the interval's cut-off */
};

struct instr_table {
	char name[32];
	enum instr_table_kind kind;
	int loaded;
	/* TABLE_LOOKUP */
	int key_from, key_to;
	double value[INSTR_MAX_LOOKUP];
	int nchecks;
	int check_key[INSTR_MAX_CHECKS];
	double check_value[INSTR_MAX_CHECKS];
	/* TABLE_AGE_INTERVALS */
	int nintervals;
	struct instr_interval intervals[INSTR_MAX_INTERVALS];
};

struct instr_unverified {
	char path[64];     /* JSON path in the definition, e.g. "scales[0].bands" */
	char note[160];
};

struct instrument {
	char id[32];
	char name[96];
	char short_name[32];         /* for messages ("PHQ-9"); defaults to id */
	char version[32];
	char file[128];    /* where it was loaded from, for messages */
	enum instr_role completed_by;
	enum instr_subject subject;
	char licence[320];
	struct instr_code code;      /* the instrument (panel) code */
	int nitems;                  /* items on the form (the most, for interval forms) */
	int min_items;               /* fewest responses accepted (GBO: 1); else nitems */
	struct instr_item items[INSTR_MAX_ITEMS];
	char not_observed[8];        /* token meaning "not observed" (= missing), or "" */
	char modifier[4];            /* suffix that adds modifier_add (ASQ:SE-2 concern), or "" */
	int modifier_add;
	int nscales;
	struct instr_scale scales[INSTR_MAX_SCALES];
	int nrisks;
	struct instr_risk risks[INSTR_MAX_RISKS];
	int ntables;
	struct instr_table tables[INSTR_MAX_TABLES];
	int interval_table;          /* index of the age-interval table, or -1 */
	char interval_labels[3][48]; /* below monitoring, monitoring zone, over cut-off */
	int nunverified;
	struct instr_unverified unverified[INSTR_MAX_UNVERIFIED];
	/* When the measure fits the infant's life (the definition's "stage"):
	 * antenatal (an unborn infant only), postnatal (born only) or any, and
	 * for a born infant the age range in completed months, inclusive
	 * (max_months -1: no upper limit). */
	enum instr_stage stage;
	int stage_min_months, stage_max_months;
	char stage_note[160];
};

/* A set of loaded definitions, looked up by id. */
struct instrument_set {
	struct instrument **v;
	size_t n;
};

/* Parses and validates one definition from len bytes of JSON. file names
 * the source in messages (may be NULL). On success returns 0 and sets *out
 * to a new instrument (free with instrument_free); on failure returns
 * DY_EINVAL, sets *out to NULL and fills e (where = file, field = JSON path). */
int instrument_parse(const char *json, size_t len, const char *file,
                     struct instrument **out, struct dy_err *e);

/* Frees an instrument and any attached wording; NULL is a no-op. */
void instrument_free(struct instrument *in);

/* Index of the scale with this id, or -1. */
int instrument_scale_index(const struct instrument *in, const char *scale_id);

/* Index of the table with this name, or -1. */
int instrument_table_index(const struct instrument *in, const char *name);

/* The age interval for a corrected age in whole months: its index in the
 * interval table, or -1 when the instrument has no loaded interval table or
 * no interval covers the age. */
int instrument_pick_interval(const struct instrument *in, int age_months);

/* Checks that a measure may be completed by `role` about `subject` (the
 * strings of the schema: "caregiver", "clinician", "observer"; "caregiver",
 * "infant", "pair"). Returns 0 or DY_EINVAL naming the field. */
int instrument_check_respondent(const struct instrument *in, const char *role,
                                const char *subject, struct dy_err *e);

/* Schema names, for messages and rendering. */
const char *instrument_role_name(enum instr_role r);
const char *instrument_subject_name(enum instr_subject s);
const char *instrument_direction_name(enum instr_direction d);
const char *instrument_op_name(enum instr_op op);

/* 1 when `a op b`, else 0. */
int instrument_op_holds(enum instr_op op, double a, double b);

/* --- sets, tables and text packs (instrument_set.c) --- */

/* Starts an empty set. */
void instrument_set_init(struct instrument_set *set);

/* Adds in to the set, which then owns it; DY_EINVAL (set unchanged, in not
 * taken) when an instrument with the same id is already there. */
int instrument_set_add(struct instrument_set *set, struct instrument *in, struct dy_err *e);

/* The instrument with this id, or NULL. Owned by the set. */
const struct instrument *instrument_set_find(const struct instrument_set *set, const char *id);

/* Mutable lookup, for attaching tables and text. */
struct instrument *instrument_set_get(struct instrument_set *set, const char *id);

/* Frees every instrument in the set and empties it. */
void instrument_set_free(struct instrument_set *set);

/* Parses len bytes of a local table (CSV, format in docs/instruments.md)
 * into the table called `table` of instrument `in`, replacing earlier
 * contents. Lookup tables: header `raw,value`, one row per key from key_from
 * to key_to, and every fixed check point of the definition must be
 * reproduced. Age-interval tables: header
 * `interval,from_months,to_months,items,monitoring,cutoff`, ranges not
 * overlapping. `name` (the file) is used in messages. Returns 0 or DY_EINVAL
 * with e naming the line; on failure the table is left unloaded. */
int instrument_parse_table(struct instrument *in, const char *table, const char *csv,
                           size_t len, const char *name, struct dy_err *e);

/* Parses size bytes of a text pack (CSV with header `instrument,item,text`;
 * item is 1-based) and attaches each text to its item, replacing earlier
 * text. Every row is checked before any is attached: an unknown instrument,
 * an item out of range, an empty or over-long text (> 1000 bytes) refuses
 * the whole pack with its line; `name` is used in messages. Returns 0 or
 * DY_EINVAL. */
int instrument_parse_text(struct instrument_set *set, const char *data, size_t size, const char *name,
                          struct dy_err *e);

/* 1 when the definition marks a value at JSON path `path` unverified: an
 * "unverified" entry names it, a parent of it ("scales[0]") or a part of it
 * ("scales[0].bands[1].label" for "scales[0].bands"); else 0. */
int instrument_unverified(const struct instrument *in, const char *path);

/* instrument_unverified for "scales[<scale>].<what>" (what: "bands",
 * "clinical", "reliable_change"). Every place that shows such a figure
 * marks it "unverified" when this is 1. */
int instrument_scale_unverified(const struct instrument *in, int scale, const char *what);

/* Which of scale's shown figures are unverified, for display:
 * "unverified: bands, cut-off, reliable change" (those that apply), or "". */
void instrument_unverified_text(const struct instrument *in, int scale, char *out, size_t n);

/* "any", "antenatal" or "postnatal". */
const char *instrument_stage_name(enum instr_stage s);

#endif
