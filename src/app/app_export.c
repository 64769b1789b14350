/* app_export.c: the CSV folder writer of a whole team's data (the files
 * app_import reads), all or nothing.
 *
 * The records come from app_export_read (one read transaction); this file
 * only turns them into CSV: one file per table, hashed (BLAKE2b) as it is
 * written, fsynced, and listed with its rows and checksum in manifest.csv.
 * The folder appears complete or not at all (app_folder.c). The files hold
 * identifiable data: they are a backup and a transfer format, not an
 * analyst extract. */
#include "app/app_transfer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app_export_read.h"
#include "app/app_folder.h"
#include "app/app_manifest.h"
#include "util/buf.h"
#include "util/csv.h"
#include "util/date.h"
#include "util/str.h"

/* The export being written: the folder, its manifest, the counts. */
struct csv_export {
	struct folder dir;
	struct manifest man;
	struct transfer_counts *n;
	int64_t teams;
};

struct csv_export;

/* The file being written. */
struct out {
	struct csv_export *x;
	FILE *f;
	struct buf row;
	int64_t *count;
	struct manifest_hash hash;
	const char *name;
	struct dy_err *e;
	int first;      /* the next cell starts the row */
};

static void out_write(struct out *o, const char *data, size_t len)
{
	fwrite(data, 1, len, o->f);
	manifest_hash_update(&o->hash, data, len);
}

static int out_open(struct out *o, struct csv_export *x, const char *name, const char *const *header,
                    int64_t *count, struct dy_err *e)
{
	memset(o, 0, sizeof *o);
	o->x = x;
	o->count = count;
	o->name = name;
	o->e = e;
	int fd = folder_file(&x->dir, name, e);
	if (fd < 0)
		return DY_EINVAL;
	/* The FILE writes through a duplicate: the folder keeps fd for linking. */
	int dup_fd = dup(fd);
	o->f = dup_fd < 0 ? NULL : fdopen(dup_fd, "wb");
	if (!o->f) {
		if (dup_fd >= 0)
			close(dup_fd);
		return dy_fail(e, DY_EINVAL, "dir", "cannot write an export file: %s", strerror(errno));
	}
	setvbuf(o->f, NULL, _IOFBF, 1 << 16);
	manifest_hash_init(&o->hash);
	buf_init(&o->row, 1 << 20);
	for (int i = 0; header[i]; i++)
		csv_put(&o->row, header[i], i == 0);
	csv_end(&o->row);
	out_write(o, o->row.data, o->row.len);
	buf_reset(&o->row);
	o->first = 1;
	return 0;
}

/* Flushes, fsyncs and closes the file, and notes it in the manifest. */
static int out_close(struct out *o, int rc)
{
	int werr = fflush(o->f) || ferror(o->f) || fsync(fileno(o->f));
	if (fclose(o->f) || werr) {
		if (!rc)
			rc = dy_fail(o->e, DY_EINTERNAL, "dir", "writing %s failed: %s", o->name, strerror(errno));
	}
	if (!rc)
		manifest_add(&o->x->man, o->name, *o->count, &o->hash);
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
	out_write(o, o->row.data, o->row.len);
	buf_reset(&o->row);
	o->first = 1;
	(*o->count)++;
	return 0;
}

