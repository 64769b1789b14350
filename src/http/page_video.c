/* page_video.c: a referral's video feedback cycles on the family page
 * (app/app_video.h): each cycle's number, intervention, when the family
 * was filmed and the film reviewed, and the helping question the family
 * chose. Only roles that may read clinical detail see the section (the app
 * layer refuses the rest; the section is then left out). */
#include <stdio.h>
#include <string.h>

#include "app/app_video.h"
#include "http/page.h"
#include "http/page_careplan.h"

struct video_ctx {
	struct buf *rows;
	struct dy_err *e;
	int rc;
};

/* "2 November 2026; 9 November 2026" for the cycle's contacts of step s. */
static void dates_of(const struct video_cycle *c, enum video_step s, char *out, size_t n)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < c->n_links && used < n; i++) {
		if (c->step[i] != s)
			continue;
		char d[32];
		page_date(c->contact_date[i], d, sizeof d);
		used += (size_t)snprintf(out + used, n - used, "%s%s", used ? "; " : "", d);
	}
}

static int cycle_row(void *ctx, const struct video_cycle *c)
{
	struct video_ctx *v = ctx;
	if (v->rc)
		return 0;
	char num[16], iv[INTERVENTION_CODE_MAX + 8], filmed[200], reviewed[64];
	snprintf(num, sizeof num, "%d", c->number);
	page_code(c->intervention, 1, iv, sizeof iv);
	dates_of(c, VIDEO_FILMING, filmed, sizeof filmed);
	dates_of(c, VIDEO_REVIEW, reviewed, sizeof reviewed);
	v->rc = TMPL(v->rows, v->e,
	             "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\">{{n}}</td>"
	             "<td class=\"nhsuk-table__cell\">{{iv}}</td><td class=\"nhsuk-table__cell\">{{q}}</td>"
	             "<td class=\"nhsuk-table__cell\">{{f}}{{^f}}Not yet{{/f}}</td>"
	             "<td class=\"nhsuk-table__cell\">{{r}}{{^r}}Not yet{{/r}}</td></tr>",
	             TMPL_S("n", num), TMPL_S("iv", iv), TMPL_S("q", c->question), TMPL_S("f", filmed),
	             TMPL_S("r", reviewed));
	return 0;
}

int page_video_section(struct buf *b, struct app *a, int64_t episode_id, struct dy_err *e)
{
	struct buf rows;
	buf_init(&rows, PAGE_BODY_MAX);
	struct dy_err le;
	struct video_ctx v = {&rows, e, 0};
	int rc = app_video_list(a, episode_id, cycle_row, &v, &le);
	if (rc == DY_EFORBIDDEN || rc == DY_ENOTFOUND)
		rc = 0; /* the role may not see it: no section */
	else if (rc)
		*e = le;
	rc = rc ? rc : v.rc;
	if (!rc && rows.len)
		rc = TMPL(b, e,
		          "<h3>Video feedback cycles</h3><table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption "
		          "nhsuk-u-visually-hidden\">Video feedback cycles</caption><thead class=\"nhsuk-table__head\">"
		          "<tr class=\"nhsuk-table__row\"><th scope=\"col\" class=\"nhsuk-table__header\">Cycle</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">Intervention</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">Helping question</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">Filmed</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">Reviewed</th></tr></thead>"
		          "<tbody class=\"nhsuk-table__body\">{{{rows}}}</tbody></table>",
		          TMPL_HTML("rows", &rows));
	buf_free(&rows);
	return rc;
}
