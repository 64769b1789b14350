/* app_import_programme.c: the import's care plans and group programmes
 * (careplans.csv, group_runs.csv, group_enrolments.csv,
 * group_attendance.csv, group_waiting.csv), checked row by row as `dyad
 * careplan` and `dyad group` check them, with the file, line and column of
 * the first bad row. Runs after contacts and goals: a plan names goals, an
 * attendance mark names the group contact it made. */
#include "app/app_import_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_files.h"
#include "core/careplan.h"
#include "core/codes.h"
#include "core/group.h"
#include "core/intervention.h"
#include "core/validate.h"
#include "store/store_careplan.h"
#include "store/store_family.h"
#include "store/store_goal.h"
#include "store/store_group.h"
#include "util/date.h"
#include "util/str.h"
#include "util/text.h"

/* The catalogue, read once when a file first needs it. */
struct programmes {
	struct import *im;
	struct intervention_catalogue cat;
	int loaded;
	/* sessions created by this import: (run, number) -> index into these */
	struct idmap sessions;
	int64_t *session_id;
	int32_t *session_date;
	size_t nsessions, capsessions;
	int64_t last_session; /* the largest session id so far (sessions are numbered here) */
	/* runs read or written so far, their enrolled counts kept as enrolments are made */
	struct idmap runs;
	struct group_run *run;
	size_t nruns, capruns;
	/* enrolments this import wrote: id -> index into these */
	struct idmap enrolments;
	struct group_enrolment *enrolment;
	size_t nenrolments, capenrolments;
};

static __attribute__((format(printf, 4, 5))) int bad(struct csvtab *t, int k, struct dy_err *e, const char *fmt,
                                                      ...)
{
	va_list ap;
	va_start(ap, fmt);
	char msg[sizeof e->msg];
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	dy_fail(e, DY_EINVAL, NULL, "%s", msg);
	return csvtab_fail(t, k, e);
}

static int find_def(struct programmes *pg, const char *code, const struct intervention_def **out, struct dy_err *e)
{
	if (!pg->loaded) {
		int rc = intervention_load_file(NULL, &pg->cat, e);
		if (rc)
			return rc;
		pg->loaded = 1;
	}
	*out = intervention_find(&pg->cat, code);
	return 0;
}

/* Column k's whole number in lo..hi, or blank (0) when optional. */
static int int_col(struct csvtab *t, int k, int optional, int lo, int hi, int *out, struct dy_err *e)
{
	const char *v = csvtab_get(t, k);
	*out = 0;
	if (optional && !*v)
		return 0;
	return validate_int(t->cols[k].name, v, lo, hi, out, e) ? import_col_fail(t, k, e) : 0;
}

/* Column k's created_by: a line of text, required. */
static int by_col(struct csvtab *t, int k, char *out, size_t size, struct dy_err *e)
{
	int rc = csvtab_copy(t, k, out, size, e);
	if (!rc && !out[0])
		return bad(t, k, e, "is required");
	if (!rc && text_check(t->cols[k].name, out, TEXT_LINE, e))
		return import_col_fail(t, k, e);
	return rc;
}

static int unique_clash(struct csvtab *t, int k, const char *what, int64_t id, struct dy_err *e)
{
	dy_fail(e, DY_ECONFLICT, NULL, "%s %lld already exists (has this file been imported already?)", what,
	        (long long)id);
	return csvtab_fail(t, k, e);
}

/* ---- careplans.csv ----------------------------------------------------- */

enum { CP_ID, CP_REF, CP_IV, CP_START, CP_PLANNED, CP_STATUS, CP_STATUS_ON, CP_REASON, CP_PRACT, CP_GOALS,
       CP_DELIVERED, CP_BY, CP_NCOLS };
static const struct csvtab_col cp_cols[] = {
	{"careplan_id", 1}, {"referral_id", 1},      {"intervention", 1}, {"start_on", 1},
	{"planned_sessions", 1}, {"status", 1},      {"status_on", 1},    {"stop_reason", 1},
	{"practitioner_ids", 1}, {"goal_ids", 1},    {"delivered", 0},    {"created_by", 1}};

