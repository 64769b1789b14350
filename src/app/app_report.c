/* app_report.c: the outcomes, completeness and safeguarding reads
 * (app_report.h): rows from store/store_report.c, paired and counted here,
 * figures from core/. */
#include "app/app_report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_scope.h"
#include "core/change.h"
#include "core/codes.h"
#include "core/equity.h"
#include "core/stats.h"
#include "store/store_report.h"
#include "util/date.h"
#include "util/err.h"
#include "util/idmap.h"
#include "util/str.h"

/* Checks the caller may see the figures of the teams it asks for (team: a
 * code, or NULL for all its own; app_scope_report_teams) into *teams and
 * begins the read transaction (end it with app_end_read). */
static int report_read_begin(struct app *a, const char *team, struct store_teams *teams, struct dy_err *e)
{
	int rc = app_scope_report_teams(a, team, teams, e);
	return rc ? rc : app_begin_read(a, e);
}

/* fn is called for every classified pair of the scale at position (0: the
 * instrument's first scale) of the episode; measured, once for each
 * discharged episode with a measure (not in error), before its pairs. */
struct pair_hook {
	void (*fn)(void *ctx, int64_t episode, int position, const struct change_result *c);
	void (*measured)(void *ctx, int64_t episode);
	void *ctx;
};

/* The pairs of one scale of an instrument. */
struct scale_pairs {
	double *pre, *post;
	int *case_pre, *case_post;
	int64_t *ep;
	size_t n, cap;
};

/* What is read of one instrument: its pairs by scale, its completeness,
 * and the group being paired (episode, respondent, subject, scale
 * position). */
struct inst_state {
	struct app_completeness comp; /* its name, and the referrals counted so far */
	int64_t last_episode; /* the last referral counted in eligible */
	int scored;           /* a score of it was read */
	struct scale_pairs sp[INSTR_MAX_SCALES];
	int in_group;
	struct report_measure_row g;
	int have_pre, have_post;
	double pre, post;
	int cpre, cpost;
	int ep_base, ep_end, ep_both; /* of the referral being read */
};

struct outcome_ctx {
	struct app_outcomes *out;
	const struct instrument_set *set;
	struct inst_state *inst; /* in the order first met */
	size_t n_inst;
	int64_t episode;             /* the referral being read (0 before the first) */
	int64_t measured;            /* the last referral given to hook.measured */
	struct report_measure_row *buf; /* its scores of baseline and end measures */
	size_t nbuf, capbuf;
	struct pair_hook hook;
	struct dy_err *e;
};

static void add_pair(struct scale_pairs *p, double pre, double post, int cpre, int cpost, int64_t ep)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->pre = xrealloc(p->pre, p->cap * sizeof *p->pre);
		p->post = xrealloc(p->post, p->cap * sizeof *p->post);
		p->case_pre = xrealloc(p->case_pre, p->cap * sizeof *p->case_pre);
		p->case_post = xrealloc(p->case_post, p->cap * sizeof *p->case_post);
		p->ep = xrealloc(p->ep, p->cap * sizeof *p->ep);
	}
	p->ep[p->n] = ep;
	p->pre[p->n] = pre;
	p->post[p->n] = post;
	p->case_pre[p->n] = cpre;
	p->case_post[p->n] = cpost;
	p->n++;
}

static void end_group(struct inst_state *st)
{
	if (!st->in_group)
		return;
	st->in_group = 0;
	if (st->have_pre && st->have_post && st->g.position >= 0 && st->g.position < INSTR_MAX_SCALES) {
		add_pair(&st->sp[st->g.position], st->pre, st->post, st->cpre, st->cpost, st->g.episode_id);
		st->ep_both = 1;
	}
}

/* Ends the instrument's part of the referral being read. */
static void end_episode(struct inst_state *st)
{
	end_group(st);
	st->comp.with_baseline += st->ep_base;
	st->comp.with_end += st->ep_end;
	st->comp.with_both += st->ep_both;
	st->ep_base = st->ep_end = st->ep_both = 0;
}

