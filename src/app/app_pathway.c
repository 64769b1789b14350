/* app_pathway.c: eligibility checks and triage, episode state moves, their
 * history, the waiting list and the waiting report (see app_pathway.h). */
#include "app/app_pathway.h"
#include "app/app_scope.h"

#include "app/app_alerts.h"
#include "app/app_files.h"
#include "app/app_risk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/codes.h"
#include "store/store_appointment.h"
#include "store/store_batch.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"

/* ---- Rules --------------------------------------------------------------- */

int app_rules_load(const char *path, struct eligibility_config *c, char *source, size_t n, struct dy_err *e)
{
	eligibility_config_init(c);
	const char *env = getenv(APP_RULES_ENV);
	const char *use = NULL;
	if (path && *path)
		use = path;
	else if (env && *env)
		use = env;
	else if (access(APP_RULES_LOCAL, R_OK) == 0)
		use = APP_RULES_LOCAL;
	if (!use) {
		str_copy(source, n, "built-in defaults");
		return 0;
	}
	str_copy(source, n, use);
	return eligibility_load_file(use, c, e);
}

int app_programme_check(const char *programme, struct dy_err *e)
{
	size_t len = programme ? strlen(programme) : 0;
	if (len >= ELIGIBILITY_NAME_MAX)
		return dy_fail(e, DY_EINVAL, "programme", "is longer than %d characters", ELIGIBILITY_NAME_MAX - 1);
	for (size_t i = 0; i < len; i++) {
		char ch = programme[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'))
			return dy_fail(e, DY_EINVAL, "programme",
			               "must be a programme code of lower-case letters, digits and '_' (like minding_the_baby)");
	}
	return 0;
}

/* ---- Facts and checking --------------------------------------------------- */

/* The facts of referral ep as they stood when it was received. The strings
 * of f point into the people, which the caller keeps. */
static int facts_for(struct app *a, const struct episode *ep, const struct pathway_referral *p,
                     const char *programme, struct person *infant, struct person *carer,
                     struct eligibility_facts *f, struct dy_err *e)
{
	int rc = store_person_get(a->db, ep->infant_id, infant, e);
	if (rc)
		return rc;
	memset(carer, 0, sizeof *carer);
	carer->date_of_birth = DATE_NONE;
	if (ep->caregiver_id && (rc = store_person_get(a->db, ep->caregiver_id, carer, e)))
		return rc;
	memset(f, 0, sizeof *f);
	f->received = ep->received_on;
	f->infant_dob = infant->date_of_birth;
	f->edd = infant->edd;
	if (f->infant_dob != DATE_NONE && f->infant_dob > ep->received_on) {
		/* Born since the referral: at referral it was a pregnancy. */
		if (f->edd == DATE_NONE)
			f->edd = f->infant_dob;
		f->infant_dob = DATE_NONE;
	}
	f->caregiver_dob = carer->date_of_birth;
	f->first_time_parent = p->first_time_parent;
	f->postcode = carer->postcode[0] ? carer->postcode : infant->postcode;
	f->programme = programme;
	return 0;
}

/* Evaluates an already loaded referral into out. */
static int check_loaded(struct app *a, const struct episode *ep, const struct pathway_referral *p,
                        const struct eligibility_config *c, const char *programme, struct referral_check *out,
                        struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	out->episode_id = ep->id;
	out->state = p->state;
	str_copy(out->programme, sizeof out->programme, programme ? programme : p->programme);
	if (app_programme_check(out->programme, e))
		return DY_EINVAL;
	struct person infant, carer;
	struct eligibility_facts f;
	int rc = facts_for(a, ep, p, out->programme, &infant, &carer, &f, e);
	if (!rc)
		rc = eligibility_evaluate(c, &f, &out->result, e);
	return rc;
}

int app_referral_check(struct app *a, int64_t id, const struct eligibility_config *c, const char *programme,
                       struct referral_check *out, struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_EPISODE, id, SCOPE_IDENTITY, NULL, e);
	if (scope_rc)
		return scope_rc;
	struct episode ep;
	struct pathway_referral p;
	int rc = app_begin_read(a, e);
	if (!rc)
		rc = store_episode_get(a->db, id, &ep, e);
	if (!rc)
		rc = store_pathway_get(a->db, id, &p, e);
	if (!rc)
		rc = check_loaded(a, &ep, &p, c, programme, out, e);
	return app_end_read(a, rc);
}

/* ---- Moves ------------------------------------------------------------------ */

