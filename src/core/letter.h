/* letter.h: letters to referrers, GPs and health visitors, from templates
 * a team keeps as files (config/letters/; docs/letters.md). Pure: the
 * caller reads the file and gathers the values from the record.
 *
 * A template is HTML written by the team with places for fields:
 *
 *   {{name}}             the field's value, always HTML-escaped (& < > " ' `);
 *   {{#name}}..{{/name}} the block when the field is not empty;
 *   {{^name}}..{{/name}} the block when the field is empty.
 *
 * There is no raw insertion: "{{{" and anything else in double braces are
 * refused, and so is a name not in letter_field_names, with the file, the
 * line and the name, when the template is checked (at load, before use). */
#ifndef DYAD_CORE_LETTER_H
#define DYAD_CORE_LETTER_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

#define LETTER_MAX_BYTES (64u * 1024u) /* the largest template file read */
#define LETTER_HTML_MAX (256u * 1024u) /* the largest letter rendered */
#define LETTER_DEPTH_MAX 8             /* blocks inside blocks */

/* The kinds of letter, one template file each (<kind>.html). */
enum letter_kind { LETTER_ACKNOWLEDGEMENT, LETTER_DECISION, LETTER_DISCHARGE, LETTER_KIND_COUNT };

/* Who a letter is to. */
enum letter_to { LETTER_TO_REFERRER, LETTER_TO_GP, LETTER_TO_HEALTH_VISITOR, LETTER_TO_COUNT };

/* The fields a template may use, in this order (values are indexed by it). */
enum letter_field {
	LF_TEAM_NAME, LF_LETTER_DATE, LF_RECIPIENT, LF_REFERRAL_ID, LF_CAREGIVER_NAME, LF_INFANT_NAME,
	LF_INFANT_DOB, LF_INFANT_EDD, LF_REFERRAL_DATE, LF_REFERRER, LF_DECISION, LF_DECISION_DATE,
	LF_DECISION_REASON, LF_SIGNPOSTED_TO, LF_DISCHARGE_DATE, LF_DISCHARGE_REASON, LF_INTERVENTIONS,
	LF_CONTACTS_ATTENDED, LF_PRODUCED_BY, LETTER_FIELD_COUNT
};

/* The field names as templates spell them, indexed by enum letter_field;
 * and a one-line description of each (docs/letters.md lists the same). */
extern const char *const letter_field_names[LETTER_FIELD_COUNT];
extern const char *const letter_field_about[LETTER_FIELD_COUNT];

/* The kind's code ("acknowledgement", "decision", "discharge"). */
const char *letter_kind_code(enum letter_kind k);

/* Parses a kind code into *out; DY_EINVAL naming field otherwise. */
int letter_kind_parse(const char *s, const char *field, enum letter_kind *out, struct dy_err *e);

/* The recipient's code ("referrer", "gp", "health_visitor") and its words
 * in a letter ("the referrer", "the GP", "the health visitor"). */
const char *letter_to_code(enum letter_to t);
const char *letter_to_words(enum letter_to t);

/* Parses a recipient code into *out; DY_EINVAL naming field otherwise. */
int letter_to_parse(const char *s, const char *field, enum letter_to *out, struct dy_err *e);

/* Checks template text (len bytes) read from file (named in the error):
 * 0, or DY_EINVAL with e->where "FILE line N" and e->field the unknown or
 * misused name ("template" for a bad tag or an unclosed block). */
int letter_check(const char *text, size_t len, const char *file, struct dy_err *e);

/* Renders checked template text with values (indexed by enum letter_field;
 * NULL counts as "") appended to out, every value HTML-escaped. Returns 0,
 * or DY_EINVAL as letter_check would, or when out's cap is reached. */
int letter_render(struct buf *out, const char *text, size_t len, const char *const values[LETTER_FIELD_COUNT],
                  struct dy_err *e);

#endif
