/* app_group.c: group programme use cases (see app_group.h). */
#include "app/app_group.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_audit.h"
#include "app/app_episode.h"
#include "app/app_files.h"
#include "app/app_scope.h"
#include "core/episode_state.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"

static int practitioners_exist(struct app *a, const int64_t *ids, int n, const char *field, struct dy_err *e)
{
	for (int i = 0; i < n; i++) {
		int ok = store_practitioner_exists(a->db, ids[i], e);
		if (ok < 0)
			return ok;
		if (!ok)
			return dy_fail(e, DY_EINVAL, field, "practitioner %lld does not exist", (long long)ids[i]);
	}
	return 0;
}

int app_group_add(struct app *a, struct group_run *r, const char *catalogue_path, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_BOOKING_WRITE, e);
	if (rc)
		return rc;
	struct intervention_catalogue cat;
	if ((rc = intervention_load_file(catalogue_path, &cat, e)))
		return rc;
	rc = group_check_run(intervention_find(&cat, r->intervention), &r->sessions, r->capacity, r->starts_on,
	                     r->venue, r->location, r->facilitators, r->n_facilitators, e);
	intervention_catalogue_free(&cat);
	if (rc)
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	r->team_id = a->team_id;
	str_copy(r->created_by, sizeof r->created_by, a->actor);
	rc = practitioners_exist(a, r->facilitators, r->n_facilitators, "facilitators", e);
	if (!rc)
		rc = store_group_run_insert(a->db, r, e);
	return app_end(a, rc, "group.add", "group_run", r->id, r->intervention, e);
}

/* The caregiver belongs to the referral's family and the referral is open
 * to the team (accepted, not discharged). */
static int check_member(struct app *a, int64_t episode_id, int64_t person_id, struct dy_err *e)
{
	struct episode ep;
	struct person p;
	int rc = store_episode_get(a->db, episode_id, &ep, e);
	if (rc)
		return rc;
	if (strcmp(ep.decision, "accepted") != 0)
		return dy_fail(e, DY_ECONFLICT, "referral", "is not accepted: only families the team has accepted join a group");
	if (ep.discharged_on != DATE_NONE)
		return dy_fail(e, DY_ECONFLICT, "referral", "is closed (discharged): reopen or refer again first");
	rc = store_person_get(a->db, person_id, &p, e);
	if (rc == DY_ENOTFOUND)
		return dy_fail(e, DY_EINVAL, "caregiver", "person %lld does not exist", (long long)person_id);
	if (rc)
		return rc;
	if (p.family_id != ep.family_id)
		return dy_fail(e, DY_EINVAL, "caregiver", "person %lld is not of this referral's family", (long long)person_id);
	if (strcmp(p.role, "caregiver") != 0)
		return dy_fail(e, DY_EINVAL, "caregiver", "person %lld is an infant: caregivers enrol", (long long)person_id);
	return 0;
}

int app_group_enrol(struct app *a, int64_t run_id, int64_t episode_id, int64_t person_id, int64_t *id,
                    struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_BOOKING_WRITE, NULL, e);
	if (rc)
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	struct group_run r;
	struct group_enrolment en = {.run_id = run_id, .episode_id = episode_id, .person_id = person_id,
	                             .enrolled_on = a->today};
	rc = store_group_run_get(a->db, run_id, &r, e);
	if (!rc && !app_scope_in_team(a, r.team_id))
		rc = dy_fail(e, DY_ENOTFOUND, "run", "run %lld does not exist", (long long)run_id);
	if (!rc)
		rc = check_member(a, episode_id, person_id, e);
	if (!rc)
		rc = group_check_room(r.enrolled, r.capacity, e);
	if (!rc) {
		rc = store_group_enrol(a->db, &en, e);
		if (rc == DY_ECONFLICT)
			dy_fail(e, DY_ECONFLICT, "caregiver", "is already enrolled in this run");
	}
	int taken = 0;
	if (!rc)
		rc = store_group_wait_take(a->db, r.intervention, person_id, run_id, &taken, e);
	*id = en.id;
	return app_end(a, rc, "group.enrol", "group_enrolment", en.id, taken ? "from the waiting list" : NULL, e);
}

