/* app_alerts.c: a family's safeguarding statuses and open risk flags for
 * every view (see app_alerts.h). */
#include "app/app_alerts.h"
#include "app/app_scope.h"

#include <stdio.h>
#include <string.h>

#include "app/app_risk.h"
#include "core/codes.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_note.h"
#include "store/store_safeguarding.h"

struct infants {
	int64_t ids[ALERTS_MAX_INFANTS];
	char names[ALERTS_MAX_INFANTS][2 * NAME_BYTES];
	int n;
	struct family_alerts *out;
};

static int collect_infant(void *ctx, const struct person *p)
{
	struct infants *in = ctx;
	if (strcmp(p->role, "infant") == 0 && in->n < ALERTS_MAX_INFANTS) {
		snprintf(in->names[in->n], sizeof in->names[0], "%s %s", p->given_name, p->family_name);
		in->ids[in->n++] = p->id;
		if (p->loss[0]) {
			struct family_alerts *f = in->out;
			int k = f->nlosses++;
			f->losses[k].infant_id = p->id;
			memcpy(f->losses[k].name, in->names[in->n - 1], sizeof f->losses[k].name);
			snprintf(f->losses[k].kind, sizeof f->losses[k].kind, "%s", p->loss);
			f->losses[k].on = p->loss_on;
		}
	}
	return 0;
}

static int collect_risk(void *ctx, const struct stored_risk *r)
{
	struct family_alerts *f = ctx;
	if (f->nrisks < ALERTS_MAX_RISKS)
		f->risks[f->nrisks] = *r;
	f->nrisks++;
	return 0;
}

int app_family_alerts(struct app *a, int64_t family_id, struct family_alerts *out, struct dy_err *e)
{
	int scope_rc = app_scope_family(a, family_id, SCOPE_IDENTITY, e);
	if (scope_rc)
		return scope_rc;
	memset(out, 0, sizeof *out);
	out->family_id = family_id;
	struct family fam;
	int rc = app_begin_read(a, e);
	if (rc)
		return rc;
	rc = store_family_get(a->db, family_id, &fam, e);
	struct infants in = {.n = 0, .out = out};
	if (!rc)
		rc = store_person_list(a->db, family_id, collect_infant, &in, e);
	for (int i = 0; !rc && i < in.n; i++) {
		struct safeguarding s;
		int got = store_safeguarding_current(a->db, in.ids[i], &s, e);
		if (got < 0) {
			rc = got;
			break;
		}
		if (got && strcmp(s.status, "none") != 0) {
			int k = out->ninfants++;
			out->infants[k].infant_id = in.ids[i];
			memcpy(out->infants[k].name, in.names[i], sizeof out->infants[k].name);
			snprintf(out->infants[k].status, sizeof out->infants[k].status, "%s", s.status);
			out->infants[k].since = s.started_on;
		}
	}
	/* Risk flags come from measure items: only for roles with clinical access. */
	if (!rc && (a->user.roles & app_scope_roles(SCOPE_CLINICAL)))
		rc = app_risks_of_family(a, family_id, collect_risk, out, e);
	/* So are case notes: a safeguarding note is flagged only to those who may read it. */
	if (!rc && (a->user.roles & app_scope_roles(SCOPE_CLINICAL)))
		rc = store_note_safeguarding_count(a->db, family_id, &out->nsafeguarding_notes, e);
	return app_end_read(a, rc);
}

int app_referral_alerts(struct app *a, int64_t episode_id, struct family_alerts *out, struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_IDENTITY, NULL, e);
	if (scope_rc)
		return scope_rc;
	struct episode ep;
	int rc = store_episode_get(a->db, episode_id, &ep, e);
	return rc ? rc : app_family_alerts(a, ep.family_id, out, e);
}

void app_alerts_safeguarding_text(const struct family_alerts *f, int words, char *out, size_t n)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < f->ninfants && used < n; i++) {
		char label[40];
		if (words)
			code_label(f->infants[i].status, label, sizeof label);
		else
			snprintf(label, sizeof label, "%s", f->infants[i].status);
		int w = snprintf(out + used, n - used, "%s%s", i ? "; " : "", label);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

void app_alerts_risk_text(const struct family_alerts *f, char *out, size_t n)
{
	out[0] = '\0';
	if (!f->nrisks)
		return;
	int w = snprintf(out, n, "RISK not acknowledged: %s", f->risks[0].label);
	if (f->nrisks > 1 && w >= 0 && (size_t)w < n)
		snprintf(out + w, n - (size_t)w, " (and %d more)", f->nrisks - 1);
}
