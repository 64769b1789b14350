/* validate.h: field rules of the family record. Pure functions, no I/O.
 *
 * Each check fills e with the field name and a reason that never repeats a
 * person-identifiable value, and returns 0 or DY_EINVAL. */
#ifndef DYAD_CORE_VALIDATE_H
#define DYAD_CORE_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

/* NHS number: 10 digits (spaces or hyphens between groups allowed) whose
 * last digit is the modulus-11 check digit. Writes the 10 digits to out. */
int validate_nhs_number(const char *field, const char *s, char out[11], struct dy_err *e);

/* UK postcode in any case and spacing (e.g. "ng7 2uh"); writes the normal
 * form, upper case with one space before the inward code, to out. */
int validate_postcode(const char *field, const char *s, char out[9], struct dy_err *e);

/* value must be one of the NULL-terminated list; the message lists them. */
int validate_code(const char *field, const char *const *list, const char *value, struct dy_err *e);

/* YYYY-MM-DD into *out. */
int validate_date(const char *field, const char *s, int32_t *out, struct dy_err *e);

/* Like validate_date, but "" or NULL gives DATE_NONE. */
int validate_date_opt(const char *field, const char *s, int32_t *out, struct dy_err *e);

/* Whole number lo..hi into *out. */
int validate_int(const char *field, const char *s, int lo, int hi, int *out, struct dy_err *e);

/* A date of birth: not after today. */
int validate_birth_date(const char *field, int32_t dob, int32_t today, struct dy_err *e);

/* An EDD: from 6 weeks before today (a late-entered birth) to 44 weeks after. */
int validate_edd(const char *field, int32_t edd, int32_t today, struct dy_err *e);

/* A name as stored: valid UTF-8, 1-100 characters (not bytes), not blank,
 * no control, invisible or text-direction character (util/text.h). */
int validate_name(const char *field, const char *s, struct dy_err *e);

/* Puts the name in s (a buffer of cap bytes) in its stored form, trimmed
 * and in Unicode NFC, then checks it as validate_name does. What every
 * entry point (CLI, import, API) calls before storing a name. */
int validate_name_fix(const char *field, char *s, size_t cap, struct dy_err *e);

#endif