int app_group_wait(struct app *a, const char *intervention, int64_t episode_id, int64_t person_id,
                   const char *catalogue_path, int64_t *id, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_BOOKING_WRITE, NULL, e);
	if (rc)
		return rc;
	struct intervention_catalogue cat;
	if ((rc = intervention_load_file(catalogue_path, &cat, e)))
		return rc;
	const struct intervention_def *d = intervention_find(&cat, intervention);
	if (!d)
		rc = dy_fail(e, DY_EINVAL, "intervention", "is not in the intervention catalogue");
	else if (d->mode != INTERVENTION_GROUP)
		rc = dy_fail(e, DY_EINVAL, "intervention", "%s is not a group intervention", d->code);
	intervention_catalogue_free(&cat);
	if (rc)
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	struct group_wait w = {.episode_id = episode_id, .person_id = person_id, .added_on = a->today};
	str_copy(w.intervention, sizeof w.intervention, intervention);
	rc = check_member(a, episode_id, person_id, e);
	if (!rc)
		rc = store_group_wait_insert(a->db, &w, e);
	*id = w.id;
	return app_end(a, rc, "group.wait", "group_waiting", w.id, intervention, e);
}

struct enrolments {
	struct group_enrolment v[GROUP_MAX_CAPACITY];
	int n;
};

static int collect_enrolment(void *ctx, const struct group_enrolment *en)
{
	struct enrolments *s = ctx;
	if (s->n < GROUP_MAX_CAPACITY)
		s->v[s->n++] = *en;
	return 0;
}

int app_group_session(struct app *a, int64_t run_id, int number, int32_t date, const int64_t *attended,
                      int n_attended, int duration_min, int *n_contacts, struct dy_err *e)
{
	*n_contacts = 0;
	int rc = app_scope_team(a, SCOPE_BOOKING_WRITE, e);
	if (rc)
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	struct group_run r;
	struct enrolments en;
	en.n = 0;
	int64_t session_id = 0;
	rc = store_group_run_get(a->db, run_id, &r, e);
	if (!rc && !app_scope_in_team(a, r.team_id))
		rc = dy_fail(e, DY_ENOTFOUND, "run", "run %lld does not exist", (long long)run_id);
	if (!rc)
		rc = group_check_session(number, r.sessions, date, r.starts_on, a->today, e);
	if (!rc)
		rc = store_group_enrolment_list(a->db, run_id, 0, collect_enrolment, &en, e);
	for (int i = 0; !rc && i < n_attended; i++) {
		int found = 0;
		for (int k = 0; k < en.n; k++)
			found |= en.v[k].person_id == attended[i];
		for (int j = 0; j < i; j++)
			if (attended[j] == attended[i])
				rc = dy_fail(e, DY_EINVAL, "attended", "lists person %lld twice", (long long)attended[i]);
		if (!rc && !found)
			rc = dy_fail(e, DY_EINVAL, "attended", "person %lld is not enrolled in this run", (long long)attended[i]);
	}
	if (!rc) {
		rc = store_group_session_insert(a->db, run_id, number, date, &session_id, e);
		if (rc == DY_ECONFLICT)
			dy_fail(e, DY_ECONFLICT, "number", "session %d of this run is already recorded", number);
	}
	for (int k = 0; !rc && k < en.n; k++) {
		int here = 0;
		for (int i = 0; i < n_attended; i++)
			here |= attended[i] == en.v[k].person_id;
		struct contact c;
		memset(&c, 0, sizeof c);
		c.episode_id = en.v[k].episode_id;
		c.date = date;
		str_copy(c.kind, sizeof c.kind, "group");
		str_copy(c.intervention, sizeof c.intervention, r.intervention);
		str_copy(c.location, sizeof c.location, r.location);
		str_copy(c.attendance, sizeof c.attendance, here ? "attended" : "did_not_attend");
		c.duration_min = duration_min;
		c.n_practitioners = r.n_facilitators;
		memcpy(c.practitioners, r.facilitators, sizeof r.facilitators);
		c.attendees[0] = en.v[k].person_id;
		c.n_attendees = here ? 1 : 0;
		int moved;
		rc = app_scope_record(a, SCOPE_OF_EPISODE, c.episode_id, SCOPE_BOOKING_WRITE, NULL, e);
		if (!rc)
			rc = app_contact_write(a, &c, NULL, &moved, e); /* the run's programme was checked at add */
		if (rc == DY_EINVAL && strcmp(e->field, "date") == 0) {
			/* The family's referral closed before this session. */
			char msg[sizeof e->msg];
			str_copy(msg, sizeof msg, e->msg);
			dy_fail(e, DY_ECONFLICT, "attended",
			        "enrolment %lld (referral %lld): the session %s; take the caregiver out of the run first",
			        (long long)en.v[k].id, (long long)en.v[k].episode_id, msg);
			rc = DY_ECONFLICT;
		}
		if (!rc)
			rc = store_group_attendance_insert(a->db, session_id, en.v[k].id, c.id, here, e);
		if (!rc)
			(*n_contacts)++;
	}
	char detail[64];
	snprintf(detail, sizeof detail, "session %d; %d of %d attended", number, n_attended, en.n);
	return app_end(a, rc, "group.session", "group_run", run_id, detail, e);
}

