/* retention_parse.c: the retention rules file (docs/retention.md): one
 * [retention] section of whole numbers, read with core/ini.h and refused
 * whole, naming the line, the key and the reason. */
#include "core/retention.h"

#include <string.h>

#include "core/ini.h"
#include "util/str.h"

enum key { KEY_CHILD, KEY_LATE_AGE, KEY_LATE_CHILD, KEY_CAREGIVER, KEY_COUNT };

static const struct {
	const char *name;
	int lo, hi;
} keys[KEY_COUNT] = {
	{"child_until_birthday", 1, 120},
	{"child_late_age", 0, 120},
	{"child_late_until_birthday", 1, 120},
	{"caregiver_years", 1, 120},
};

struct parser {
	struct retention_rules *r;
	int section_line; /* line of [retention], 0 before it */
	int key_line[KEY_COUNT];
	struct dy_err *e;
};

static int on_line(void *ctx, struct ini_line *l)
{
	struct parser *p = ctx;
	if (l->section) {
		if (strcmp(l->name, "retention") != 0)
			return ini_fail(p->e, l->line, "section", "'[%.40s]' is not a known section: use [retention]", l->name);
		if (p->section_line)
			return ini_fail(p->e, l->line, "section", "[retention] appears twice (first on line %d)",
			                p->section_line);
		p->section_line = l->line;
		return 0;
	}
	if (!p->section_line)
		return ini_fail(p->e, l->line, "section", "a key before the [retention] section");
	int k = 0;
	while (k < KEY_COUNT && strcmp(l->name, keys[k].name) != 0)
		k++;
	if (k == KEY_COUNT)
		return ini_fail(p->e, l->line, "key",
		                "'%.40s' is not a known key: use child_until_birthday, child_late_age, "
		                "child_late_until_birthday or caregiver_years",
		                l->name);
	if (p->key_line[k])
		return ini_fail(p->e, l->line, keys[k].name, "set twice (first on line %d)", p->key_line[k]);
	int v;
	if (str_parse_int(l->value, keys[k].lo, keys[k].hi, &v) != 0)
		return ini_fail(p->e, l->line, keys[k].name, "must be a whole number from %d to %d", keys[k].lo,
		                keys[k].hi);
	p->key_line[k] = l->line;
	switch (k) {
	case KEY_CHILD: p->r->child_until_birthday = v; break;
	case KEY_LATE_AGE: p->r->child_late_age = v; break;
	case KEY_LATE_CHILD: p->r->child_late_until_birthday = v; break;
	default: p->r->caregiver_years = v; break;
	}
	return 0;
}

/* The line to name for a contradiction: the later of the two keys' lines
 * (0 when both took their defaults). */
static int later(const struct parser *p, enum key a, enum key b)
{
	return p->key_line[a] > p->key_line[b] ? p->key_line[a] : p->key_line[b];
}

int retention_parse(const char *text, size_t len, struct retention_rules *out, struct dy_err *e)
{
	struct retention_rules r;
	retention_rules_default(&r);
	struct parser p = {.r = &r, .e = e};
	int rc = ini_read(text, len, RETENTION_MAX_BYTES, on_line, &p, e);
	if (rc)
		return rc;
	if (r.child_late_until_birthday < r.child_until_birthday)
		return ini_fail(e, later(&p, KEY_LATE_CHILD, KEY_CHILD), "child_late_until_birthday",
		                "must not be before child_until_birthday (%d)", r.child_until_birthday);
	if (r.child_late_age >= r.child_until_birthday)
		return ini_fail(e, later(&p, KEY_LATE_AGE, KEY_CHILD), "child_late_age",
		                "must be below child_until_birthday (%d)", r.child_until_birthday);
	*out = r;
	return 0;
}