/* One score of a baseline or end measure of the instrument, in the order
 * of score_order within the referral. */
static void score_row(struct inst_state *st, const struct report_measure_row *r)
{
	st->scored = 1;
	if (!st->in_group || r->person_id != st->g.person_id || r->subject_caregiver_id != st->g.subject_caregiver_id ||
	    r->subject_infant_id != st->g.subject_infant_id || r->position != st->g.position) {
		end_group(st);
		st->in_group = 1;
		st->g = *r;
		st->have_pre = st->have_post = 0;
	}
	/* Rows come by date: the first baseline is the earliest, the last end the latest. */
	if (!r->end && !st->have_pre) {
		st->have_pre = 1;
		st->pre = r->value;
		st->cpre = r->clinical;
	} else if (r->end) {
		st->have_post = 1;
		st->post = r->value;
		st->cpost = r->clinical;
	}
	st->ep_base |= !r->end;
	st->ep_end |= r->end;
}

static struct inst_state *inst_of(struct outcome_ctx *c, const char *instrument)
{
	for (size_t i = 0; i < c->n_inst; i++)
		if (strcmp(c->inst[i].comp.instrument, instrument) == 0)
			return &c->inst[i];
	c->inst = xrealloc(c->inst, (c->n_inst + 1) * sizeof *c->inst);
	struct inst_state *st = &c->inst[c->n_inst++];
	memset(st, 0, sizeof *st);
	str_copy(st->comp.instrument, sizeof st->comp.instrument, instrument);
	return st;
}

/* A referral's scores by instrument, respondent, subject, scale position,
 * date and measure: the order the pairing reads them in. */
static int score_order(const void *x, const void *y)
{
	const struct report_measure_row *a = x, *b = y;
	int k = strcmp(a->instrument, b->instrument);
	if (k)
		return k;
#define BY(f)                                                                                                       \
	if (a->f != b->f)                                                                                            \
		return a->f < b->f ? -1 : 1;
	BY(person_id) BY(subject_caregiver_id) BY(subject_infant_id) BY(position) BY(date) BY(measure_id)
#undef BY
	return 0;
}

/* Pairs the scores of the referral just read, instrument by instrument. */
static void end_referral(struct outcome_ctx *c)
{
	if (!c->nbuf)
		return;
	qsort(c->buf, c->nbuf, sizeof *c->buf, score_order);
	struct inst_state *st = NULL;
	for (size_t i = 0; i < c->nbuf; i++) {
		if (!st || strcmp(st->comp.instrument, c->buf[i].instrument) != 0) {
			if (st)
				end_episode(st);
			st = inst_of(c, c->buf[i].instrument);
		}
		score_row(st, &c->buf[i]);
	}
	if (st)
		end_episode(st);
	c->nbuf = 0;
}

static int measure_row(void *ctx, const struct report_measure_row *r)
{
	struct outcome_ctx *c = ctx;
	if (r->episode_id != c->episode) {
		end_referral(c);
		c->episode = r->episode_id;
		c->out->discharged++;
	}
	if (!r->measure_id)
		return 0;
	if (c->hook.measured && c->measured != r->episode_id) {
		c->measured = r->episode_id;
		c->hook.measured(c->hook.ctx, r->episode_id);
	}
	struct inst_state *st = inst_of(c, r->instrument);
	if (st->last_episode != r->episode_id) {
		st->last_episode = r->episode_id;
		st->comp.eligible++;
	}
	if (!r->paired || r->position < 0)
		return 0;
	if (c->nbuf == c->capbuf) {
		c->capbuf = c->capbuf ? 2 * c->capbuf : 64;
		c->buf = xrealloc(c->buf, c->capbuf * sizeof *c->buf);
	}
	c->buf[c->nbuf++] = *r;
	return 0;
}

