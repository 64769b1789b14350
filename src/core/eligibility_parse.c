/* eligibility_parse.c: the eligibility rules file (docs/eligibility.md).
 *
 * INI-like: `[team]` and `[programme NAME]` sections, `key = value` lines,
 * `#` comments. The parser works on a bounded buffer, one line at a time, and
 * refuses anything it does not know, naming the line, the key and the
 * reason. After the last line it checks that no programme widens the team's
 * criteria. app/app_files.c reads the file into a buffer for it. */
#include "core/eligibility.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ini.h"
#include "util/str.h"

enum key {
	KEY_INFANT_AGE,
	KEY_PREGNANCY,
	KEY_CAREGIVER_AGE,
	KEY_FIRST_TIME,
	KEY_AREAS,
	KEY_LABEL,
	KEY_COUNT
};

static const char *const key_names[] = {"infant_age_limit_months", "pregnancy_from_week",
                                        "caregiver_under_age", "first_time_parent", "areas", "label", 0};

/* Parser state: the section being filled and, per section, the line on
 * which each key was set (0: not set), for "set twice" and the final checks. */
struct parser {
	struct eligibility_config *c;
	struct eligibility_rules *rules; /* current section, or NULL before the first */
	int section;                     /* 0 team, 1 + programme index; -1 none */
	int team_line;                   /* line of [team], 0 when absent */
	int section_line[ELIGIBILITY_MAX_PROGRAMMES + 1];
	int key_line[ELIGIBILITY_MAX_PROGRAMMES + 1][KEY_COUNT];
	int line;
	struct dy_err *e;
};

/* Refuses at the parser's line (core/ini.h). */
#define fail(p, ...) ini_fail((p)->e, (p)->line, __VA_ARGS__)

static void default_label(const char *name, char *out, size_t n)
{
	str_copy(out, n, name);
	for (char *q = out; *q; q++)
		if (*q == '_')
			*q = ' ';
	if (out[0])
		out[0] = (char)toupper((unsigned char)out[0]);
}

static int section(struct parser *p, char *inner)
{
	if (strcmp(inner, "team") == 0) {
		if (p->team_line)
			return fail(p, "section", "[team] appears twice (first on line %d)", p->team_line);
		p->team_line = p->line;
		p->section = 0;
		p->section_line[0] = p->line;
		p->rules = &p->c->team;
		return 0;
	}
	if (strncmp(inner, "programme", 9) == 0 && (inner[9] == ' ' || inner[9] == '\t')) {
		char *name = ini_trim(inner + 10);
		if (!ini_valid_code(name, ELIGIBILITY_NAME_MAX))
			return fail(p, "section", "a programme name must be 1-%d lower-case letters, digits or underscores",
			            ELIGIBILITY_NAME_MAX - 1);
		for (size_t i = 0; i < p->c->n_programmes; i++)
			if (strcmp(p->c->programmes[i].name, name) == 0)
				return fail(p, "section", "programme %s appears twice (first on line %d)", name,
				            p->section_line[i + 1]);
		if (p->c->n_programmes == ELIGIBILITY_MAX_PROGRAMMES)
			return fail(p, "section", "more than %d programmes", ELIGIBILITY_MAX_PROGRAMMES);
		if (!p->c->programmes)
			p->c->programmes = xcalloc(ELIGIBILITY_MAX_PROGRAMMES, sizeof *p->c->programmes);
		struct eligibility_programme *prog = &p->c->programmes[p->c->n_programmes++];
		memset(prog, 0, sizeof *prog);
		str_copy(prog->name, sizeof prog->name, name);
		default_label(name, prog->label, sizeof prog->label);
		prog->rules.infant_age_limit_months = ELIGIBILITY_UNSET;
		prog->rules.pregnancy_from_week = ELIGIBILITY_UNSET;
		prog->rules.caregiver_under_age = ELIGIBILITY_UNSET;
		prog->rules.first_time_parent = 0;
		p->section = (int)p->c->n_programmes;
		p->section_line[p->section] = p->line;
		p->rules = &prog->rules;
		return 0;
	}
	return fail(p, "section", "'[%.40s]' is not a known section: use [team] or [programme NAME]", inner);
}