/* The plan's status, its date and reason, by the moves of core/careplan.h
 * from planned (an active plan became active on status_on; a completed one
 * went through active; a stopped one stopped from active). */
static int plan_status(struct import *im, struct csvtab *t, struct care_plan *p, struct dy_err *e)
{
	if (careplan_status_parse(csvtab_get(t, CP_STATUS), "status", &p->status, e))
		return import_col_fail(t, CP_STATUS, e);
	int rc = import_date_col(t, CP_STATUS_ON, 1, &p->status_on, e);
	if (!rc)
		rc = csvtab_copy(t, CP_REASON, p->stop_reason, sizeof p->stop_reason, e);
	if (rc)
		return rc;
	if (p->status == CAREPLAN_PLANNED) {
		if (p->status_on != DATE_NONE)
			return bad(t, CP_STATUS_ON, e, "must be empty while the plan is planned");
	} else {
		if (p->status_on == DATE_NONE)
			return bad(t, CP_STATUS_ON, e, "is required for a plan that is %s", careplan_status_code(p->status));
		enum careplan_status from = p->status == CAREPLAN_ACTIVE ? CAREPLAN_PLANNED : CAREPLAN_ACTIVE;
		if (careplan_check_move(from, p->status, p->status_on, p->start_on, im->a->today,
		                        p->stop_reason[0] ? p->stop_reason : NULL, e))
			return import_col_fail(t, strcmp(e->field, "reason") == 0 ? CP_REASON : CP_STATUS_ON, e);
	}
	if (p->status != CAREPLAN_STOPPED_EARLY && p->stop_reason[0])
		return bad(t, CP_REASON, e, "is only for a plan stopped early");
	return 0;
}

static int plan_links(struct import *im, struct csvtab *t, struct care_plan *p, struct dy_err *e)
{
	int rc = import_id_list(t, CP_PRACT, p->practitioners, CAREPLAN_MAX_PRACTITIONERS, &p->n_practitioners, e);
	for (int i = 0; !rc && i < p->n_practitioners; i++)
		rc = import_check_practitioner(im, t, CP_PRACT, p->practitioners[i], e);
	if (!rc)
		rc = import_id_list(t, CP_GOALS, p->goals, CAREPLAN_MAX_GOALS, &p->n_goals, e);
	for (int i = 0; !rc && i < p->n_goals; i++) {
		struct goal g;
		rc = store_goal_get(im->a->db, p->goals[i], &g, e);
		if (rc == DY_ENOTFOUND)
			return import_missing(t, CP_GOALS, "goal", p->goals[i], e);
		if (!rc && g.episode_id != p->episode_id)
			return bad(t, CP_GOALS, e, "goal %lld belongs to another referral", (long long)p->goals[i]);
	}
	return rc;
}

