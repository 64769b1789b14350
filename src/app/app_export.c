/* app_export.c: CSV export of a whole team's data (the files app_import
 * reads). Each file is written to a temporary name and renamed into place,
 * so a failed export never leaves a half-written file under the real name.
 * The files hold identifiable data: they are a backup and a transfer
 * format, not an analyst extract. */
#include "app/app_transfer.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_goal.h"
#include "store/store_measure.h"
#include "store/store_pathway.h"
#include "store/store_safeguarding.h"
#include "util/buf.h"
#include "util/csv.h"
#include "util/date.h"

struct out {
	FILE *f;
	struct buf row;
	int64_t *count;
	char path[4096], tmp[4200];
	struct dy_err *e;
	int first;      /* the next cell starts the row */
};

static int out_open(struct out *o, const char *dir, const char *name, const char *const *header, int64_t *count,
                    struct dy_err *e)
{
	memset(o, 0, sizeof *o);
	o->count = count;
	o->e = e;
	snprintf(o->path, sizeof o->path, "%s/%s", dir, name);
	snprintf(o->tmp, sizeof o->tmp, "%s.tmp", o->path);
	o->f = fopen(o->tmp, "wb");
	if (!o->f)
		return dy_fail(e, DY_EINVAL, "dir", "cannot write %s: %s", name, strerror(errno));
	setvbuf(o->f, NULL, _IOFBF, 1 << 16);
	buf_init(&o->row, 1 << 20);
	for (int i = 0; header[i]; i++)
		csv_put(&o->row, header[i], i == 0);
	csv_end(&o->row);
	fwrite(o->row.data, 1, o->row.len, o->f);
	buf_reset(&o->row);
	o->first = 1;
	return 0;
}

static int out_close(struct out *o, int rc)
{
	int werr = ferror(o->f);
	if (fclose(o->f) || werr) {
		if (!rc)
			rc = dy_fail(o->e, DY_EINTERNAL, "dir", "writing %s failed", o->path);
	}
	if (!rc && rename(o->tmp, o->path))
		rc = dy_fail(o->e, DY_EINTERNAL, "dir", "cannot rename into %s: %s", o->path, strerror(errno));
	if (rc)
		remove(o->tmp);
	buf_free(&o->row);
	return rc;
}

/* Appends one cell to the row being built (the comma comes by itself). */
static void cell(struct out *o, const char *v)
{
	csv_put(&o->row, v, o->first);
	o->first = 0;
}

static void cell_id(struct out *o, int64_t v)
{
	char s[24] = "";
	if (v)
		snprintf(s, sizeof s, "%lld", (long long)v);
	cell(o, s);
}

static void cell_int(struct out *o, int v, int absent)
{
	char s[16] = "";
	if (v != absent)
		snprintf(s, sizeof s, "%d", v);
	cell(o, s);
}

static void cell_date(struct out *o, int32_t d)
{
	char s[DATE_LEN];
	date_format(d, s);
	cell(o, s);
}

static void cell_ids(struct out *o, const int64_t *ids, int n)
{
	char s[8 * 21] = "";
	size_t used = 0;
	for (int i = 0; i < n; i++)
		used += (size_t)snprintf(s + used, sizeof s - used, "%s%lld", i ? ";" : "", (long long)ids[i]);
	cell(o, s);
}

static int row_end(struct out *o)
{
	csv_end(&o->row);
	fwrite(o->row.data, 1, o->row.len, o->f);
	buf_reset(&o->row);
	o->first = 1;
	(*o->count)++;
	return 0;
}

static int put_practitioner(void *ctx, const struct practitioner *p)
{
	struct out *o = ctx;
	cell_id(o, p->id);
	cell(o, p->name);
	cell(o, p->profession);
	return row_end(o);
}

static int put_person(void *ctx, const struct person *p)
{
	struct out *o = ctx;
	cell_id(o, p->id);
	cell_id(o, p->family_id);
	cell(o, p->role);
	cell(o, p->relationship);
	cell(o, p->nhs_number);
	cell(o, p->given_name);
	cell(o, p->family_name);
	cell_date(o, p->date_of_birth);
	cell_date(o, p->edd);
	cell(o, p->sex);
	cell(o, p->ethnicity);
	cell(o, p->postcode);
	cell_int(o, p->imd_decile, 0);
	cell_int(o, p->gestation_weeks, 0);
	return row_end(o);
}