/* A whole number lo..hi, or `no` (ELIGIBILITY_NO) when allow_no. */
static int number_or_no(struct parser *p, const char *key, const char *v, int lo, int hi, int allow_no, int *out)
{
	if (allow_no && strcmp(v, "no") == 0) {
		*out = ELIGIBILITY_NO;
		return 0;
	}
	if (str_parse_int(v, lo, hi, out) == 0)
		return 0;
	return fail(p, key, "must be a whole number from %d to %d%s", lo, hi, allow_no ? ", or no" : "");
}

/* Parses one area: "NG7" (district) or "NG7 2" (sector), any case. The
 * district patterns are those of validate_postcode: A9, A99, AA9, AA99, A9A, AA9A. */
static int parse_area(const char *s, struct eligibility_area *out)
{
	char d[8];
	size_t n = 0;
	while (*s && *s != ' ' && *s != '\t') {
		if (n == 4 || !isalnum((unsigned char)*s))
			return -1;
		d[n++] = (char)toupper((unsigned char)*s++);
	}
	d[n] = '\0';
	int ok = n >= 2 && isalpha((unsigned char)d[0]);
	if (ok) {
		switch (n) {
		case 2: ok = isdigit((unsigned char)d[1]); break;
		case 3:
			ok = (isdigit((unsigned char)d[1]) && isalnum((unsigned char)d[2])) ||
			     (isalpha((unsigned char)d[1]) && isdigit((unsigned char)d[2]));
			break;
		default:
			ok = isalpha((unsigned char)d[1]) && isdigit((unsigned char)d[2]) && isalnum((unsigned char)d[3]);
		}
	}
	if (!ok)
		return -1;
	while (*s == ' ' || *s == '\t')
		s++;
	out->sector = -1;
	if (*s) {
		if (!isdigit((unsigned char)s[0]) || s[1])
			return -1;
		out->sector = s[0] - '0';
	}
	memcpy(out->district, d, n + 1);
	return 0;
}

static int areas(struct parser *p, char *v)
{
	struct eligibility_rules *r = p->rules;
	for (char *item = v;;) {
		char *comma = strchr(item, ',');
		if (comma)
			*comma = '\0';
		char *t = ini_trim(item);
		if (!*t)
			return fail(p, "areas", "has an empty entry: list postcode districts or sectors separated by commas");
		struct eligibility_area a;
		if (parse_area(t, &a))
			return fail(p, "areas", "'%.12s' is not a postcode district (like NG7) or sector (like NG7 2)", t);
		if (r->n_areas == ELIGIBILITY_MAX_AREAS)
			return fail(p, "areas", "more than %d areas in one section", ELIGIBILITY_MAX_AREAS);
		if (!r->areas)
			r->areas = xcalloc(16, sizeof *r->areas);
		else if ((r->n_areas & (r->n_areas - 1)) == 0 && r->n_areas >= 16)
			r->areas = xrealloc(r->areas, 2 * r->n_areas * sizeof *r->areas);
		r->areas[r->n_areas++] = a;
		if (!comma)
			return 0;
		item = comma + 1;
	}
}

static int key_value(struct parser *p, const char *key, char *v)
{
	if (p->section < 0)
		return fail(p, key, "comes before any section: start the file with [team] or [programme NAME]");
	int k = str_index(key_names, key);
	if (k < 0) {
		char all[200];
		str_join_list(key_names, all, sizeof all);
		return fail(p, key[0] ? key : "key", "is not a known key: use %s", all);
	}
	if (!*v)
		return fail(p, key, "has no value");
	int *seen = &p->key_line[p->section][k];
	if (*seen && k != KEY_AREAS)
		return fail(p, key, "is set twice in this section (first on line %d)", *seen);
	if (!*seen)
		*seen = p->line;
	struct eligibility_rules *r = p->rules;
	switch ((enum key)k) {
	case KEY_INFANT_AGE: return number_or_no(p, key, v, 1, 120, 1, &r->infant_age_limit_months);
	case KEY_PREGNANCY: return number_or_no(p, key, v, 0, 42, 1, &r->pregnancy_from_week);
	case KEY_CAREGIVER_AGE: return number_or_no(p, key, v, 12, 99, 1, &r->caregiver_under_age);
	case KEY_FIRST_TIME:
		if (strcmp(v, "required") == 0)
			r->first_time_parent = 1;
		else if (strcmp(v, "not_required") == 0)
			r->first_time_parent = 0;
		else
			return fail(p, key, "must be required or not_required");
		return 0;
	case KEY_AREAS: return areas(p, v);
	case KEY_LABEL:
		if (p->section == 0)
			return fail(p, key, "belongs in a [programme NAME] section, not [team]");
		if (strlen(v) >= ELIGIBILITY_LABEL_MAX)
			return fail(p, key, "is longer than %d characters", ELIGIBILITY_LABEL_MAX - 1);
		str_copy(p->c->programmes[p->section - 1].label, ELIGIBILITY_LABEL_MAX, v);
		return 0;
	case KEY_COUNT: break;
	}
	return fail(p, key, "is not a known key");
}

