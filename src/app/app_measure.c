/* app_measure.c: outcome measures: entry with scoring, risk flags,
 * listing, rescoring, change, goals, and locally loaded licensed material
 * (see app_measure.h). */
#include "app/app_measure.h"

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
#include "util/file.h"
#include "util/str.h"

#define TEXT_FILE_MAX (1u << 20)

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
	(void)need_birth;
	return 0;
}

/* Checks that person id is in the family with the role (infant 1,
 * caregiver 0, any -1); field names it. */
static int member(measure_person_fn person, void *ctx, int64_t id, int64_t family_id, int infant, int need_birth,
                  const char *field, struct measure_person *out, struct dy_err *e)
{
	struct measure_person p = {.date_of_birth = DATE_NONE};
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
	struct measure_person baby = {.date_of_birth = DATE_NONE};
	if (want_infant) {
		if (!r->subject_infant_id)
			r->subject_infant_id = ep->infant_id;
		if (!r->subject_infant_id)
			return dy_fail(e, DY_EINVAL, "infant", "%s is about an infant: name the infant", in->short_name);
		int rc = member(person, ctx, r->subject_infant_id, ep->family_id, 1,
		                in->interval_table >= 0 || in->stage != STAGE_ANY, "infant", &baby, e);
		if (rc)
			return rc;
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
		return dy_fail(e, DY_EINVAL, "responses", "%s", m);
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
		return dy_fail(e, DY_EINVAL, "instrument", "no instrument '%s' is loaded (see `dyad instruments list`)", id);
	return 0;
}

/* The checks of a new measure that read the database (inside the
 * transaction): the referral, the date, the practitioner, the people. */
static int measure_checks(struct app *a, const struct instrument *in, struct measure_record *rec,
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
	struct measure_episode mep = {ep.family_id, ep.caregiver_id, ep.infant_id};
	return app_measure_check_score(in, rec, &mep, 0, app_measure_person_db, a->db, res, e);
}

int app_measure_record(struct app *a, const struct measure_entry *me, struct measure_record *rec,
                       struct score_result *res, struct dy_err *e)
{
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
	rc = measure_checks(a, in, rec, res, e);
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

struct views {
	struct measure_view *v;
	int n, cap;
};

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

/* Loads every measure of the episode with its scores and flags. */
static int load_views(struct app *a, int64_t episode_id, struct views *vs, struct dy_err *e)
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
	int rc = app_begin_read(a, e);
	if (rc)
		return rc;
	rc = app_end_read(a, load_views(a, episode_id, &vs, e));
	for (int i = 0; !rc && i < vs.n; i++)
		rc = fn(ctx, &vs.v[i]);
	free(vs.v);
	return rc;
}

/* ---- rescoring --------------------------------------------------------------- */

struct pending {
	const struct instrument_set *set;
	struct rescore_counts *n;
	int64_t *ids;
	size_t nids, cap;
};

static int want_rescore(void *ctx, int64_t id, const char *instrument, const char *version)
{
	struct pending *p = ctx;
	p->n->checked++;
	const struct instrument *in = instrument_set_find(p->set, instrument);
	if (!in) {
		p->n->unknown++;
		return 0;
	}
	if (*version && strcmp(version, in->version) == 0)
		return 0;
	if (p->nids == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 1024;
		p->ids = xrealloc(p->ids, p->cap * sizeof *p->ids);
	}
	p->ids[p->nids++] = id;
	return 0;
}

/* Rescores one stored measure: on a refusal its scales are stored null with
 * the reason, and the version is still recorded (it was scored, and refused,
 * by this definition). */
static int rescore_one(struct app *a, const struct instrument_set *set, int64_t id, struct rescore_counts *n,
                       struct dy_err *e)
{
	struct measure_record r;
	int rc = store_measure_record_get(a->db, id, &r, e);
	if (rc)
		return rc;
	const struct instrument *in = instrument_set_find(set, r.m.instrument);
	struct episode ep;
	if ((rc = store_episode_get(a->db, r.m.episode_id, &ep, e)))
		return rc;
	struct measure_episode mep = {ep.family_id, ep.caregiver_id, ep.infant_id};
	/* A legacy measure (no subject yet): its person_id was the respondent, or
	 * the caregiver or infant of a rated measure. */
	if (!r.subject[0]) {
		struct measure_person p;
		struct dy_err ignore;
		if (!app_measure_person_db(a->db, r.m.person_id, 0, &p, &ignore)) {
			if (p.infant && in->subject != SUBJECT_CAREGIVER)
				r.subject_infant_id = r.m.person_id;
			else if (!p.infant && in->subject != SUBJECT_INFANT)
				r.subject_caregiver_id = r.m.person_id;
		}
	}
	struct score_result res;
	struct dy_err why;
	dy_err_clear(&why);
	struct measure_record try = r;
	int bad = app_measure_check_score(in, &try, &mep, 1, app_measure_person_db, a->db, &res, &why);
	if (bad && bad != DY_EINVAL)
		return bad;
	char reason[512] = "";
	if (bad) {
		snprintf(reason, sizeof reason, "refused by %s version %s: %s: %s", in->short_name, in->version, why.field,
		         why.msg);
		memset(&res, 0, sizeof res);
		res.in = in;
		res.nerrors = 1;
		res.nscales = in->nscales;
		str_copy(r.version, sizeof r.version, in->version);
		if (!r.subject[0])
			str_copy(r.subject, sizeof r.subject, instrument_subject_name(in->subject));
		n->refused++;
	} else {
		r = try;
	}
	rc = store_measure_record_update(a->db, &r, e);
	if (!rc)
		rc = store_score_save(a->db, id, &res, 0, reason, e);
	if (!rc)
		n->rescored++;
	return rc;
}

int app_measures_rescore(struct app *a, struct rescore_counts *n, struct dy_err *e)
{
	memset(n, 0, sizeof *n);
	const struct instrument_set *set;
	int rc = app_instruments(a, &set, e);
	if (rc)
		return rc;
	struct pending p = {.set = set, .n = n};
	if ((rc = app_begin(a, e)))
		return rc;
	rc = store_measure_versions(a->db, want_rescore, &p, e);
	for (size_t i = 0; !rc && i < p.nids; i++)
		rc = rescore_one(a, set, p.ids[i], n, e);
	free(p.ids);
	char detail[96];
	snprintf(detail, sizeof detail, "%d rescored, %d refused", n->rescored, n->refused);
	rc = app_end(a, rc, "measures.rescore", "team", a->team_id, detail, e);
	if (rc)
		memset(n, 0, sizeof *n);
	return rc;
}

/* ---- change ---------------------------------------------------------------- */

/* The first and last scores of one group (respondent, subject, instrument)
 * on one scale. */
struct series {
	const struct measure_view *first, *last;
	int nfirst, nlast; /* index into the views' scores */
	int n;
};

static int same_group(const struct measure_record *x, const struct measure_record *y)
{
	return strcmp(x->m.instrument, y->m.instrument) == 0 && x->m.person_id == y->m.person_id &&
	       x->subject_caregiver_id == y->subject_caregiver_id && x->subject_infant_id == y->subject_infant_id;
}

static void row_people(struct change_row *row, const struct measure_record *r)
{
	row->respondent_id = r->m.person_id;
	str_copy(row->subject, sizeof row->subject, r->subject);
	row->caregiver_id = r->subject_caregiver_id;
	row->infant_id = r->subject_infant_id;
}

/* First and last scores of `scale` in the group starting at views[g]. */
static void find_series(const struct views *vs, int g, const char *scale, struct series *s)
{
	memset(s, 0, sizeof *s);
	for (int i = g; i < vs->n; i++) {
		const struct measure_view *v = &vs->v[i];
		if (!same_group(&v->rec, &vs->v[g].rec))
			continue;
		for (int k = 0; k < v->nscores; k++) {
			if (strcmp(v->scores[k].scale, scale) != 0 || !v->scores[k].present)
				continue;
			if (!s->first) {
				s->first = v;
				s->nfirst = k;
			}
			s->last = v;
			s->nlast = k;
			s->n++;
		}
	}
}

static int emit_scales(struct app *a, const struct views *vs, const struct instrument_set *set, change_row_fn fn,
                       void *ctx, struct dy_err *e)
{
	int rc = 0;
	for (int g = 0; !rc && g < vs->n; g++) {
		int seen = 0;
		for (int j = 0; j < g && !seen; j++)
			seen = same_group(&vs->v[j].rec, &vs->v[g].rec);
		if (seen)
			continue;
		const struct measure_record *r = &vs->v[g].rec;
		const struct instrument *in = instrument_set_find(set, r->m.instrument);
		if (!in)
			continue;
		for (int k = 0; !rc && k < in->nscales; k++) {
			const struct instr_scale *sc = &in->scales[k];
			struct series s;
			find_series(vs, g, sc->id, &s);
			if (s.n < 2)
				continue;
			struct change_row row;
			memset(&row, 0, sizeof row);
			row.kind = CHANGE_ROW_SCALE;
			row_people(&row, r);
			str_copy(row.instrument, sizeof row.instrument, in->id);
			str_copy(row.scale, sizeof row.scale, sc->id);
			str_copy(row.scale_name, sizeof row.scale_name, sc->name);
			row.n = s.n;
			row.first_date = s.first->rec.m.date;
			row.last_date = s.last->rec.m.date;
			row.first = s.first->scores[s.nfirst].value;
			row.last = s.last->scores[s.nlast].value;
			/* Reliable change uses the definition's published figures only:
			 * never the team's own baselines (docs/instruments.md). */
			double sd = NAN;
			struct dy_err ce;
			dy_err_clear(&ce);
			if (!change_classify_cases(sc, row.first, row.last, sd, s.first->scores[s.nfirst].clinical,
			                           s.last->scores[s.nlast].clinical, &row.c, &ce)) {
				row.assessed = row.c.reliable != CHANGE_NOT_ASSESSED;
				if (!row.assessed && !row.note[0])
					snprintf(row.note, sizeof row.note, "%s has no reliable-change rule", sc->name);
			} else {
				/* Jacobson & Truax without a usable SD: the change is still shown. */
				row.c.pre = row.first;
				row.c.post = row.last;
				row.c.change = row.last - row.first;
				row.c.reliable = CHANGE_NOT_ASSESSED;
				row.c.case_pre = s.first->scores[s.nfirst].clinical;
				row.c.case_post = s.last->scores[s.nlast].clinical;
			}
			char unv[96];
			instrument_unverified_text(in, (int)(sc - in->scales), unv, sizeof unv);
			if (unv[0]) {
				size_t used = strlen(row.note);
				snprintf(row.note + used, sizeof row.note - used, "%s%s", used ? "; " : "", unv);
			}
			rc = fn(ctx, &row);
		}
	}
	return rc;
}

static int emit_talking_therapies(const struct views *vs, const struct instrument_set *set, change_row_fn fn,
                                  void *ctx)
{
	const struct instrument *phq = instrument_set_find(set, "phq9"), *gad = instrument_set_find(set, "gad7");
	if (!phq || !gad)
		return 0;
	int rc = 0;
	for (int g = 0; !rc && g < vs->n; g++) {
		const struct measure_record *r = &vs->v[g].rec;
		if (strcmp(r->m.instrument, "phq9") != 0)
			continue;
		int seen = 0;
		for (int j = 0; j < g && !seen; j++)
			seen = same_group(&vs->v[j].rec, r);
		if (seen)
			continue;
		/* The same caregiver's GAD-7. */
		int h = -1;
		for (int j = 0; j < vs->n && h < 0; j++)
			if (strcmp(vs->v[j].rec.m.instrument, "gad7") == 0 && vs->v[j].rec.m.person_id == r->m.person_id &&
			    vs->v[j].rec.subject_caregiver_id == r->subject_caregiver_id)
				h = j;
		if (h < 0)
			continue;
		struct series sp, sg;
		find_series(vs, g, "total", &sp);
		find_series(vs, h, "total", &sg);
		if (sp.n < 2 || sg.n < 2)
			continue;
		struct change_row row;
		memset(&row, 0, sizeof row);
		row.kind = CHANGE_ROW_TALKING_THERAPIES;
		row_people(&row, r);
		str_copy(row.instrument, sizeof row.instrument, "phq9+gad7");
		str_copy(row.scale, sizeof row.scale, "talking_therapies");
		str_copy(row.scale_name, sizeof row.scale_name, "NHS Talking Therapies");
		row.n = sp.n < sg.n ? sp.n : sg.n;
		row.first_date = sp.first->rec.m.date < sg.first->rec.m.date ? sp.first->rec.m.date : sg.first->rec.m.date;
		row.last_date = sp.last->rec.m.date > sg.last->rec.m.date ? sp.last->rec.m.date : sg.last->rec.m.date;
		struct dy_err ce;
		dy_err_clear(&ce);
		if (!change_talking_therapies(phq, gad, sp.first->scores[sp.nfirst].value, sp.last->scores[sp.nlast].value,
		                              sg.first->scores[sg.nfirst].value, sg.last->scores[sg.nlast].value, &row.tt,
		                              &ce))
			row.assessed = 1;
		else
			str_copy(row.note, sizeof row.note, ce.msg);
		rc = fn(ctx, &row);
	}
	return rc;
}

struct goal_series {
	struct app *a;
	const struct instrument *gbo;
	change_row_fn fn;
	void *ctx;
	int64_t episode_id;
	struct dy_err *e;
};

static int goal_change(void *ctx, const struct goal *g, const struct goal_rating *ratings, int n)
{
	struct goal_series *gs = ctx;
	if (n < 2)
		return 0;
	struct change_row row;
	memset(&row, 0, sizeof row);
	row.kind = CHANGE_ROW_GOAL;
	str_copy(row.subject, sizeof row.subject, "pair");
	str_copy(row.instrument, sizeof row.instrument, "gbo");
	snprintf(row.scale, sizeof row.scale, "goal%d", g->position);
	snprintf(row.scale_name, sizeof row.scale_name, "Goal %d", g->position);
	row.n = n;
	row.first_date = ratings[0].date;
	row.last_date = ratings[n - 1].date;
	row.first = ratings[0].rating;
	row.last = ratings[n - 1].rating;
	int k = gs->gbo ? instrument_scale_index(gs->gbo, row.scale) : -1;
	struct dy_err ce;
	dy_err_clear(&ce);
	if (k >= 0 && !change_classify(&gs->gbo->scales[k], row.first, row.last, NAN, &row.c, &ce)) {
		row.assessed = row.c.reliable != CHANGE_NOT_ASSESSED;
	} else {
		row.c.pre = row.first;
		row.c.post = row.last;
		row.c.change = row.last - row.first;
		row.c.case_pre = row.c.case_post = -1;
		str_copy(row.note, sizeof row.note, "the gbo definition is not loaded");
	}
	return gs->fn(gs->ctx, &row);
}

int app_measures_change(struct app *a, int64_t episode_id, change_row_fn fn, void *ctx, struct dy_err *e)
{
	const struct instrument_set *set;
	int rc = app_instruments(a, &set, e);
	if (rc)
		return rc;
	/* One read transaction: the scores, the team's baselines and the goals
	 * are read at one moment. */
	if ((rc = app_begin_read(a, e)))
		return rc;
	struct views vs;
	if ((rc = load_views(a, episode_id, &vs, e)))
		return app_end_read(a, rc);
	rc = emit_scales(a, &vs, set, fn, ctx, e);
	if (!rc)
		rc = emit_talking_therapies(&vs, set, fn, ctx);
	free(vs.v);
	struct goal_series gs = {a, instrument_set_find(set, "gbo"), fn, ctx, episode_id, e};
	if (!rc)
		rc = app_goal_list(a, episode_id, goal_change, &gs, e);
	return app_end_read(a, rc);
}

/* ---- goals ------------------------------------------------------------------- */

int app_goal_add(struct app *a, struct goal *g, struct dy_err *e)
{
	size_t len = strlen(g->text);
	if (len == 0)
		return dy_fail(e, DY_EINVAL, "text", "is required: the goal in the family's own words");
	if (len > GOAL_TEXT_MAX)
		return dy_fail(e, DY_EINVAL, "text", "is longer than %d characters", GOAL_TEXT_MAX);
	if (g->set_on == DATE_NONE)
		g->set_on = a->today;
	if (g->set_on > a->today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future");
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	struct episode ep;
	int n = 0;
	rc = store_episode_get(a->db, g->episode_id, &ep, e);
	if (!rc && g->set_on < ep.received_on)
		rc = dy_fail(e, DY_EINVAL, "date", "is before the referral was received");
	if (!rc && ep.discharged_on != DATE_NONE && g->set_on > ep.discharged_on)
		rc = dy_fail(e, DY_EINVAL, "date", "is after the family was discharged");
	if (!rc)
		rc = store_goal_count(a->db, g->episode_id, &n, e);
	if (!rc && n >= 3)
		rc = dy_fail(e, DY_ECONFLICT, "referral", "already has 3 goals (the most goal-based outcomes allow)");
	if (!rc) {
		g->id = 0;
		g->position = n + 1;
		rc = store_goal_insert(a->db, g, e);
	}
	return app_end(a, rc, "goal.add", "goal", g->id, NULL, e);
}

int app_goal_rate(struct app *a, const struct goal_rating *r, struct dy_err *e)
{
	if (r->rating < 0 || r->rating > 10)
		return dy_fail(e, DY_EINVAL, "rating", "must be a whole number from 0 to 10");
	if (r->date == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required");
	if (r->date > a->today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future");
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	struct goal g;
	rc = store_goal_get(a->db, r->goal_id, &g, e);
	if (!rc && r->date < g.set_on)
		rc = dy_fail(e, DY_EINVAL, "date", "is before the goal was set");
	if (!rc)
		rc = store_goal_rating_insert(a->db, r, e);
	if (rc == DY_ECONFLICT)
		dy_fail(e, DY_ECONFLICT, "date", "this goal already has a rating on this date");
	return app_end(a, rc, "goal.rate", "goal", r->goal_id, NULL, e);
}

struct goal_list {
	struct goal g[3];
	int n;
	struct goal_rating *r;
	int nr, cap;
};

static int collect_goal(void *ctx, const struct goal *g)
{
	struct goal_list *gl = ctx;
	if (gl->n < 3)
		gl->g[gl->n++] = *g;
	return 0;
}

static int collect_rating(void *ctx, const struct goal_rating *r)
{
	struct goal_list *gl = ctx;
	if (gl->nr == gl->cap) {
		gl->cap = gl->cap ? gl->cap * 2 : 16;
		gl->r = xrealloc(gl->r, (size_t)gl->cap * sizeof *gl->r);
	}
	gl->r[gl->nr++] = *r;
	return 0;
}

int app_goal_list(struct app *a, int64_t episode_id, goal_view_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_begin_read(a, e);
	if (rc)
		return rc;
	struct episode ep;
	struct goal_list gl;
	memset(&gl, 0, sizeof gl);
	rc = store_episode_get(a->db, episode_id, &ep, e);
	if (!rc)
		rc = store_goal_list(a->db, episode_id, collect_goal, &gl, e);
	for (int i = 0; !rc && i < gl.n; i++) {
		gl.nr = 0;
		rc = store_goal_rating_list(a->db, gl.g[i].id, collect_rating, &gl, e);
		if (!rc)
			rc = fn(ctx, &gl.g[i], gl.r, gl.nr);
	}
	free(gl.r);
	return app_end_read(a, rc);
}

/* ---- scoring without a database; licensed material --------------------------- */

int app_score(const struct instrument_set *set, const char *id, const char *responses, int age_months,
              struct score_result *out, struct dy_err *e)
{
	const struct instrument *in = instrument_set_find(set, id);
	if (!in)
		return dy_fail(e, DY_ENOTFOUND, "instrument", "no instrument '%s' is loaded (see `dyad instruments list`)",
		               id);
	return score_compute(in, responses, strlen(responses), age_months, out, e);
}

int app_instruments_load_text(struct app *a, const char *path, int *items, struct dy_err *e)
{
	*items = 0;
	/* A private set is built, changed and stored inside the transaction, and
	 * published to the process only once the change has committed. */
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	struct instrument_set set;
	instrument_set_init(&set);
	rc = app_instruments_build(a, &set, e);
	/* Checks the whole file and attaches it (nothing attached on a refusal). */
	if (!rc)
		rc = instrument_load_text(&set, path, e);
	for (size_t i = 0; !rc && i < set.n; i++) {
		const struct instrument *in = set.v[i];
		for (int k = 0; !rc && k < in->nitems; k++)
			if (in->items[k].text) {
				rc = store_text_put(a->db, in->id, k + 1, in->items[k].text, e);
				(*items)++;
			}
	}
	char detail[64];
	snprintf(detail, sizeof detail, "%d items", *items);
	rc = app_end(a, rc, "instruments.load-text", "team", a->team_id, detail, e);
	if (rc)
		instrument_set_free(&set);
	else
		app_instruments_publish(a, &set);
	return rc;
}

int app_instruments_load_table(struct app *a, const char *id, const char *table, const char *path,
                               struct dy_err *e)
{
	char *csv = NULL;
	size_t len = 0;
	int rc = file_read_all(path, TEXT_FILE_MAX, &csv, &len, e);
	if (rc)
		return rc;
	if (strlen(csv) != len) {
		free(csv);
		return dy_fail(e, DY_EINVAL, "file", "holds a NUL byte");
	}
	if ((rc = app_begin(a, e))) {
		free(csv);
		return rc;
	}
	struct instrument_set set;
	instrument_set_init(&set);
	rc = app_instruments_build(a, &set, e);
	struct instrument *in = rc ? NULL : instrument_set_get(&set, id);
	if (!rc && !in)
		rc = dy_fail(e, DY_EINVAL, "instrument", "no instrument '%s' is loaded", id);
	if (!rc)
		rc = instrument_parse_table(in, table, csv, len, path, e);
	if (!rc)
		rc = store_table_put(a->db, id, table, csv, e);
	rc = app_end(a, rc, "instruments.load-table", "team", a->team_id, id, e);
	free(csv);
	if (rc)
		instrument_set_free(&set);
	else
		app_instruments_publish(a, &set);
	return rc;
}
