/* app_correction_record.c: correcting a referral, a contact or a measure,
 * entered in error, and undoing either (see app_correction_record.h). */
#include "app/app_correction_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_audit.h"
#include "app/app_episode.h"
#include "app/app_files.h"
#include "app/app_measure.h"
#include "app/app_pathway.h"
#include "app/app_scope.h"
#include "core/correction_record.h"
#include "store/store_correction_record.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_measure.h"
#include "store/store_pathway.h"
#include "store/store_score.h"
#include "util/date.h"
#include "util/str.h"

enum kind { K_REFERRAL, K_CONTACT, K_MEASURE, K_SAFEGUARDING, K_FAMILY, K_KINDS };

static const char *const kind_names[] = {"referral", "contact", "measure", "safeguarding", "family"};
/* The table of each kind's entered-in-error mark. */
static const enum store_error_table kind_tables[] = {STORE_ERR_EPISODE, STORE_ERR_CONTACT, STORE_ERR_MEASURE,
                                                     STORE_ERR_SAFEGUARDING, STORE_ERR_FAMILY};
static const char *const *const kind_fields[] = {correction_referral_fields, correction_contact_fields,
                                                  correction_measure_fields, correction_safeguarding_fields,
                                                  correction_family_fields};

/* A record as held: its episode (for a referral, the record itself with
 * its programme, first-time-parent answer and state; none for a
 * safeguarding period, which is the infant's) and family. */
struct held {
	enum kind k;
	struct correction_referral r;
	enum episode_state state;
	struct contact c;
	struct measure_record mr;
	struct safeguarding sg;
	struct family fam;
	int64_t family_id;
	int in_error;
};

static int kind_of(const char *name, enum kind *k, struct dy_err *e)
{
	for (int i = 0; i < K_KINDS; i++)
		if (name && strcmp(name, kind_names[i]) == 0) {
			*k = (enum kind)i;
			return 0;
		}
	return dy_fail(e, DY_EINVAL, "record", "is not a kind of record that can be corrected here");
}

/* The episode a record belongs to, or a safeguarding period's infant
 * (read outside the transaction, for the scope check). */
static int owner_of(struct app *a, enum kind k, int64_t id, int64_t *owner, struct dy_err *e)
{
	int rc = app_begin_read(a, e);
	if (rc)
		return rc;
	struct contact c;
	struct measure_record mr;
	struct safeguarding sg;
	if (k == K_REFERRAL || k == K_FAMILY)
		*owner = id;
	else if (k == K_CONTACT && !(rc = store_contact_get(a->db, id, &c, e)))
		*owner = c.episode_id;
	else if (k == K_MEASURE && !(rc = store_measure_record_get(a->db, id, &mr, e)))
		*owner = mr.m.episode_id;
	else if (k == K_SAFEGUARDING && !(rc = store_safeguarding_get(a->db, id, &sg, e)))
		*owner = sg.infant_id;
	return app_end_read(a, rc);
}

/* The record's scope: its referral's, or for a safeguarding period its
 * infant's; writes to measures and safeguarding are clinical. */
static int scope(struct app *a, enum kind k, int64_t id, enum scope_need need, struct dy_err *e)
{
	int64_t owner = 0;
	int rc = owner_of(a, k, id, &owner, e);
	if (rc)
		return rc;
	if (need == SCOPE_BOOKING_WRITE && (k == K_MEASURE || k == K_SAFEGUARDING))
		need = SCOPE_CLINICAL_WRITE;
	if (k == K_FAMILY)
		return app_scope_family(a, owner, need, e);
	return app_scope_record(a, k == K_SAFEGUARDING ? SCOPE_OF_PERSON : SCOPE_OF_EPISODE, owner, need, NULL, e);
}

