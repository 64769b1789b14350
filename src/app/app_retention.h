/* app_retention.h: the retention review (docs/retention.md): which families'
 * records have reached the date the rules give them. Nothing is deleted
 * here. */
#ifndef DYAD_APP_RETENTION_H
#define DYAD_APP_RETENTION_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "core/retention.h"

#define RETENTION_SOURCE_MAX 256

/* One family past its date. */
struct retention_due_row {
	int64_t family_id;
	int32_t date;             /* the day it reached its date */
	enum retention_rule rule; /* the rule that gave the date */
	int32_t last_care_ended;  /* the latest end of an episode, DATE_NONE when none */
};

struct retention_review {
	struct retention_rules rules;
	char source[RETENTION_SOURCE_MAX]; /* the rules file read, or "built-in defaults" */
	int32_t as_of;
	int64_t kept;             /* families of the user's teams not yet due (open care included) */
	struct retention_due_row *rows; /* heap, in family id order */
	size_t n;
};

/* Loads the rules: the file named by $DYAD_RETENTION when set and not
 * empty (it must exist), else ./retention.ini when it exists, else the
 * built-in defaults; source says which. A bad file is refused whole
 * (DY_EINVAL with its path, line, key and reason). */
int app_retention_rules(struct retention_rules *r, char *source, size_t n, struct dy_err *e);

/* Lists the families of the acting user's teams whose retention date is on
 * or before as_of, under the loaded rules; manager or local operator only
 * (DY_EFORBIDDEN otherwise). One read, logged in the audit ("read
 * retention", the date and the count) before it returns 0. Free with
 * app_retention_review_free. */
int app_retention_review(struct app *a, int32_t as_of, struct retention_review *out, struct dy_err *e);

void app_retention_review_free(struct retention_review *r);

#endif