static void stamp(char out[PATHWAY_STAMP_LEN])
{
	date_now_utc(out);
}

int app_pathway_move(struct app *a, int64_t id, enum episode_state to, int32_t date, const char *reason,
                     const char *service, struct dy_err *e)
{
	struct pathway_referral p;
	int rc = store_pathway_get(a->db, id, &p, e);
	if (rc)
		return rc;
	struct episode_transition t = {.from = p.state, .to = to, .date = date, .since = p.state_on,
	                               .user = a->actor, .reason = reason, .service = service,
	                               .discharge_reason = reason};
	if ((rc = episode_state_check(&t, e)))
		return rc;
	if (date > a->today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future: record a move once it has happened");
	struct pathway_event ev = {.episode_id = id, .from = (int)p.state, .to = to, .date = date};
	str_copy(ev.actor, sizeof ev.actor, a->actor);
	str_copy(ev.reason, sizeof ev.reason, reason);
	str_copy(ev.service, sizeof ev.service, service);
	stamp(ev.recorded_at);
	rc = store_pathway_event_insert(a->db, &ev, e);
	if (!rc)
		rc = store_pathway_set_state(a->db, id, to, e);
	return rc;
}

int app_reopen_window(int *days, struct dy_err *e)
{
	const char *v = getenv(APP_REOPEN_ENV);
	*days = APP_REOPEN_DEFAULT_DAYS;
	if (!v || !*v)
		return 0;
	int64_t n;
	if (str_parse_i64(v, 0, 365, &n))
		return dy_fail(e, DY_EINVAL, APP_REOPEN_ENV, "must be a whole number of days from 0 to 365");
	*days = (int)n;
	return 0;
}

/* The state the last discharge of a referral moved it from. */
static int before_discharge(void *ctx, const struct pathway_event *ev)
{
	if (ev->to == EPISODE_DISCHARGED && ev->from != PATHWAY_NO_STATE)
		*(int *)ctx = ev->from;
	return 0;
}

int app_referral_reopen(struct app *a, int64_t id, int32_t on, const char *reason, int window_days,
                        enum episode_state *to, struct dy_err *e)
{
	int rc = app_begin_on(a, SCOPE_OF_EPISODE, id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (rc)
		return rc;
	struct episode ep;
	struct pathway_referral p;
	int prev = -1;
	rc = store_episode_get(a->db, id, &ep, e);
	if (!rc)
		rc = store_pathway_get(a->db, id, &p, e);
	if (!rc && p.state != EPISODE_DISCHARGED)
		rc = dy_fail(e, DY_ECONFLICT, "referral", "only a discharged referral can be reopened (this one is %s)",
		             episode_state_label(p.state));
	if (!rc && on > a->today)
		rc = dy_fail(e, DY_EINVAL, "date", "is in the future");
	if (!rc && on - ep.discharged_on > window_days)
		rc = dy_fail(e, DY_ECONFLICT, "date", "is %d days after the discharge: a referral is reopened within %d days"
		             " (%s); log a new referral with --previous %lld instead",
		             (int)(on - ep.discharged_on), window_days, APP_REOPEN_ENV, (long long)id);
	if (!rc)
		rc = store_pathway_event_list(a->db, id, before_discharge, &prev, e);
	if (!rc && prev < 0)
		rc = dy_fail(e, DY_ECONFLICT, "referral", "its history does not say which state it was discharged from");
	if (!rc) {
		struct episode_transition t = {.from = EPISODE_DISCHARGED, .to = (enum episode_state)prev, .date = on,
		                               .since = p.state_on, .user = a->actor, .reason = reason, .reopen = 1};
		rc = episode_state_check(&t, e);
	}
	if (!rc) {
		struct pathway_event ev = {.episode_id = id, .from = EPISODE_DISCHARGED, .to = (enum episode_state)prev,
		                           .date = on};
		str_copy(ev.actor, sizeof ev.actor, a->actor);
		str_copy(ev.reason, sizeof ev.reason, reason);
		stamp(ev.recorded_at);
		rc = store_pathway_event_insert(a->db, &ev, e);
	}
	if (!rc)
		rc = store_pathway_set_state(a->db, id, (enum episode_state)prev, e);
	if (!rc) {
		ep.discharged_on = DATE_NONE;
		ep.discharge_reason[0] = ep.transferred_to[0] = '\0';
		rc = store_episode_update(a->db, &ep, e);
	}
	if (!rc)
		rc = store_outcome_delete(a->db, id, e);
	if (!rc)
		*to = (enum episode_state)prev;
	return app_end(a, rc, "referral.reopen", "episode", id, NULL, e);
}

int app_pathway_open(struct app *a, const struct episode *ep, struct dy_err *e)
{
	struct pathway_event ev = {.episode_id = ep->id, .from = PATHWAY_NO_STATE, .to = EPISODE_RECEIVED,
	                           .date = ep->received_on};
	str_copy(ev.actor, sizeof ev.actor, a->actor);
	stamp(ev.recorded_at);
	int rc = store_pathway_event_insert(a->db, &ev, e);
	enum episode_state st = EPISODE_RECEIVED;
	int32_t on = ep->received_on;
	if (!rc && strcmp(ep->decision, "pending") != 0 && ep->decision[0]) {
		ev.from = (int)st;
		st = episode_state_from_record(ep->decision, 0, 0, 0);
		ev.to = st;
		ev.date = on = ep->decided_on > on ? ep->decided_on : on;
		str_copy(ev.reason, sizeof ev.reason, st == EPISODE_DECLINED ? "not recorded" : "");
		str_copy(ev.service, sizeof ev.service, st == EPISODE_SIGNPOSTED ? "not recorded" : "");
		rc = store_pathway_event_insert(a->db, &ev, e);
	}
	if (!rc && ep->discharged_on != DATE_NONE && episode_state_is_open(st)) {
		ev.from = (int)st;
		ev.to = st = EPISODE_DISCHARGED;
		ev.date = ep->discharged_on > on ? ep->discharged_on : on;
		str_copy(ev.reason, sizeof ev.reason, ep->discharge_reason);
		ev.service[0] = '\0';
		rc = store_pathway_event_insert(a->db, &ev, e);
	}
	if (!rc && st != EPISODE_RECEIVED)
		rc = store_pathway_set_state(a->db, ep->id, st, e);
	return rc;
}

int app_pathway_after_contact(struct app *a, const struct contact *c, int *moved, struct dy_err *e)
{
	*moved = -1;
	if (strcmp(c->attendance, "attended") != 0)
		return 0;
	struct pathway_referral p;
	int rc = store_pathway_get(a->db, c->episode_id, &p, e);
	if (rc)
		return rc;
	int assessment = strcmp(c->kind, "assessment") == 0;
	int intervention = strcmp(c->kind, "intervention") == 0 || strcmp(c->kind, "group") == 0;
	enum episode_state to;
	if (assessment && p.state == EPISODE_AWAITING_ASSESSMENT)
		to = EPISODE_ASSESSED;
	else if (intervention && (p.state == EPISODE_ASSESSED || p.state == EPISODE_AWAITING_INTERVENTION))
		to = EPISODE_IN_INTERVENTION;
	else
		return 0;
	int32_t on = p.state_on != DATE_NONE && c->date < p.state_on ? p.state_on : c->date;
	char note[64];
	snprintf(note, sizeof note, "attended %s contact %lld", c->kind, (long long)c->id);
	if (!(rc = app_pathway_move(a, c->episode_id, to, on, note, NULL, e)))
		*moved = (int)to;
	return rc;
}

/* ---- Triage ----------------------------------------------------------------- */

int app_referral_triage(struct app *a, const struct triage_request *t, const struct eligibility_config *c,
                        struct referral_check *check, struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_EPISODE, t->episode_id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (scope_rc)
		return scope_rc;
	struct referral_check local;
	if (!check)
		check = &local;
	memset(check, 0, sizeof *check);
	enum episode_state to;
	if (!t->decision || !*t->decision)
		return dy_fail(e, DY_EINVAL, "decision", "is required: accepted, declined or signposted");
	if (strcmp(t->decision, "accepted") == 0)
		to = EPISODE_AWAITING_ASSESSMENT;
	else if (strcmp(t->decision, "declined") == 0)
		to = EPISODE_DECLINED;
	else if (strcmp(t->decision, "signposted") == 0)
		to = EPISODE_SIGNPOSTED;
	else
		return dy_fail(e, DY_EINVAL, "decision", "must be accepted, declined or signposted");
	if (t->n_overrides && to != EPISODE_AWAITING_ASSESSMENT)
		return dy_fail(e, DY_EINVAL, "override", "applies only when accepting a referral");
	if (t->date == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required: the day of the decision");
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	struct episode ep;
	struct pathway_referral p;
	rc = store_episode_get(a->db, t->episode_id, &ep, e);
	if (!rc)
		rc = store_pathway_get(a->db, t->episode_id, &p, e);
	if (!rc) {
		/* The move first: a referral already triaged is refused as such. */
		struct episode_transition tr = {.from = p.state, .to = to, .date = t->date, .since = p.state_on,
		                                .user = a->actor, .reason = t->reason, .service = t->service};
		rc = episode_state_check(&tr, e);
	}
	if (!rc && to == EPISODE_AWAITING_ASSESSMENT) {
		rc = check_loaded(a, &ep, &p, c, NULL, check, e);
		int eligible = 0;
		if (!rc)
			rc = eligibility_decide(&check->result, t->overrides, t->n_overrides, &eligible, e);
		if (!rc && !eligible) {
			char missing[160] = "";
			size_t used = 0;
			for (size_t i = 0; i < check->result.n_reasons; i++) {
				const char *code = eligibility_rule_code(check->result.reasons[i].rule);
				int have = 0;
				for (size_t j = 0; j < t->n_overrides; j++)
					have |= strcmp(t->overrides[j].rule, code) == 0;
				if (!have && used < sizeof missing)
					used += (size_t)snprintf(missing + used, sizeof missing - used, "%s%s", used ? ", " : "",
					                         code);
			}
			rc = dy_fail(e, DY_ECONFLICT, "override",
			             "referral %lld is not eligible; to accept it, give an override with a reason for each"
			             " failed rule: %s",
			             (long long)t->episode_id, missing);
		}
	}
	if (!rc)
		rc = app_pathway_move(a, t->episode_id, to, t->date, t->reason, t->service, e);
	for (size_t i = 0; !rc && i < t->n_overrides; i++) {
		struct pathway_override o = {.episode_id = t->episode_id, .date = t->date};
		str_copy(o.rule, sizeof o.rule, t->overrides[i].rule);
		str_copy(o.reason, sizeof o.reason, t->overrides[i].reason);
		str_copy(o.actor, sizeof o.actor, a->actor);
		stamp(o.recorded_at);
		rc = store_pathway_override_insert(a->db, &o, e);
		if (rc == DY_ECONFLICT)
			dy_fail(e, DY_EINVAL, "override", "names the rule %s twice", o.rule);
	}
	if (!rc) {
		str_copy(ep.decision, sizeof ep.decision, t->decision);
		ep.decided_on = t->date;
		rc = store_episode_update(a->db, &ep, e);
	}
	char detail[64];
	snprintf(detail, sizeof detail, "%s%s%zu override%s", t->decision, t->n_overrides ? ", " : "",
	         t->n_overrides, t->n_overrides == 1 ? "" : "s");
	if (!t->n_overrides)
		str_copy(detail, sizeof detail, t->decision);
	return app_end(a, rc, "referral.triage", "episode", t->episode_id, detail, e);
}

int app_referral_move(struct app *a, int64_t id, const char *to_code, int32_t date, const char *note,
                      struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_EPISODE, id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (scope_rc)
		return scope_rc;
	enum episode_state to;
	if (episode_state_parse(to_code ? to_code : "", &to, e)) {
		str_copy(e->field, sizeof e->field, "to");
		return DY_EINVAL;
	}
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	struct pathway_referral p;
	rc = store_pathway_get(a->db, id, &p, e);
	if (!rc && !episode_state_allowed(p.state, to)) {
		struct episode_transition t = {.from = p.state, .to = to, .date = date, .user = a->actor};
		rc = episode_state_check(&t, e);
	}
	if (!rc && (to == EPISODE_AWAITING_ASSESSMENT || to == EPISODE_DECLINED || to == EPISODE_SIGNPOSTED))
		rc = dy_fail(e, DY_ECONFLICT, "to", "%s is a triage outcome: record it with the triage step, which checks"
		             " eligibility", episode_state_label(to));
	if (!rc && to == EPISODE_DISCHARGED)
		rc = dy_fail(e, DY_ECONFLICT, "to", "record a discharge with its reason and each infant's care status");
	if (!rc && date == DATE_NONE)
		rc = dy_fail(e, DY_EINVAL, "date", "is required: every move is dated");
	if (!rc && note && *note && strlen(note) >= PATHWAY_TEXT_MAX)
		rc = dy_fail(e, DY_EINVAL, "reason", "is longer than %d characters", PATHWAY_TEXT_MAX - 1);
	if (!rc)
		rc = app_pathway_move(a, id, to, date, note, NULL, e);
	return app_end(a, rc, "referral.move", "episode", id, episode_state_code(to), e);
}

int app_referral_pathway(struct app *a, int64_t id, struct pathway_referral *p, struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_EPISODE, id, SCOPE_IDENTITY, NULL, e);
	if (scope_rc)
		return scope_rc;
	return store_pathway_get(a->db, id, p, e);
}

int app_referral_facts(struct app *a, int64_t id, const char *programme, enum eligibility_answer ftp,
                       struct dy_err *e)
{
	if (app_programme_check(programme, e))
		return DY_EINVAL;
	int rc = app_begin_on(a, SCOPE_OF_EPISODE, id, SCOPE_BOOKING_WRITE, NULL, e);
	if (rc)
		return rc;
	rc = store_pathway_set_facts(a->db, id, programme, ftp, e);
	return app_end(a, rc, "referral.facts", "episode", id, programme, e);
}

/* Checks the caller may see referral id and opens a read transaction in
 * which it exists: 0 (end it with app_end_read), or an error with none open. */
static int referral_read(struct app *a, int64_t id, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, id, SCOPE_IDENTITY, NULL, e);
	if (rc || (rc = app_begin_read(a, e)))
		return rc;
	struct pathway_referral p;
	rc = store_pathway_get(a->db, id, &p, e);
	return rc ? app_end_read(a, rc) : 0;
}

int app_referral_history(struct app *a, int64_t id, store_pathway_event_fn fn, void *ctx, struct dy_err *e)
{
	int rc = referral_read(a, id, e);
	return rc ? rc : app_end_read(a, store_pathway_event_list(a->db, id, fn, ctx, e));
}

int app_referral_overrides(struct app *a, int64_t id, store_pathway_override_fn fn, void *ctx, struct dy_err *e)
{
	int rc = referral_read(a, id, e);
	return rc ? rc : app_end_read(a, store_pathway_override_list(a->db, id, fn, ctx, e));
}

/* ---- Waiting ---------------------------------------------------------------- */

struct who {
	int64_t episode_id, family_id, infant_id;
};

struct list_ctx {
	struct waiting_list *l;
	const struct clock_targets *t;
	struct waiting_entry *w;
	size_t nw, capw;
	struct who *who; /* sorted by episode id once read */
	size_t nwho, capwho;
};

static int list_row(void *ctx, const struct pathway_clock_row *r)
{
	struct list_ctx *c = ctx;
	struct clock_result res;
	struct dy_err ignore;
	if (clock_compute_events(&r->ev, c->t, c->l->as_of, &res, &ignore)) {
		c->l->skipped++;
		return 0;
	}
	struct waiting_entry w[CLOCK_COUNT];
	size_t k = waiting_entries_from_result(r->episode_id, &res, w);
	if (!k)
		return 0;
	if (c->nw + k > c->capw) {
		c->capw = c->capw ? 2 * c->capw : 1024;
		c->w = xrealloc(c->w, c->capw * sizeof *c->w);
	}
	memcpy(c->w + c->nw, w, k * sizeof *w);
	c->nw += k;
	if (c->nwho == c->capwho) {
		c->capwho = c->capwho ? 2 * c->capwho : 1024;
		c->who = xrealloc(c->who, c->capwho * sizeof *c->who);
	}
	c->who[c->nwho++] = (struct who){r->episode_id, r->family_id, r->infant_id};
	return 0;
}

static int who_by_episode(const void *x, const void *y)
{
	int64_t a = ((const struct who *)x)->episode_id, b = ((const struct who *)y)->episode_id;
	return (a > b) - (a < b);
}

static const struct who *find_who(const struct list_ctx *c, int64_t episode_id)
{
	size_t lo = 0, hi = c->nwho;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->who[mid].episode_id < episode_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->nwho && c->who[lo].episode_id == episode_id ? &c->who[lo] : NULL;
}

static int by_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

/* Sorts ids and drops repeats; returns how many remain. */
static size_t distinct_ids(int64_t *ids, size_t n)
{
	qsort(ids, n, sizeof *ids, by_id);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!k || ids[k - 1] != ids[i])
			ids[k++] = ids[i];
	return k;
}

