/* cmd_appointment.c: `dyad appointment book|list|show|outcome|cancel|
 * reschedule` and `dyad diary` (app/app_appointment.h;
 * docs/appointments.md). The diary names no one: each booking shows its
 * family id and the initials of whom it is for; `dyad diary ics` writes
 * the same as an iCalendar (.ics) file. */
#include <stdio.h>
#include <string.h>

#include "app/app_appointment.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/list.h"
#include "cli/out.h"
#include "util/date.h"

/* --time HH:MM into *minutes (unchanged when not given). */
static int opt_time(const struct cli_args *a, int *minutes, struct dy_err *e)
{
	const char *t = cli_get(a, "time");
	return t ? appt_parse_time("time", t, minutes, e) : 0;
}

int cmd_appointment_book(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	struct appointment ap;
	memset(&ap, 0, sizeof ap);
	ap.start_min = -1;
	ap.duration_min = 60;
	if (cli_id(a, "referral", &ap.episode_id, &e) || cli_date(a, "date", &ap.date, &e) || opt_time(a, &ap.start_min, &e) ||
	    cli_int(a, "duration", APPT_DURATION_MIN, APPT_DURATION_MAX, &ap.duration_min, &e) ||
	    cli_text(a, "kind", ap.kind, sizeof ap.kind, &e) ||
	    cli_text(a, "intervention", ap.intervention, sizeof ap.intervention, &e) ||
	    cli_text(a, "location", ap.location, sizeof ap.location, &e) ||
	    cli_ids(a, "practitioners", ap.practitioners, APPT_PEOPLE_MAX, &ap.n_practitioners, &e) ||
	    cli_ids(a, "attendees", ap.attendees, APPT_PEOPLE_MAX, &ap.n_attendees, &e) ||
	    app_appointment_book(app, &ap, cli_get(a, "interventions"), &e))
		return cli_fail(&e);
	char day[DATE_LEN + 20], at[6];
	date_format_long(ap.date, day, sizeof day);
	appt_format_time(ap.start_min, at);
	printf("Booked appointment %lld on referral %lld: %s at %s, %d minutes.\n", (long long)ap.id,
	       (long long)ap.episode_id, day, at, ap.duration_min);
	return 0;
}

static const char *const appt_cols[] = {"appointment_id:id", "date:date", "time", "duration_min:int",
                                        "referral_id:id", "family_id:id", "kind", "intervention", "location", "status",
                                        "practitioner_ids:ids", "attendee_ids:ids", "contact_id:id",
                                        "rescheduled_to:id", 0};

static void appt_cells(struct out_list *l, const struct appointment *ap)
{
	char id[24], d[11], t[6], mins[16], ep[24], fam[24], pr[200], at[200], c[24], r[24];
	appt_format_time(ap->start_min, t);
	const char *row[] = {fmt_id(id, ap->id), fmt_date(d, ap->date), t, fmt_int(mins, ap->duration_min, -1),
	                     fmt_id(ep, ap->episode_id), fmt_id(fam, ap->family_id), ap->kind, ap->intervention,
	                     ap->location, ap->status, fmt_ids(pr, sizeof pr, ap->practitioners, ap->n_practitioners),
	                     fmt_ids(at, sizeof at, ap->attendees, ap->n_attendees), fmt_id(c, ap->contact_id),
	                     fmt_id(r, ap->rescheduled_to), 0};
	out_row(l, row);
}

static int appt_row(void *ctx, const struct appointment *ap)
{
	appt_cells(ctx, ap);
	return 0;
}

static int list_appts(struct app *app, int64_t id, struct out_list *l, struct dy_err *e)
{
	return app_appointment_list(app, id, appt_row, l, e);
}

int cmd_appointment_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return cli_list(g, a, app, "referral", appt_cols, "No appointments on this referral.", list_appts);
}

static int one_appt(struct app *app, int64_t id, struct out_list *l, struct dy_err *e)
{
	struct appointment ap;
	int rc = app_appointment_get(app, id, &ap, e);
	if (!rc)
		appt_cells(l, &ap);
	return rc;
}

int cmd_appointment_show(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return cli_list(g, a, app, "appointment", appt_cols, NULL, one_appt);
}

static int outcome_said(int64_t id, const char *outcome, int64_t contact)
{
	if (contact)
		printf("Appointment %lld: %s; recorded as contact %lld.\n", (long long)id, outcome, (long long)contact);
	else
		printf("Appointment %lld: %s (ahead of its day: no contact is recorded).\n", (long long)id, outcome);
	return 0;
}

