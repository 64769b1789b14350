/* app_demo_programme.c: the demo's care plans and group programmes (see
 * app_demo_int.h). A programme's runs start on a fixed calendar (one start
 * slot every d->group_period days, each programme in its own week), so the
 * families of a run share its session dates whatever order they are made
 * in; a slot takes more runs of 10 places as families fill them, run by two
 * of the team's practitioners. Values are for demonstration only. */
#include "app/app_demo_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_files.h"
#include "core/careplan.h"
#include "core/codes.h"
#include "store/store_careplan.h"
#include "store/store_group.h"
#include "util/date.h"
#include "util/str.h"

#define DEMO_RUN_PLACES 10
#define DEMO_MAX_SESSIONS 16

struct demo_run {
	int64_t id;
	int32_t starts_on;
	int sessions;
	int enrolled;
	int64_t facilitators[2];
	int64_t session_id[DEMO_MAX_SESSIONS]; /* 0 until the session is recorded */
};

int demo_programmes_begin(struct demo *d, int families, struct dy_err *e)
{
	int rc = intervention_load_file(NULL, &d->cat, e);
	if (rc)
		return rc;
	idmap_init(&d->open_run);
	d->runs = NULL;
	d->nruns = d->capruns = 0;
	/* A small team runs each programme twice a year; a large one every 8
	 * weeks, with as many runs at a time as its families fill. */
	d->group_period = families >= 2000 ? 56 : families >= 600 ? 112 : 182;
	return 0;
}

void demo_programmes_end(struct demo *d)
{
	intervention_catalogue_free(&d->cat);
	idmap_free(&d->open_run);
	free(d->runs);
	d->runs = NULL;
}

/* The run of def with room that starts first on or after day: the open run
 * of that start slot, or a new one when it is full or there is none. */
static int run_for(struct demo *d, const struct intervention_def *def, int32_t day, struct demo_run **out,
                   struct dy_err *e)
{
	int prog = (int)(def - d->cat.defs);
	int32_t anchor = d->today - 800 + 7 * (prog % 8);
	int32_t slot = (day - anchor + d->group_period - 1) / d->group_period;
	int64_t key = (int64_t)prog * 1000000 + slot;
	uint32_t i;
	if (idmap_get(&d->open_run, key, &i) && d->runs[i].enrolled < DEMO_RUN_PLACES) {
		*out = &d->runs[i];
		return 0;
	}
	static const char *const venues[] = {"Meadows Children's Centre", "Bulwell Family Hub",
	                                      "St Ann's Community Centre"};
	struct group_run r;
	memset(&r, 0, sizeof r);
	r.team_id = d->a->team_id;
	str_copy(r.intervention, sizeof r.intervention, def->code);
	r.starts_on = anchor + slot * d->group_period;
	/* Baby Steps: 9 group sessions; its 2 home visits are contacts of their own. */
	r.sessions = strcmp(def->code, "baby_steps") == 0 ? 9 : def->planned_sessions;
	if (r.sessions < 1 || r.sessions > DEMO_MAX_SESSIONS)
		r.sessions = 8;
	str_copy(r.venue, sizeof r.venue, venues[d->nruns % COUNT(venues)]);
	str_copy(r.location, sizeof r.location, "childrens_centre");
	r.capacity = DEMO_RUN_PLACES;
	str_copy(r.created_by, sizeof r.created_by, "demo");
	r.n_facilitators = 2;
	r.facilitators[0] = d->practitioners[rng_range(&d->rp, 0, d->npract - 1)];
	do
		r.facilitators[1] = d->practitioners[rng_range(&d->rp, 0, d->npract - 1)];
	while (r.facilitators[1] == r.facilitators[0] && d->npract > 1);
	int rc = store_group_run_insert(d->a->db, &r, e);
	if (rc)
		return rc;
	d->n->group_runs++;
	if (d->nruns == d->capruns) {
		d->capruns = d->capruns ? 2 * d->capruns : 64;
		d->runs = xrealloc(d->runs, (size_t)d->capruns * sizeof *d->runs);
	}
	struct demo_run *dr = &d->runs[d->nruns];
	memset(dr, 0, sizeof *dr);
	dr->id = r.id;
	dr->starts_on = r.starts_on;
	dr->sessions = r.sessions;
	memcpy(dr->facilitators, r.facilitators, sizeof dr->facilitators);
	idmap_put(&d->open_run, key, (uint32_t)d->nruns++);
	*out = dr;
	return 0;
}

