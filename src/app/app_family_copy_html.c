/* app_family_copy_html.c: a family's copy as a readable HTML document,
 * from the same JSON document the copy writes beside it (see
 * app_family_copy.h): a heading and a table per section, dates in UK form,
 * every value escaped, the style inline and no scripts. */
#include "app/app_family_copy.h"

#include <stdio.h>
#include <string.h>

#include "core/codes.h"
#include "util/date.h"

/* The sections in the order a reader meets them, with their headings. */
static const struct {
	const char *key, *title, *empty;
} SECTIONS[] = {
	{"people", "People", "No people are recorded."},
	{"referrals", "Referrals", "No referrals are recorded."},
	{"referral_history", "How each referral went", "No changes are recorded."},
	{"contacts", "Contacts", "No contacts are recorded."},
	{"appointments", "Appointments", "No appointments are recorded."},
	{"safeguarding", "Safeguarding", "No safeguarding periods are recorded."},
	{"measures", "Questionnaires and measures, with their scores", "No measures are recorded."},
	{"goals", "Goals, with how close the family felt to each", "No goals are recorded."},
	{"care_plans", "Care plans", "No care plans are recorded."},
	{"notes", "Case notes", "No case notes are recorded."},
	{"letters", "Letters", "No letters are recorded."},
	{"feedback", "Family feedback", "No feedback is recorded."},
	{"corrections", "Corrections to the record", "No corrections are recorded."},
};

static const char STYLE[] =
	"body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:2em;line-height:1.4}"
	"h1{font-size:1.8em}h2{font-size:1.3em;margin-top:2em;border-bottom:2px solid #005eb8}"
	"table{border-collapse:collapse;width:100%;margin-bottom:1em;font-size:.85em}"
	"th,td{border:1px solid #d8dde0;padding:4px 6px;text-align:left;vertical-align:top}"
	"th{background:#f0f4f5}td{white-space:pre-wrap}.error{color:#d5281b;font-weight:bold}"
	"@media print{body{margin:0}h2{page-break-after:avoid}}";

/* "referral_id" as "Referral id" (code_label), with the few names a
 * reader would not guess from the field's spelling. */
static int heading(struct buf *out, const char *key)
{
	static const char *const named[][2] = {{"nhs_number", "NHS number"},
	                                       {"edd", "Expected date of delivery"},
	                                       {"gestation_weeks", "Weeks of pregnancy at birth"},
	                                       {"duration_min", "Minutes"},
	                                       {"attendee_ids", "Family members there (person ids)"}};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcmp(key, named[i][0]) == 0)
			return buf_html(out, named[i][1]);
	char h[64];
	code_label(key, h, sizeof h);
	if (h[0] >= 'a' && h[0] <= 'z')
		h[0] = (char)(h[0] - 'a' + 'A');
	return buf_html(out, h);
}

/* A day "YYYY-MM-DD" as "22 November 2026"; a moment
 * "YYYY-MM-DDTHH:MM:SSZ" as "22 November 2026, 09:30 UTC"; else as is. */
static int text(struct buf *out, const char *s)
{
	size_t n = strlen(s);
	if (n == 10 || (n == 20 && s[10] == 'T' && s[19] == 'Z')) {
		char d[DATE_LEN];
		int32_t day;
		memcpy(d, s, 10);
		d[10] = '\0';
		if (s[4] == '-' && s[7] == '-' && date_parse(d, &day) == 0) {
			char longd[40];
			date_format_long(day, longd, sizeof longd);
			if (n == 10)
				return buf_html(out, longd);
			return buf_html(out, longd) || buf_printf(out, ", %.5s UTC", s + 11);
		}
	}
	return buf_html(out, s);
}

static int value(struct buf *out, const json_t *v);