static int load(struct app *a, enum kind k, int64_t id, struct held *h, struct dy_err *e)
{
	memset(h, 0, sizeof *h);
	h->k = k;
	int64_t ep = id;
	int rc = 0;
	if (k == K_CONTACT && !(rc = store_contact_get(a->db, id, &h->c, e)))
		ep = h->c.episode_id;
	else if (k == K_MEASURE && !(rc = store_measure_record_get(a->db, id, &h->mr, e)))
		ep = h->mr.m.episode_id;
	if (!rc && k == K_FAMILY) {
		if (!(rc = store_family_get(a->db, id, &h->fam, e)))
			h->family_id = id;
	} else if (!rc && k == K_SAFEGUARDING) {
		struct person infant;
		if (!(rc = store_safeguarding_get(a->db, id, &h->sg, e)) &&
		    !(rc = store_person_get(a->db, h->sg.infant_id, &infant, e)))
			h->family_id = infant.family_id;
	} else if (!rc && !(rc = store_episode_get(a->db, ep, &h->r.ep, e)))
		h->family_id = h->r.ep.family_id;
	if (!rc && k == K_REFERRAL) {
		struct pathway_referral p;
		if (!(rc = store_pathway_get(a->db, id, &p, e))) {
			str_copy(h->r.programme, sizeof h->r.programme, p.programme);
			h->r.first_time_parent = p.first_time_parent;
			h->state = p.state;
		}
	}
	if (!rc && k == K_CONTACT)
		rc = store_contact_links_get(a->db, &h->c, e);
	if (!rc) {
		int in = store_record_error_get(a->db, kind_tables[k], id, e);
		rc = in < 0 ? in : 0;
		h->in_error = in > 0;
	}
	return rc;
}

static int get_field(const struct held *h, const char *field, char *out, struct dy_err *e)
{
	if (strcmp(field, CORRECTION_ERROR_FIELD) == 0) {
		str_copy(out, CORRECTION_VALUE_MAX, h->in_error ? "yes" : "");
		return 0;
	}
	switch (h->k) {
	case K_REFERRAL: return correction_referral_get(&h->r, field, out, e);
	case K_CONTACT: return correction_contact_get(&h->c, field, out, e);
	case K_SAFEGUARDING: return correction_safeguarding_get(&h->sg, field, out, e);
	case K_FAMILY: return correction_family_get(&h->fam, field, out, e);
	default: return correction_measure_get(&h->mr.m, field, out, CORRECTION_VALUE_MAX, e);
	}
}

static int set_field(struct held *h, const char *field, const char *value, struct dy_err *e)
{
	if (strcmp(field, CORRECTION_ERROR_FIELD) == 0) {
		if (strcmp(value, "yes") && strcmp(value, ""))
			return dy_fail(e, DY_EINVAL, field, "is \"yes\" or \"\"");
		h->in_error = value[0] != '\0';
		return 0;
	}
	switch (h->k) {
	case K_REFERRAL: return correction_referral_set(&h->r, field, value, e);
	case K_CONTACT: return correction_contact_set(&h->c, field, value, e);
	case K_SAFEGUARDING: return correction_safeguarding_set(&h->sg, field, value, e);
	case K_FAMILY: return correction_family_set(&h->fam, field, value, e);
	default: return correction_measure_set(&h->mr.m, field, value, e);
	}
}

/* The measure checked and scored again as on entry (app_measure_checks;
 * a rater may be absent from imported history, as on import). */
static int rescore(struct app *a, struct held *h, struct score_result *res, struct dy_err *e)
{
	const struct instrument_set *set;
	int rc = app_instruments(a, &set, e);
	if (rc)
		return rc;
	const struct instrument *in = instrument_set_find(set, h->mr.m.instrument);
	if (!in)
		return dy_fail(e, DY_EINVAL, "instrument", "no instrument with this id is loaded (see `dyad instruments list`)");
	return app_measure_checks(a, in, &h->mr, 1, res, e);
}

/* A safeguarding period checked as on entry, with at most one current
 * status per infant (a period ending or entered in error leaves room). */
static int safeguarding_write(struct app *a, struct held *h, int record_changed, struct dy_err *e)
{
	int64_t others = 0;
	int rc = 0;
	if (record_safeguarding_check(&h->sg, a->today, e))
		return DY_EINVAL;
	if (h->sg.ended_on == DATE_NONE && !h->in_error &&
	    !(rc = store_safeguarding_current_others(a->db, h->sg.infant_id, h->sg.id, &others, e)) && others)
		return dy_fail(e, DY_ECONFLICT, "ended_on", "the infant has another current safeguarding status: an"
		               " infant has one current status at most (end or correct that one first)");
	if (rc || !record_changed)
		return rc;
	rc = store_safeguarding_correct(a->db, &h->sg, e);
	if (rc == DY_ECONFLICT)
		return dy_fail(e, DY_ECONFLICT, "started_on", "this infant, status and start date are already recorded");
	return rc;
}

