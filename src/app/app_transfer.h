/* app_transfer.h: a whole team's data in and out as CSV files (the columns,
 * codes and date formats are in docs/csv.md).
 *
 * Import is all-or-nothing: one transaction; when the folder has a
 * manifest.csv every file it lists must match its checksum and row count; the first bad row aborts it with
 * file, line, column and reason, and the database is left as it was. Export
 * writes every file afresh; export, import into a new database and export
 * again gives the same bytes. */
#ifndef DYAD_APP_TRANSFER_H
#define DYAD_APP_TRANSFER_H

#include "app/app.h"

struct transfer_counts {
	int64_t practitioners, families, people, referrals, contacts, safeguarding, outcomes, measures;
	int64_t events, overrides, goals, goal_ratings, notes, video_cycles, letters, feedback;
	int64_t trainings, training_attendees, consultations, supervision; /* workforce activity */
	int64_t careplans, group_runs, group_enrolments, group_attendance, group_waiting;
	int64_t corrections; /* corrections.csv */
	int64_t appointments; /* appointments.csv */
	int64_t family_merges; /* family_merges.csv */
	char team[101]; /* import: the team named in team.csv ("" without one) */
};

/* Imports the CSV files in dir (people.csv required; the others optional)
 * and fills *n with what was added. A database without a team, or with no
 * family or practitioner yet, takes the team of team.csv (code, name, demo
 * mark; a default team when there is neither team nor file); a database
 * with records keeps its team, marked as a demo when the files are. */
int app_import(struct app *a, const char *dir, struct transfer_counts *n, struct dy_err *e);

/* Writes team.csv, every other CSV file and manifest.csv into the new
 * folder dir, all or nothing (see app_export.c), and fills *n. An existing
 * dir is refused (DY_ECONFLICT) unless replace, which swaps it for the new
 * export. */
int app_export(struct app *a, const char *dir, int replace, struct transfer_counts *n, struct dy_err *e);

#endif