/* The longest safeguarding and risk texts a row shows (longer are cut). */
enum { SAFEGUARDING_TEXT = 120, RISK_TEXT = 200 };

/* A copy of s in the list's text ("" itself costs nothing). */
static const char *list_text(struct waiting_list *l, const char *s)
{
	return *s ? arena_strdup(&l->text, s) : "";
}

struct names {
	struct waiting_list *l;
	int64_t *infant_ids; /* distinct, ascending */
	size_t n;
	const char **name;   /* infant_ids[i]'s name in l->text, NULL until read */
};

static int name_of(void *ctx, const struct person *p)
{
	struct names *nm = ctx;
	const int64_t *at = bsearch(&p->id, nm->infant_ids, nm->n, sizeof p->id, by_id);
	if (at) {
		char full[2 * NAME_BYTES];
		str_full_name(full, sizeof full, p->given_name, p->family_name);
		nm->name[at - nm->infant_ids] = list_text(nm->l, full);
	}
	return 0;
}

/* A family's columns of the waiting list (texts in the list's text). */
struct family_cols {
	int in_team; /* 0: another team's family, left out */
	int level;
	const char *safeguarding;
	const char *risk;
	int nrisks;
	const char *first_risk; /* the oldest open flag's label, NULL none */
};

struct risk_cols {
	const int64_t *fams; /* ascending */
	size_t n;
	struct family_cols *cols;
	struct waiting_list *l;
};

