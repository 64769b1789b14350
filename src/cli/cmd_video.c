/* cmd_video.c: video feedback cycles on the command line: `dyad video
 * start|link|list` (app/app_video.h; docs/interventions.md). */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include "app/app_video.h"
#include "cli/fmt.h"
#include "cli/out.h"
#include "util/date.h"

int cmd_video_start(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct video_cycle c;
	memset(&c, 0, sizeof c);
	if (cli_id(a, "referral", &c.episode_id, &e) ||
	    cli_text(a, "intervention", c.intervention, sizeof c.intervention, &e) ||
	    cli_text(a, "question", c.question, sizeof c.question, &e) || cli_date(a, "date", &c.started_on, &e))
		return cli_fail(&e);
	if (app_video_start(app, &c, cli_get(a, "interventions"), &e))
		return cli_fail(&e);
	printf("Started cycle %d (id %lld) of referral %lld: %s.\n", c.number, (long long)c.id,
	       (long long)c.episode_id, c.intervention);
	return 0;
}

int cmd_video_link(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t cycle, contact;
	enum video_step s;
	if (cli_id(a, "cycle", &cycle, &e) || cli_id(a, "contact", &contact, &e) ||
	    video_step_parse(cli_get(a, "step"), "step", &s, &e))
		return cli_fail(&e);
	if (app_video_link(app, cycle, contact, s, &e))
		return cli_fail(&e);
	printf("Linked contact %lld to cycle %lld as %s.\n", (long long)contact, (long long)cycle, video_step_code(s));
	return 0;
}

/* "12;14" style lists of the cycle's contacts of step s, and its dates. */
static void of_step(const struct video_cycle *c, enum video_step s, char *ids, size_t ni, char *dates, size_t nd)
{
	size_t ui = 0, ud = 0;
	ids[0] = dates[0] = '\0';
	for (int i = 0; i < c->n_links; i++) {
		if (c->step[i] != s)
			continue;
		char d[DATE_LEN];
		date_format(c->contact_date[i], d);
		if (ui < ni)
			ui += (size_t)snprintf(ids + ui, ni - ui, "%s%lld", ui ? ";" : "", (long long)c->contact[i]);
		if (ud < nd)
			ud += (size_t)snprintf(dates + ud, nd - ud, "%s%s", ud ? ";" : "", d);
	}
}

static int cycle_row(void *ctx, const struct video_cycle *c)
{
	struct out_list *l = ctx;
	char id[24], num[16], start[11], films[200], fdates[200], rev[40], rdate[40];
	fmt_id(id, c->id);
	snprintf(num, sizeof num, "%d", c->number);
	fmt_date(start, c->started_on);
	of_step(c, VIDEO_FILMING, films, sizeof films, fdates, sizeof fdates);
	of_step(c, VIDEO_REVIEW, rev, sizeof rev, rdate, sizeof rdate);
	const char *row[] = {id, num, c->intervention, start, films, fdates, rev, rdate, c->question, 0};
	out_row(l, row);
	return 0;
}

int cmd_video_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t ep;
	if (cli_id(a, "referral", &ep, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"cycle:id",      "number:int",      "intervention", "started:date",
	                                   "filming:ids",   "filmed_on",       "review:ids",   "reviewed_on",
	                                   "helping_question", 0};
	struct out_list *l = out_begin(g->format, cols);
	if (!l)
		return 1;
	if (app_video_list(app, ep, cycle_row, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "The referral has no video feedback cycle yet (dyad video start).");
	return 0;
}
