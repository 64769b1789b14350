/* store_letter.h: letters kept on an episode (migration 20; docs/letters.md)
 * and the family's feedback response set of an episode. A letter is stored
 * once and never changed. Same id and error rules as store_family.h. */
#ifndef DYAD_STORE_LETTER_H
#define DYAD_STORE_LETTER_H

#include <stdint.h>

#include "store/db.h"
#include "store/store_teams.h"
#include "util/limits.h"

struct letter {
	int64_t id;
	int64_t episode_id;
	char kind[20];         /* acknowledgement | decision | discharge */
	char recipient[20];    /* referrer | gp | health_visitor */
	char produced_at[24];  /* YYYY-MM-DDTHH:MM:SSZ */
	char produced_by[LIMIT_ACTOR];
	const char *html;      /* the document; valid until the next row */
};
typedef int (*store_letter_fn)(void *ctx, const struct letter *l);

/* Inserts l (l->id 0: a new id, written back). */
int store_letter_insert(db_t *db, struct letter *l, struct dy_err *e);

/* Calls fn with letter id (html filled); DY_ENOTFOUND if absent. */
int store_letter_get(db_t *db, int64_t id, store_letter_fn fn, void *ctx, struct dy_err *e);

/* The episode of letter id into *episode_id; DY_ENOTFOUND if absent. */
int store_letter_episode(db_t *db, int64_t id, int64_t *episode_id, struct dy_err *e);

/* Calls fn for each letter of the episode (episode_id > 0) or all, by id;
 * with_html 0 leaves html "". */
int store_letter_list(db_t *db, int64_t episode_id, int with_html, store_letter_fn fn, void *ctx, struct dy_err *e);

#define FEEDBACK_ANSWERS_MAX 512

/* One episode's feedback response set. */
struct feedback_row {
	int64_t episode_id;
	char questionnaire[33];
	int32_t answered_on;
	char answers[FEEDBACK_ANSWERS_MAX]; /* answer codes by question, ';'-separated ("" skipped) */
	char recorded_by[LIMIT_ACTOR];
};
typedef int (*store_feedback_fn)(void *ctx, const struct feedback_row *f);

/* Inserts the episode's response set; DY_ECONFLICT when it has one. */
int store_feedback_insert(db_t *db, const struct feedback_row *f, struct dy_err *e);

/* Calls fn for each response set answered in [from, to] (DATE_NONE: open
 * ends), by episode. */
int store_feedback_list(db_t *db, int32_t from, int32_t to, store_feedback_fn fn, void *ctx, struct dy_err *e);

/* As store_feedback_list, for the families of the set of teams only
 * (store_teams.h; NULL or an empty set: every team). */
int store_feedback_list_teams(db_t *db, int32_t from, int32_t to, const struct store_teams *teams, store_feedback_fn fn,
                              void *ctx, struct dy_err *e);

/* The episode's response set into *f; DY_ENOTFOUND when it has none. */
int store_feedback_get(db_t *db, int64_t episode_id, struct feedback_row *f, struct dy_err *e);

/* 1 when the episode has a response set, 0 when not, negative on error. */
int store_feedback_exists(db_t *db, int64_t episode_id, struct dy_err *e);

#endif
