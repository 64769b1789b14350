/* app_goal.c: goal-based outcomes: up to 3 goals a referral, each rated
 * 0-10 over time; every check inside the transaction that writes. */
#include "app/app_measure.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/record.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"

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