struct pair_key {
	int64_t ep;
	size_t at;
};

static int by_referral(const void *x, const void *y)
{
	const struct pair_key *a = x, *b = y;
	if (a->ep != b->ep)
		return a->ep < b->ep ? -1 : 1;
	return (a->at > b->at) - (a->at < b->at);
}

/* Puts the pairs in referral id order, each referral's in the order they
 * were paired: the rows come by discharge date (store_report_measures),
 * and the sums of the figures are taken in one order whatever the dates. */
static void sort_pairs(struct scale_pairs *p)
{
	if (p->n < 2)
		return;
	struct pair_key *k = xcalloc(p->n, sizeof *k);
	for (size_t i = 0; i < p->n; i++)
		k[i] = (struct pair_key){p->ep[i], i};
	qsort(k, p->n, sizeof *k, by_referral);
	struct scale_pairs o = {xcalloc(p->n, sizeof *o.pre), xcalloc(p->n, sizeof *o.post),
	                        xcalloc(p->n, sizeof *o.case_pre), xcalloc(p->n, sizeof *o.case_post),
	                        xcalloc(p->n, sizeof *o.ep), p->n, p->n};
	for (size_t i = 0; i < p->n; i++) {
		size_t j = k[i].at;
		o.pre[i] = p->pre[j];
		o.post[i] = p->post[j];
		o.case_pre[i] = p->case_pre[j];
		o.case_post[i] = p->case_post[j];
		o.ep[i] = p->ep[j];
	}
	free(k);
	free(p->pre);
	free(p->post);
	free(p->case_pre);
	free(p->case_post);
	free(p->ep);
	*p = o;
}

/* The figures of every scale of the instrument. */
static int end_instrument(struct outcome_ctx *c, struct inst_state *st)
{
	const struct instrument *in = instrument_set_find(c->set, st->comp.instrument);
	int rc = 0;
	for (int k = 0; in && k < in->nscales && k < INSTR_MAX_SCALES && !rc; k++) {
		struct scale_pairs *p = &st->sp[k];
		const struct instr_scale *s = &in->scales[k];
		sort_pairs(p);
		double sd_pre = stats_sd(p->pre, p->n);
		struct change_result *cls = xcalloc(p->n ? p->n : 1, sizeof *cls);
		for (size_t i = 0; i < p->n; i++) {
			struct dy_err ignore;
			int crc = s->cutoff_from_interval ? change_classify_cases(s, p->pre[i], p->post[i], sd_pre,
			                                                          p->case_pre[i], p->case_post[i], &cls[i],
			                                                          &ignore)
			                                  : change_classify(s, p->pre[i], p->post[i], sd_pre, &cls[i], &ignore);
			if (crc) { /* no usable rule: the pair counts, unassessed */
				memset(&cls[i], 0, sizeof cls[i]);
				cls[i].reliable = CHANGE_NOT_ASSESSED;
				cls[i].case_pre = cls[i].case_post = -1;
				cls[i].improvement = s->direction == DIR_HIGHER_IS_WORSE ? p->pre[i] - p->post[i]
				                     : s->direction == DIR_HIGHER_IS_BETTER ? p->post[i] - p->pre[i]
				                                                            : 0;
			}
		}
		struct app_outcomes *o = c->out;
		o->scales = xrealloc(o->scales, (o->n_scales + 1) * sizeof *o->scales);
		struct app_outcome_scale *os = &o->scales[o->n_scales++];
		memset(os, 0, sizeof *os);
		str_copy(os->instrument, sizeof os->instrument, st->comp.instrument);
		str_copy(os->scale, sizeof os->scale, s->id);
		os->direction = instrument_direction_name(s->direction);
		if (outcome_scale_compute(s, p->pre, p->post, cls, p->n, (size_t)st->comp.eligible, &os->f))
			rc = dy_fail(c->e, DY_ESTORE, "report", "not enough memory for the Wilcoxon ranks");
		for (size_t i = 0; c->hook.fn && i < p->n; i++)
			c->hook.fn(c->hook.ctx, p->ep[i], k, &cls[i]);
		free(cls);
	}
	if (!in)
		c->out->unknown++;
	return rc;
}