static int risk_col(void *ctx, const struct stored_risk *r)
{
	struct risk_cols *rc = ctx;
	const int64_t *f = bsearch(&r->family_id, rc->fams, rc->n, sizeof *rc->fams, by_id);
	if (f) {
		struct family_cols *c = &rc->cols[f - rc->fams];
		if (!c->nrisks++) /* the oldest comes first */
			c->first_risk = list_text(rc->l, r->label);
	}
	return 0;
}

/* The open risk flags of the families fams[0..n) in the caller's teams, in
 * one read (store_risk_open_many reads every open flag once when they are
 * fewer than the families), into their risk column. */
static int risk_columns(struct app *a, const int64_t *fams, size_t n, struct family_cols *cols,
                        struct waiting_list *l, struct dy_err *e)
{
	for (size_t i = 0; i < n; i++)
		cols[i].risk = "";
	if (!(a->user.roles & app_scope_roles(SCOPE_CLINICAL)))
		return 0; /* as app_family_alerts_many: flags are for clinical roles */
	int64_t *kept = xcalloc(n ? n : 1, sizeof *kept);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (cols[i].in_team)
			kept[k++] = fams[i];
	struct risk_cols ctx = {fams, n, cols, l};
	int rc = k ? app_risks_of_families(a, kept, k, risk_col, &ctx, e) : 0;
	for (size_t i = 0; !rc && i < n; i++) {
		if (!cols[i].nrisks)
			continue;
		char line[RISK_TEXT];
		app_alerts_risk_line(cols[i].first_risk, cols[i].nrisks, line, sizeof line);
		cols[i].risk = list_text(l, line);
	}
	free(kept);
	return rc;
}