/* One contact of the course, by the run's facilitators. */
static int course_contact(struct demo *d, struct contact *c, const struct demo_run *run, const struct person *carer,
                          struct dy_err *e)
{
	c->id = 0;
	c->n_practitioners = 2;
	memcpy(c->practitioners, run->facilitators, sizeof run->facilitators);
	c->n_attendees = strcmp(c->attendance, "attended") == 0;
	c->attendees[0] = carer->id;
	int rc = store_contact_insert(d->a->db, c, e);
	if (!rc)
		d->n->contacts++;
	return rc;
}

int demo_group_course(struct demo *d, struct episode *ep, struct trail *tr, const struct person *carer,
                      const struct intervention_def *def, int disengage, int32_t *day, int32_t *first, int *held,
                      struct dy_err *e)
{
	struct demo_run *run;
	int rc = run_for(d, def, *day, &run, e);
	if (rc)
		return rc;
	*first = run->starts_on;
	if (run->starts_on > d->today) { /* the next run is still to come: the waiting list */
		struct group_wait w = {.episode_id = ep->id, .person_id = carer->id,
		                       .added_on = *day < d->today ? *day : d->today};
		str_copy(w.intervention, sizeof w.intervention, def->code);
		if ((rc = store_group_wait_insert(d->a->db, &w, e)))
			return rc;
		d->n->group_waiting++;
		*day = run->starts_on;
		return 0;
	}
	struct group_enrolment en = {.run_id = run->id, .episode_id = ep->id, .person_id = carer->id};
	en.enrolled_on = run->starts_on - rng_range(&d->rp, 7, 28);
	if (en.enrolled_on < ep->received_on)
		en.enrolled_on = ep->received_on;
	if ((rc = store_group_enrol(d->a->db, &en, e)))
		return rc;
	run->enrolled++;
	d->n->group_enrolments++;
	int baby_steps = strcmp(def->code, "baby_steps") == 0;
	struct contact c = {.episode_id = ep->id};
	str_copy(c.intervention, sizeof c.intervention, def->code);
	if (baby_steps && run->starts_on - 7 <= d->today && run->starts_on - 7 > ep->received_on) {
		/* Baby Steps' first home visit, the week before the group */
		c.date = run->starts_on - 7;
		str_copy(c.kind, sizeof c.kind, "intervention");
		str_copy(c.location, sizeof c.location, "home");
		str_copy(c.attendance, sizeof c.attendance, "attended");
		c.duration_min = 60;
		if ((rc = course_contact(d, &c, run, carer, e)))
			return rc;
	}
	int32_t last = run->starts_on;
	for (int s = 0; s < run->sessions && run->starts_on + 7 * s <= d->today; s++) {
		c.date = run->starts_on + 7 * s;
		last = c.date;
		str_copy(c.kind, sizeof c.kind, "group");
		str_copy(c.location, sizeof c.location, "childrens_centre");
		static const int aw[] = {82, 9, 6, 3};
		str_copy(c.attendance, sizeof c.attendance, code_attendance[rng_weighted(&d->r, aw, 4)]);
		if (disengage && s > 2)
			str_copy(c.attendance, sizeof c.attendance, "did_not_attend");
		c.duration_min = 120;
		if ((rc = course_contact(d, &c, run, carer, e)))
			return rc;
		int here = strcmp(c.attendance, "attended") == 0;
		if (!run->session_id[s]) {
			if ((rc = store_group_session_insert(d->a->db, run->id, s + 1, c.date, &run->session_id[s], e)))
				return rc;
		}
		if ((rc = store_group_attendance_insert(d->a->db, run->session_id[s], en.id, c.id, here, e)))
			return rc;
		d->n->group_attendance++;
		*held += here;
		if (here && tr->st != EPISODE_IN_INTERVENTION &&
		    (rc = demo_move(d, tr, EPISODE_IN_INTERVENTION, c.date, NULL, NULL, e)))
			return rc;
	}
	*day = last + 7;
	if (baby_steps && *day <= d->today && !disengage) { /* the second home visit, after the group */
		c.date = *day;
		str_copy(c.kind, sizeof c.kind, "intervention");
		str_copy(c.location, sizeof c.location, "home");
		str_copy(c.attendance, sizeof c.attendance, "attended");
		c.duration_min = 60;
		if ((rc = course_contact(d, &c, run, carer, e)))
			return rc;
		*held += 1;
		*day += 7;
	}
	return 0;
}