struct show_ctx {
	struct app *a;
	const struct intervention_def *def;
	struct group_member *v; /* the members, shown once the read is over and logged */
	int64_t *families;
	int n, cap;
	struct dy_err *e;
};

static int show_member(void *vctx, const struct group_enrolment *en)
{
	struct show_ctx *s = vctx;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = xrealloc(s->v, (size_t)s->cap * sizeof *s->v);
		s->families = xrealloc(s->families, (size_t)s->cap * sizeof *s->families);
	}
	struct group_member *m = &s->v[s->n];
	memset(m, 0, sizeof *m);
	m->en = *en;
	struct person p;
	s->families[s->n] = 0;
	if (store_person_get(s->a->db, en->person_id, &p, s->e) == 0) {
		snprintf(m->name, sizeof m->name, "%s %s", p.given_name, p.family_name);
		s->families[s->n] = p.family_id;
	}
	m->completion_min = s->def ? s->def->completion_min_sessions : 0;
	m->completed = s->def ? intervention_completed(s->def, en->attended) : 0;
	s->n++;
	return 0;
}

int app_group_show(struct app *a, int64_t id, struct group_run *r, group_member_fn fn, void *ctx,
                   const char *catalogue_path, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_IDENTITY, e);
	if (rc)
		return rc;
	struct intervention_catalogue cat;
	struct dy_err ce;
	if (intervention_load_file(catalogue_path, &cat, &ce))
		memset(&cat, 0, sizeof cat); /* completion then shows as unknown */
	if ((rc = app_begin_read(a, e))) {
		intervention_catalogue_free(&cat);
		return rc;
	}
	rc = store_group_run_get(a->db, id, r, e);
	if (!rc && !app_scope_in_team(a, r->team_id))
		rc = dy_fail(e, DY_ENOTFOUND, "run", "run %lld does not exist", (long long)id);
	struct show_ctx s = {a, intervention_find(&cat, r->intervention), NULL, NULL, 0, 0, e};
	if (!rc)
		rc = store_group_enrolment_list(a->db, id, 0, show_member, &s, e);
	intervention_catalogue_free(&cat);
	rc = app_end_read(a, rc);
	/* Each family named is logged before any name is shown. */
	if (!rc)
		rc = app_audit_list(a, "family", s.families, s.n, e);
	for (int i = 0; !rc && i < s.n; i++)
		rc = fn(ctx, &s.v[i]);
	free(s.v);
	free(s.families);
	return rc;
}

int app_group_marks(struct app *a, int64_t id, store_group_mark_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_IDENTITY, e);
	if (rc || (rc = app_begin_read(a, e)))
		return rc;
	struct group_run r;
	rc = store_group_run_get(a->db, id, &r, e);
	if (!rc && !app_scope_in_team(a, r.team_id))
		rc = dy_fail(e, DY_ENOTFOUND, "run", "run %lld does not exist", (long long)id);
	if (!rc)
		rc = store_group_mark_list(a->db, id, fn, ctx, e);
	return app_end_read(a, rc);
}

int app_group_list(struct app *a, store_group_run_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_IDENTITY, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_group_run_list(a->db, fn, ctx, e));
}

int app_group_waiting(struct app *a, const char *intervention, store_group_wait_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_IDENTITY, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_group_waiting_list(a->db, intervention, 0, fn, ctx, e));
}
