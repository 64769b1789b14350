/* date.h: civil dates as days since 1970-01-01 (proleptic Gregorian).
 *
 * Text form is ISO 8601 `YYYY-MM-DD`; long form "12 March 2026" for pages.
 * DATE_NONE marks an absent date. "Within 1 month" arithmetic clamps to the
 * month end (31 January + 1 month = 28 or 29 February). */
#ifndef DYAD_UTIL_DATE_H
#define DYAD_UTIL_DATE_H

#include <stddef.h>
#include <stdint.h>

#define DATE_NONE INT32_MIN
#define DATE_LEN 11 /* "YYYY-MM-DD" plus NUL */

/* Days in month m (1-12) of year y. */
int date_days_in_month(int y, int m);

/* Sets *out to the day number of y-m-d; returns 0, or DY_EINVAL when the
 * date does not exist or the year is outside 1800-9999. */
int date_from_ymd(int y, int m, int d, int32_t *out);

/* Splits a day number into year, month (1-12) and day (1-31). */
void date_to_ymd(int32_t days, int *y, int *m, int *d);

/* Parses exactly `YYYY-MM-DD` (a real calendar date) into *out; returns 0 or
 * DY_EINVAL. An empty string is invalid: callers decide if a date may be absent. */
int date_parse(const char *s, int32_t *out);

/* Writes `YYYY-MM-DD` into out (DATE_LEN bytes); DATE_NONE writes "". */
void date_format(int32_t days, char out[DATE_LEN]);

/* Writes "12 March 2026" into out (n bytes); DATE_NONE writes "". */
void date_format_long(int32_t days, char *out, size_t n);

/* The same day `months` calendar months later (negative: earlier), clamped
 * to the last day of the target month. */
int32_t date_add_months(int32_t days, int months);

/* Whole calendar months completed from `from` to `to` (0 if to < from):
 * a baby born 31 January is 1 month old on 28 February (month-end clamp). */
int date_months_between(int32_t from, int32_t to);

/* Today's date in UTC, or the date in the environment variable DYAD_TODAY
 * (YYYY-MM-DD) when set, so that tests and demos are repeatable. */
int32_t date_today(void);

/* Writes the current UTC time as `YYYY-MM-DDTHH:MM:SSZ` into out (21 bytes). */
void date_now_utc(char out[21]);

/* 1 when s is a moment as date_now_utc writes it (`YYYY-MM-DDTHH:MM:SSZ`,
 * a real day and time), else 0. */
int date_stamp_valid(const char *s);

#endif
