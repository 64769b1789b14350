/* cmd_workforce.c: the team's work with the wider workforce on the command
 * line: `dyad training add|list`, `dyad consultation add|list` and `dyad
 * supervision add|list` (app/app_workforce.h; docs/workforce.md). The
 * workforce report is `dyad report workforce` (cmd_report.c). */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include "app/app_workforce.h"
#include "cli/fmt.h"
#include "cli/out.h"
#include "util/date.h"

int cmd_training_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct wf_training t;
	memset(&t, 0, sizeof t);
	if (cli_text(a, "course", t.course, sizeof t.course, &e) || cli_date(a, "date", &t.date, &e) ||
	    wf_hours_parse(cli_get(a, "hours"), "hours", &t.hours_x10, &e) ||
	    cli_ids(a, "trainers", t.trainers, WF_MAX_TRAINERS, &t.n_trainers, &e) ||
	    wf_attendees_parse(cli_get(a, "attendees"), "attendees", &t, &e) ||
	    cli_text(a, "named", t.named, sizeof t.named, &e))
		return cli_fail(&e);
	if (app_training_add(app, &t, &e))
		return cli_fail(&e);
	int people = 0;
	for (int i = 0; i < t.n_att; i++)
		people += t.att[i].count;
	char d[11], h[8];
	wf_hours_format(t.hours_x10, h);
	printf("Recorded training event %lld: %s on %s, %s hours, %d attendees.\n", (long long)t.id, t.course,
	       fmt_date(d, t.date), h, people);
	return 0;
}

static int period(struct cli_args *a, int32_t *from, int32_t *to, struct dy_err *e)
{
	if (cli_date(a, "from", from, e) || cli_date(a, "to", to, e))
		return DY_EINVAL;
	if (*from != DATE_NONE && *to != DATE_NONE && *to < *from)
		return dy_fail(e, DY_EINVAL, "to", "is before the period's first day (from)");
	return 0;
}

static int training_row(void *ctx, const struct wf_training *t)
{
	struct out_list *l = ctx;
	char id[24], d[11], h[8], trainers[160], people[16], rows[2048];
	fmt_id(id, t->id);
	fmt_date(d, t->date);
	wf_hours_format(t->hours_x10, h);
	fmt_ids(trainers, sizeof trainers, t->trainers, t->n_trainers);
	int n = 0;
	size_t u = 0;
	rows[0] = '\0';
	for (int i = 0; i < t->n_att; i++) {
		n += t->att[i].count;
		if (u < sizeof rows)
			u += (size_t)snprintf(rows + u, sizeof rows - u, "%s%s:%s:%d", i ? ";" : "", t->att[i].profession,
			                      t->att[i].organisation, t->att[i].count);
	}
	snprintf(people, sizeof people, "%d", n);
	const char *row[] = {id, d, t->course, h, trainers, people, rows, t->named, 0};
	out_row(l, row);
	return 0;
}

int cmd_training_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int32_t from, to;
	if (period(a, &from, &to, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"training:id", "date:date", "course",    "hours:num",
	                                   "trainers:ids", "attendees:int", "attendee_rows", "named_attendees", 0};
	struct out_list *l = out_begin(g->format, cols);
	if (!l)
		return 1;
	if (app_training_list(app, from, to, training_row, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "No training events recorded (dyad training add).");
	return 0;
}

int cmd_consultation_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct wf_consultation c;
	memset(&c, 0, sizeof c);
	if (cli_date(a, "date", &c.date, &e) || cli_id(a, "practitioner", &c.practitioner_id, &e) ||
	    cli_text(a, "profession", c.profession, sizeof c.profession, &e) ||
	    cli_text(a, "organisation", c.organisation, sizeof c.organisation, &e) ||
	    cli_id(a, "family", &c.family_id, &e) || cli_text(a, "advice", c.advice, sizeof c.advice, &e) ||
	    cli_text(a, "follow-up", c.follow_up, sizeof c.follow_up, &e) ||
	    cli_date(a, "follow-up-on", &c.follow_up_on, &e))
		return cli_fail(&e);
	if (app_consultation_add(app, &c, &e))
		return cli_fail(&e);
	char d[11];
	printf("Recorded consultation %lld: %s of %s on %s%s.\n", (long long)c.id, c.profession, c.organisation,
	       fmt_date(d, c.date), c.family_id ? ", about a family of ours" : "");
	return 0;
}