/* A list in a cell: ids and names joined, nested records one a line. */
static int list(struct buf *out, const json_t *arr)
{
	int rc = 0;
	for (size_t i = 0; !rc && i < json_array_size(arr); i++) {
		const json_t *x = json_array_get(arr, i);
		if (i)
			rc = buf_puts(out, json_is_object(x) ? "\n" : ", ");
		if (json_is_object(x)) {
			const char *k;
			const json_t *y;
			int first = 1;
			json_object_foreach((json_t *)x, k, y) {
				if (json_is_null(y))
					continue;
				rc = rc || buf_puts(out, first ? "" : "; ") || heading(out, k) || buf_puts(out, ": ") ||
				     value(out, y);
				first = 0;
			}
		} else {
			rc = value(out, x);
		}
	}
	return rc;
}

static int value(struct buf *out, const json_t *v)
{
	if (json_is_string(v))
		return text(out, json_string_value(v));
	if (json_is_integer(v))
		return buf_printf(out, "%lld", (long long)json_integer_value(v));
	if (json_is_real(v))
		return buf_printf(out, "%g", json_real_value(v));
	if (json_is_true(v) || json_is_false(v))
		return buf_puts(out, json_is_true(v) ? "yes" : "no");
	if (json_is_array(v))
		return list(out, v);
	return 0;
}

/* One section: its heading, and a table with a column per field. */
static int table(struct buf *out, const char *title, const char *empty, const json_t *arr)
{
	int rc = buf_puts(out, "<h2>") || buf_html(out, title) || buf_puts(out, "</h2>\n");
	if (!json_array_size(arr))
		return rc || buf_puts(out, "<p>") || buf_html(out, empty) || buf_puts(out, "</p>\n");
	const json_t *first = json_array_get(arr, 0);
	const char *k;
	const json_t *v;
	rc = rc || buf_puts(out, "<table>\n<thead><tr>");
	json_object_foreach((json_t *)first, k, v) {
		rc = rc || buf_puts(out, "<th scope=\"col\">") || heading(out, k) || buf_puts(out, "</th>");
	}
	rc = rc || buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; !rc && i < json_array_size(arr); i++) {
		const json_t *row = json_array_get(arr, i);
		const json_t *state = json_object_get(row, "state");
		int error = json_is_string(state) && !strcmp(json_string_value(state), "entered in error");
		rc = buf_puts(out, "<tr>");
		json_object_foreach((json_t *)first, k, v) {
			const json_t *cell = json_object_get(row, k);
			int mark = error && !strcmp(k, "state");
			rc = rc || buf_puts(out, mark ? "<td class=\"error\">" : "<td>") || value(out, cell) ||
			     buf_puts(out, "</td>");
		}
		rc = rc || buf_puts(out, "</tr>\n");
	}
	return rc || buf_puts(out, "</tbody>\n</table>\n");
}

int app_family_copy_html(const json_t *doc, struct buf *out, struct dy_err *e)
{
	long long id = (long long)json_integer_value(json_object_get(doc, "family_id"));
	const char *made = json_string_value(json_object_get(doc, "made_on"));
	const char *team = json_string_value(json_object_get(doc, "team"));
	int rc = buf_printf(out,
	                    "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
	                    "<title>Family %lld: the record held by ",
	                    id) ||
	         buf_html(out, team ? team : "") || buf_puts(out, "</title>\n<style>") || buf_puts(out, STYLE) ||
	         buf_printf(out, "</style>\n</head>\n<body>\n<h1>Family %lld: the record held by ", id) ||
	         buf_html(out, team ? team : "") || buf_puts(out, "</h1>\n<p>Made on ") || text(out, made ? made : "") ||
	         buf_puts(out, ". This copy holds everything the team records about the family, with the same data in "
	                       "the JSON file beside it. Staff are named as the authors of what they wrote; the team's "
	                       "own log of who opened the record is not part of it.</p>\n");
	for (size_t i = 0; !rc && i < sizeof SECTIONS / sizeof SECTIONS[0]; i++)
		rc = table(out, SECTIONS[i].title, SECTIONS[i].empty, json_object_get(doc, SECTIONS[i].key));
	if (!rc)
		rc = buf_puts(out, "</body>\n</html>\n");
	return rc ? dy_fail(e, DY_EINVAL, "family", "the copy is too large to write") : 0;
}
