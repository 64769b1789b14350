/* letter.c: the letter template language (see letter.h): one walk over the
 * text that checks it (values NULL) or renders it, so that what is checked
 * at load is exactly what is rendered. */
#include "core/letter.h"

#include <string.h>

const char *const letter_field_names[LETTER_FIELD_COUNT] = {
	"team_name",        "letter_date",       "recipient",     "referral_id",       "caregiver_name",
	"infant_name",      "infant_dob",        "infant_edd",    "referral_date",     "referrer",
	"decision",         "decision_date",     "decision_reason", "signposted_to",   "discharge_date",
	"discharge_reason", "interventions",     "contacts_attended", "produced_by",
};

const char *const letter_field_about[LETTER_FIELD_COUNT] = {
	"the team's name",
	"the day the letter is produced, as \"12 March 2026\"",
	"who the letter is to: \"the referrer\", \"the GP\" or \"the health visitor\"",
	"the referral's number in dyad",
	"the caregiver referred (given and family name), \"\" when none",
	"the infant referred (given and family name; \"the baby\" when unnamed)",
	"the infant's date of birth, \"\" before the birth",
	"the estimated date of delivery of an unborn infant, \"\" after the birth",
	"the day the referral was received",
	"who referred, in words (\"health visitor\", \"GP\", \"self-referral\" ...)",
	"the triage decision: accepted, declined or signposted (\"\" before it)",
	"the day of the triage decision",
	"the reason given at triage (needed to decline; a note otherwise)",
	"the service the family was signposted to",
	"the day of discharge (\"\" before it)",
	"the reason for discharge, in words",
	"the interventions delivered, each with its attended sessions (\"Video Interaction Guidance: 6 sessions\")",
	"the number of contacts the family attended",
	"who produced the letter (the dyad user)",
};

static const char *const kinds[LETTER_KIND_COUNT] = {"acknowledgement", "decision", "discharge"};
static const char *const tos[LETTER_TO_COUNT] = {"referrer", "gp", "health_visitor"};
static const char *const to_words[LETTER_TO_COUNT] = {"the referrer", "the GP", "the health visitor"};

const char *letter_kind_code(enum letter_kind k)
{
	return (unsigned)k < LETTER_KIND_COUNT ? kinds[k] : "";
}

int letter_kind_parse(const char *s, const char *field, enum letter_kind *out, struct dy_err *e)
{
	for (int i = 0; s && i < LETTER_KIND_COUNT; i++)
		if (strcmp(s, kinds[i]) == 0) {
			*out = (enum letter_kind)i;
			return 0;
		}
	return dy_fail(e, DY_EINVAL, field, "must be acknowledgement, decision or discharge");
}

const char *letter_to_code(enum letter_to t)
{
	return (unsigned)t < LETTER_TO_COUNT ? tos[t] : "";
}

const char *letter_to_words(enum letter_to t)
{
	return (unsigned)t < LETTER_TO_COUNT ? to_words[t] : "";
}

int letter_to_parse(const char *s, const char *field, enum letter_to *out, struct dy_err *e)
{
	for (int i = 0; s && i < LETTER_TO_COUNT; i++)
		if (strcmp(s, tos[i]) == 0) {
			*out = (enum letter_to)i;
			return 0;
		}
	return dy_fail(e, DY_EINVAL, field, "must be referrer, gp or health_visitor");
}

static int field_index(const char *name, size_t n)
{
	for (int i = 0; i < LETTER_FIELD_COUNT; i++)
		if (strlen(letter_field_names[i]) == n && memcmp(letter_field_names[i], name, n) == 0)
			return i;
	return -1;
}

static int bad(struct dy_err *e, const char *file, int line, const char *field, const char *msg, const char *name,
               size_t n)
{
	char f[64] = "";
	size_t k = n < sizeof f - 1 ? n : sizeof f - 1;
	if (name && k)
		memcpy(f, name, k);
	f[k] = '\0';
	/* The name is template text, never a person's data: safe to show. */
	if (name && n)
		dy_fail(e, DY_EINVAL, f, "%s", msg);
	else
		dy_fail(e, DY_EINVAL, field, "%s", msg);
	dy_err_where(e, "%s line %d", file ? file : "template", line);
	return DY_EINVAL;
}

/* The walk: values NULL checks only. */
static int walk(struct buf *out, const char *t, size_t len, const char *const *values, const char *file,
                struct dy_err *e)
{
	int stack[LETTER_DEPTH_MAX], depth = 0, skip = 0; /* skip: depth at which output stopped, 0 none */
	int line = 1;
	size_t i = 0;
	while (i < len) {
		if (t[i] == '\0')
			return bad(e, file, line, "template", "holds a NUL byte", NULL, 0);
		if (!(t[i] == '{' && i + 1 < len && t[i + 1] == '{')) {
			size_t j = i;
			while (j < len && t[j] && !(t[j] == '{' && j + 1 < len && t[j + 1] == '{')) {
				if (t[j] == '\n')
					line++;
				j++;
			}
			if (values && !skip && buf_append(out, t + i, j - i))
				return dy_fail(e, DY_EINVAL, "letter", "is longer than %u bytes", LETTER_HTML_MAX);
			i = j;
			continue;
		}
		size_t p = i + 2;
		if (p < len && t[p] == '{')
			return bad(e, file, line, "template", "\"{{{\": a letter inserts every field escaped, never raw", NULL,
			           0);
		char sigil = 0;
		if (p < len && (t[p] == '#' || t[p] == '^' || t[p] == '/'))
			sigil = t[p++];
		size_t s = p;
		while (p < len && ((t[p] >= 'a' && t[p] <= 'z') || t[p] == '_' || (t[p] >= '0' && t[p] <= '9')))
			p++;
		size_t n = p - s;
		if (!(p + 1 < len && t[p] == '}' && t[p + 1] == '}') || n == 0)
			return bad(e, file, line, "template",
			           "a tag is {{field}}, {{#field}}, {{^field}} or {{/field}} with a field name of a-z, 0-9 and _",
			           NULL, 0);
		int f = field_index(t + s, n);
		if (f < 0)
			return bad(e, file, line, "template", "is not a letter field (docs/letters.md lists them)", t + s, n);
		i = p + 2;
		const char *v = values && values[f] ? values[f] : "";
		if (sigil == '#' || sigil == '^') {
			if (depth == LETTER_DEPTH_MAX)
				return bad(e, file, line, "template", "blocks nest more than 8 deep", NULL, 0);
			stack[depth++] = f;
			if (values && !skip && ((sigil == '#') != (*v != '\0')))
				skip = depth;
		} else if (sigil == '/') {
			if (depth == 0 || stack[depth - 1] != f)
				return bad(e, file, line, "template", "closes a block that is not open", t + s, n);
			if (skip == depth)
				skip = 0;
			depth--;
		} else if (values && !skip && buf_html(out, v)) {
			return dy_fail(e, DY_EINVAL, "letter", "is longer than %u bytes", LETTER_HTML_MAX);
		}
	}
	if (depth)
		return bad(e, file, line, "template", "a block is not closed", letter_field_names[stack[depth - 1]],
		           strlen(letter_field_names[stack[depth - 1]]));
	return 0;
}

int letter_check(const char *text, size_t len, const char *file, struct dy_err *e)
{
	return walk(NULL, text, len, NULL, file, e);
}

int letter_render(struct buf *out, const char *text, size_t len, const char *const values[LETTER_FIELD_COUNT],
                  struct dy_err *e)
{
	static const char *const none[LETTER_FIELD_COUNT];
	return walk(out, text, len, values ? values : none, NULL, e);
}
