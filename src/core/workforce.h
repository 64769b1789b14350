/* workforce.h: the team's work with the wider workforce, "the second level"
 * (docs/workforce.md): training events it runs, consultations it gives to
 * other professionals, and reflective supervision it gives them. This file
 * holds the records, the rules each must meet and the monthly figures of
 * the workforce report; pure, no I/O (the app layer reads and writes). */
#ifndef DYAD_CORE_WORKFORCE_H
#define DYAD_CORE_WORKFORCE_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"
#include "util/limits.h"

#define WF_COURSE_MAX 80           /* a course's name, characters */
#define WF_ORG_MAX 80              /* an organisation's name, characters */
#define WF_SERVICE_MAX 80          /* the service supervised, characters */
#define WF_TEXT_MAX LIMIT_FREE_TEXT /* advice, follow-up, named attendees: bytes */
#define WF_MAX_TRAINERS 6          /* practitioners who deliver one event */
#define WF_MAX_ATTENDEE_ROWS 32    /* (profession, organisation) rows of one event */
#define WF_MAX_COUNT 1000          /* people of one attendee row, or supervised at once */
#define WF_MAX_MONTHS 24           /* months of one report */
#define WF_KEY 96                  /* bytes of a tally key (course or organisation) */

/* Attendees of one profession from one organisation. */
struct wf_attendees {
	char profession[32];            /* code_workforce_profession */
	char organisation[WF_ORG_MAX * 4 + 1];
	int count;                      /* 0..WF_MAX_COUNT */
};

/* A training event the team ran. */
struct wf_training {
	int64_t id, team_id;
	char course[WF_COURSE_MAX * 4 + 1];
	int32_t date;
	int hours_x10;                  /* length in tenths of an hour, 1..240 */
	int64_t trainers[WF_MAX_TRAINERS];
	int n_trainers;
	struct wf_attendees att[WF_MAX_ATTENDEE_ROWS];
	int n_att;
	char named[WF_TEXT_MAX + 1];    /* optional names of attendees: personal data */
	char created_by[LIMIT_ACTOR];
};

/* A consultation given to a professional of another service. */
struct wf_consultation {
	int64_t id, team_id;
	int32_t date;
	int64_t practitioner_id;        /* ours, who gave it */
	char profession[32];            /* of the professional consulted */
	char organisation[WF_ORG_MAX * 4 + 1];
	int64_t family_id;              /* one of our families, or 0 */
	char advice[WF_TEXT_MAX + 1];   /* free text */
	char follow_up[WF_TEXT_MAX + 1]; /* free text, may be "" */
	int32_t follow_up_on;           /* DATE_NONE: none */
	char created_by[LIMIT_ACTOR];
};

enum wf_mode { WF_INDIVIDUAL = 0, WF_GROUP };

/* A session of reflective supervision the team gave. */
struct wf_supervision {
	int64_t id, team_id;
	int32_t date;
	int64_t practitioner_id;        /* ours, who gave it */
	char profession[32];            /* of those supervised */
	char organisation[WF_ORG_MAX * 4 + 1];
	char supervisee[WF_TEXT_MAX + 1]; /* optional name(s): personal data */
	char service[WF_SERVICE_MAX * 4 + 1];
	enum wf_mode mode;
	int supervised;                 /* people supervised, 1..WF_MAX_COUNT (1 when individual) */
	int duration_min;               /* 1..600 */
	char created_by[LIMIT_ACTOR];
};

/* "individual" / "group", or "" out of range. */
const char *wf_mode_code(enum wf_mode m);

/* Parses "individual" or "group" into *out; DY_EINVAL naming field. */
int wf_mode_parse(const char *s, const char *field, enum wf_mode *out, struct dy_err *e);

/* Parses hours "2", "2.5" (at most one decimal) into tenths, 1..240 (more
 * than 0, at most 24 hours); DY_EINVAL naming field. */
int wf_hours_parse(const char *s, const char *field, int *hours_x10, struct dy_err *e);

/* Writes tenths of an hour as "2" or "2.5" into out (at least 8 bytes). */
void wf_hours_format(int hours_x10, char *out);

/* Parses "PROFESSION:ORGANISATION:COUNT[;...]" into t->att (n_att set);
 * DY_EINVAL naming field. */
int wf_attendees_parse(const char *s, const char *field, struct wf_training *t, struct dy_err *e);