static int put_episode(void *ctx, const struct episode *ep, const struct pathway_referral *p)
{
	struct out *o = ctx;
	cell_id(o, ep->id);
	cell_id(o, ep->family_id);
	cell_id(o, ep->infant_id);
	cell_id(o, ep->caregiver_id);
	cell_date(o, ep->received_on);
	cell(o, ep->source);
	cell(o, ep->decision);
	cell_date(o, ep->decided_on);
	cell_date(o, ep->discharged_on);
	cell(o, ep->discharge_reason);
	cell(o, episode_state_code(p->state));
	cell(o, p->programme);
	cell(o, p->first_time_parent == ELIGIBILITY_ANSWER_YES  ? "yes"
	        : p->first_time_parent == ELIGIBILITY_ANSWER_NO ? "no"
	                                                        : "");
	return row_end(o);
}

static int put_event(void *ctx, const struct pathway_event *ev)
{
	struct out *o = ctx;
	cell_id(o, ev->episode_id);
	cell(o, ev->from == PATHWAY_NO_STATE ? "" : episode_state_code((enum episode_state)ev->from));
	cell(o, episode_state_code(ev->to));
	cell_date(o, ev->date);
	cell(o, ev->actor);
	cell(o, ev->reason);
	cell(o, ev->service);
	cell(o, ev->recorded_at);
	return row_end(o);
}

static int put_override(void *ctx, const struct pathway_override *ov)
{
	struct out *o = ctx;
	cell_id(o, ov->episode_id);
	cell(o, ov->rule);
	cell(o, ov->reason);
	cell(o, ov->actor);
	cell_date(o, ov->date);
	cell(o, ov->recorded_at);
	return row_end(o);
}

static int put_contact(void *ctx, const struct contact *c)
{
	struct out *o = ctx;
	cell_id(o, c->id);
	cell_id(o, c->episode_id);
	cell_date(o, c->date);
	cell(o, c->kind);
	cell(o, c->intervention);
	cell(o, c->location);
	cell(o, c->attendance);
	cell_int(o, c->duration_min, -1);
	cell_ids(o, c->practitioners, c->n_practitioners);
	cell_ids(o, c->attendees, c->n_attendees);
	return row_end(o);
}

static int put_safeguarding(void *ctx, const struct safeguarding *s)
{
	struct out *o = ctx;
	cell_id(o, s->infant_id);
	cell(o, s->status);
	cell_date(o, s->started_on);
	cell_date(o, s->ended_on);
	return row_end(o);
}

static int put_outcome(void *ctx, const struct discharge_outcome *d)
{
	struct out *o = ctx;
	cell_id(o, d->episode_id);
	cell_id(o, d->infant_id);
	cell(o, d->care_status);
	return row_end(o);
}

static int put_measure(void *ctx, const struct measure_record *r)
{
	struct out *o = ctx;
	const struct measure *m = &r->m;
	cell_id(o, m->episode_id);
	cell_id(o, m->person_id);
	cell(o, m->instrument);
	cell(o, m->timepoint);
	cell_date(o, m->date);
	cell(o, m->responses);
	cell_id(o, r->subject_caregiver_id);
	cell_id(o, r->subject_infant_id);
	cell_id(o, r->practitioner_id);
	cell(o, r->risk_acknowledged_by);
	cell_date(o, r->risk_acknowledged_on);
	cell(o, r->risk_action);
	return row_end(o);
}

static int put_goal(void *ctx, const struct goal *g)
{
	struct out *o = ctx;
	cell_id(o, g->id);
	cell_id(o, g->episode_id);
	cell_int(o, g->position, 0);
	cell(o, g->text);
	cell_date(o, g->set_on);
	return row_end(o);
}

static int put_goal_rating(void *ctx, const struct goal_rating *r)
{
	struct out *o = ctx;
	cell_id(o, r->goal_id);
	cell_date(o, r->date);
	cell_int(o, r->rating, -1);
	return row_end(o);
}

static const char *const h_pract[] = {"practitioner_id", "name", "profession", 0};
static const char *const h_people[] = {"person_id", "family_id", "role", "relationship", "nhs_number",
                                       "given_name", "family_name", "date_of_birth", "edd", "sex", "ethnicity",
                                       "postcode", "imd_decile", "gestation_weeks", 0};