/* A referral checked as on entry: its codes and dates, its programme, its
 * people of its family with their roles, and, while it is open, no infant
 * or caregiver newly named on it with another open referral. */
static int referral_write(struct app *a, const struct held *before, struct held *h, struct dy_err *e)
{
	struct episode *ep = &h->r.ep;
	int64_t n = 0;
	if (record_episode_check(ep, a->today, e) || app_programme_check(h->r.programme, e))
		return DY_EINVAL;
	int rc = app_referral_checks(a, ep, e);
	if (rc)
		return rc;
	struct episode named = *ep; /* only the people the correction names anew */
	named.n_more_infants = 0;
	if (named.infant_id == before->r.ep.infant_id)
		named.infant_id = 0;
	if (named.caregiver_id == before->r.ep.caregiver_id)
		named.caregiver_id = 0;
	if ((named.infant_id || named.caregiver_id) && episode_state_is_open(h->state)) {
		struct referral_duplicates d;
		if ((rc = app_referral_duplicates(a, &named, &d, e)) || (rc = app_referral_duplicates_refuse(&d, ep->id, e)))
			return rc;
	}
	if ((rc = store_episode_contacts_before(a->db, ep->id, ep->received_on, &n, e)))
		return rc;
	if (n)
		return dy_fail(e, DY_EINVAL, "received_on", "%lld contact%s or move%s of this referral lie%s before this date",
		               (long long)n, n == 1 ? "" : "s", n == 1 ? "" : "s", n == 1 ? "s" : "");
	if ((rc = store_episode_correct(a->db, ep, e)))
		return rc;
	if (strcmp(h->r.programme, before->r.programme) || h->r.first_time_parent != before->r.first_time_parent)
		rc = store_pathway_set_facts(a->db, ep->id, h->r.programme, h->r.first_time_parent, e);
	return rc;
}

/* The same ids in the same order. */
static int same_ids(const int64_t *x, int nx, const int64_t *y, int ny)
{
	return nx == ny && (nx == 0 || memcmp(x, y, (size_t)nx * sizeof *x) == 0);
}

/* A contact checked as on entry: its codes and date (app_contact_rules),
 * its intervention against the team's catalogue when its kind or
 * intervention changes, and its practitioners and attendees when they
 * change, which are then written again. */
static int contact_write(struct app *a, const struct held *before, struct held *h, struct dy_err *e)
{
	const struct contact *c = &h->c, *was = &before->c;
	int catalogue = strcmp(c->kind, was->kind) || strcmp(c->intervention, was->intervention);
	int links = !same_ids(c->practitioners, c->n_practitioners, was->practitioners, was->n_practitioners) ||
	            !same_ids(c->attendees, c->n_attendees, was->attendees, was->n_attendees);
	struct intervention_catalogue cat;
	int rc = catalogue ? intervention_load_file(NULL, &cat, e) : 0;
	if (!rc && app_contact_rules(a, c, &h->r.ep, catalogue ? &cat : NULL, e))
		rc = DY_EINVAL;
	if (catalogue)
		intervention_catalogue_free(&cat);
	if (!rc && links)
		rc = app_contact_people_check(a, h->r.ep.family_id, c->practitioners, c->n_practitioners, c->attendees,
		                              c->n_attendees, e);
	if (!rc)
		rc = store_contact_correct(a->db, c, e);
	if (!rc && links)
		rc = store_contact_links_replace(a->db, c, e);
	return rc;
}

/* The entry rules for the corrected record, then its write. */
static int check_write(struct app *a, const struct held *before, struct held *h, int record_changed,
                       struct dy_err *e)
{
	int rc = 0;
	if (h->k == K_SAFEGUARDING)
		return safeguarding_write(a, h, record_changed, e);
	if (!record_changed)
		return 0;
	if (h->k == K_FAMILY) {
		if (h->fam.created_on > a->today)
			return dy_fail(e, DY_EINVAL, "created_on", "is in the future");
		return store_family_correct(a->db, &h->fam, e);
	}
	if (h->k == K_REFERRAL)
		return referral_write(a, before, h, e);
	if (h->k == K_CONTACT)
		return contact_write(a, before, h, e);
	struct score_result res;
	if ((rc = rescore(a, h, &res, e)))
		return rc;
	rc = store_measure_correct(a->db, &h->mr.m, e);
	if (rc == DY_ECONFLICT)
		return dy_fail(e, DY_ECONFLICT, "date",
		               "this measure is already recorded for this person, subject, timepoint and date");
	if (!rc)
		rc = store_measure_record_update(a->db, &h->mr, e);
	if (!rc)
		rc = store_score_save(a->db, h->mr.m.id, &res, 0, NULL, e);
	return rc;
}

