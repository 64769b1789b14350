/* app_workforce.c: workforce activity use cases (see app_workforce.h). */
#include "app/app_workforce.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_audit.h"
#include "app/app_scope.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"

static int practitioner_exists(struct app *a, int64_t id, const char *field, struct dy_err *e)
{
	int ok = store_practitioner_exists(a->db, id, e);
	if (ok < 0)
		return ok;
	if (!ok)
		return dy_fail(e, DY_EINVAL, field, "practitioner %lld does not exist", (long long)id);
	return 0;
}

int app_training_add(struct app *a, struct wf_training *t, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_CLINICAL_WRITE, e);
	if (!rc)
		rc = wf_check_training(t, a->today, e);
	if (rc)
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	t->team_id = a->team_id;
	str_copy(t->created_by, sizeof t->created_by, a->actor);
	for (int i = 0; !rc && i < t->n_trainers; i++)
		rc = practitioner_exists(a, t->trainers[i], "trainers", e);
	if (!rc)
		rc = store_training_insert(a->db, t, e);
	char detail[48];
	int64_t people = 0;
	for (int i = 0; i < t->n_att; i++)
		people += t->att[i].count;
	snprintf(detail, sizeof detail, "%lld attendees", (long long)people);
	return app_end(a, rc, "training.add", "training_event", t->id, detail, e);
}

int app_consultation_add(struct app *a, struct wf_consultation *c, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_CLINICAL_WRITE, e);
	if (!rc)
		rc = wf_check_consultation(c, a->today, e);
	if (rc)
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	c->team_id = a->team_id;
	str_copy(c->created_by, sizeof c->created_by, a->actor);
	rc = practitioner_exists(a, c->practitioner_id, "practitioner", e);
	if (!rc && c->family_id) {
		struct family f;
		rc = store_family_get(a->db, c->family_id, &f, e);
		if (rc == DY_ENOTFOUND || (!rc && (f.team_id != a->team_id || !app_scope_in_team(a, f.team_id))))
			rc = dy_fail(e, DY_EINVAL, "family", "family %lld is not one of the team's", (long long)c->family_id);
	}
	if (!rc)
		rc = store_consultation_insert(a->db, c, e);
	char detail[48] = "";
	if (c->family_id)
		snprintf(detail, sizeof detail, "family %lld", (long long)c->family_id);
	return app_end(a, rc, "consultation.add", "consultation", c->id, detail[0] ? detail : NULL, e);
}

int app_supervision_add(struct app *a, struct wf_supervision *s, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_CLINICAL_WRITE, e);
	if (!rc)
		rc = wf_check_supervision(s, a->today, e);
	if (rc)
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	s->team_id = a->team_id;
	str_copy(s->created_by, sizeof s->created_by, a->actor);
	rc = practitioner_exists(a, s->practitioner_id, "practitioner", e);
	if (!rc)
		rc = store_supervision_insert(a->db, s, e);
	return app_end(a, rc, "supervision.add", "supervision", s->id, wf_mode_code(s->mode), e);
}

int app_training_list(struct app *a, int32_t from, int32_t to, store_training_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_CLINICAL, e);
	if (!rc)
		rc = app_begin_read(a, e);
	if (rc)
		return rc;
	return app_end_read(a, store_training_list(a->db, a->team_id, from, to, fn, ctx, e));
}

struct gathered {
	struct wf_consultation *v;
	size_t n;
};

static int gather(void *ctx, const struct wf_consultation *c)
{
	struct gathered *g = ctx;
	g->v = xrealloc(g->v, (g->n + 1) * sizeof *g->v);
	g->v[g->n++] = *c;
	return 0;
}

int app_consultation_list(struct app *a, int32_t from, int32_t to, store_consultation_fn fn, void *ctx,
                          struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_CLINICAL, e);
	if (!rc)
		rc = app_begin_read(a, e);
	if (rc)
		return rc;
	struct gathered g = {0};
	rc = app_end_read(a, store_consultation_list(a->db, a->team_id, from, to, gather, &g, e));
	/* A family named in the list is a look at it: one 'list' entry each. */
	int64_t *ids = xcalloc(g.n + 1, sizeof *ids);
	int nids = 0;
	for (size_t i = 0; i < g.n && !rc; i++) {
		int seen = !g.v[i].family_id;
		for (int j = 0; j < nids && !seen; j++)
			seen = ids[j] == g.v[i].family_id;
		if (!seen)
			ids[nids++] = g.v[i].family_id;
	}
	if (!rc && nids)
		rc = app_audit_list(a, "family", ids, nids, e);
	for (size_t i = 0; i < g.n && !rc; i++)
		rc = fn(ctx, &g.v[i]);
	free(ids);
	free(g.v);
	return rc;
}

int app_supervision_list(struct app *a, int32_t from, int32_t to, store_supervision_fn fn, void *ctx,
                         struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_CLINICAL, e);
	if (!rc)
		rc = app_begin_read(a, e);
	if (rc)
		return rc;
	return app_end_read(a, store_supervision_list(a->db, a->team_id, from, to, fn, ctx, e));
}

static int sum_training(void *ctx, const struct wf_training *t)
{
	wf_summary_training(ctx, t);
	return 0;
}

static int sum_consultation(void *ctx, const struct wf_consultation *c)
{
	wf_summary_consultation(ctx, c);
	return 0;
}

static int sum_supervision(void *ctx, const struct wf_supervision *v)
{
	wf_summary_supervision(ctx, v);
	return 0;
}

int app_workforce_summary(struct app *a, int32_t from, int32_t to, const char *team, struct wf_summary *s,
                          struct dy_err *e)
{
	struct store_teams teams;
	int rc = wf_summary_init(s, from, to, e);
	if (!rc)
		rc = app_scope_report_teams(a, team, &teams, e);
	if (!rc)
		rc = app_begin_read(a, e);
	if (rc)
		return rc;
	/* Every team (the operator without a code): the server's team, as
	 * before. A network user's teams: their events go into the one
	 * summary, counted together. */
	if (!teams.n)
		teams = store_teams_one(a->team_id);
	for (int i = 0; !rc && i < teams.n; i++) {
		rc = store_training_list(a->db, teams.id[i], from, to, sum_training, s, e);
		if (!rc)
			rc = store_consultation_list(a->db, teams.id[i], from, to, sum_consultation, s, e);
		if (!rc)
			rc = store_supervision_list(a->db, teams.id[i], from, to, sum_supervision, s, e);
	}
	return app_end_read(a, rc);
}