static int one_line(void *ctx, struct ini_line *l)
{
	struct parser *p = ctx;
	p->line = l->line;
	return l->section ? section(p, l->name) : key_value(p, l->name, l->value);
}

/* After the last line: a programme may narrow the team's criteria, never widen them. */
static int check_narrowing(struct parser *p)
{
	const struct eligibility_rules *t = &p->c->team;
	for (size_t i = 0; i < p->c->n_programmes; i++) {
		const struct eligibility_programme *g = &p->c->programmes[i];
		const struct eligibility_rules *r = &g->rules;
		const int *lines = p->key_line[i + 1];
		int v = r->infant_age_limit_months;
		if (v >= 0 && (t->infant_age_limit_months == ELIGIBILITY_NO || v > t->infant_age_limit_months)) {
			p->line = lines[KEY_INFANT_AGE];
			if (t->infant_age_limit_months == ELIGIBILITY_NO)
				return fail(p, key_names[KEY_INFANT_AGE],
				            "the team accepts no infants after birth; a programme can only narrow the "
				            "team's criteria");
			return fail(p, key_names[KEY_INFANT_AGE],
			            "is %d but the team accepts infants under %d months; a programme can only narrow "
			            "the team's criteria",
			            v, t->infant_age_limit_months);
		}
		v = r->pregnancy_from_week;
		if (v >= 0 && (t->pregnancy_from_week == ELIGIBILITY_NO || v < t->pregnancy_from_week)) {
			p->line = lines[KEY_PREGNANCY];
			if (t->pregnancy_from_week == ELIGIBILITY_NO)
				return fail(p, key_names[KEY_PREGNANCY],
				            "the team accepts no referrals in pregnancy; a programme can only narrow the "
				            "team's criteria");
			return fail(p, key_names[KEY_PREGNANCY],
			            "is %d but the team accepts pregnancies from %d weeks; a programme can only "
			            "narrow the team's criteria",
			            v, t->pregnancy_from_week);
		}
		v = r->caregiver_under_age;
		if (v >= 0 && t->caregiver_under_age >= 0 && v > t->caregiver_under_age) {
			p->line = lines[KEY_CAREGIVER_AGE];
			return fail(p, key_names[KEY_CAREGIVER_AGE],
			            "is %d but the team accepts caregivers under %d; a programme can only narrow the "
			            "team's criteria",
			            v, t->caregiver_under_age);
		}
		if (t->n_areas) {
			for (size_t a = 0; a < r->n_areas; a++) {
				int ok = 0;
				for (size_t b = 0; b < t->n_areas && !ok; b++)
					ok = strcmp(t->areas[b].district, r->areas[a].district) == 0 &&
					     (t->areas[b].sector < 0 || t->areas[b].sector == r->areas[a].sector);
				if (!ok) {
					p->line = lines[KEY_AREAS];
					if (r->areas[a].sector < 0)
						return fail(p, "areas", "%s is not (wholly) in the team's areas", r->areas[a].district);
					return fail(p, "areas", "%s %d is not in the team's areas", r->areas[a].district,
					            r->areas[a].sector);
				}
			}
		}
	}
	return 0;
}

int eligibility_parse(const char *text, size_t len, struct eligibility_config *out, struct dy_err *e)
{
	eligibility_config_init(out);
	struct parser *p = xcalloc(1, sizeof *p);
	p->c = out;
	p->section = -1;
	p->e = e;
	int rc = ini_read(text, len, ELIGIBILITY_MAX_BYTES, one_line, p, e);
	if (rc == 0)
		rc = check_narrowing(p);
	free(p);
	return rc;
}
