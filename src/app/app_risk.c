/* app_risk.c: acknowledging and listing risk flags (see app_risk.h). */
#include "app/app_risk.h"
#include "app/app_scope.h"

#include <stdio.h>
#include <string.h>

#include "store/store_measure.h"
#include "util/date.h"
#include "util/str.h"

int app_risk_action_check(const char *field, const char *action, struct dy_err *e)
{
	size_t blank = action ? strspn(action, " \t") : 0;
	if (!action || !action[blank])
		return dy_fail(e, DY_EINVAL, field, "is required: the action taken after reviewing the risk");
	if (strlen(action) > RISK_ACTION_MAX)
		return dy_fail(e, DY_EINVAL, field, "is longer than %d characters", RISK_ACTION_MAX);
	for (const unsigned char *p = (const unsigned char *)action; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return dy_fail(e, DY_EINVAL, field, "must be one line of text without control characters");
	return 0;
}

void app_risk_label(struct app *a, struct stored_risk *r)
{
	const struct instrument_set *set;
	struct dy_err ignore;
	const struct instrument *in = NULL;
	if (!app_instruments(a, &set, &ignore))
		in = instrument_set_find(set, r->instrument);
	for (int i = 0; in && i < in->nrisks; i++)
		if (strcmp(in->risks[i].id, r->risk) == 0) {
			str_copy(r->label, sizeof r->label, in->risks[i].label);
			return;
		}
	if (r->item > 0)
		snprintf(r->label, sizeof r->label, "%s item %d: risk flag", in ? in->short_name : r->instrument, r->item);
	else
		snprintf(r->label, sizeof r->label, "%s: risk flag", in ? in->short_name : r->instrument);
}

static int count_open(void *ctx, const struct stored_risk *r)
{
	*(int *)ctx += r->acknowledged_on == DATE_NONE;
	return 0;
}

int app_risk_acknowledge(struct app *a, int64_t measure_id, const char *action, int *count, struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_MEASURE, measure_id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (scope_rc)
		return scope_rc;
	*count = 0;
	/* Once accounts exist: a clinician (or their manager) reviews a flag;
	 * at the command line the named operator does. */
	if (a->user.roles && !(a->user.roles & (USER_CLINICIAN | USER_MANAGER | USER_OPERATOR)))
		return dy_fail(e, DY_EFORBIDDEN, "measure", "only a clinician may acknowledge a risk flag");
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	struct measure_record r;
	memset(&r, 0, sizeof r);
	int open = 0;
	rc = store_measure_record_get(a->db, measure_id, &r, e);
	if (!rc)
		rc = store_risk_list(a->db, measure_id, 0, count_open, &open, e);
	if (!rc && !open)
		rc = dy_fail(e, DY_ECONFLICT, "measure", "measure %lld has no unacknowledged risk flag",
		             (long long)measure_id);
	if (!rc && app_risk_action_check("action", action, e))
		rc = DY_EINVAL;
	if (!rc)
		rc = store_risk_acknowledge(a->db, measure_id, 0, a->actor, a->today, action, count, e);
	return app_end(a, rc, "measure.acknowledge", "measure", measure_id, r.m.instrument, e);
}

struct labelled {
	struct app *a;
	store_risk_fn fn;
	void *ctx;
};

static int label_then(void *ctx, const struct stored_risk *r)
{
	struct labelled *l = ctx;
	struct stored_risk x = *r;
	app_risk_label(l->a, &x);
	return l->fn(l->ctx, &x);
}

/* The open flags, labelled. The definitions are loaded before the query
 * starts, and the query runs in one read transaction, so that nothing
 * called while it steps can end the transaction under it. */
static int open_flags(struct app *a, int64_t family_id, int32_t dated_by, store_risk_fn fn, void *ctx,
                      struct dy_err *e)
{
	const struct instrument_set *set;
	struct dy_err ignore;
	(void)app_instruments(a, &set, &ignore); /* not loaded: labels fall back to plain words */
	struct labelled l = {a, fn, ctx};
	int rc = app_begin_read(a, e);
	if (rc)
		return rc;
	return app_end_read(a, store_risk_open(a->db, family_id, dated_by, label_then, &l, e));
}

int app_risks_of_family(struct app *a, int64_t family_id, store_risk_fn fn, void *ctx, struct dy_err *e)
{
	int scope_rc = app_scope_family(a, family_id, SCOPE_CLINICAL, e);
	if (scope_rc)
		return scope_rc;
	return open_flags(a, family_id, DATE_NONE, fn, ctx, e);
}

int app_risks_of_families(struct app *a, const int64_t *family_ids, size_t n, store_risk_fn fn, void *ctx,
                          struct dy_err *e)
{
	int scope_rc = app_scope_team(a, SCOPE_CLINICAL, e);
	if (scope_rc)
		return scope_rc;
	const struct instrument_set *set;
	struct dy_err ignore;
	(void)app_instruments(a, &set, &ignore); /* as open_flags */
	struct labelled l = {a, fn, ctx};
	int rc = app_begin_read(a, e);
	if (rc)
		return rc;
	return app_end_read(a, store_risk_open_many(a->db, family_ids, n, label_then, &l, e));
}

int app_risks_open(struct app *a, int older_than, store_risk_fn fn, void *ctx, struct dy_err *e)
{
	int scope_rc = app_scope_team(a, SCOPE_CLINICAL, e);
	if (scope_rc)
		return scope_rc;
	if (older_than < 0)
		return dy_fail(e, DY_EINVAL, "older-than", "must be 0 or more days");
	return open_flags(a, 0, a->today - older_than, fn, ctx, e);
}

struct first_open {
	struct app *a;
	int n;
	struct stored_risk first;
};

static int note_open(void *ctx, const struct stored_risk *r)
{
	struct first_open *f = ctx;
	if (r->acknowledged_on == DATE_NONE && f->n++ == 0)
		f->first = *r;
	return 0;
}

int app_risk_settle_episode(struct app *a, int64_t episode_id, const char *action, struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (scope_rc)
		return scope_rc;
	struct first_open f = {.a = a};
	int rc = store_risk_list(a->db, 0, episode_id, note_open, &f, e);
	if (rc || !f.n)
		return rc;
	if (!action || !*action) {
		app_risk_label(a, &f.first);
		return dy_fail(e, DY_ECONFLICT, "risk-action",
		               "referral %lld has %d risk flag%s not acknowledged (%s, measure %lld): acknowledge %s, or"
		               " record the action taken with --risk-action",
		               (long long)episode_id, f.n, f.n == 1 ? "" : "s", f.first.label,
		               (long long)f.first.measure_id, f.n == 1 ? "it" : "them");
	}
	if (app_risk_action_check("risk-action", action, e))
		return DY_EINVAL;
	int count;
	return store_risk_acknowledge(a->db, 0, episode_id, a->actor, a->today, action, &count, e);
}