static int by_instrument(const void *x, const void *y)
{
	return strcmp(((const struct inst_state *)x)->comp.instrument, ((const struct inst_state *)y)->comp.instrument);
}

void app_outcomes_free(struct app_outcomes *o)
{
	free(o->scales);
	free(o->inst);
	memset(o, 0, sizeof *o);
}

/* The outcome reads inside a read transaction already begun (set: the
 * instrument definitions; hook may be NULL): one read of the period's
 * discharged referrals with their measures (store_report_measures), each
 * referral's scores paired as they come, and each instrument's figures at
 * the end in the order of its name. */
static int outcomes_read(struct app *a, const struct instrument_set *set, int32_t from, int32_t to,
                         const struct store_teams *team, struct app_outcomes *out, const struct pair_hook *hook,
                         struct dy_err *e)
{
	struct outcome_ctx c;
	memset(&c, 0, sizeof c);
	c.out = out;
	c.e = e;
	c.set = set;
	if (hook)
		c.hook = *hook;
	int rc = store_report_measures(a->db, from, to, team, measure_row, &c, e);
	if (!rc)
		end_referral(&c);
	if (c.n_inst) /* none: c.inst is NULL, which qsort may not be given */
		qsort(c.inst, c.n_inst, sizeof *c.inst, by_instrument);
	if (!rc) {
		out->inst = xcalloc(c.n_inst ? c.n_inst : 1, sizeof *out->inst);
		for (size_t i = 0; i < c.n_inst; i++)
			out->inst[out->n_inst++] = c.inst[i].comp;
	}
	for (size_t i = 0; !rc && i < c.n_inst; i++)
		if (c.inst[i].scored)
			rc = end_instrument(&c, &c.inst[i]);
	for (size_t i = 0; i < c.n_inst; i++)
		for (int k = 0; k < INSTR_MAX_SCALES; k++) {
			struct scale_pairs *p = &c.inst[i].sp[k];
			free(p->pre);
			free(p->post);
			free(p->case_pre);
			free(p->case_post);
			free(p->ep);
		}
	free(c.inst);
	free(c.buf);
	return rc;
}

int app_report_outcomes(struct app *a, int32_t from, int32_t to, const char *team, struct app_outcomes *out,
                        struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	const struct instrument_set *set;
	int rc = app_instruments(a, &set, e);
	if (rc)
		return rc;
	struct store_teams teams;
	rc = report_read_begin(a, team, &teams, e);
	if (rc)
		return rc;
	return app_end_read(a, outcomes_read(a, set, from, to, &teams, out, NULL, e));
}

/* ---- Safeguarding -------------------------------------------------------- */

struct sg_ctx {
	struct sg_infant *inf;
	size_t n, cap;
	int64_t episode, infant; /* whose rows are being read: one sg_infant per infant of a referral */
};

/* The level of status when it is in force on day d, else -1. */
static int level_on(const struct report_sg_row *r, int32_t d)
{
	if (!r->status[0] || r->started == DATE_NONE || r->started > d || (r->ended != DATE_NONE && r->ended < d))
		return -1;
	return code_safeguarding_level(r->status);
}

static int sg_row(void *ctx, const struct report_sg_row *r)
{
	struct sg_ctx *c = ctx;
	if (r->episode_id != c->episode || r->infant_id != c->infant) {
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 256;
			c->inf = xrealloc(c->inf, c->cap * sizeof *c->inf);
		}
		struct sg_infant *i = &c->inf[c->n++];
		memset(i, 0, sizeof *i);
		i->care_known = r->care_status[0] != '\0';
		i->with_birth_family = sg_care_with_birth_family(r->care_status);
		c->episode = r->episode_id;
		c->infant = r->infant_id;
	}
	struct sg_infant *i = &c->inf[c->n - 1];
	int s = level_on(r, r->received), d = level_on(r, r->discharged);
	if (s > i->start_level)
		i->start_level = s;
	if (d > i->end_level)
		i->end_level = d;
	return 0;
}

