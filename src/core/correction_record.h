/* correction_record.h: the fields of a referral, a contact, a measure and
 * a safeguarding period that can be corrected after entry, each read and written as text (the
 * form a correction keeps, so that any correction is undone by writing its
 * old value back), as correction.h does for a person. The record is then
 * checked by the same rules as on entry (record_episode_check,
 * record_contact_check, record_measure_check and the measure's scoring,
 * record_safeguarding_check).
 * The pseudo-field "entered_in_error" ("" or "yes") of every kind is kept
 * by app/, not here. Pure. */
#ifndef DYAD_CORE_CORRECTION_RECORD_H
#define DYAD_CORE_CORRECTION_RECORD_H

#include "core/correction.h"
#include "core/eligibility.h"

/* The field that marks a record entered in error ("yes") or not (""). */
#define CORRECTION_ERROR_FIELD "entered_in_error"

/* A referral with the pathway facts held beside it (the programme and
 * whether the caregiver is a first-time parent). */
struct correction_referral {
	struct episode ep;
	char programme[ELIGIBILITY_NAME_MAX]; /* "" none */
	enum eligibility_answer first_time_parent;
};

/* The corrected fields of each kind, NULL-terminated: a referral's
 * received_on, source, programme, first_time_parent ("yes", "no" or ""),
 * infant_id and caregiver_id ("" none); a contact's date, kind,
 * intervention, location, attendance, duration_min, practitioners and
 * attendees (ids ascending, comma-separated, "" none); a measure's date,
 * respondent and responses; a safeguarding period's status, started_on and
 * ended_on. */
extern const char *const correction_referral_fields[];
extern const char *const correction_contact_fields[];
extern const char *const correction_measure_fields[];
extern const char *const correction_safeguarding_fields[];
/* A family's created_on (the day its record was opened). */
extern const char *const correction_family_fields[];

/* Up to 8 ids as a list's text form: ascending, comma-separated, "" for
 * none, into out (CORRECTION_VALUE_MAX bytes). */
void correction_ids_text(const int64_t *ids, int n, char *out);

/* The text form of field of the record into out (CORRECTION_VALUE_MAX
 * bytes; a measure's responses up to its buffer): DY_EINVAL naming "field"
 * for a field not of the kind. */
int correction_referral_get(const struct correction_referral *r, const char *field, char *out, struct dy_err *e);
int correction_contact_get(const struct contact *c, const char *field, char *out, struct dy_err *e);
int correction_measure_get(const struct measure *m, const char *field, char *out, size_t n, struct dy_err *e);
int correction_safeguarding_get(const struct safeguarding *s, const char *field, char *out, struct dy_err *e);
int correction_family_get(const struct family *f, const char *field, char *out, struct dy_err *e);

/* Sets field of the record from its text form; DY_EINVAL naming the field
 * for a value of the wrong form (the whole record is checked afterwards);
 * an id list is kept ascending and refused with an id twice or more than 8. */
int correction_referral_set(struct correction_referral *r, const char *field, const char *value, struct dy_err *e);
int correction_contact_set(struct contact *c, const char *field, const char *value, struct dy_err *e);
int correction_measure_set(struct measure *m, const char *field, const char *value, struct dy_err *e);
int correction_safeguarding_set(struct safeguarding *s, const char *field, const char *value, struct dy_err *e);
int correction_family_set(struct family *f, const char *field, const char *value, struct dy_err *e);

#endif