/* The columns of the n families fams (ascending) into cols, STORE_BATCH
 * families at a time (a family's alerts are large; the columns are not),
 * and the names of the infants nm lists from the same read of the people. */
static int family_columns(struct app *a, const int64_t *fams, size_t n, struct family_cols *cols, struct names *nm,
                          struct dy_err *e)
{
	struct waiting_list *l = nm->l;
	struct family_alerts *al = xcalloc(STORE_BATCH, sizeof *al);
	struct alerts_read how = {.each_person = name_of, .person_ctx = nm, .no_risks = 1, .no_notes = 1,
	                         .infants_only = 1};
	int rc = 0;
	for (size_t from = 0; !rc && from < n; from += STORE_BATCH) {
		size_t k = n - from < STORE_BATCH ? n - from : STORE_BATCH;
		rc = app_family_alerts_many(a, fams + from, k, al, &how, e);
		for (size_t i = 0; !rc && i < k; i++) {
			struct family_cols *c = &cols[from + i];
			c->safeguarding = "";
			if (!(c->in_team = al[i].family_id != 0))
				continue;
			char sg[SAFEGUARDING_TEXT];
			app_alerts_safeguarding_text(&al[i], 0, sg, sizeof sg);
			c->safeguarding = list_text(l, sg);
			for (int j = 0; j < al[i].ninfants; j++)
				if (code_safeguarding_level(al[i].infants[j].status) > c->level)
					c->level = code_safeguarding_level(al[i].infants[j].status);
		}
	}
	free(al);
	return rc ? rc : risk_columns(a, fams, n, cols, l, e);
}

