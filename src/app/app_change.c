/* app_change.c: change between first and last scores of each scale of a
 * referral's measures (reliable and clinically significant change, NHS
 * Talking Therapies recovery from PHQ-9 with GAD-7, goal-based outcomes),
 * read in one read transaction. */
#include "app/app_measure.h"
#include "app/app_scope.h"

#include "app/app_measure_views.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/record.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"

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
	int scope_rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_CLINICAL, NULL, e);
	if (scope_rc)
		return scope_rc;
	const struct instrument_set *set;
	int rc = app_instruments(a, &set, e);
	if (rc)
		return rc;
	/* One read transaction: the scores, the team's baselines and the goals
	 * are read at one moment. */
	if ((rc = app_begin_read(a, e)))
		return rc;
	struct views vs;
	if ((rc = app_measure_load_views(a, episode_id, &vs, e)))
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
