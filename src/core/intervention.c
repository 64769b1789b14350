/* intervention.c: parsing the intervention catalogue (docs/interventions.md).
 *
 * INI-like, the same shape as the eligibility rules: `[intervention CODE]`
 * sections, `key = value` lines, `#` comments (a `#` after a value starts a
 * comment too). Every line is checked as it is read; after the last line
 * each entry is checked whole (name and mode are required, the completion
 * rule cannot ask for more sessions than are planned). */
#include "core/intervention.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ini.h"
#include "util/str.h"

static const char *const mode_codes[] = {"individual", "dyadic", "group", "home_visiting", 0};

enum key {
	KEY_NAME,
	KEY_MODE,
	KEY_SESSIONS,
	KEY_SPAN,
	KEY_COMPLETION,
	KEY_VISIT,
	KEY_ENDS_AGE,
	KEY_VERIFIED,
	KEY_ELIGIBILITY,
	KEY_NICE,
	KEY_SOURCE,
	KEY_COUNT
};

static const char *const key_names[] = {"name",          "mode",       "planned_sessions", "planned_span_weeks",
                                        "completion_min_sessions", "visit_every_days", "ends_at_age_months", "verified",
                                        "eligibility", "nice", "source", 0};

struct parser {
	struct intervention_catalogue *c;
	struct intervention_def *cur;
	int key_line[KEY_COUNT];
	int line;
	struct dy_err *e;
};

/* Refuses at the parser's line (core/ini.h). */
#define fail(p, ...) ini_fail((p)->e, (p)->line, __VA_ARGS__)

/* Printable text (no control characters), 1..max-1 bytes. */
static int valid_text(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n < 1 || n >= max)
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* Checks the finished entry; p->line is moved to its header for the message. */
static int finish(struct parser *p)
{
	struct intervention_def *d = p->cur;
	if (!d)
		return 0;
	int at = p->line;
	p->line = d->line;
	int rc = 0;
	if (!p->key_line[KEY_NAME])
		rc = fail(p, "name", "intervention %s has no name", d->code);
	else if (!p->key_line[KEY_MODE])
		rc = fail(p, "mode", "intervention %s has no mode (individual, dyadic, group or home_visiting)", d->code);
	else if (!p->key_line[KEY_COMPLETION])
		d->completion_min_sessions = d->planned_sessions;
	else if (d->planned_sessions == 0)
		rc = fail(p, "completion_min_sessions", "intervention %s has a completion rule but no planned_sessions",
		          d->code);
	else if (d->completion_min_sessions > d->planned_sessions)
		rc = fail(p, "completion_min_sessions", "is more than planned_sessions (%d) for %s",
		          d->planned_sessions, d->code);
	if (!rc && p->key_line[KEY_VISIT] && d->mode != INTERVENTION_HOME_VISITING)
		rc = fail(p, "visit_every_days", "is for home_visiting interventions only (%s is %s)", d->code,
		          mode_codes[d->mode]);
	if (!rc)
		p->line = at;
	return rc;
}

static int section(struct parser *p, char *inner)
{
	if (strncmp(inner, "intervention", 12) != 0 || (inner[12] != ' ' && inner[12] != '\t'))
		return fail(p, "section", "'[%.40s]' is not a known section: use [intervention CODE]", inner);
	int rc = finish(p);
	if (rc)
		return rc;
	char *code = ini_trim(inner + 13);
	if (!ini_valid_code(code, INTERVENTION_CODE_MAX))
		return fail(p, "section", "an intervention code must be 1-%d lower-case letters, digits or underscores",
		            INTERVENTION_CODE_MAX - 1);
	for (size_t i = 0; i < p->c->n; i++)
		if (strcmp(p->c->defs[i].code, code) == 0)
			return fail(p, "section", "intervention %s appears twice (first on line %d)", code,
			            p->c->defs[i].line);
	if (p->c->n == INTERVENTION_MAX)
		return fail(p, "section", "more than %d interventions", INTERVENTION_MAX);
	if (!p->c->defs)
		p->c->defs = xcalloc(INTERVENTION_MAX, sizeof *p->c->defs);
	struct intervention_def *d = &p->c->defs[p->c->n++];
	memset(d, 0, sizeof *d);
	str_copy(d->code, sizeof d->code, code);
	d->line = p->line;
	p->cur = d;
	memset(p->key_line, 0, sizeof p->key_line);
	return 0;
}