/* A family is marked entered in error only once each of its referrals is
 * (it is then hidden as a merged family is); unmarking has no rule. */
static int family_error_rule(struct app *a, const struct held *before, const struct held *h, struct dy_err *e)
{
	int64_t live = 0;
	if (h->k != K_FAMILY || !h->in_error || before->in_error)
		return 0;
	int rc = store_family_live_referrals(a->db, h->family_id, &live, e);
	if (!rc && live)
		rc = dy_fail(e, DY_ECONFLICT, "record", "family %lld has %lld referral%s not entered in error: mark %s"
		             " entered in error first", (long long)h->family_id, (long long)live, live == 1 ? "" : "s",
		             live == 1 ? "it" : "them");
	return rc;
}

/* What apply has written so far: the correction row being filled, the
 * fields changed (comma-separated, for the audit), how many, and whether
 * any was a field of the record itself (not the entered-in-error mark). */
struct written {
	struct correction c;
	int64_t *first_id;
	char *fields;
	size_t fields_n;
	int changed, record_changed;
	const struct correction *pair; /* undone with the one reverted (NULL: none) */
};

/* Writes a correction row for field f when its value differs between
 * before and after. */
static int write_field(struct app *a, const struct held *before, const struct held *after, const char *f,
                       struct written *w, struct dy_err *e)
{
	int rc = get_field(before, f, w->c.old_value, e);
	if (rc || (rc = get_field(after, f, w->c.new_value, e)) || strcmp(w->c.old_value, w->c.new_value) == 0)
		return rc;
	w->c.id = 0;
	str_copy(w->c.field, sizeof w->c.field, f);
	int64_t reverts = w->c.reverts;
	if (w->pair && strcmp(f, w->pair->field) == 0)
		w->c.reverts = w->pair->id;
	rc = store_correction_insert(a->db, &w->c, e);
	w->c.reverts = reverts;
	if (rc)
		return rc;
	if (!w->changed && w->first_id)
		*w->first_id = w->c.id;
	size_t used = strlen(w->fields);
	snprintf(w->fields + used, w->fields_n - used, "%s%s", used ? "," : "", f);
	w->changed++;
	w->record_changed |= strcmp(f, CORRECTION_ERROR_FIELD) != 0;
	return 0;
}

/* Applies the changes to the record held (loaded in the open transaction),
 * checks and writes it and one correction row per changed field (each
 * reverting reverts, but pair's field reverting pair when pair is given). */
static int apply(struct app *a, const struct held *before, int64_t id, const struct correction_change *ch, int n,
                 const char *reason, int64_t reverts, const struct correction *pair, int64_t *first_id, char *fields,
                 size_t fields_n, struct dy_err *e)
{
	struct held h = *before;
	if (app_correction_distinct(ch, n, e))
		return DY_EINVAL;
	for (int i = 0; i < n; i++) {
		if (set_field(&h, ch[i].field, ch[i].value ? ch[i].value : "", e))
			return DY_EINVAL;
	}
	struct written w = {.first_id = first_id, .fields = fields, .fields_n = fields_n, .pair = pair};
	struct correction *c = &w.c;
	str_copy(c->entity, sizeof c->entity, kind_names[h.k]);
	c->entity_id = id;
	c->family_id = h.family_id;
	str_copy(c->reason, sizeof c->reason, reason);
	str_copy(c->corrected_by, sizeof c->corrected_by, a->actor);
	date_now_utc(c->corrected_at);
	c->reverts = reverts;
	fields[0] = '\0';
	int rc = 0;
	for (const char *const *f = kind_fields[h.k]; !rc && *f; f++)
		rc = write_field(a, before, &h, *f, &w, e);
	if (!rc)
		rc = write_field(a, before, &h, CORRECTION_ERROR_FIELD, &w, e);
	if (!rc && !w.changed)
		rc = dy_fail(e, DY_EINVAL, "field", "nothing would change: the record already holds these values");
	if (!rc)
		rc = check_write(a, before, &h, w.record_changed, e);
	if (!rc)
		rc = family_error_rule(a, before, &h, e);
	if (!rc && h.in_error != before->in_error)
		rc = store_record_error_set(a->db, kind_tables[h.k], id, h.in_error ? reason : NULL, a->actor,
		                            c->corrected_at, e);
	return rc;
}