/* The names, safeguarding and risk columns of the waiting rows c->w[0..nw)
 * into out->rows: a few statements for every STORE_BATCH families
 * (app_family_alerts_many) rather than several per row. A row whose family
 * is not the caller's team's is left out. */
static int fill_rows(struct app *a, const struct list_ctx *c, struct waiting_list *out, struct dy_err *e)
{
	int64_t *fams = xcalloc(c->nw ? c->nw : 1, sizeof *fams);
	int64_t *infants = xcalloc(c->nw ? c->nw : 1, sizeof *infants);
	size_t nf = 0, ni = 0;
	for (size_t i = 0; i < c->nw; i++) {
		const struct who *w = find_who(c, c->w[i].episode_id);
		if (w) {
			fams[nf++] = w->family_id;
			infants[ni++] = w->infant_id;
		}
	}
	nf = distinct_ids(fams, nf);
	ni = distinct_ids(infants, ni);
	struct family_cols *cols = xcalloc(nf ? nf : 1, sizeof *cols);
	struct names nm = {out, infants, ni, xcalloc(ni ? ni : 1, sizeof *nm.name)};
	int rc = family_columns(a, fams, nf, cols, &nm, e);
	if (!rc) { /* an infant recorded in another family than its referral's (none expected) */
		int64_t *missing = xcalloc(ni ? ni : 1, sizeof *missing);
		size_t nm_missing = 0;
		for (size_t i = 0; i < ni; i++)
			if (!nm.name[i])
				missing[nm_missing++] = infants[i];
		if (nm_missing)
			rc = store_person_get_many(a->db, missing, nm_missing, name_of, &nm, e);
		free(missing);
	}
	for (size_t i = 0; !rc && i < c->nw; i++) {
		const struct who *w = find_who(c, c->w[i].episode_id);
		const int64_t *f = w ? bsearch(&w->family_id, fams, nf, sizeof *fams, by_id) : NULL;
		const struct family_cols *fc = f ? &cols[f - fams] : NULL;
		if (!fc || !fc->in_team)
			continue; /* another team's family */
		struct waiting_row *row = &out->rows[out->n++];
		row->w = c->w[i];
		row->family_id = w->family_id;
		row->infant_id = w->infant_id;
		const int64_t *in = bsearch(&w->infant_id, infants, ni, sizeof *infants, by_id);
		row->infant_name = in && nm.name[in - infants] ? nm.name[in - infants] : "";
		row->safeguarding = fc->safeguarding;
		row->risk = fc->risk;
		row->safeguarding_level = fc->level;
	}
	free(nm.name);
	free(cols);
	free(infants);
	free(fams);
	return rc;
}

