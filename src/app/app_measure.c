/* app_measure.c: recording outcome measures: checking who answered and
 * about whom, scoring at entry, storing with risk flags, acknowledging them,
 * and listing a referral's measures. Rescoring (app_rescore.c), change
 * (app_change.c), goals (app_goal.c) and locally loaded licensed material
 * (app_licensed.c) are their own modules (all declared in app_measure.h). */
#include "app/app_measure.h"
#include "app/app_scope.h"

#include "app/app_measure_views.h"

#include "app/app_files.h"
#include "app/app_risk.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/age.h"
#include "core/record.h"
#include "core/stage.h"
#include "core/stats.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"


/* ---- checking and scoring ------------------------------------------------ */

int app_measure_person_db(void *ctx, int64_t id, int need_birth, struct measure_person *out, struct dy_err *e)
{
	struct person p;
	int rc = store_person_get(ctx, id, &p, e);
	if (rc)
		return rc;
	out->family_id = p.family_id;
	out->infant = strcmp(p.role, "infant") == 0;
	out->date_of_birth = p.date_of_birth;
	out->gestation_weeks = p.gestation_weeks;
	out->loss_on = p.loss[0] ? p.loss_on : DATE_NONE;
	(void)need_birth;
	return 0;
}

/* Checks that person id is in the family with the role (infant 1,
 * caregiver 0, any -1); field names it. */
static int member(measure_person_fn person, void *ctx, int64_t id, int64_t family_id, int infant, int need_birth,
                  const char *field, struct measure_person *out, struct dy_err *e)
{
	struct measure_person p = {.date_of_birth = DATE_NONE, .loss_on = DATE_NONE};
	int rc = person(ctx, id, need_birth, &p, e);
	if (rc == DY_ENOTFOUND)
		return dy_fail(e, DY_ENOTFOUND, field, "person %lld does not exist", (long long)id);
	if (rc)
		return rc;
	if (p.family_id != family_id)
		return dy_fail(e, DY_EINVAL, field, "person %lld is not in the referral's family", (long long)id);
	if (infant >= 0 && p.infant != infant)
		return dy_fail(e, DY_EINVAL, field, "person %lld is not %s", (long long)id,
		               infant ? "an infant" : "a caregiver");
	if (out)
		*out = p;
	return 0;
}