int app_record_correct(struct app *a, const char *kind, int64_t id, const struct correction_change *ch, int n,
                       const char *reason, int64_t *first_id, struct dy_err *e)
{
	enum kind k;
	int rc = kind_of(kind, &k, e);
	if (rc || (rc = scope(a, k, id, SCOPE_BOOKING_WRITE, e)))
		return rc;
	if (correction_check_reason(reason, e))
		return DY_EINVAL;
	if (n < 1)
		return dy_fail(e, DY_EINVAL, "field", "name at least one field to correct");
	for (int i = 0; i < n; i++)
		if (strcmp(ch[i].field, CORRECTION_ERROR_FIELD) == 0)
			return dy_fail(e, DY_EINVAL, "field", "a record is marked entered in error by its own command");
	if ((rc = app_begin(a, e)))
		return rc;
	struct held h;
	char fields[256] = "", action[32];
	rc = load(a, k, id, &h, e);
	if (!rc && h.in_error)
		rc = dy_fail(e, DY_ECONFLICT, "record", "this %s is marked entered in error: undo that first", kind);
	if (!rc)
		rc = apply(a, &h, id, ch, n, reason, 0, NULL, first_id, fields, sizeof fields, e);
	snprintf(action, sizeof action, "%s.correct", kind_names[k]);
	return app_end(a, rc, action, kind_names[k], id, rc ? NULL : fields, e);
}

int app_record_error(struct app *a, const char *kind, int64_t id, const char *reason, int64_t *cid, struct dy_err *e)
{
	enum kind k;
	int rc = kind_of(kind, &k, e);
	if (rc || (rc = scope(a, k, id, SCOPE_BOOKING_WRITE, e)))
		return rc;
	if (correction_check_reason(reason, e))
		return DY_EINVAL;
	if ((rc = app_begin(a, e)))
		return rc;
	struct held h;
	char fields[256] = "", action[32];
	rc = load(a, k, id, &h, e);
	if (!rc && h.in_error)
		rc = dy_fail(e, DY_ECONFLICT, "record", "this %s is marked entered in error already", kind);
	struct correction_change ch = {CORRECTION_ERROR_FIELD, "yes"};
	if (!rc)
		rc = apply(a, &h, id, &ch, 1, reason, 0, NULL, cid, fields, sizeof fields, e);
	snprintf(action, sizeof action, "%s.error", kind_names[k]);
	return app_end(a, rc, action, kind_names[k], id, rc ? NULL : fields, e);
}

int app_record_history(struct app *a, const char *kind, int64_t id, store_correction_fn fn, void *ctx,
                       struct dy_err *e)
{
	enum kind k;
	int rc = kind_of(kind, &k, e);
	if (rc || (rc = scope(a, k, id, SCOPE_IDENTITY, e)))
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	rc = app_end_read(a, store_correction_list(a->db, kind_names[k], id, fn, ctx, e));
	char what[32];
	snprintf(what, sizeof what, "%s_history", kind_names[k]);
	return rc ? rc : app_audit_read(a, what, id, e);
}

int app_record_values(struct app *a, const char *kind, int64_t id, const char *const **fields,
                      char (*values)[CORRECTION_VALUE_MAX], int64_t *family_id, int *in_error, struct dy_err *e)
{
	enum kind k;
	int rc = kind_of(kind, &k, e);
	if (rc || (rc = scope(a, k, id, SCOPE_BOOKING_WRITE, e)))
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	struct held h;
	rc = load(a, k, id, &h, e);
	*fields = kind_fields[k];
	for (int i = 0; !rc && kind_fields[k][i] && i < CORRECTION_RECORD_FIELDS_MAX; i++)
		rc = get_field(&h, kind_fields[k][i], values[i], e);
	if ((rc = app_end_read(a, rc)))
		return rc;
	*family_id = h.family_id;
	if (in_error)
		*in_error = h.in_error;
	return app_audit_read(a, kind_names[k], id, e);
}