/* The rows of a waiting list by referral (one row each: clock B starts only
 * when clock A stops), for matching bookings to them. */
struct booked_ctx {
	struct waiting_row **by_episode; /* ascending episode id */
	size_t n;
};

static int row_by_episode(const void *x, const void *y)
{
	int64_t a = (*(struct waiting_row *const *)x)->w.episode_id, b = (*(struct waiting_row *const *)y)->w.episode_id;
	return (a > b) - (a < b);
}

static int episode_of_row(const void *key, const void *el)
{
	int64_t a = *(const int64_t *)key, b = (*(struct waiting_row *const *)el)->w.episode_id;
	return (a > b) - (a < b);
}

static int booked_of(void *ctx, int64_t episode_id, const char *kind, int32_t day)
{
	struct booked_ctx *c = ctx;
	struct waiting_row **at = bsearch(&episode_id, c->by_episode, c->n, sizeof *c->by_episode, episode_of_row);
	if (!at || !waiting_booking_stops((*at)->w.clock, kind))
		return 0;
	struct waiting_row *r = *at;
	if (r->booked_on == DATE_NONE || day < r->booked_on) {
		r->booked_on = day;
		str_copy(r->booked_kind, sizeof r->booked_kind, kind);
	}
	return 0;
}

/* Each row's earliest booking on or after the list's day that would stop
 * its clock (issue 12: "assessment booked for 12 March: within target"):
 * one statement for the whole list. */
static int booked_columns(struct app *a, struct waiting_list *l, struct dy_err *e)
{
	struct booked_ctx c = {xcalloc(l->n ? l->n : 1, sizeof *c.by_episode), l->n};
	for (size_t i = 0; i < l->n; i++) {
		l->rows[i].booked_on = DATE_NONE;
		c.by_episode[i] = &l->rows[i];
	}
	qsort(c.by_episode, c.n, sizeof *c.by_episode, row_by_episode);
	int rc = store_appointment_next_booked(a->db, l->as_of, booked_of, &c, e);
	free(c.by_episode);
	return rc;
}

