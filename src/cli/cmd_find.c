/* cmd_find.c: `dyad find TEXT`: people of the team found by NHS number,
 * date of birth, postcode or name (app/app_search.h), best first, with
 * their family, age and the family's latest referral state. */
#include <stdio.h>
#include <string.h>

#include "app/app_search.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/out.h"
#include "util/date.h"

struct find_out {
	struct out_list *l;
	int32_t today;
};

static int find_line(void *ctx, const struct search_hit *h, enum find_match m)
{
	struct find_out *c = ctx;
	const struct person *p = &h->p;
	char fid[24], pid[24], rid[24], dob[11], age[64] = "", nhs[13];
	fmt_id(fid, p->family_id);
	fmt_id(pid, p->id);
	fmt_id(rid, h->episode_id);
	if (strcmp(p->role, "infant") == 0)
		fmt_infant_age(age, sizeof age, p->date_of_birth, p->edd, p->gestation_weeks, c->today);
	else if (p->date_of_birth != DATE_NONE) {
		int y0, m0, d0, y1, m1, d1;
		date_to_ymd(p->date_of_birth, &y0, &m0, &d0);
		date_to_ymd(c->today, &y1, &m1, &d1);
		snprintf(age, sizeof age, "%d years", y1 - y0 - (m1 < m0 || (m1 == m0 && d1 < d0)));
	}
	const char *row[] = {fid, pid, p->role, p->given_name, p->family_name, fmt_date(dob, p->date_of_birth), age,
	                     fmt_nhs(nhs, p->nhs_number), p->postcode, rid, h->state, app_find_match_name(m), 0};
	out_row(c->l, row);
	return 0;
}

int cmd_find(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int limit, offset;
	if (cli_page(a, 50, &limit, &offset, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"family_id:id", "person_id:id", "role", "given_name", "family_name",
	                                   "date_of_birth:date", "age", "nhs_number", "postcode", "referral_id:id",
	                                   "state", "match", 0};
	struct find_out c = {out_begin(g->format, cols), app->today};
	if (!c.l)
		return 1;
	int64_t total = 0;
	if (app_find(app, a->pos[0], limit, offset, find_line, &c, &total, &e)) {
		out_discard(c.l);
		return cli_fail(&e);
	}
	if (limit > 0 && total > limit)
		out_total(c.l, total, offset);
	out_end(c.l, "Nobody found: try part of the name, the NHS number, the date of birth (YYYY-MM-DD) or the postcode.");
	return 0;
}
