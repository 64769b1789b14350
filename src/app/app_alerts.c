/* app_alerts.c: a family's safeguarding statuses and open risk flags for
 * every view (see app_alerts.h). */
#include "app/app_alerts.h"
#include "app/app_scope.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_risk.h"
#include "core/codes.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_note.h"
#include "store/store_safeguarding.h"
#include "util/str.h"

struct infants {
	int64_t ids[ALERTS_MAX_INFANTS];
	char names[ALERTS_MAX_INFANTS][2 * NAME_BYTES];
	int n;
	struct family_alerts *out;
};

/* Notes infant p's loss (if any) in f, under name. */
static void add_loss(struct family_alerts *f, const struct person *p, const char *name)
{
	if (!p->loss[0])
		return;
	int k = f->nlosses++;
	f->losses[k].infant_id = p->id;
	snprintf(f->losses[k].name, sizeof f->losses[k].name, "%s", name);
	snprintf(f->losses[k].kind, sizeof f->losses[k].kind, "%s", p->loss);
	f->losses[k].on = p->loss_on;
}

/* Notes an infant's current status s in f (a status of "none" is not an alert). */
static void add_status(struct family_alerts *f, int64_t infant_id, const char *name, const struct safeguarding *s)
{
	if (strcmp(s->status, "none") == 0)
		return;
	int k = f->ninfants++;
	f->infants[k].infant_id = infant_id;
	snprintf(f->infants[k].name, sizeof f->infants[k].name, "%s", name);
	snprintf(f->infants[k].status, sizeof f->infants[k].status, "%s", s->status);
	f->infants[k].since = s->started_on;
}

static int collect_infant(void *ctx, const struct person *p)
{
	struct infants *in = ctx;
	if (strcmp(p->role, "infant") == 0 && in->n < ALERTS_MAX_INFANTS) {
		str_full_name(in->names[in->n], sizeof in->names[0], p->given_name, p->family_name);
		in->ids[in->n++] = p->id;
		add_loss(in->out, p, in->names[in->n - 1]);
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
		if (got)
			add_status(out, in.ids[i], in.names[i], &s);
	}
	/* Risk flags come from measure items: only for roles with clinical access. */
	if (!rc && (a->user.roles & app_scope_roles(SCOPE_CLINICAL)))
		rc = app_risks_of_family(a, family_id, collect_risk, out, e);
	/* So are case notes: a safeguarding note is flagged only to those who may read it. */
	if (!rc && (a->user.roles & app_scope_roles(SCOPE_CLINICAL)))
		rc = store_note_safeguarding_count(a->db, family_id, &out->nsafeguarding_notes, e);
	return app_end_read(a, rc);
}

/* ---- Many families at once (app_family_alerts_many) ---- */

struct infant_of {
	int64_t infant_id;
	struct family_alerts *f;
	char name[2 * NAME_BYTES];
};

struct many {
	struct app *a;
	const int64_t *ids;
	size_t n;
	struct family_alerts *out;
	int64_t *kept; /* the families in the caller's teams, ascending */
	size_t nkept;
	struct infant_of *inf;
	size_t ninf, capinf;
	unsigned char *ninf_of; /* infants collected per family (out's index), at most ALERTS_MAX_INFANTS */
	struct alerts_read how;
};

static size_t index_of(const int64_t *ids, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && ids[lo] == id ? lo : n;
}

static struct family_alerts *alerts_of(struct many *m, int64_t family_id)
{
	size_t i = index_of(m->ids, m->n, family_id);
	return i < m->n && m->out[i].family_id ? &m->out[i] : NULL;
}

static int team_of(void *ctx, int64_t family_id, int64_t team_id)
{
	struct many *m = ctx;
	size_t i = index_of(m->ids, m->n, family_id);
	if (i < m->n && app_scope_in_team(m->a, team_id)) {
		m->out[i].family_id = family_id;
		m->kept[m->nkept++] = family_id;
	}
	return 0;
}