int app_waiting_list(struct app *a, int32_t as_of, const struct clock_targets *t, int breach_within,
                     struct waiting_list *out, struct dy_err *e)
{
	return app_waiting_list_ordered(a, as_of, t, breach_within, WAITING_ORDER_URGENCY, out, e);
}

/* Moves rows of families listed first by safeguarding to the front,
 * keeping the urgency order within each group. */
static void safeguarding_first(struct waiting_list *l)
{
	struct waiting_row *tmp = xcalloc(l->n ? l->n : 1, sizeof *tmp);
	size_t k = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < l->n; i++)
			if ((l->rows[i].safeguarding_level >= code_safeguarding_level("child_protection_plan")) == !pass)
				tmp[k++] = l->rows[i];
	memcpy(l->rows, tmp, l->n * sizeof *tmp);
	free(tmp);
}

int app_waiting_list_ordered(struct app *a, int32_t as_of, const struct clock_targets *t, int breach_within,
                             enum waiting_order order, struct waiting_list *out, struct dy_err *e)
{
	int scope_rc = app_scope_team(a, SCOPE_IDENTITY, e);
	if (scope_rc)
		return scope_rc;
	memset(out, 0, sizeof *out);
	arena_init(&out->text, SIZE_MAX);
	if (as_of == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "as-of", "is required");
	out->as_of = as_of;
	if (t)
		out->targets = *t;
	else
		clock_targets_default(&out->targets);
	struct list_ctx c = {.l = out, .t = &out->targets};
	int rc = app_begin_read(a, e); /* the clocks and the names at one moment */
	if (rc)
		return rc;
	rc = store_pathway_clock_rows(a->db, as_of, as_of, list_row, &c, e);
	if (!rc) {
		/* the open referrals come first, then those discharged on or after
		 * as_of: find_who searches them by episode (none: who is NULL,
		 * which qsort may not be given) */
		if (c.nwho > 1)
			qsort(c.who, c.nwho, sizeof *c.who, who_by_episode);
		waiting_sort(c.w, c.nw);
		if (breach_within >= 0)
			c.nw = waiting_filter_breach_within(c.w, c.nw, breach_within);
		out->rows = xcalloc(c.nw ? c.nw : 1, sizeof *out->rows);
		rc = fill_rows(a, &c, out, e);
		if (!rc)
			rc = booked_columns(a, out, e);
		if (!rc && order == WAITING_ORDER_SAFEGUARDING)
			safeguarding_first(out);
	}
	free(c.w);
	free(c.who);
	if (rc)
		app_waiting_list_free(out);
	return app_end_read(a, rc);
}

void app_waiting_list_free(struct waiting_list *l)
{
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
	arena_free(&l->text);
}

struct report_ctx {
	struct waiting_report *r;
	const struct clock_targets *t;
};

static int report_row(void *ctx, const struct pathway_clock_row *row)
{
	struct report_ctx *c = ctx;
	struct clock_result res;
	struct dy_err ignore;
	if (!clock_compute_events(&row->ev, c->t, c->r->to, &res, &ignore))
		waiting_report_add(c->r, &res);
	else
		c->r->skipped++; /* counted as the waiting list counts it, and said */
	return 0;
}

int app_waiting_report(struct app *a, int32_t from, int32_t to, const struct clock_targets *t,
                       struct waiting_report *r, struct dy_err *e)
{
	return app_waiting_report_team(a, from, to, NULL, t, r, e);
}

int app_waiting_report_team(struct app *a, int32_t from, int32_t to, const char *team,
                            const struct clock_targets *t, struct waiting_report *r, struct dy_err *e)
{
	struct store_teams teams;
	int scope_rc = app_scope_report_teams(a, team, &teams, e);
	if (scope_rc)
		return scope_rc;
	struct clock_targets def;
	if (!t) {
		clock_targets_default(&def);
		t = &def;
	}
	int rc = waiting_report_init(r, from, to, e);
	if (rc)
		return rc;
	struct report_ctx c = {.r = r, .t = t};
	rc = store_pathway_clock_rows_team(a->db, from, to, &teams, report_row, &c, e);
	if (!rc)
		waiting_report_finish(r);
	return rc;
}