static int number(struct parser *p, const char *key, const char *v, int lo, int hi, int *out)
{
	if (str_parse_int(v, lo, hi, out) == 0)
		return 0;
	return fail(p, key, "must be a whole number from %d to %d", lo, hi);
}

static int text(struct parser *p, const char *key, const char *v, char *out, size_t max)
{
	if (!valid_text(v, max))
		return fail(p, key, "must be 1-%zu characters of text", max - 1);
	str_copy(out, max, v);
	return 0;
}

static int pair(struct parser *p, const char *key, char *v)
{
	int k = str_index(key_names, key);
	if (k < 0)
		return fail(p, "key", "'%.40s' is not a known key (see docs/interventions.md)", key);
	if (!p->cur)
		return fail(p, key_names[k], "comes before the first [intervention CODE] section");
	if (p->key_line[k])
		return fail(p, key_names[k], "is set twice in [intervention %s] (first on line %d)", p->cur->code,
		            p->key_line[k]);
	p->key_line[k] = p->line;
	struct intervention_def *d = p->cur;
	switch ((enum key)k) {
	case KEY_NAME: return text(p, "name", v, d->name, sizeof d->name);
	case KEY_MODE:
		for (int m = 0; mode_codes[m]; m++)
			if (strcmp(mode_codes[m], v) == 0) {
				d->mode = (enum intervention_mode)m;
				return 0;
			}
		return fail(p, "mode", "must be individual, dyadic, group or home_visiting");
	case KEY_SESSIONS: return number(p, "planned_sessions", v, 1, 500, &d->planned_sessions);
	case KEY_SPAN: return number(p, "planned_span_weeks", v, 1, 260, &d->planned_span_weeks);
	case KEY_COMPLETION: return number(p, "completion_min_sessions", v, 1, 500, &d->completion_min_sessions);
	case KEY_VISIT: return number(p, "visit_every_days", v, 1, 365, &d->visit_every_days);
	case KEY_ENDS_AGE: return number(p, "ends_at_age_months", v, 1, 60, &d->ends_at_age_months);
	case KEY_VERIFIED:
		if (strcmp(v, "yes") == 0 || strcmp(v, "no") == 0) {
			d->verified = v[0] == 'y';
			return 0;
		}
		return fail(p, "verified", "must be yes or no");
	case KEY_ELIGIBILITY: return text(p, "eligibility", v, d->eligibility, sizeof d->eligibility);
	case KEY_NICE: return text(p, "nice", v, d->nice, sizeof d->nice);
	case KEY_SOURCE: return text(p, "source", v, d->source, sizeof d->source);
	case KEY_COUNT: break;
	}
	return fail(p, "key", "is not a known key");
}

static int one_line(void *ctx, struct ini_line *l)
{
	struct parser *p = ctx;
	p->line = l->line;
	return l->section ? section(p, l->name) : pair(p, l->name, l->value);
}

int intervention_parse(const char *text_in, size_t len, struct intervention_catalogue *out, struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	struct parser p = {.c = out, .e = e};
	int rc = ini_read(text_in, len, INTERVENTION_MAX_BYTES, one_line, &p, e);
	if (!rc)
		rc = finish(&p);
	if (!rc && out->n == 0) {
		p.line = p.line ? p.line : 1;
		rc = fail(&p, "catalogue", "holds no [intervention CODE] section");
	}
	if (rc)
		intervention_catalogue_free(out);
	return rc;
}

void intervention_catalogue_free(struct intervention_catalogue *c)
{
	free(c->defs);
	c->defs = NULL;
	c->n = 0;
}

const struct intervention_def *intervention_find(const struct intervention_catalogue *c, const char *code)
{
	for (size_t i = 0; code && i < c->n; i++)
		if (strcmp(c->defs[i].code, code) == 0)
			return &c->defs[i];
	return NULL;
}

const char *intervention_mode_code(enum intervention_mode m)
{
	return (unsigned)m < INTERVENTION_MODE_COUNT ? mode_codes[m] : "";
}

int intervention_completed(const struct intervention_def *def, int attended)
{
	return def->completion_min_sessions > 0 && attended >= def->completion_min_sessions;
}

int intervention_code_valid(const char *s)
{
	return s && ini_valid_code(s, INTERVENTION_CODE_MAX);
}