int app_report_safeguarding(struct app *a, int32_t from, int32_t to, const char *team, struct sg_outcome *out,
                            struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	struct sg_ctx c = {0};
	struct store_teams teams;
	int rc = report_read_begin(a, team, &teams, e);
	if (rc)
		return rc;
	rc = app_end_read(a, store_report_safeguarding(a->db, from, to, &teams, sg_row, &c, e));
	if (!rc && sg_outcome_compute(c.inf, c.n, out))
		rc = dy_fail(e, DY_ESTORE, "safeguarding", "holds a status dyad does not know");
	free(c.inf);
	return rc;
}

/* ---- Activity ------------------------------------------------------------ */

struct count_ctx {
	struct app_activity *o;
	int which;
};

static int count_row(void *ctx, const char *k1, const char *k2, int64_t n)
{
	struct count_ctx *c = ctx;
	struct app_activity *o = c->o;
	size_t *len = &o->n[c->which];
	o->c[c->which] = xrealloc(o->c[c->which], (*len + 1) * sizeof *o->c[c->which]);
	struct app_count *x = &o->c[c->which][(*len)++];
	str_copy(x->key1, sizeof x->key1, k1);
	str_copy(x->key2, sizeof x->key2, k2);
	x->n = n;
	return 0;
}

/* Adds n to the count (key1, key2) of o's count `which`, a new one if absent. */
static void count_add(struct app_activity *o, int which, const char *k1, const char *k2, int64_t n)
{
	for (size_t i = 0; i < o->n[which]; i++)
		if (strcmp(o->c[which][i].key1, k1) == 0 && strcmp(o->c[which][i].key2, k2) == 0) {
			o->c[which][i].n += n;
			return;
		}
	struct count_ctx c = {o, which};
	count_row(&c, k1, k2, n);
}

/* One group of contacts into the three contact counts. */
static int contact_row(void *ctx, const char *kind, const char *location, const char *intervention,
                       const char *attendance, int64_t n)
{
	struct app_activity *o = ctx;
	count_add(o, REPORT_CONTACTS_BY_KIND, kind, attendance, n);
	count_add(o, REPORT_CONTACTS_BY_LOCATION, location, attendance, n);
	count_add(o, REPORT_CONTACTS_BY_INTERVENTION, intervention, attendance, n);
	return 0;
}

/* Orders counts by key1 then key2, byte by byte (as SQLite's ORDER BY did). */
static int count_cmp(const void *pa, const void *pb)
{
	const struct app_count *a = pa, *b = pb;
	int c = strcmp(a->key1, b->key1);
	return c ? c : strcmp(a->key2, b->key2);
}

/* The caseload per practitioner from store_report_caseload_pairs: each
 * practitioner counted once per episode. */
struct prac_count {
	int64_t practitioner, n;
};

struct caseload_ctx {
	int64_t episode;       /* the episode whose practitioners are in seen[] */
	int64_t *seen;         /* its practitioners so far (a handful) */
	size_t nseen, capseen;
	struct prac_count *pc; /* every practitioner met, in the order met */
	size_t npc;
	struct idmap at;       /* practitioner -> its place in pc */
};

static void caseload_count(struct caseload_ctx *c, int64_t practitioner)
{
	uint32_t i;
	if (!idmap_get(&c->at, practitioner, &i)) {
		i = (uint32_t)c->npc;
		idmap_put(&c->at, practitioner, i);
		XAPPEND(c->pc, c->npc, ((struct prac_count){practitioner, 0}));
	}
	c->pc[i].n++;
}