int demo_careplan(struct demo *d, const struct episode *ep, const char *code, int32_t start, int sessions,
                  const char *discharge_reason, int32_t ended, struct dy_err *e)
{
	struct care_plan p;
	memset(&p, 0, sizeof p);
	p.episode_id = ep->id;
	str_copy(p.intervention, sizeof p.intervention, code);
	const struct intervention_def *def = intervention_find(&d->cat, code);
	p.start_on = start;
	p.planned_sessions = def && def->planned_sessions ? def->planned_sessions : sessions;
	if (p.planned_sessions < 1)
		p.planned_sessions = 1;
	str_copy(p.created_by, sizeof p.created_by, "demo");
	/* A key worker, or a co-working pair; intensive home visiting always
	 * pairs the team's nurse and a social worker (app_demo.c's staff 11 and 5). */
	int pair = rng_chance(&d->rp, 0.25);
	p.practitioners[0] = d->practitioners[rng_range(&d->rp, 0, d->npract - 1)];
	p.n_practitioners = 1;
	if (def && def->mode == INTERVENTION_HOME_VISITING && d->npract > 10) {
		p.practitioners[0] = d->practitioners[10];
		p.practitioners[1] = d->practitioners[4];
		p.n_practitioners = 2;
	} else if (pair && d->npract > 1) {
		do
			p.practitioners[1] = d->practitioners[rng_range(&d->rp, 0, d->npract - 1)];
		while (p.practitioners[1] == p.practitioners[0]);
		p.n_practitioners = 2;
	}
	p.status_on = DATE_NONE;
	if (ended != DATE_NONE && start <= ended) {
		p.status_on = ended;
		if (strcmp(discharge_reason, "planned_ending") == 0) {
			p.status = CAREPLAN_COMPLETED;
		} else {
			p.status = CAREPLAN_STOPPED_EARLY;
			static const struct { const char *reason, *why; } why[] = {
				{"disengaged", "The family stopped coming and did not answer our letters"},
				{"moved_away", "The family moved out of the area"},
				{"transferred", "Care passed to a neighbouring team"},
				{"bereavement", "Ended after a bereavement"}};
			str_copy(p.stop_reason, sizeof p.stop_reason, "Ended early at discharge");
			for (int i = 0; i < COUNT(why); i++)
				if (strcmp(why[i].reason, discharge_reason) == 0)
					str_copy(p.stop_reason, sizeof p.stop_reason, why[i].why);
		}
	} else if (start <= d->today) {
		p.status = CAREPLAN_ACTIVE;
		p.status_on = start;
	} else {
		p.status = CAREPLAN_PLANNED;
	}
	int rc = store_careplan_insert(d->a->db, &p, e);
	if (!rc)
		d->n->careplans++;
	return rc;
}