/* The field checked together with field of a record of kind k (a
 * contact's intervention must suit its kind), or NULL. */
static const char *paired_field(enum kind k, const char *field)
{
	if (k != K_CONTACT)
		return NULL;
	return strcmp(field, "kind") == 0 ? "intervention" : strcmp(field, "intervention") == 0 ? "kind" : NULL;
}

/* The correction of the paired field made by the same command as c. */
struct pair_find {
	const struct correction *c;
	const char *field;
	struct correction found;
	int n;
};

static int pair_of(void *ctx, const struct correction *x)
{
	struct pair_find *p = ctx;
	if (x->id != p->c->id && strcmp(x->field, p->field) == 0 && strcmp(x->corrected_at, p->c->corrected_at) == 0 &&
	    strcmp(x->corrected_by, p->c->corrected_by) == 0 && strcmp(x->reason, p->c->reason) == 0 &&
	    x->reverts == p->c->reverts) {
		p->found = *x;
		p->n = 1;
	}
	return 0;
}

/* Finds, for the undo of c on the record held, the correction of its
 * paired field made with it, still in force (pf->n 1), if any. */
static int find_pair(struct app *a, enum kind k, const struct held *h, const struct correction *c,
                     struct pair_find *pf, struct dy_err *e)
{
	char now[CORRECTION_VALUE_MAX];
	memset(pf, 0, sizeof *pf);
	pf->c = c;
	pf->field = paired_field(k, c->field);
	if (!pf->field)
		return 0;
	int rc = store_correction_list(a->db, kind_names[k], c->entity_id, pair_of, pf, e);
	int done = rc || !pf->n ? 0 : store_correction_reverted(a->db, pf->found.id, e);
	if (!rc && done < 0)
		rc = done;
	if (!rc && pf->n && !done && !(rc = get_field(h, pf->field, now, e)) && strcmp(now, pf->found.new_value) == 0)
		return 0;
	pf->n = 0;
	return rc;
}

int app_record_revert(struct app *a, const struct correction *c, const char *reason, int64_t *new_id,
                      struct dy_err *e)
{
	enum kind k;
	int rc = kind_of(c->entity, &k, e);
	if (rc || (rc = scope(a, k, c->entity_id, SCOPE_BOOKING_WRITE, e)))
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	int done = store_correction_reverted(a->db, c->id, e);
	if (done < 0)
		rc = done;
	else if (done)
		rc = dy_fail(e, DY_ECONFLICT, "correction", "correction %lld has been undone already", (long long)c->id);
	struct held h;
	char now[CORRECTION_VALUE_MAX], fields[256] = "";
	if (!rc)
		rc = load(a, k, c->entity_id, &h, e);
	if (!rc)
		rc = get_field(&h, c->field, now, e);
	if (!rc && strcmp(now, c->new_value) != 0)
		rc = dy_fail(e, DY_ECONFLICT, "correction", "%s has been changed since correction %lld: correct it directly",
		             c->field, (long long)c->id);
	if (!rc && h.in_error && strcmp(c->field, CORRECTION_ERROR_FIELD) != 0)
		rc = dy_fail(e, DY_ECONFLICT, "record", "this %s is marked entered in error: undo that first",
		             kind_names[k]);
	/* A contact's kind and intervention corrected together are undone
	 * together: either alone would break the catalogue rule. */
	struct pair_find *pf = xmalloc(sizeof *pf);
	memset(pf, 0, sizeof *pf);
	if (!rc)
		rc = find_pair(a, k, &h, c, pf, e);
	struct correction_change ch[2] = {{c->field, c->old_value}, {pf->found.field, pf->found.old_value}};
	if (!rc)
		rc = apply(a, &h, c->entity_id, ch, pf->n ? 2 : 1, reason, c->id, pf->n ? &pf->found : NULL, new_id,
		           fields, sizeof fields, e);
	free(pf);
	return app_end(a, rc, "correction.revert", "correction", c->id, rc ? NULL : fields, e);
}