static int caseload_pair(void *ctx, int64_t episode, int64_t practitioner)
{
	struct caseload_ctx *c = ctx;
	if (episode != c->episode) {
		c->episode = episode;
		c->nseen = 0;
	}
	for (size_t i = 0; i < c->nseen; i++)
		if (c->seen[i] == practitioner)
			return 0;
	if (c->nseen == c->capseen) {
		c->capseen = c->capseen ? 2 * c->capseen : 16;
		c->seen = xrealloc(c->seen, c->capseen * sizeof *c->seen);
	}
	c->seen[c->nseen++] = practitioner;
	caseload_count(c, practitioner);
	return 0;
}

static int prac_cmp(const void *pa, const void *pb)
{
	const struct prac_count *a = pa, *b = pb;
	return a->practitioner < b->practitioner ? -1 : a->practitioner > b->practitioner;
}

/* The caseload per practitioner into o, in practitioner id order (as the
 * GROUP BY it replaces gave it). */
static int caseload_by_practitioner(struct app *a, int32_t to, const struct store_teams *team,
                                    struct app_activity *o, struct dy_err *e)
{
	struct caseload_ctx c = {.episode = -1};
	idmap_init(&c.at);
	int rc = store_report_caseload_pairs(a->db, to, team, caseload_pair, &c, e);
	if (!rc && c.npc > 1)
		qsort(c.pc, c.npc, sizeof *c.pc, prac_cmp);
	struct count_ctx cc = {o, REPORT_CASELOAD_BY_PRACTITIONER};
	for (size_t i = 0; !rc && i < c.npc; i++) {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)c.pc[i].practitioner);
		rc = count_row(&cc, id, "", c.pc[i].n);
	}
	free(c.seen);
	free(c.pc);
	idmap_free(&c.at);
	return rc;
}

void app_activity_free(struct app_activity *o)
{
	for (int i = 0; i < APP_ACTIVITY_COUNTS; i++)
		free(o->c[i]);
	memset(o, 0, sizeof *o);
}

int app_report_activity(struct app *a, int32_t from, int32_t to, const char *team, struct app_activity *out,
                        struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	struct store_teams teams;
	int rc = report_read_begin(a, team, &teams, e);
	if (rc)
		return rc;
	for (int i = 0; i < APP_ACTIVITY_COUNTS && !rc; i++) {
		struct count_ctx c = {out, i};
		if (i == REPORT_CASELOAD_BY_PRACTITIONER)
			rc = caseload_by_practitioner(a, to, &teams, out, e);
		else if (i != REPORT_CONTACTS_BY_KIND && i != REPORT_CONTACTS_BY_LOCATION &&
		         i != REPORT_CONTACTS_BY_INTERVENTION)
			rc = store_report_counts(a->db, (enum store_report_count)i, from, to, &teams, count_row, &c, e);
	}
	if (!rc)
		rc = store_report_contacts(a->db, from, to, &teams, contact_row, out, e);
	if (!rc)
		for (int i = REPORT_CONTACTS_BY_KIND; i <= REPORT_CONTACTS_BY_INTERVENTION; i++)
			if (out->n[i] > 1) /* none: c[i] is NULL, which qsort may not be given */
				qsort(out->c[i], out->n[i], sizeof *out->c[i], count_cmp);
	if (!rc)
		rc = store_report_caseload(a->db, to, &teams, &out->caseload, e);
	return app_end_read(a, rc);
}

/* ---- Equity -------------------------------------------------------------- */

/* One referral of the equity report, with its groups. */
struct eq_episode {
	int64_t id;
	struct equity_counts n; /* this referral's contribution (each 0 or 1, pairs more) */
	int decile;             /* 0 unknown */
	int ethnic, relation;   /* equity_*_index */
	int discharged;         /* accepted and discharged in the period: eligible once a measure is found */
};

