/* correction.h: the fields of a person that can be corrected after entry,
 * each read and written as text (the form a correction keeps as its old and
 * new value, so that any correction can be undone by writing its old value
 * back), and the rules a correction's reason follows. A corrected person is
 * then checked by the same rules as on entry (record_person_check). Pure. */
#ifndef DYAD_CORE_CORRECTION_H
#define DYAD_CORE_CORRECTION_H

#include "core/record.h"
#include "util/err.h"

#define CORRECTION_REASON_MAX 500 /* characters of a reason */
#define CORRECTION_VALUE_MAX 1024 /* bytes of a field's text form, with its NUL (a measure's responses) */

/* The person fields a correction may change, NULL-terminated: given_name,
 * family_name, dob, edd, gestation_weeks, nhs_number, sex, ethnicity,
 * postcode, imd_decile, relationship. */
extern const char *const correction_person_fields[];

/* The text form of field of p into out (CORRECTION_VALUE_MAX bytes): dates
 * YYYY-MM-DD, numbers in digits, "" for none. DY_EINVAL naming "field" for
 * a field not in correction_person_fields. */
int correction_person_get(const struct person *p, const char *field, char *out, struct dy_err *e);

/* Sets field of p from its text form value ("" clears it where the field
 * may be empty); DY_EINVAL naming the field for a value of the wrong form.
 * The person as a whole is checked afterwards by record_person_check. */
int correction_person_set(struct person *p, const char *field, const char *value, struct dy_err *e);

/* A correction's reason: one line, not blank, at most
 * CORRECTION_REASON_MAX characters; DY_EINVAL naming "reason". */
int correction_check_reason(const char *reason, struct dy_err *e);

#endif