int app_measure_check_score(const struct instrument *in, struct measure_record *r, const struct measure_episode *ep,
                            int rater_optional, measure_person_fn person, void *ctx, struct score_result *out,
                            struct dy_err *e)
{
	if (!r->subject[0])
		str_copy(r->subject, sizeof r->subject, instrument_subject_name(in->subject));
	int rated = in->completed_by != ROLE_CAREGIVER;
	const char *role = rated && (r->practitioner_id || rater_optional) ? instrument_role_name(in->completed_by)
	                                                                   : "caregiver";
	if (rated && !r->practitioner_id && !rater_optional)
		return dy_fail(e, DY_EINVAL, "practitioner", "%s is rated by %s %s: give the practitioner who rated it"
		               " (--practitioner ID)",
		               in->short_name, strchr("aeiou", instrument_role_name(in->completed_by)[0]) ? "an" : "a",
		               instrument_role_name(in->completed_by));
	if (instrument_check_respondent(in, role, r->subject, e))
		return DY_EINVAL;
	int want_carer = in->subject != SUBJECT_INFANT, want_infant = in->subject != SUBJECT_CAREGIVER;
	if (!want_carer && r->subject_caregiver_id)
		return dy_fail(e, DY_EINVAL, "caregiver", "%s is about an infant: give --infant, not a caregiver",
		               in->short_name);
	if (!want_infant && r->subject_infant_id)
		return dy_fail(e, DY_EINVAL, "infant", "%s is about a caregiver, not an infant", in->short_name);
	/* The respondent of a caregiver-completed measure. */
	if (!rated && r->m.person_id) {
		int rc = member(person, ctx, r->m.person_id, ep->family_id, 0, 0, "respondent", NULL, e);
		if (rc)
			return rc;
	}
	if (want_carer) {
		if (!r->subject_caregiver_id)
			r->subject_caregiver_id = !rated && r->m.person_id ? r->m.person_id : ep->caregiver_id;
		if (!r->subject_caregiver_id)
			return dy_fail(e, DY_EINVAL, "caregiver", "%s is about a caregiver: name the caregiver",
			               in->short_name);
		int rc = member(person, ctx, r->subject_caregiver_id, ep->family_id, 0, 0, "caregiver", NULL, e);
		if (rc)
			return rc;
	}
	struct measure_person baby = {.date_of_birth = DATE_NONE, .loss_on = DATE_NONE};
	if (want_infant) {
		if (!r->subject_infant_id && ep->n_infants > 1)
			return dy_fail(e, DY_EINVAL, "infant", "%s is about an infant and this referral covers %d infants:"
			               " name which one (--infant ID)", in->short_name, ep->n_infants);
		if (!r->subject_infant_id)
			r->subject_infant_id = ep->infant_id;
		if (!r->subject_infant_id)
			return dy_fail(e, DY_EINVAL, "infant", "%s is about an infant: name the infant", in->short_name);
		int rc = member(person, ctx, r->subject_infant_id, ep->family_id, 1,
		                in->interval_table >= 0 || in->stage != STAGE_ANY, "infant", &baby, e);
		if (rc)
			return rc;
		/* After a pregnancy loss, stillbirth or death, nothing more is measured about the baby. */
		if (baby.loss_on != DATE_NONE && r->m.date >= baby.loss_on)
			return dy_fail(e, DY_EINVAL, "infant", "a loss is recorded for this baby: no measure about them is"
			               " recorded from that date (measures about the caregiver may still be)");
		/* A measure that does not fit the infant's stage is refused with why. */
		if (in->stage != STAGE_ANY && stage_check(in, baby.date_of_birth, r->m.date, e))
			return DY_EINVAL;
	}
	if (!r->m.person_id) {
		if (!rated)
			r->m.person_id = r->subject_caregiver_id ? r->subject_caregiver_id : ep->caregiver_id;
		else
			r->m.person_id = r->subject_caregiver_id ? r->subject_caregiver_id : r->subject_infant_id;
		if (!r->m.person_id)
			return dy_fail(e, DY_EINVAL, "respondent", "name the caregiver who completed %s", in->short_name);
		if (!rated) {
			int rc = member(person, ctx, r->m.person_id, ep->family_id, 0, 0, "respondent", NULL, e);
			if (rc)
				return rc;
		}
	} else if (rated) {
		int rc = member(person, ctx, r->m.person_id, ep->family_id, -1, 0, "respondent", NULL, e);
		if (rc)
			return rc;
	}
	r->age_months = -1;
	int age = SCORE_NO_AGE;
	if (in->interval_table >= 0) {
		if (baby.date_of_birth == DATE_NONE)
			return dy_fail(e, DY_EINVAL, "infant", "%s needs the infant's age, and the infant has no date of birth",
			               in->short_name);
		struct infant_age ia;
		if (age_compute(baby.date_of_birth, baby.gestation_weeks, r->m.date, &ia, e))
			return dy_fail(e, DY_EINVAL, "date", "is before the infant's birth");
		age = r->age_months = ia.corrected_months;
	}
	if (score_compute(in, r->m.responses, strlen(r->m.responses), age, out, NULL)) {
		char why[200];
		score_error_text(out, &out->errors[0], why, sizeof why);
		const char *m = strncmp(why, "responses: ", 11) == 0 ? why + 11 : why;
		/* A licensed table the service has not loaded is not the responses'
		 * fault: field "table" lets a caller say how to load it. */
		int no_table = out->errors[0].code == SCORE_E_NO_INTERVAL && in->interval_table >= 0 &&
		               !in->tables[in->interval_table].loaded;
		dy_fail(e, DY_EINVAL, no_table ? "table" : "responses", "%s", m);
		if (e && !no_table)
			e->index = out->errors[0].item; /* the item at fault (0: the responses as a whole) */
		return DY_EINVAL;
	}
	str_copy(r->version, sizeof r->version, in->version);
	return 0;
}

/* The definition of instrument id, or DY_EINVAL naming the field. */
static int definition(struct app *a, const char *id, const struct instrument **in, struct dy_err *e)
{
	const struct instrument_set *set;
	int rc = app_instruments(a, &set, e);
	if (rc)
		return rc;
	*in = instrument_set_find(set, id);
	if (!*in)
		return dy_fail(e, DY_EINVAL, "instrument", "no instrument with this id is loaded (see `dyad instruments list`)");
	return 0;
}

/* The checks of a new measure that read the database (inside the
 * transaction): the referral, the date, the practitioner, the people. */
