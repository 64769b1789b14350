/* app_search.h: finding a family (issue 12): by NHS number (with or without
 * spaces), date of birth (YYYY-MM-DD or DD/MM/YYYY), postcode, or name:
 * every word typed must match a word of the person's given or family name,
 * exactly, as its start (two letters or more), or one slip away (three
 * letters or more: a letter wrong, missing, extra, or two swapped), case and
 * accents ignored. Only people of the user's teams are found; the search is
 * audited (that it happened, never what was typed). */
#ifndef DYAD_APP_SEARCH_H
#define DYAD_APP_SEARCH_H

#include "app/app.h"
#include "store/store_search.h"

/* How a person was found. */
enum find_match { FIND_EXACT, FIND_PARTIAL, FIND_SLIP, FIND_NHS, FIND_DOB, FIND_POSTCODE };

/* The match's word ("exact", "partial", "one_slip", "nhs_number",
 * "date_of_birth", "postcode"). */
const char *app_find_match_name(enum find_match m);

typedef int (*app_find_fn)(void *ctx, const struct search_hit *h, enum find_match m);

/* Finds people for text (see above), best matches first (exact names, then
 * partial, then one slip; by person id within each), and calls fn for at
 * most limit of them (limit 0: all) after skipping offset; *total receives
 * how many there are in all. DY_EINVAL naming "text" for a blank text;
 * DY_EFORBIDDEN for roles that may not see identities. */
int app_find(struct app *a, const char *text, int limit, int offset, app_find_fn fn, void *ctx, int64_t *total,
             struct dy_err *e);

#endif
