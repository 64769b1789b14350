/* app_export_read.c: every table of a team, read at one moment, handed to a
 * writer (app_export_read.h). */
#include "app/app_export_read.h"

#include "util/date.h"

/* Reads table t: begin, the records (by the store's list of it), end. */
static int table(struct app *a, const struct export_sink *k, void *ctx, enum export_table t, struct dy_err *e)
{
	int rc = k->begin(ctx, t, e);
	if (rc)
		return rc;
	struct team team;
	switch (t) {
	case EXPORT_TEAM:
		rc = store_team_get(a->db, a->team_id, &team, e);
		if (!rc)
			rc = k->team(ctx, &team);
		break;
	case EXPORT_PRACTITIONERS: rc = store_practitioner_list(a->db, k->practitioner, ctx, e); break;
	case EXPORT_PEOPLE: rc = store_person_list(a->db, 0, k->person, ctx, e); break;
	case EXPORT_REFERRALS: rc = store_pathway_referral_list(a->db, k->referral, ctx, e); break;
	case EXPORT_CONTACTS: rc = store_contact_list(a->db, 0, k->contact, ctx, e); break;
	case EXPORT_SAFEGUARDING: rc = store_safeguarding_list(a->db, 0, k->safeguarding, ctx, e); break;
	case EXPORT_OUTCOMES: rc = store_outcome_list(a->db, 0, k->outcome, ctx, e); break;
	case EXPORT_MEASURES: rc = store_measure_record_list(a->db, 0, k->measure, ctx, e); break;
	case EXPORT_EVENTS: rc = store_pathway_event_list(a->db, 0, k->event, ctx, e); break;
	case EXPORT_OVERRIDES: rc = store_pathway_override_list(a->db, 0, k->override, ctx, e); break;
	case EXPORT_GOALS: rc = store_goal_list(a->db, 0, k->goal, ctx, e); break;
	case EXPORT_GOAL_RATINGS: rc = store_goal_rating_list(a->db, 0, k->goal_rating, ctx, e); break;
	case EXPORT_NOTES: rc = store_note_list(a->db, 0, k->note, ctx, e); break;
	case EXPORT_CAREPLANS: rc = store_careplan_list(a->db, 0, k->careplan, ctx, e); break;
	case EXPORT_GROUP_RUNS: rc = store_group_run_list(a->db, k->group_run, ctx, e); break;
	case EXPORT_GROUP_ENROLMENTS: rc = store_group_enrolment_list(a->db, 0, 0, k->group_enrolment, ctx, e); break;
	case EXPORT_GROUP_ATTENDANCE: rc = store_group_mark_list(a->db, 0, k->group_mark, ctx, e); break;
	case EXPORT_GROUP_WAITING: rc = store_group_waiting_list(a->db, NULL, 1, k->group_wait, ctx, e); break;
	case EXPORT_VIDEO_CYCLES: rc = store_video_list(a->db, 0, k->video_cycle, ctx, e); break;
	case EXPORT_TRAINING:
		rc = store_training_list(a->db, a->team_id, DATE_NONE, DATE_NONE, k->training, ctx, e);
		break;
	case EXPORT_TRAINING_ATTENDEES:
		rc = store_training_list(a->db, a->team_id, DATE_NONE, DATE_NONE, k->training_attendees, ctx, e);
		break;
	case EXPORT_CONSULTATIONS:
		rc = store_consultation_list(a->db, a->team_id, DATE_NONE, DATE_NONE, k->consultation, ctx, e);
		break;
	case EXPORT_SUPERVISION:
		rc = store_supervision_list(a->db, a->team_id, DATE_NONE, DATE_NONE, k->supervision, ctx, e);
		break;
	case EXPORT_LETTERS: rc = store_letter_list(a->db, 0, 1, k->letter, ctx, e); break;
	case EXPORT_FEEDBACK: rc = store_feedback_list(a->db, DATE_NONE, DATE_NONE, k->feedback, ctx, e); break;
	case EXPORT_CORRECTIONS: rc = store_correction_list_all(a->db, k->correction, ctx, e); break;
	case EXPORT_APPOINTMENTS: rc = store_appointment_list(a->db, 0, k->appointment, ctx, e); break;
	case EXPORT_FAMILY_MERGES: rc = store_merge_list(a->db, 0, k->family_merge, ctx, e); break;
	case EXPORT_TABLES: break;
	}
	return k->end(ctx, t, rc);
}

int app_export_read(struct app *a, const struct export_sink *k, void *ctx, struct dy_err *e)
{
	int rc = app_begin_read(a, e);
	for (int t = 0; !rc && t < EXPORT_TABLES; t++)
		rc = table(a, k, ctx, (enum export_table)t, e);
	return app_end_read(a, rc);
}