static int person_of(void *ctx, const struct person *p)
{
	struct many *m = ctx;
	size_t i = index_of(m->ids, m->n, p->family_id);
	if (i < m->n && m->how.each_person) {
		int rc = m->how.each_person(m->how.person_ctx, p);
		if (rc)
			return rc;
	}
	if (i == m->n || strcmp(p->role, "infant") != 0 || m->ninf_of[i] >= ALERTS_MAX_INFANTS)
		return 0;
	m->ninf_of[i]++;
	if (m->ninf == m->capinf) {
		m->capinf = m->capinf ? 2 * m->capinf : 256;
		m->inf = xrealloc(m->inf, m->capinf * sizeof *m->inf);
	}
	struct infant_of *x = &m->inf[m->ninf++];
	x->infant_id = p->id;
	x->f = &m->out[i];
	str_full_name(x->name, sizeof x->name, p->given_name, p->family_name);
	add_loss(x->f, p, x->name);
	return 0;
}

static int by_infant(const void *x, const void *y)
{
	const struct infant_of *a = x, *b = y;
	return (a->infant_id > b->infant_id) - (a->infant_id < b->infant_id);
}

static int status_of(void *ctx, const struct safeguarding *s)
{
	struct many *m = ctx;
	struct infant_of key = {.infant_id = s->infant_id};
	const struct infant_of *x = bsearch(&key, m->inf, m->ninf, sizeof *m->inf, by_infant);
	if (x)
		add_status(x->f, x->infant_id, x->name, s);
	return 0;
}

static int risk_of(void *ctx, const struct stored_risk *r)
{
	struct family_alerts *f = alerts_of(ctx, r->family_id);
	return f ? collect_risk(f, r) : 0;
}

static int notes_of(void *ctx, int64_t family_id, int n)
{
	struct family_alerts *f = alerts_of(ctx, family_id);
	if (f)
		f->nsafeguarding_notes = n;
	return 0;
}

int app_family_alerts_many(struct app *a, const int64_t *family_ids, size_t n, struct family_alerts *out,
                           const struct alerts_read *how, struct dy_err *e)
{
	int scope_rc = app_scope_team(a, SCOPE_IDENTITY, e);
	if (scope_rc)
		return scope_rc;
	memset(out, 0, n * sizeof *out);
	struct many m = {.a = a, .ids = family_ids, .n = n, .out = out};
	if (how)
		m.how = *how;
	m.kept = xcalloc(n ? n : 1, sizeof *m.kept);
	m.ninf_of = xcalloc(n ? n : 1, 1);
	int rc = app_begin_read(a, e);
	if (!rc) {
		rc = store_family_teams(a->db, family_ids, n, team_of, &m, e);
		if (!rc && m.how.infants_only)
			rc = store_infant_list_many(a->db, m.kept, m.nkept, person_of, &m, e);
		else if (!rc)
			rc = store_person_list_many(a->db, m.kept, m.nkept, person_of, &m, e);
		if (!rc) {
			/* by infant id, ascending, as store_safeguarding_current_many wants; within a
			 * family still in id order, as app_family_alerts lists them */
			qsort(m.inf, m.ninf, sizeof *m.inf, by_infant);
			int64_t *ids = xcalloc(m.ninf ? m.ninf : 1, sizeof *ids);
			for (size_t i = 0; i < m.ninf; i++)
				ids[i] = m.inf[i].infant_id;
			rc = store_safeguarding_current_many(a->db, ids, m.ninf, status_of, &m, e);
			free(ids);
		}
		if (!rc && !m.how.no_risks && (a->user.roles & app_scope_roles(SCOPE_CLINICAL)))
			rc = app_risks_of_families(a, m.kept, m.nkept, risk_of, &m, e);
		if (!rc && !m.how.no_notes && (a->user.roles & app_scope_roles(SCOPE_CLINICAL)))
			rc = store_note_safeguarding_counts(a->db, m.kept, m.nkept, notes_of, &m, e);
		rc = app_end_read(a, rc);
	}
	free(m.kept);
	free(m.ninf_of);
	free(m.inf);
	return rc;
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
	app_alerts_risk_line(f->nrisks ? f->risks[0].label : "", f->nrisks, out, n);
}

void app_alerts_risk_line(const char *first_label, int nrisks, char *out, size_t n)
{
	out[0] = '\0';
	if (!nrisks)
		return;
	int w = snprintf(out, n, "RISK not acknowledged: %s", first_label);
	if (nrisks > 1 && w >= 0 && (size_t)w < n)
		snprintf(out + w, n - (size_t)w, " (and %d more)", nrisks - 1);
}