static int import_careplans(struct programmes *pg, struct dy_err *e)
{
	struct import *im = pg->im;
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "careplans.csv", cp_cols, CP_NCOLS, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct care_plan p;
		struct episode ep;
		const struct intervention_def *def = NULL;
		memset(&p, 0, sizeof p);
		rc = csvtab_id(&t, CP_ID, 0, &p.id, e);
		if (!rc) rc = csvtab_id(&t, CP_REF, 0, &p.episode_id, e);
		if (!rc) rc = import_episode_for(im, &t, CP_REF, p.episode_id, &ep, e);
		if (!rc) rc = csvtab_copy(&t, CP_IV, p.intervention, sizeof p.intervention, e);
		if (!rc) rc = find_def(pg, p.intervention, &def, e);
		if (!rc) rc = import_date_col(&t, CP_START, 0, &p.start_on, e);
		if (!rc) rc = int_col(&t, CP_PLANNED, 1, 1, 500, &p.planned_sessions, e);
		if (!rc) rc = by_col(&t, CP_BY, p.created_by, sizeof p.created_by, e);
		if (!rc) rc = plan_links(im, &t, &p, e);
		if (!rc && careplan_check_new(def, &p.planned_sessions, p.start_on, ep.received_on, ep.discharged_on,
		                              p.practitioners, p.n_practitioners, CAREPLAN_PLANNED, e)) {
			static const struct { const char *field; int col; } at[] = {
				{"intervention", CP_IV}, {"sessions", CP_PLANNED}, {"start", CP_START}, {"practitioners", CP_PRACT}};
			int k = -1;
			for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
				if (strcmp(e->field, at[i].field) == 0)
					k = at[i].col;
			rc = import_col_fail(&t, k, e);
		}
		if (!rc) rc = plan_status(im, &t, &p, e);
		if (!rc && (rc = store_careplan_insert(im->a->db, &p, e)) == DY_ECONFLICT)
			rc = unique_clash(&t, CP_ID, "care plan", p.id, e);
		if (!rc)
			im->n->careplans++;
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* ---- group_runs.csv ----------------------------------------------------- */

enum { GR_ID, GR_IV, GR_START, GR_SESSIONS, GR_VENUE, GR_LOCATION, GR_CAPACITY, GR_FACIL, GR_BY, GR_NCOLS };
static const struct csvtab_col gr_cols[] = {{"run_id", 1},   {"intervention", 1}, {"starts_on", 1},
                                            {"sessions", 1}, {"venue", 1},        {"location", 1},
                                            {"capacity", 1}, {"facilitator_ids", 1}, {"created_by", 1}};

/* Keeps run r (a new one: nothing enrolled, no session held) for the rows
 * that name it; returns its copy. */
static struct group_run *keep_run(struct programmes *pg, const struct group_run *r)
{
	if (pg->nruns == pg->capruns) {
		pg->capruns = pg->capruns ? 2 * pg->capruns : 64;
		pg->run = xrealloc(pg->run, pg->capruns * sizeof *pg->run);
	}
	pg->run[pg->nruns] = *r;
	idmap_put(&pg->runs, r->id, (uint32_t)pg->nruns);
	return &pg->run[pg->nruns++];
}

static int import_runs(struct programmes *pg, struct dy_err *e)
{
	struct import *im = pg->im;
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "group_runs.csv", gr_cols, GR_NCOLS, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct group_run r;
		const struct intervention_def *def = NULL;
		memset(&r, 0, sizeof r);
		r.team_id = im->a->team_id;
		rc = csvtab_id(&t, GR_ID, 0, &r.id, e);
		if (!rc) rc = csvtab_copy(&t, GR_IV, r.intervention, sizeof r.intervention, e);
		if (!rc) rc = find_def(pg, r.intervention, &def, e);
		if (!rc) rc = import_date_col(&t, GR_START, 0, &r.starts_on, e);
		if (!rc) rc = int_col(&t, GR_SESSIONS, 1, 1, GROUP_MAX_SESSIONS, &r.sessions, e);
		if (!rc) rc = csvtab_copy(&t, GR_VENUE, r.venue, sizeof r.venue, e);
		if (!rc && r.venue[0] && text_check("venue", r.venue, TEXT_LINE, e))
			rc = import_col_fail(&t, GR_VENUE, e);
		if (!rc) rc = csvtab_copy(&t, GR_LOCATION, r.location, sizeof r.location, e);
		if (!rc) rc = int_col(&t, GR_CAPACITY, 0, 1, GROUP_MAX_CAPACITY, &r.capacity, e);
		if (!rc) rc = import_id_list(&t, GR_FACIL, r.facilitators, GROUP_MAX_FACILITATORS, &r.n_facilitators, e);
		for (int i = 0; !rc && i < r.n_facilitators; i++)
			rc = import_check_practitioner(im, &t, GR_FACIL, r.facilitators[i], e);
		if (!rc) rc = by_col(&t, GR_BY, r.created_by, sizeof r.created_by, e);
		if (!rc && group_check_run(def, &r.sessions, r.capacity, r.starts_on, r.venue, r.location, r.facilitators,
		                           r.n_facilitators, e)) {
			static const struct { const char *field; int col; } at[] = {
				{"intervention", GR_IV}, {"sessions", GR_SESSIONS}, {"capacity", GR_CAPACITY}, {"starts", GR_START},
				{"venue", GR_VENUE},     {"location", GR_LOCATION}, {"facilitators", GR_FACIL}};
			int k = -1;
			for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
				if (strcmp(e->field, at[i].field) == 0)
					k = at[i].col;
			rc = import_col_fail(&t, k, e);
		}
		if (!rc && (rc = store_group_run_insert(im->a->db, &r, e)) == DY_ECONFLICT)
			rc = unique_clash(&t, GR_ID, "run", r.id, e);
		if (!rc) {
			keep_run(pg, &r);
			im->n->group_runs++;
		}
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* The run of column k, of this team: written or read earlier in the import
 * (kept in memory, with its enrolments counted), else read once. */
static int run_at(struct programmes *pg, struct csvtab *t, int k, int64_t id, struct group_run **out,
                  struct dy_err *e)
{
	struct import *im = pg->im;
	uint32_t i;
	if (!idmap_get(&pg->runs, id, &i)) {
		struct group_run r;
		int rc = store_group_run_get(im->a->db, id, &r, e);
		if (rc == DY_ENOTFOUND)
			return import_missing(t, k, "run", id, e);
		if (rc)
			return rc;
		keep_run(pg, &r);
		i = (uint32_t)pg->nruns - 1;
	}
	if (pg->run[i].team_id != im->a->team_id)
		return import_missing(t, k, "run", id, e);
	*out = &pg->run[i];
	return 0;
}

/* As run_at, into a copy. */
static int run_col(struct programmes *pg, struct csvtab *t, int k, int64_t id, struct group_run *r,
                   struct dy_err *e)
{
	struct group_run *have;
	int rc = run_at(pg, t, k, id, &have, e);
	if (!rc)
		*r = *have;
	return rc;
}

/* A caregiver of column k for referral ep (accepted), on day `on` (column
 * kd: not before the referral was received, not after today). Not checked
 * against the discharge: a discharge can be recorded later with an earlier
 * date, as the commands allow. */
static int member_on(struct import *im, struct csvtab *t, int k, int kd, const struct episode *ep, int64_t person,
                     int32_t on, struct dy_err *e)
{
	int rc = import_check_member(im, t, k, person, ep->family_id, 0, e);
	if (rc)
		return rc;
	struct episode full;
	const char *decision = import_episode_decision(im, ep->id);
	if (!decision) {
		if ((rc = store_episode_get(im->a->db, ep->id, &full, e)))
			return rc;
		decision = full.decision;
	}
	if (strcmp(decision, "accepted") != 0)
		return bad(t, -1, e, "referral %lld is not accepted: only families the team has accepted join a group",
		           (long long)ep->id);
	if (on < ep->received_on)
		return bad(t, kd, e, "is before referral %lld was received", (long long)ep->id);
	if (on > im->a->today)
		return bad(t, kd, e, "is in the future");
	return 0;
}

/* ---- group_enrolments.csv ------------------------------------------------ */

enum { GE_ID, GE_RUN, GE_REF, GE_CARER, GE_ON, GE_NCOLS };
static const struct csvtab_col ge_cols[] = {
	{"enrolment_id", 1}, {"run_id", 1}, {"referral_id", 1}, {"caregiver_id", 1}, {"enrolled_on", 1}};

static int import_enrolments(struct programmes *pg, struct dy_err *e)
{
	struct import *im = pg->im;
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "group_enrolments.csv", ge_cols, GE_NCOLS, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct group_enrolment en;
		struct group_run *r = NULL;
		struct episode ep;
		memset(&en, 0, sizeof en);
		rc = csvtab_id(&t, GE_ID, 0, &en.id, e);
		if (!rc) rc = csvtab_id(&t, GE_RUN, 0, &en.run_id, e);
		if (!rc) rc = run_at(pg, &t, GE_RUN, en.run_id, &r, e);
		if (!rc) rc = csvtab_id(&t, GE_REF, 0, &en.episode_id, e);
		if (!rc) rc = import_episode_for(im, &t, GE_REF, en.episode_id, &ep, e);
		if (!rc) rc = csvtab_id(&t, GE_CARER, 0, &en.person_id, e);
		if (!rc) rc = import_date_col(&t, GE_ON, 0, &en.enrolled_on, e);
		if (!rc) rc = member_on(im, &t, GE_CARER, GE_ON, &ep, en.person_id, en.enrolled_on, e);
		if (!rc && group_check_room(r->enrolled, r->capacity, e))
			rc = import_col_fail(&t, GE_RUN, e);
		if (!rc && (rc = store_group_enrol(im->a->db, &en, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_ECONFLICT, NULL, "enrolment %lld already exists, or caregiver %lld is already in run %lld",
			        (long long)en.id, (long long)en.person_id, (long long)en.run_id);
			rc = csvtab_fail(&t, GE_ID, e);
		}
		if (!rc) {
			r->enrolled++;
			if (pg->nenrolments == pg->capenrolments) {
				pg->capenrolments = pg->capenrolments ? 2 * pg->capenrolments : 256;
				pg->enrolment = xrealloc(pg->enrolment, pg->capenrolments * sizeof *pg->enrolment);
			}
			pg->enrolment[pg->nenrolments] = en;
			idmap_put(&pg->enrolments, en.id, (uint32_t)pg->nenrolments++);
			im->n->group_enrolments++;
		}
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* ---- group_attendance.csv ------------------------------------------------ */

enum { GA_RUN, GA_SESSION, GA_DATE, GA_ENROL, GA_ATTENDED, GA_CONTACT, GA_NCOLS };
static const struct csvtab_col ga_cols[] = {{"run_id", 1},       {"session", 1},  {"date", 1},
                                            {"enrolment_id", 1}, {"attended", 1}, {"contact_id", 1}};

/* The session (run r, number) dated `on`: created at its first row, and
 * every later row of it must give the same date. */
static int session_for(struct programmes *pg, struct csvtab *t, const struct group_run *r, int number, int32_t on,
                       int64_t *id, struct dy_err *e)
{
	int64_t key = r->id * (GROUP_MAX_SESSIONS + 1) + number;
	uint32_t i;
	if (idmap_get(&pg->sessions, key, &i)) {
		if (pg->session_date[i] != on)
			return bad(t, GA_DATE, e, "session %d of run %lld has another date on an earlier row", number,
			           (long long)r->id);
		*id = pg->session_id[i];
		return 0;
	}
	if (group_check_session(number, r->sessions, on, r->starts_on, pg->im->a->today, e))
		return import_col_fail(t, strcmp(e->field, "number") == 0 ? GA_SESSION : GA_DATE, e);
	*id = pg->last_session + 1;
	int rc = store_group_session_insert(pg->im->a->db, r->id, number, on, id, e);
	if (!rc)
		pg->last_session = *id;
	if (rc == DY_ECONFLICT)
		return bad(t, GA_SESSION, e, "session %d of run %lld is already recorded", number, (long long)r->id);
	if (rc)
		return rc;
	if (pg->nsessions == pg->capsessions) {
		pg->capsessions = pg->capsessions ? 2 * pg->capsessions : 64;
		pg->session_id = xrealloc(pg->session_id, pg->capsessions * sizeof *pg->session_id);
		pg->session_date = xrealloc(pg->session_date, pg->capsessions * sizeof *pg->session_date);
	}
	pg->session_id[pg->nsessions] = *id;
	pg->session_date[pg->nsessions] = on;
	idmap_put(&pg->sessions, key, (uint32_t)pg->nsessions++);
	return 0;
}

/* An enrolment's mark: the enrolment is of this run, and the contact is the
 * group contact of that referral on the session's day, attended as the mark
 * says, and no other mark's. */
static int mark(struct programmes *pg, struct csvtab *t, const struct group_run *r, int64_t session_id, int32_t on,
                struct dy_err *e)
{
	struct import *im = pg->im;
	int64_t enrol_id, contact_id;
	int rc = csvtab_id(t, GA_ENROL, 0, &enrol_id, e);
	if (!rc) rc = csvtab_id(t, GA_CONTACT, 0, &contact_id, e);
	if (rc)
		return rc;
	const char *att = csvtab_get(t, GA_ATTENDED);
	if (strcmp(att, "yes") != 0 && strcmp(att, "no") != 0)
		return bad(t, GA_ATTENDED, e, "must be yes or no");
	int attended = strcmp(att, "yes") == 0;
	/* the enrolment and the contact: this import's from memory, else the database's */
	struct group_enrolment en;
	uint32_t i;
	if (idmap_get(&pg->enrolments, enrol_id, &i))
		en = pg->enrolment[i];
	else if ((rc = store_group_enrolment_get(im->a->db, enrol_id, &en, e)) == DY_ENOTFOUND)
		return import_missing(t, GA_ENROL, "enrolment", enrol_id, e);
	if (rc)
		return rc;
	if (en.run_id != r->id)
		return bad(t, GA_ENROL, e, "enrolment %lld is of run %lld, not run %lld", (long long)enrol_id,
		           (long long)en.run_id, (long long)r->id);
	struct group_contact c;
	struct contact_info *ci = import_contact(im, contact_id);
	if (ci) {
		c = (struct group_contact){.episode_id = ci->episode_id, .date = ci->date, .group = ci->group,
		                           .attended = ci->attended, .linked = ci->marked};
		str_copy(c.intervention, sizeof c.intervention, import_contact_intervention(im, ci));
	} else if ((rc = store_group_contact(im->a->db, contact_id, &c, e)) == DY_ENOTFOUND) {
		return import_missing(t, GA_CONTACT, "contact", contact_id, e);
	}
	if (rc)
		return rc;
	if (c.episode_id != en.episode_id)
		return bad(t, GA_CONTACT, e, "contact %lld is of referral %lld, not the enrolment's referral %lld",
		           (long long)contact_id, (long long)c.episode_id, (long long)en.episode_id);
	if (!c.group || strcmp(c.intervention, r->intervention) != 0)
		return bad(t, GA_CONTACT, e, "contact %lld is not a group contact of %s", (long long)contact_id,
		           r->intervention);
	if (c.date != on)
		return bad(t, GA_CONTACT, e, "contact %lld is not on the session's day", (long long)contact_id);
	if (c.attended != attended)
		return bad(t, GA_ATTENDED, e, "says %s but contact %lld says the caregiver %s", att, (long long)contact_id,
		           c.attended ? "attended" : "did not attend");
	if (c.linked)
		return bad(t, GA_CONTACT, e, "contact %lld is already another session's mark", (long long)contact_id);
	rc = store_group_attendance_insert(im->a->db, session_id, enrol_id, contact_id, attended, e);
	if (!rc && ci)
		ci->marked = 1;
	if (rc == DY_ECONFLICT)
		return bad(t, GA_ENROL, e, "enrolment %lld is marked twice at this session", (long long)enrol_id);
	return rc;
}

static int import_attendance(struct programmes *pg, struct dy_err *e)
{
	struct import *im = pg->im;
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "group_attendance.csv", ga_cols, GA_NCOLS, 0, e);
	/* A run's rows come together: its run is read once for them (what a
	 * mark checks of it, intervention, sessions and start, no mark changes). */
	struct group_run r;
	int64_t have_run = 0;
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		int64_t run_id, session_id = 0;
		int number = 0;
		int32_t on = DATE_NONE;
		rc = csvtab_id(&t, GA_RUN, 0, &run_id, e);
		if (!rc && run_id != have_run) {
			have_run = 0;
			if (!(rc = run_col(pg, &t, GA_RUN, run_id, &r, e)))
				have_run = run_id;
		}
		if (!rc) rc = int_col(&t, GA_SESSION, 0, 1, GROUP_MAX_SESSIONS, &number, e);
		if (!rc) rc = import_date_col(&t, GA_DATE, 0, &on, e);
		if (!rc) rc = session_for(pg, &t, &r, number, on, &session_id, e);
		if (!rc && !*csvtab_get(&t, GA_ENROL)) {
			/* a session recorded with no one enrolled */
			if (*csvtab_get(&t, GA_ATTENDED) || *csvtab_get(&t, GA_CONTACT))
				rc = bad(&t, *csvtab_get(&t, GA_ATTENDED) ? GA_ATTENDED : GA_CONTACT, e,
				         "must be empty on a row with no enrolment");
		} else if (!rc) {
			rc = mark(pg, &t, &r, session_id, on, e);
		}
		if (!rc)
			im->n->group_attendance++;
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* ---- group_waiting.csv ---------------------------------------------------- */

enum { GW_ID, GW_IV, GW_REF, GW_CARER, GW_ADDED, GW_RUN, GW_NCOLS };
static const struct csvtab_col gw_cols[] = {{"wait_id", 1},      {"intervention", 1}, {"referral_id", 1},
                                             {"caregiver_id", 1}, {"added_on", 1},     {"run_id", 1}};

static int import_waiting(struct programmes *pg, struct dy_err *e)
{
	struct import *im = pg->im;
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "group_waiting.csv", gw_cols, GW_NCOLS, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct group_wait w;
		struct episode ep;
		const struct intervention_def *def = NULL;
		memset(&w, 0, sizeof w);
		rc = csvtab_id(&t, GW_ID, 0, &w.id, e);
		if (!rc) rc = csvtab_copy(&t, GW_IV, w.intervention, sizeof w.intervention, e);
		if (!rc) rc = find_def(pg, w.intervention, &def, e);
		if (!rc && !def)
			rc = bad(&t, GW_IV, e, "is not in the intervention catalogue");
		if (!rc && def->mode != INTERVENTION_GROUP)
			rc = bad(&t, GW_IV, e, "%s is not a group intervention", def->code);
		if (!rc) rc = csvtab_id(&t, GW_REF, 0, &w.episode_id, e);
		if (!rc) rc = import_episode_for(im, &t, GW_REF, w.episode_id, &ep, e);
		if (!rc) rc = csvtab_id(&t, GW_CARER, 0, &w.person_id, e);
		if (!rc) rc = import_date_col(&t, GW_ADDED, 0, &w.added_on, e);
		if (!rc) rc = member_on(im, &t, GW_CARER, GW_ADDED, &ep, w.person_id, w.added_on, e);
		if (!rc && *csvtab_get(&t, GW_RUN)) {
			struct group_run r;
			rc = csvtab_id(&t, GW_RUN, 0, &w.run_id, e);
			if (!rc) rc = run_col(pg, &t, GW_RUN, w.run_id, &r, e);
			if (!rc && strcmp(r.intervention, w.intervention) != 0)
				rc = bad(&t, GW_RUN, e, "run %lld is of %s, not %s", (long long)w.run_id, r.intervention,
				         w.intervention);
		}
		if (!rc && (rc = store_group_wait_insert(im->a->db, &w, e)) == DY_ECONFLICT)
			rc = unique_clash(&t, GW_ID, "waiting-list entry", w.id, e);
		if (!rc)
			im->n->group_waiting++;
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

int import_programmes(struct import *im, struct dy_err *e)
{
	struct programmes pg = {.im = im};
	idmap_init(&pg.sessions);
	idmap_init(&pg.runs);
	idmap_init(&pg.enrolments);
	int rc = store_group_session_last_id(im->a->db, &pg.last_session, e);
	if (!rc) rc = import_careplans(&pg, e);
	if (!rc) rc = import_runs(&pg, e);
	if (!rc) rc = import_enrolments(&pg, e);
	if (!rc) rc = import_attendance(&pg, e);
	if (!rc) rc = import_waiting(&pg, e);
	if (pg.loaded)
		intervention_catalogue_free(&pg.cat);
	idmap_free(&pg.sessions);
	idmap_free(&pg.runs);
	idmap_free(&pg.enrolments);
	free(pg.run);
	free(pg.enrolment);
	free(pg.session_id);
	free(pg.session_date);
	return rc;
}
