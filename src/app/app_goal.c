/* app_goal.c: goal-based outcomes: up to 3 goals a referral, each rated
 * 0-10 over time; every check inside the transaction that writes. */
#include "app/app_measure.h"
#include "app/app_scope.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/goal.h"
#include "core/record.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"

int app_goal_add(struct app *a, struct goal *g, struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_EPISODE, g->episode_id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (scope_rc)
		return scope_rc;
	if (g->set_on == DATE_NONE)
		g->set_on = a->today;
	if (goal_check_text(g->text, e))
		return DY_EINVAL;
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	struct episode ep;
	int n = 0;
	rc = store_episode_get(a->db, g->episode_id, &ep, e);
	if (!rc)
		rc = goal_check_set_on(g->set_on, a->today, ep.received_on, ep.discharged_on, e);
	if (!rc)
		rc = store_goal_count(a->db, g->episode_id, &n, e);
	if (!rc)
		rc = goal_check_room(n, e);
	if (!rc) {
		g->id = 0;
		g->position = n + 1;
		rc = store_goal_insert(a->db, g, e);
	}
	return app_end(a, rc, "goal.add", "goal", g->id, NULL, e);
}

int app_goal_rate(struct app *a, const struct goal_rating *r, struct dy_err *e)
{
	int rc = app_begin_on(a, SCOPE_OF_GOAL, r->goal_id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (rc)
		return rc;
	struct goal g;
	rc = store_goal_get(a->db, r->goal_id, &g, e);
	if (!rc)
		rc = goal_check_rating(r->rating, r->date, a->today, g.set_on, e);
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
	int rc = app_begin_read_on(a, SCOPE_OF_EPISODE, episode_id, SCOPE_CLINICAL, NULL, e);
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
