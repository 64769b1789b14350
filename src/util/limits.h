/* limits.h: every size limit dyad puts on what it is given, in one place.
 *
 * Each layer names its limits after what they bound (GOAL_TEXT_MAX,
 * INSTR_DEF_MAX_BYTES ...) but takes the value from here, so that one cap
 * is one number and the limits can be read, and changed, together. */
#ifndef DYAD_UTIL_LIMITS_H
#define DYAD_UTIL_LIMITS_H

/* Files a service supplies. */
#define LIMIT_LOCAL_FILE_BYTES (1u << 20)     /* an instrument table or text pack: 1 MiB */
#define LIMIT_DEFINITION_BYTES (256u * 1024u) /* an instrument definition (JSON) */
#define LIMIT_RULES_BYTES (64 * 1024)         /* an eligibility rules file */
#define LIMIT_CSV_RECORD_BYTES (1u << 20)     /* one record of an imported CSV file */

/* Free text typed by a user (a goal, a decline reason, an action taken, an
 * override reason): bytes, not counting the terminating NUL. */
#define LIMIT_FREE_TEXT 500
/* An item's wording in a text pack. */
#define LIMIT_ITEM_TEXT 1000
/* Who acted, as the audit log records it (bytes with the NUL). */
#define LIMIT_ACTOR 64

#endif