int app_measure_checks(struct app *a, const struct instrument *in, struct measure_record *rec, int rater_optional,
                       struct score_result *res, struct dy_err *e)
{
	struct measure *m = &rec->m;
	struct episode ep;
	int rc = store_episode_get(a->db, m->episode_id, &ep, e);
	if (rc)
		return rc;
	if (record_measure_check(m, &ep, e))
		return DY_EINVAL;
	if (m->date > a->today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future");
	if (rec->practitioner_id) {
		int have = store_practitioner_exists(a->db, rec->practitioner_id, e);
		if (have < 0)
			return have;
		if (!have)
			return dy_fail(e, DY_ENOTFOUND, "practitioner", "practitioner %lld does not exist",
			               (long long)rec->practitioner_id);
	}
	struct measure_episode mep = {ep.family_id, ep.caregiver_id, ep.infant_id, 1 + ep.n_more_infants};
	return app_measure_check_score(in, rec, &mep, rater_optional, app_measure_person_db, a->db, res, e);
}

int app_measure_record(struct app *a, const struct measure_entry *me, struct measure_record *rec,
                       struct score_result *res, struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_EPISODE, me->episode_id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (scope_rc)
		return scope_rc;
	memset(rec, 0, sizeof *rec);
	struct measure *m = &rec->m;
	m->episode_id = me->episode_id;
	m->person_id = me->respondent_id;
	str_copy(m->instrument, sizeof m->instrument, me->instrument);
	str_copy(m->timepoint, sizeof m->timepoint, me->timepoint);
	m->date = me->date;
	str_copy(m->responses, sizeof m->responses, me->responses);
	str_copy(rec->subject, sizeof rec->subject, me->subject);
	rec->subject_caregiver_id = me->caregiver_id;
	rec->subject_infant_id = me->infant_id;
	rec->practitioner_id = me->practitioner_id;

	const struct instrument *in;
	int rc = definition(a, m->instrument, &in, e);
	if (rc)
		return rc;
	/* Every check that reads the database runs inside the transaction. */
	if ((rc = app_begin(a, e)))
		return rc;
	rc = app_measure_checks(a, in, rec, 0, res, e);
	if (!rc) {
		rc = store_measure_record_insert(a->db, rec, e);
		if (rc == DY_ECONFLICT)
			dy_fail(e, DY_ECONFLICT, "date",
			        "this measure is already recorded for this person, subject, timepoint and date");
	}
	if (!rc)
		rc = store_score_save(a->db, m->id, res, 1, NULL, e);
	return app_end(a, rc, "measure.add", "measure", m->id, m->instrument, e);
}

/* ---- listing --------------------------------------------------------------- */

static int collect_record(void *ctx, const struct measure_record *r)
{
	struct views *vs = ctx;
	if (vs->n == vs->cap) {
		vs->cap = vs->cap ? vs->cap * 2 : 16;
		vs->v = xrealloc(vs->v, (size_t)vs->cap * sizeof *vs->v);
	}
	struct measure_view *v = &vs->v[vs->n++];
	memset(v, 0, sizeof *v);
	v->rec = *r;
	return 0;
}

static int collect_score(void *ctx, const struct stored_score *s)
{
	struct measure_view *v = ctx;
	if (v->nscores < INSTR_MAX_SCALES)
		v->scores[v->nscores++] = *s;
	return 0;
}

static int collect_risk(void *ctx, const struct stored_risk *r)
{
	struct measure_view *v = ctx;
	if (v->nrisks < INSTR_MAX_RISKS)
		v->risks[v->nrisks++] = *r;
	return 0;
}

int app_measure_load_views(struct app *a, int64_t episode_id, struct views *vs, struct dy_err *e)
{
	memset(vs, 0, sizeof *vs);
	struct episode ep;
	int rc = store_episode_get(a->db, episode_id, &ep, e);
	if (!rc)
		rc = store_measure_record_list(a->db, episode_id, collect_record, vs, e);
	for (int i = 0; !rc && i < vs->n; i++) {
		rc = store_score_list(a->db, vs->v[i].rec.m.id, collect_score, &vs->v[i], e);
		if (!rc)
			rc = store_risk_list(a->db, vs->v[i].rec.m.id, 0, collect_risk, &vs->v[i], e);
		for (int k = 0; !rc && k < vs->v[i].nrisks; k++)
			app_risk_label(a, &vs->v[i].risks[k]);
	}
	if (rc) {
		free(vs->v);
		memset(vs, 0, sizeof *vs);
	}
	return rc;
}

int app_measure_list(struct app *a, int64_t episode_id, measure_view_fn fn, void *ctx, struct dy_err *e)
{
	struct views vs;
	int rc = app_begin_read_on(a, SCOPE_OF_EPISODE, episode_id, SCOPE_CLINICAL, NULL, e);
	if (rc)
		return rc;
	rc = app_end_read(a, app_measure_load_views(a, episode_id, &vs, e));
	for (int i = 0; !rc && i < vs.n; i++)
		rc = fn(ctx, &vs.v[i]);
	free(vs.v);
	return rc;
}