struct eq_ctx {
	struct eq_episode *ep;
	size_t n, cap;
	struct idmap discharged; /* episode discharged in the period -> its place in ep */
};

static int eq_row(void *ctx, const struct report_equity_row *r)
{
	struct eq_ctx *c = ctx;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->ep = xrealloc(c->ep, c->cap * sizeof *c->ep);
	}
	struct eq_episode *x = &c->ep[c->n++];
	memset(x, 0, sizeof *x);
	x->id = r->episode_id;
	x->n.referrals = r->received;
	int decided = strcmp(r->decision, "accepted") == 0 || strcmp(r->decision, "declined") == 0 ||
	              strcmp(r->decision, "signposted") == 0;
	x->n.decided = decided;
	x->n.accepted = strcmp(r->decision, "accepted") == 0;
	x->discharged = r->discharged;
	if (x->discharged)
		idmap_put(&c->discharged, x->id, (uint32_t)(c->n - 1));
	x->decile = r->imd_decile;
	x->ethnic = equity_ethnic_index(r->ethnicity);
	x->relation = equity_relation_index(r->relationship);
	return 0;
}

/* The episode discharged in the period with this id, or NULL (the hooks
 * are called in discharge order, so a map rather than a search of ep). */
static struct eq_episode *eq_discharged(struct eq_ctx *c, int64_t episode)
{
	uint32_t i;
	return idmap_get(&c->discharged, episode, &i) ? &c->ep[i] : NULL;
}

/* An episode discharged in the period with a measure: eligible. */
static void eq_measured(void *ctx, int64_t episode)
{
	struct eq_episode *x = eq_discharged(ctx, episode);
	if (x)
		x->n.eligible = 1;
}

/* A pair of an episode discharged in the period: the episode is complete
 * (it has a baseline and an end), and a pair on the first scale with a
 * reliable-change rule counts towards reliable improvement. */
static void eq_pair(void *ctx, int64_t episode, int position, const struct change_result *cls)
{
	struct eq_episode *x = eq_discharged(ctx, episode);
	if (!x || !x->n.eligible)
		return;
	x->n.complete = 1;
	if (position == 0 && cls->reliable != CHANGE_NOT_ASSESSED) {
		x->n.pairs++;
		x->n.reliable += cls->reliable == CHANGE_RELIABLE_IMPROVEMENT;
	}
}

int app_report_equity(struct app *a, int32_t from, int32_t to, const char *team, struct app_equity *out,
                      struct app_outcomes *outcomes, struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	if (outcomes)
		memset(outcomes, 0, sizeof *outcomes);
	const struct instrument_set *set;
	int rc = app_instruments(a, &set, e);
	if (rc)
		return rc;
	struct store_teams teams;
	rc = report_read_begin(a, team, &teams, e);
	if (rc)
		return rc;
	struct eq_ctx c = {0};
	idmap_init(&c.discharged);
	struct app_outcomes o;
	memset(&o, 0, sizeof o);
	rc = store_report_equity(a->db, from, to, &teams, eq_row, &c, e);
	struct pair_hook hook = {eq_pair, eq_measured, &c};
	if (!rc)
		rc = outcomes_read(a, set, from, to, &teams, &o, &hook, e);
	rc = app_end_read(a, rc);
	if (outcomes && !rc)
		*outcomes = o;
	else
		app_outcomes_free(&o);
	for (size_t i = 0; !rc && i < c.n; i++) {
		const struct eq_episode *x = &c.ep[i];
		equity_add(&out->decile[equity_decile_index(x->decile)], &x->n);
		equity_add(&out->quintile[equity_quintile_index(x->decile)], &x->n);
		equity_add(&out->ethnic[x->ethnic], &x->n);
		equity_add(&out->relation[x->relation], &x->n);
		equity_add(&out->total, &x->n);
	}
	free(c.ep);
	idmap_free(&c.discharged);
	return rc;
}