static int put_team(void *ctx, const struct team *t)
{
	struct out *o = ctx;
	cell(o, t->code);
	cell(o, t->name);
	cell(o, t->demo ? "yes" : "no");
	return row_end(o);
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
	cell(o, p->loss);
	cell_date(o, p->loss[0] ? p->loss_on : DATE_NONE);
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
	cell(o, eligibility_answer_code(p->first_time_parent));
	cell_ids(o, ep->more_infants, ep->n_more_infants);
	cell(o, ep->transferred_to);
	cell_id(o, ep->previous_id);
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
	cell_id(o, s->id);
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

static int put_note(void *ctx, const struct note *n)
{
	struct out *o = ctx;
	cell_id(o, n->id);
	cell_id(o, n->episode_id);
	cell_id(o, n->contact_id);
	cell(o, n->kind);
	cell(o, n->author);
	cell(o, n->written_at);
	cell(o, n->text);
	cell(o, n->signed_at);
	cell_id(o, n->addendum_to);
	cell(o, n->error_reason);
	cell(o, n->error_by);
	cell(o, n->error_at);
	return row_end(o);
}

static int put_careplan(void *ctx, const struct care_plan *p)
{
	struct out *o = ctx;
	cell_id(o, p->id);
	cell_id(o, p->episode_id);
	cell(o, p->intervention);
	cell_date(o, p->start_on);
	cell_int(o, p->planned_sessions, 0);
	cell(o, careplan_status_code(p->status));
	cell_date(o, p->status_on);
	cell(o, p->stop_reason);
	cell_ids(o, p->practitioners, p->n_practitioners);
	cell_ids(o, p->goals, p->n_goals);
	cell_int(o, p->delivered, -1);
	cell(o, p->created_by);
	return row_end(o);
}

static int put_group_run(void *ctx, const struct group_run *r)
{
	struct out *o = ctx;
	cell_id(o, r->id);
	cell(o, r->intervention);
	cell_date(o, r->starts_on);
	cell_int(o, r->sessions, 0);
	cell(o, r->venue);
	cell(o, r->location);
	cell_int(o, r->capacity, 0);
	cell_ids(o, r->facilitators, r->n_facilitators);
	cell(o, r->created_by);
	return row_end(o);
}

static int put_group_enrolment(void *ctx, const struct group_enrolment *en)
{
	struct out *o = ctx;
	cell_id(o, en->id);
	cell_id(o, en->run_id);
	cell_id(o, en->episode_id);
	cell_id(o, en->person_id);
	cell_date(o, en->enrolled_on);
	return row_end(o);
}

static int put_group_mark(void *ctx, const struct group_mark *m)
{
	struct out *o = ctx;
	cell_id(o, m->run_id);
	cell_int(o, m->number, 0);
	cell_date(o, m->date);
	cell_id(o, m->enrolment_id);
	cell(o, !m->enrolment_id ? "" : m->attended ? "yes" : "no");
	cell_id(o, m->contact_id);
	return row_end(o);
}

static int put_group_wait(void *ctx, const struct group_wait *w)
{
	struct out *o = ctx;
	cell_id(o, w->id);
	cell(o, w->intervention);
	cell_id(o, w->episode_id);
	cell_id(o, w->person_id);
	cell_date(o, w->added_on);
	cell_id(o, w->run_id);
	return row_end(o);
}

static int put_video_cycle(void *ctx, const struct video_cycle *c)
{
	struct out *o = ctx;
	int64_t films[VIDEO_MAX_LINKS], reviews[VIDEO_MAX_LINKS];
	int nf = 0, nr = 0;
	for (int i = 0; i < c->n_links; i++) {
		if (c->step[i] == VIDEO_REVIEW)
			reviews[nr++] = c->contact[i];
		else
			films[nf++] = c->contact[i];
	}
	cell_id(o, c->id);
	cell_id(o, c->episode_id);
	cell_int(o, c->number, 0);
	cell(o, c->intervention);
	cell(o, c->question);
	cell_date(o, c->started_on);
	cell_ids(o, films, nf); /* at most VIDEO_MAX_LINKS (8) in all */
	cell_ids(o, reviews, nr);
	cell(o, c->created_by);
	return row_end(o);
}

static int put_training(void *ctx, const struct wf_training *t)
{
	struct out *o = ctx;
	char h[8];
	wf_hours_format(t->hours_x10, h);
	cell_id(o, t->id);
	cell(o, t->course);
	cell_date(o, t->date);
	cell(o, h);
	cell_ids(o, t->trainers, t->n_trainers);
	cell(o, t->named);
	cell(o, t->created_by);
	return row_end(o);
}

static int put_training_attendees(void *ctx, const struct wf_training *t)
{
	struct out *o = ctx;
	int rc = 0;
	for (int i = 0; !rc && i < t->n_att; i++) {
		cell_id(o, t->id);
		cell(o, t->att[i].profession);
		cell(o, t->att[i].organisation);
		cell_int(o, t->att[i].count, -1);
		rc = row_end(o);
	}
	return rc;
}

static int put_consultation(void *ctx, const struct wf_consultation *c)
{
	struct out *o = ctx;
	cell_id(o, c->id);
	cell_date(o, c->date);
	cell_id(o, c->practitioner_id);
	cell(o, c->profession);
	cell(o, c->organisation);
	cell_id(o, c->family_id);
	cell(o, c->advice);
	cell(o, c->follow_up);
	cell_date(o, c->follow_up_on);
	cell(o, c->created_by);
	return row_end(o);
}

static int put_supervision(void *ctx, const struct wf_supervision *s)
{
	struct out *o = ctx;
	cell_id(o, s->id);
	cell_date(o, s->date);
	cell_id(o, s->practitioner_id);
	cell(o, s->profession);
	cell(o, s->organisation);
	cell(o, s->service);
	cell(o, wf_mode_code(s->mode));
	cell_int(o, s->supervised, -1);
	cell_int(o, s->duration_min, -1);
	cell(o, s->supervisee);
	cell(o, s->created_by);
	return row_end(o);
}

static int put_letter(void *ctx, const struct letter *l)
{
	struct out *o = ctx;
	cell_id(o, l->id);
	cell_id(o, l->episode_id);
	cell(o, l->kind);
	cell(o, l->recipient);
	cell(o, l->produced_at);
	cell(o, l->produced_by);
	cell(o, l->html);
	return row_end(o);
}

static int put_feedback(void *ctx, const struct feedback_row *f)
{
	struct out *o = ctx;
	cell_id(o, f->episode_id);
	cell(o, f->questionnaire);
	cell_date(o, f->answered_on);
	cell(o, f->answers);
	cell(o, f->recorded_by);
	return row_end(o);
}

static int put_correction(void *ctx, const struct correction *c)
{
	struct out *o = ctx;
	cell_id(o, c->id);
	cell(o, c->entity);
	cell_id(o, c->entity_id);
	cell_id(o, c->family_id);
	cell(o, c->field);
	cell(o, c->old_value);
	cell(o, c->new_value);
	cell(o, c->reason);
	cell(o, c->corrected_by);
	cell(o, c->corrected_at);
	cell_id(o, c->reverts);
	return row_end(o);
}

static int put_appointment(void *ctx, const struct appointment *ap)
{
	struct out *o = ctx;
	char time[6];
	appt_format_time(ap->start_min, time);
	cell_id(o, ap->id);
	cell_id(o, ap->episode_id);
	cell_date(o, ap->date);
	cell(o, time);
	cell_int(o, ap->duration_min, -1);
	cell(o, ap->kind);
	cell(o, ap->intervention);
	cell(o, ap->location);
	cell_ids(o, ap->practitioners, ap->n_practitioners);
	cell_ids(o, ap->attendees, ap->n_attendees);
	cell(o, ap->status);
	cell_date(o, ap->status_on);
	cell_id(o, ap->contact_id);
	cell_id(o, ap->rescheduled_to);
	cell(o, ap->booked_by);
	cell(o, ap->booked_at);
	return row_end(o);
}

static int put_family_merge(void *ctx, const struct family_merge *m)
{
	struct out *o = ctx;
	cell_id(o, m->id);
	cell_id(o, m->kept);
	cell_id(o, m->merged);
	cell(o, m->reason);
	cell(o, m->merged_by);
	cell(o, m->merged_at);
	for (int k = 0; k < MERGE_KINDS; k++)
		cell_int(o, (int)m->moved[k], -1);
	return row_end(o);
}

static const char *const h_team[] = {"code", "name", "demo", 0};
static const char *const h_pract[] = {"practitioner_id", "name", "profession", 0};
static const char *const h_people[] = {"person_id", "family_id", "role", "relationship", "nhs_number",
                                       "given_name", "family_name", "date_of_birth", "edd", "sex", "ethnicity",
                                       "postcode", "imd_decile", "gestation_weeks", "loss", "loss_on", 0};
static const char *const h_ref[] = {"referral_id", "family_id", "infant_id", "caregiver_id", "received_on",
                                    "source", "decision", "decided_on", "discharged_on", "discharge_reason",
                                    "state", "programme", "first_time_parent", "other_infant_ids",
                                    "transferred_to", "previous_referral_id", 0};
static const char *const h_event[] = {"referral_id", "from_state", "to_state", "date", "actor", "reason", "service",
                                      "recorded_at", 0};
static const char *const h_override[] = {"referral_id", "rule", "reason", "actor", "date", "recorded_at", 0};
static const char *const h_contact[] = {"contact_id", "referral_id", "date", "kind", "intervention", "location",
                                        "attendance", "duration_min", "practitioner_ids", "attendee_ids", 0};
static const char *const h_sg[] = {"infant_id", "status", "started_on", "ended_on", "safeguarding_id", 0};
static const char *const h_out[] = {"referral_id", "infant_id", "care_status", 0};
static const char *const h_meas[] = {"referral_id", "person_id", "instrument", "timepoint", "date", "responses",
                                     "subject_caregiver_id", "subject_infant_id", "practitioner_id",
                                     "risk_acknowledged_by", "risk_acknowledged_on", "risk_action", 0};
static const char *const h_goal[] = {"goal_id", "referral_id", "position", "text", "set_on", 0};
static const char *const h_rating[] = {"goal_id", "date", "rating", 0};
static const char *const h_note[] = {"note_id", "referral_id", "contact_id", "kind", "author", "written_at", "text",
                                     "signed_at", "addendum_to", "error_reason", "error_by", "error_at", 0};

static const char *const h_plan[] = {"careplan_id", "referral_id", "intervention", "start_on", "planned_sessions",
                                     "status", "status_on", "stop_reason", "practitioner_ids", "goal_ids",
                                     "delivered", "created_by", 0};
static const char *const h_run[] = {"run_id", "intervention", "starts_on", "sessions", "venue", "location",
                                    "capacity", "facilitator_ids", "created_by", 0};
static const char *const h_enrol[] = {"enrolment_id", "run_id", "referral_id", "caregiver_id", "enrolled_on", 0};
static const char *const h_attend[] = {"run_id", "session", "date", "enrolment_id", "attended", "contact_id", 0};
static const char *const h_wait[] = {"wait_id", "intervention", "referral_id", "caregiver_id", "added_on", "run_id", 0};
static const char *const h_video[] = {"cycle_id", "referral_id", "number", "intervention", "helping_question",
                                      "started_on", "filming_contact_ids", "review_contact_ids", "created_by", 0};
static const char *const h_training[] = {"training_id", "course", "date", "hours", "trainer_ids", "named_attendees",
                                         "created_by", 0};
static const char *const h_training_att[] = {"training_id", "profession", "organisation", "count", 0};
static const char *const h_consult[] = {"consultation_id", "date", "practitioner_id", "profession", "organisation",
                                        "family_id", "advice", "follow_up", "follow_up_on", "created_by", 0};
static const char *const h_super[] = {"supervision_id", "date", "practitioner_id", "profession", "organisation",
                                      "service", "mode", "supervised", "duration_min", "supervisee", "created_by", 0};
static const char *const h_letter[] = {"letter_id", "referral_id", "kind", "to", "produced_at", "produced_by",
                                       "html", 0};
static const char *const h_feedback[] = {"referral_id", "questionnaire", "answered_on", "answers", "recorded_by", 0};
static const char *const h_correction[] = {"correction_id", "record", "record_id", "family_id", "field", "old_value",
                                           "new_value", "reason", "corrected_by", "corrected_at", "reverts", 0};
static const char *const h_appt[] = {"appointment_id", "referral_id", "date", "time", "duration_min", "kind",
                                     "intervention", "location", "practitioner_ids", "attendee_ids", "status",
                                     "status_on", "contact_id", "rescheduled_to", "booked_by", "booked_at", 0};
/* The counts' columns are store_merge.h's merge_kind_names, in that order. */
static const char *const h_merge[] = {"merge_id", "kept_family_id", "merged_family_id", "reason", "merged_by",
                                      "merged_at", "people", "people_joined", "episodes", "contacts", "measures",
                                      "safeguarding", "notes", "goals", "care_plans", "appointments",
                                      "group_enrolments", "letters", "feedback", "video_cycles", "corrections",
                                      "consultations", 0};

/* Each table's file and header, in enum export_table order. */
static const struct {
	const char *name;
	const char *const *header;
} FILES[EXPORT_TABLES] = {
	[EXPORT_TEAM] = {"team.csv", h_team},
	[EXPORT_PRACTITIONERS] = {"practitioners.csv", h_pract},
	[EXPORT_PEOPLE] = {"people.csv", h_people},
	[EXPORT_REFERRALS] = {"referrals.csv", h_ref},
	[EXPORT_CONTACTS] = {"contacts.csv", h_contact},
	[EXPORT_SAFEGUARDING] = {"safeguarding.csv", h_sg},
	[EXPORT_OUTCOMES] = {"outcomes.csv", h_out},
	[EXPORT_MEASURES] = {"measures.csv", h_meas},
	[EXPORT_EVENTS] = {"episode_events.csv", h_event},
	[EXPORT_OVERRIDES] = {"eligibility_overrides.csv", h_override},
	[EXPORT_GOALS] = {"goals.csv", h_goal},
	[EXPORT_GOAL_RATINGS] = {"goal_ratings.csv", h_rating},
	[EXPORT_NOTES] = {"notes.csv", h_note},
	[EXPORT_CAREPLANS] = {"careplans.csv", h_plan},
	[EXPORT_GROUP_RUNS] = {"group_runs.csv", h_run},
	[EXPORT_GROUP_ENROLMENTS] = {"group_enrolments.csv", h_enrol},
	[EXPORT_GROUP_ATTENDANCE] = {"group_attendance.csv", h_attend},
	[EXPORT_GROUP_WAITING] = {"group_waiting.csv", h_wait},
	[EXPORT_VIDEO_CYCLES] = {"video_cycles.csv", h_video},
	[EXPORT_TRAINING] = {"training.csv", h_training},
	[EXPORT_TRAINING_ATTENDEES] = {"training_attendees.csv", h_training_att},
	[EXPORT_CONSULTATIONS] = {"consultations.csv", h_consult},
	[EXPORT_SUPERVISION] = {"supervision.csv", h_super},
	[EXPORT_LETTERS] = {"letters.csv", h_letter},
	[EXPORT_FEEDBACK] = {"feedback.csv", h_feedback},
	[EXPORT_CORRECTIONS] = {"corrections.csv", h_correction},
	[EXPORT_APPOINTMENTS] = {"appointments.csv", h_appt},
	[EXPORT_FAMILY_MERGES] = {"family_merges.csv", h_merge},
};

static int64_t *count_of(struct csv_export *x, enum export_table t)
{
	struct transfer_counts *n = x->n;
	switch (t) {
	case EXPORT_PRACTITIONERS: return &n->practitioners;
	case EXPORT_PEOPLE: return &n->people;
	case EXPORT_REFERRALS: return &n->referrals;
	case EXPORT_CONTACTS: return &n->contacts;
	case EXPORT_SAFEGUARDING: return &n->safeguarding;
	case EXPORT_OUTCOMES: return &n->outcomes;
	case EXPORT_MEASURES: return &n->measures;
	case EXPORT_EVENTS: return &n->events;
	case EXPORT_OVERRIDES: return &n->overrides;
	case EXPORT_GOALS: return &n->goals;
	case EXPORT_GOAL_RATINGS: return &n->goal_ratings;
	case EXPORT_NOTES: return &n->notes;
	case EXPORT_CAREPLANS: return &n->careplans;
	case EXPORT_GROUP_RUNS: return &n->group_runs;
	case EXPORT_GROUP_ENROLMENTS: return &n->group_enrolments;
	case EXPORT_GROUP_ATTENDANCE: return &n->group_attendance;
	case EXPORT_GROUP_WAITING: return &n->group_waiting;
	case EXPORT_VIDEO_CYCLES: return &n->video_cycles;
	case EXPORT_TRAINING: return &n->trainings;
	case EXPORT_TRAINING_ATTENDEES: return &n->training_attendees;
	case EXPORT_CONSULTATIONS: return &n->consultations;
	case EXPORT_SUPERVISION: return &n->supervision;
	case EXPORT_LETTERS: return &n->letters;
	case EXPORT_FEEDBACK: return &n->feedback;
	case EXPORT_CORRECTIONS: return &n->corrections;
	case EXPORT_APPOINTMENTS: return &n->appointments;
	case EXPORT_FAMILY_MERGES: return &n->family_merges;
	default: return &x->teams;
	}
}

static int file_begin(void *ctx, enum export_table t, struct dy_err *e)
{
	struct out *o = ctx;
	struct csv_export *x = o->x;
	return out_open(o, x, FILES[t].name, FILES[t].header, count_of(x, t), e);
}

static int file_end(void *ctx, enum export_table t, int rc)
{
	(void)t;
	return out_close(ctx, rc);
}

static const struct export_sink CSV_SINK = {
	.begin = file_begin,
	.end = file_end,
	.team = put_team,
	.practitioner = put_practitioner,
	.person = put_person,
	.referral = put_episode,
	.contact = put_contact,
	.safeguarding = put_safeguarding,
	.outcome = put_outcome,
	.measure = put_measure,
	.event = put_event,
	.override = put_override,
	.goal = put_goal,
	.goal_rating = put_goal_rating,
	.note = put_note,
	.careplan = put_careplan,
	.group_run = put_group_run,
	.group_enrolment = put_group_enrolment,
	.group_mark = put_group_mark,
	.group_wait = put_group_wait,
	.video_cycle = put_video_cycle,
	.training = put_training,
	.training_attendees = put_training_attendees,
	.consultation = put_consultation,
	.supervision = put_supervision,
	.letter = put_letter,
	.feedback = put_feedback,
	.correction = put_correction,
	.appointment = put_appointment,
	.family_merge = put_family_merge,
};

int app_export(struct app *a, const char *dir, int replace, struct transfer_counts *n, struct dy_err *e)
{
	memset(n, 0, sizeof *n);
	struct csv_export x = {.n = n};
	int rc = folder_init(&x.dir, dir, replace, e);
	if (rc)
		return rc;
	struct out o = {.x = &x};
	rc = app_export_read(a, &CSV_SINK, &o, e);
	if (!rc) {
		int fd = folder_file(&x.dir, MANIFEST_FILE, e);
		rc = fd < 0 ? DY_EINVAL : manifest_write(&x.man, fd, e);
	}
	if (!rc)
		rc = folder_commit(&x.dir, replace);
	folder_free(&x.dir);
	if (!rc && !(rc = app_begin(a, e))) /* who exported identifiable data, and when */
		rc = app_end(a, 0, "export", "team", a->team_id, NULL, e);
	return rc;
}