int cmd_appointment_outcome(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id, contact = 0;
	const char *outcome = cli_get(a, "outcome");
	if (cli_id(a, "appointment", &id, &e) || app_appointment_outcome(app, id, outcome, &contact, &e))
		return cli_fail(&e);
	return outcome_said(id, outcome, contact);
}

int cmd_appointment_cancel(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id, contact = 0;
	const char *by = cli_get(a, "by");
	const char *outcome = strcmp(by, "family") == 0 ? "cancelled_by_family"
	                      : strcmp(by, "service") == 0 ? "cancelled_by_service" : NULL;
	if (!outcome) {
		dy_fail(&e, DY_EINVAL, "by", "must be family or service");
		return cli_fail(&e);
	}
	if (cli_id(a, "appointment", &id, &e) || app_appointment_outcome(app, id, outcome, &contact, &e))
		return cli_fail(&e);
	return outcome_said(id, outcome, contact);
}

int cmd_appointment_reschedule(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id, nw = 0;
	int32_t date;
	int start = -1, mins = 0;
	if (cli_id(a, "appointment", &id, &e) || cli_date(a, "date", &date, &e) || opt_time(a, &start, &e) ||
	    cli_int(a, "duration", APPT_DURATION_MIN, APPT_DURATION_MAX, &mins, &e) ||
	    app_appointment_reschedule(app, id, date, start, mins, &nw, &e))
		return cli_fail(&e);
	char day[DATE_LEN + 20];
	date_format_long(date, day, sizeof day);
	printf("Moved appointment %lld to %s: it is now appointment %lld (the old booking is kept as rescheduled).\n",
	       (long long)id, day, (long long)nw);
	return 0;
}

/* The days a diary covers: --day DATE, or --week DATE (Monday to Sunday of
 * the week holding it), or this week. */
static int diary_days(const struct cli_args *a, int32_t today, int32_t *from, int32_t *to, struct dy_err *e)
{
	int32_t day, week;
	if (cli_date(a, "day", &day, e) || cli_date(a, "week", &week, e))
		return DY_EINVAL;
	if (day != DATE_NONE && week != DATE_NONE)
		return dy_fail(e, DY_EUSAGE, "day", "give --day or --week, not both");
	if (day != DATE_NONE) {
		*from = *to = day;
		return 0;
	}
	*from = appt_week_start(week != DATE_NONE ? week : today);
	*to = *from + 6;
	return 0;
}

static const char *const diary_cols[] = {"date:date", "time", "duration_min:int", "appointment_id:id",
                                         "family_id:id", "initials", "referral_id:id", "kind", "location", "status",
                                         "practitioner_ids:ids", 0};

static int diary_line(void *ctx, const struct diary_entry *en)
{
	const struct appointment *ap = en->ap;
	char d[11], t[6], mins[16], id[24], fam[24], ep[24], pr[200];
	appt_format_time(ap->start_min, t);
	const char *row[] = {fmt_date(d, ap->date), t, fmt_int(mins, ap->duration_min, -1), fmt_id(id, ap->id),
	                     fmt_id(fam, ap->family_id), en->initials, fmt_id(ep, ap->episode_id), ap->kind,
	                     ap->location, ap->status, fmt_ids(pr, sizeof pr, ap->practitioners, ap->n_practitioners),
	                     0};
	out_row(ctx, row);
	return 0;
}

int cmd_diary(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t pract = 0;
	int32_t from = DATE_NONE, to = DATE_NONE;
	if (cli_id(a, "practitioner", &pract, &e) || diary_days(a, app->today, &from, &to, &e))
		return cli_fail(&e);
	struct out_list *l = out_begin(g->format, diary_cols);
	if (!l)
		return 1;
	if (app_diary(app, pract, from, to, diary_line, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "No appointments in this diary.");
	return 0;
}

int cmd_diary_ics(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t pract = 0;
	int32_t from = DATE_NONE, to = DATE_NONE;
	if (cli_id(a, "practitioner", &pract, &e) || cli_date(a, "from", &from, &e) || cli_date(a, "to", &to, &e))
		return cli_fail(&e);
	if (from == DATE_NONE)
		from = appt_week_start(app->today);
	if (to == DATE_NONE)
		to = from + 55;
	struct buf b;
	buf_init(&b, 16u << 20);
	int rc = app_diary_ics(app, pract, from, to, &b, &e);
	if (!rc && fwrite(buf_cstr(&b), 1, b.len, stdout) != b.len)
		rc = dy_fail(&e, DY_ESTORE, NULL, "cannot write the calendar");
	buf_free(&b);
	return rc ? cli_fail(&e) : 0;
}
