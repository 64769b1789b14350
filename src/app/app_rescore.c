/* app_rescore.c: scoring stored measures again after a definition changes
 * version (`dyad measures rescore`), in one transaction: a measure the new
 * version refuses keeps null scales and the reason. */
#include "app/app_measure.h"
#include "app/app_scope.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/record.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"

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
	struct measure_episode mep = {ep.family_id, ep.caregiver_id, ep.infant_id, 1};
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
	int scope_rc = app_scope_require(a, USER_OPERATOR, e);
	if (scope_rc)
		return scope_rc;
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