/* The rules of a training event: a course name (one line, 1..WF_COURSE_MAX
 * characters, "course"); a date not after today ("date"); hours 1..240
 * tenths ("hours"); 1..WF_MAX_TRAINERS trainers, none twice ("trainers");
 * 1..WF_MAX_ATTENDEE_ROWS attendee rows, each a workforce profession
 * ("attendees"), an organisation (one line, 1..WF_ORG_MAX characters), a
 * count 0..WF_MAX_COUNT, no (profession, organisation) twice, and at least
 * one attendee in all; named attendees valid text ("named"). Trims the
 * course and organisations in place. */
int wf_check_training(struct wf_training *t, int32_t today, struct dy_err *e);

/* wf_check_training without the attendee rows (an import reads them from
 * another file): course, date, hours, trainers, named. */
int wf_check_training_head(struct wf_training *t, int32_t today, struct dy_err *e);

/* One attendee row: a workforce profession, an organisation (trimmed in
 * place), a count 0..WF_MAX_COUNT; DY_EINVAL naming field. */
int wf_check_attendees(struct wf_attendees *a, const char *field, struct dy_err *e);

/* The rules of a consultation: date not after today ("date"); a
 * practitioner ("practitioner"); a workforce profession ("profession"); an
 * organisation ("organisation"); advice given, 1..WF_TEXT_MAX bytes
 * ("advice"); follow-up text valid ("follow_up") and its date, if any, not
 * before the consultation ("follow_up_on"). */
int wf_check_consultation(struct wf_consultation *c, int32_t today, struct dy_err *e);

/* The rules of a supervision session: date ("date"), practitioner,
 * profession and organisation as for a consultation; a service (one line,
 * 1..WF_SERVICE_MAX characters, "service"); supervised 1..WF_MAX_COUNT and 1
 * for an individual session ("supervised"); minutes 1..600 ("duration");
 * supervisee text valid ("supervisee"). */
int wf_check_supervision(struct wf_supervision *s, int32_t today, struct dy_err *e);

/* Counts under a text key and a month index (0-based within the period). */
struct wf_cell {
	char key[WF_KEY];
	int month;
	int64_t n;
};
struct wf_tally {
	struct wf_cell *v;
	size_t n, cap;
};

/* The workforce figures of a period, by month (docs/reports.md,
 * "Workforce"). Arrays are indexed by month; [nmonths] is the period total. */
struct wf_summary {
	int32_t from, to;
	int nmonths;
	char month[WF_MAX_MONTHS][12];  /* "YYYY-MM" */
	struct wf_tally trained_by_profession; /* people trained (attendee counts) */
	struct wf_tally trained_by_course;
	struct wf_tally consultations_by_organisation;
	int64_t events[WF_MAX_MONTHS + 1];
	int64_t training_hours_x10[WF_MAX_MONTHS + 1];
	int64_t people_trained[WF_MAX_MONTHS + 1];
	int64_t consultations[WF_MAX_MONTHS + 1];
	int64_t consultations_about_family[WF_MAX_MONTHS + 1];
	int64_t supervision_sessions[WF_MAX_MONTHS + 1];
	int64_t supervision_group_sessions[WF_MAX_MONTHS + 1];
	int64_t people_supervised[WF_MAX_MONTHS + 1];
	int64_t supervision_minutes[WF_MAX_MONTHS + 1];
};

/* Starts s for the period [from, to] (both days included): its months;
 * DY_EINVAL ("to") when to is before from or the period spans more than
 * WF_MAX_MONTHS months. */
int wf_summary_init(struct wf_summary *s, int32_t from, int32_t to, struct dy_err *e);

/* Adds one record to s; a record dated outside the period is ignored. */
void wf_summary_training(struct wf_summary *s, const struct wf_training *t);
void wf_summary_consultation(struct wf_summary *s, const struct wf_consultation *c);
void wf_summary_supervision(struct wf_summary *s, const struct wf_supervision *v);

/* Frees what s owns. */
void wf_summary_free(struct wf_summary *s);

/* The count under key in month (0-based; -1: the whole period); 0 when
 * none. */
int64_t wf_tally_get(const struct wf_tally *t, const char *key, int month);

/* The distinct keys of t in byte order, each once, into
 * keys (at most max); returns how many. */
size_t wf_tally_keys(const struct wf_tally *t, const char **keys, size_t max);

#endif
