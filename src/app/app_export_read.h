/* app_export_read.h: a team's whole record read once, for any writer.
 *
 * The reader walks every table of the team in one read transaction (every
 * table at the same moment) and hands each record to the writer's callbacks,
 * table by table in the order below. The CSV folder export (app_export.c)
 * is one writer; others (FHIR, SPSS) implement the same sink and reuse the
 * read. The records hold identifiable data: a writer is a backup or
 * transfer format, never an analyst extract. */
#ifndef DYAD_APP_EXPORT_READ_H
#define DYAD_APP_EXPORT_READ_H

#include "app/app.h"
#include "store/store_appointment.h"
#include "store/store_careplan.h"
#include "store/store_correction.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_goal.h"
#include "store/store_letter.h"
#include "store/store_group.h"
#include "store/store_measure.h"
#include "store/store_note.h"
#include "store/store_pathway.h"
#include "store/store_safeguarding.h"
#include "store/store_video.h"
#include "store/store_workforce.h"
#include "store/store_merge.h"

/* The tables, in the order they are read. */
enum export_table {
	EXPORT_TEAM,
	EXPORT_PRACTITIONERS,
	EXPORT_PEOPLE,
	EXPORT_REFERRALS,
	EXPORT_CONTACTS,
	EXPORT_SAFEGUARDING,
	EXPORT_OUTCOMES,
	EXPORT_MEASURES,
	EXPORT_EVENTS,
	EXPORT_OVERRIDES,
	EXPORT_GOALS,
	EXPORT_GOAL_RATINGS,
	EXPORT_NOTES,
	EXPORT_CAREPLANS,
	EXPORT_GROUP_RUNS,
	EXPORT_GROUP_ENROLMENTS,
	EXPORT_GROUP_ATTENDANCE,
	EXPORT_GROUP_WAITING,
	EXPORT_VIDEO_CYCLES,
	EXPORT_TRAINING,           /* training events (the event's columns) */
	EXPORT_TRAINING_ATTENDEES, /* the same events again, for their attendee rows */
	EXPORT_CONSULTATIONS,
	EXPORT_SUPERVISION,
	EXPORT_LETTERS,
	EXPORT_FEEDBACK,
	EXPORT_CORRECTIONS,
	EXPORT_APPOINTMENTS,
	EXPORT_FAMILY_MERGES,
	EXPORT_TABLES /* how many */
};

/* A writer: begin before a table's first record (nonzero stops the read),
 * one callback per record (nonzero stops), and end after the table with the
 * read's result so far (its return becomes the result). */
struct export_sink {
	int (*begin)(void *ctx, enum export_table t, struct dy_err *e);
	int (*end)(void *ctx, enum export_table t, int rc);
	int (*team)(void *ctx, const struct team *t);
	store_practitioner_fn practitioner;
	store_person_fn person;
	store_pathway_referral_fn referral;
	store_contact_fn contact;
	store_safeguarding_fn safeguarding;
	store_outcome_fn outcome;
	store_measure_record_fn measure;
	store_pathway_event_fn event;
	store_pathway_override_fn override;
	store_goal_fn goal;
	store_goal_rating_fn goal_rating;
	store_note_fn note;
	store_careplan_fn careplan;
	store_group_run_fn group_run;
	store_group_enrolment_fn group_enrolment;
	store_group_mark_fn group_mark;
	store_group_wait_fn group_wait;
	store_video_fn video_cycle;
	store_training_fn training;
	store_training_fn training_attendees;
	store_consultation_fn consultation;
	store_supervision_fn supervision;
	store_letter_fn letter;
	store_feedback_fn feedback;
	store_correction_fn correction;
	store_appointment_fn appointment;
	store_merge_fn family_merge;
};

/* Reads the whole of a's team in one read transaction into sink k (ctx is
 * passed to every callback): 0, the first nonzero a callback returned, or
 * a store error. Writes nothing and audits nothing (the writer's caller
 * records the export). */
int app_export_read(struct app *a, const struct export_sink *k, void *ctx, struct dy_err *e);

#endif