static const char *const h_ref[] = {"referral_id", "family_id", "infant_id", "caregiver_id", "received_on",
                                    "source", "decision", "decided_on", "discharged_on", "discharge_reason",
                                    "state", "programme", "first_time_parent", 0};
static const char *const h_event[] = {"referral_id", "from_state", "to_state", "date", "actor", "reason", "service",
                                      "recorded_at", 0};
static const char *const h_override[] = {"referral_id", "rule", "reason", "actor", "date", "recorded_at", 0};
static const char *const h_contact[] = {"contact_id", "referral_id", "date", "kind", "intervention", "location",
                                        "attendance", "duration_min", "practitioner_ids", "attendee_ids", 0};
static const char *const h_sg[] = {"infant_id", "status", "started_on", "ended_on", 0};
static const char *const h_out[] = {"referral_id", "infant_id", "care_status", 0};
static const char *const h_meas[] = {"referral_id", "person_id", "instrument", "timepoint", "date", "responses",
                                     "subject_caregiver_id", "subject_infant_id", "practitioner_id",
                                     "risk_acknowledged_by", "risk_acknowledged_on", "risk_action", 0};
static const char *const h_goal[] = {"goal_id", "referral_id", "position", "text", "set_on", 0};
static const char *const h_rating[] = {"goal_id", "date", "rating", 0};

int app_export(struct app *a, const char *dir, struct transfer_counts *n, struct dy_err *e)
{
	memset(n, 0, sizeof *n);
	if (mkdir(dir, 0700) && errno != EEXIST)
		return dy_fail(e, DY_EINVAL, "dir", "cannot create the folder: %s", strerror(errno));
	/* One read transaction: every file shows the same moment. */
	int rc = db_begin_read(a->db, e);
	if (rc)
		return rc;
	struct out o;
	if (!(rc = out_open(&o, dir, "practitioners.csv", h_pract, &n->practitioners, e)))
		rc = out_close(&o, store_practitioner_list(a->db, put_practitioner, &o, e));
	if (!rc && !(rc = out_open(&o, dir, "people.csv", h_people, &n->people, e)))
		rc = out_close(&o, store_person_list(a->db, 0, put_person, &o, e));
	if (!rc && !(rc = out_open(&o, dir, "referrals.csv", h_ref, &n->referrals, e)))
		rc = out_close(&o, store_pathway_referral_list(a->db, put_episode, &o, e));
	if (!rc && !(rc = out_open(&o, dir, "contacts.csv", h_contact, &n->contacts, e)))
		rc = out_close(&o, store_contact_list(a->db, 0, put_contact, &o, e));
	if (!rc && !(rc = out_open(&o, dir, "safeguarding.csv", h_sg, &n->safeguarding, e)))
		rc = out_close(&o, store_safeguarding_list(a->db, 0, put_safeguarding, &o, e));
	if (!rc && !(rc = out_open(&o, dir, "outcomes.csv", h_out, &n->outcomes, e)))
		rc = out_close(&o, store_outcome_list(a->db, 0, put_outcome, &o, e));
	if (!rc && !(rc = out_open(&o, dir, "measures.csv", h_meas, &n->measures, e)))
		rc = out_close(&o, store_measure_record_list(a->db, 0, put_measure, &o, e));
	if (!rc && !(rc = out_open(&o, dir, "episode_events.csv", h_event, &n->events, e)))
		rc = out_close(&o, store_pathway_event_list(a->db, 0, put_event, &o, e));
	if (!rc && !(rc = out_open(&o, dir, "eligibility_overrides.csv", h_override, &n->overrides, e)))
		rc = out_close(&o, store_pathway_override_list(a->db, 0, put_override, &o, e));
	if (!rc && !(rc = out_open(&o, dir, "goals.csv", h_goal, &n->goals, e)))
		rc = out_close(&o, store_goal_list(a->db, 0, put_goal, &o, e));
	if (!rc && !(rc = out_open(&o, dir, "goal_ratings.csv", h_rating, &n->goal_ratings, e)))
		rc = out_close(&o, store_goal_rating_list(a->db, 0, put_goal_rating, &o, e));
	db_rollback(a->db);
	if (!rc && !(rc = app_begin(a, e))) /* who exported identifiable data, and when */
		rc = app_end(a, 0, "export", "team", a->team_id, NULL, e);
	return rc;
}