static int consultation_row(void *ctx, const struct wf_consultation *c)
{
	struct out_list *l = ctx;
	char id[24], d[11], pr[24], fam[24], fu[11];
	fmt_id(id, c->id);
	fmt_date(d, c->date);
	fmt_id(pr, c->practitioner_id);
	fmt_id(fam, c->family_id);
	fmt_date(fu, c->follow_up_on);
	const char *row[] = {id, d, pr, c->profession, c->organisation, fam, c->advice, c->follow_up, fu, 0};
	out_row(l, row);
	return 0;
}

int cmd_consultation_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int32_t from, to;
	if (period(a, &from, &to, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"consultation:id", "date:date", "practitioner:id", "profession",
	                                   "organisation",    "family:id", "advice",          "follow_up",
	                                   "follow_up_on:date", 0};
	struct out_list *l = out_begin(g->format, cols);
	if (!l)
		return 1;
	if (app_consultation_list(app, from, to, consultation_row, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "No consultations recorded (dyad consultation add).");
	return 0;
}

int cmd_supervision_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct wf_supervision s;
	memset(&s, 0, sizeof s);
	s.supervised = 1;
	if (cli_date(a, "date", &s.date, &e) || cli_id(a, "practitioner", &s.practitioner_id, &e) ||
	    cli_text(a, "profession", s.profession, sizeof s.profession, &e) ||
	    cli_text(a, "organisation", s.organisation, sizeof s.organisation, &e) ||
	    cli_text(a, "supervisee", s.supervisee, sizeof s.supervisee, &e) ||
	    cli_text(a, "service", s.service, sizeof s.service, &e) ||
	    wf_mode_parse(cli_get(a, "mode"), "mode", &s.mode, &e) ||
	    (cli_get(a, "supervised") && cli_int(a, "supervised", 1, WF_MAX_COUNT, &s.supervised, &e)) ||
	    cli_int(a, "duration", 1, 600, &s.duration_min, &e))
		return cli_fail(&e);
	if (app_supervision_add(app, &s, &e))
		return cli_fail(&e);
	char d[11];
	printf("Recorded supervision %lld: %s, %d supervised, %d minutes on %s.\n", (long long)s.id,
	       wf_mode_code(s.mode), s.supervised, s.duration_min, fmt_date(d, s.date));
	return 0;
}

static int supervision_row(void *ctx, const struct wf_supervision *s)
{
	struct out_list *l = ctx;
	char id[24], d[11], pr[24], n[16], m[16];
	fmt_id(id, s->id);
	fmt_date(d, s->date);
	fmt_id(pr, s->practitioner_id);
	snprintf(n, sizeof n, "%d", s->supervised);
	snprintf(m, sizeof m, "%d", s->duration_min);
	const char *row[] = {id, d, pr, s->profession, s->organisation, s->service, wf_mode_code(s->mode), n, m,
	                     s->supervisee, 0};
	out_row(l, row);
	return 0;
}

int cmd_supervision_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int32_t from, to;
	if (period(a, &from, &to, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"supervision:id", "date:date",      "practitioner:id", "profession",
	                                   "organisation",   "service",        "mode",            "supervised:int",
	                                   "duration_min:int", "supervisee",   0};
	struct out_list *l = out_begin(g->format, cols);
	if (!l)
		return 1;
	if (app_supervision_list(app, from, to, supervision_row, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "No supervision recorded (dyad supervision add).");
	return 0;
}
