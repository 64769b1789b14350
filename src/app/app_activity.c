/* app_activity.c: the recent-activity panel's use case: scope, the rows
 * read in one read transaction, the families shown audited in one batch,
 * then the rows handed on. */
#include "app/app_activity.h"

#include <stdlib.h>

#include "app/app_audit.h"
#include "app/app_scope.h"

struct gathered {
	struct activity *v;
	int n, limit;
};

static int gather(void *ctx, const struct activity *r)
{
	struct gathered *g = ctx;
	if (g->n < g->limit)
		g->v[g->n++] = *r;
	return 0;
}

int app_recent_activity(struct app *a, int limit, store_activity_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_IDENTITY, e);
	if (rc)
		return rc;
	if (limit < 1 || limit > 100)
		return dy_fail(e, DY_EINVAL, "limit", "must be from 1 to 100");
	struct dy_err ignored;
	int measures = app_scope_require(a, app_scope_roles(SCOPE_CLINICAL), &ignored) == 0;
	struct gathered g = {.v = xcalloc((size_t)limit, sizeof *g.v), .limit = limit};
	rc = app_begin_read(a, e);
	if (!rc)
		/* Some rows of each kind beyond the limit, so the newest dates
		 * among what was recorded lately are the ones shown. */
		rc = app_end_read(a, store_recent_activity(a->db, measures, 4 * limit, gather, &g, e));
	/* A family named in the panel is a look at it: one 'list' entry per
	 * family, all in one batch, before anything is shown. */
	int64_t *ids = xcalloc((size_t)limit, sizeof *ids);
	int nids = 0;
	for (int i = 0; i < g.n && !rc; i++) {
		int seen = 0;
		for (int j = 0; j < nids && !seen; j++)
			seen = ids[j] == g.v[i].family_id;
		if (!seen)
			ids[nids++] = g.v[i].family_id;
	}
	if (!rc && nids)
		rc = app_audit_list(a, "family", ids, nids, e);
	for (int i = 0; i < g.n && !rc; i++)
		rc = fn(ctx, &g.v[i]);
	free(ids);
	free(g.v);
	return rc;
}
