/* store_note.h: SQL for case notes. The rules are core/note.h's; callers
 * (app/) check them and hold the transaction. A signed note is kept by the
 * database itself (migration 11's triggers): any update of its content, or a
 * delete, is refused with DY_ECONFLICT whichever path it comes by. */
#ifndef DYAD_STORE_NOTE_H
#define DYAD_STORE_NOTE_H

#include <stdint.h>

#include "core/note.h"
#include "store/db.h"
#include "util/limits.h"

#define NOTE_STAMP 21 /* "YYYY-MM-DDTHH:MM:SSZ" and its NUL */

struct note {
	int64_t id;
	int64_t episode_id;
	int64_t contact_id;         /* 0: not about one contact */
	char kind[32];
	char author[LIMIT_ACTOR];   /* who wrote it (the actor, as the audit names them) */
	char written_at[NOTE_STAMP];
	const char *text;           /* points into the caller's buffer or the row read */
	char signed_at[NOTE_STAMP]; /* "" while a draft */
	int64_t addendum_to;        /* 0: not an addendum */
	char error_reason[NOTE_REASON_MAX * 4 + 1]; /* "" unless entered in error */
	char error_by[LIMIT_ACTOR];
	char error_at[NOTE_STAMP];
};

/* The state of a stored note from its fields. */
enum note_state store_note_state(const struct note *n);

/* Called for each note; n->text is valid only during the call. */
typedef int (*store_note_fn)(void *ctx, const struct note *n);

/* Inserts n (id 0: a new id written back; positive: that id, for import).
 * DY_ECONFLICT when the id is taken or a reference does not exist. */
int store_note_insert(db_t *db, struct note *n, struct dy_err *e);

/* Loads note id into n, its text copied into text (cap bytes) and n->text
 * pointed at it; DY_ENOTFOUND when absent. */
int store_note_get(db_t *db, int64_t id, struct note *n, char *text, unsigned cap, struct dy_err *e);

/* Replaces a draft's kind and text (DY_ECONFLICT if it is signed). */
int store_note_update_draft(db_t *db, int64_t id, const char *kind, const char *text, struct dy_err *e);

/* Signs note id at stamp. */
int store_note_sign(db_t *db, int64_t id, const char *stamp, struct dy_err *e);

/* Marks note id entered in error by actor at stamp, for reason. */
int store_note_mark_error(db_t *db, int64_t id, const char *reason, const char *by, const char *stamp,
                          struct dy_err *e);

/* Calls fn for each note of the episode (episode_id > 0) or of every
 * episode, oldest first (by episode, time written, id). */
int store_note_list(db_t *db, int64_t episode_id, store_note_fn fn, void *ctx, struct dy_err *e);

/* Sets *yes to 1 when contact_id is a contact of episode_id, else 0. */
int store_note_contact_in_episode(db_t *db, int64_t contact_id, int64_t episode_id, int *yes, struct dy_err *e);

/* The number of signed safeguarding notes, not entered in error, in the
 * family's episodes. */
int store_note_safeguarding_count(db_t *db, int64_t family_id, int *n, struct dy_err *e);

/* As store_note_safeguarding_count for the n families family_ids
 * (ascending): calls fn with each family that has such notes and their number. */
typedef int (*store_note_count_fn)(void *ctx, int64_t family_id, int n);
int store_note_safeguarding_counts(db_t *db, const int64_t *family_ids, size_t n, store_note_count_fn fn, void *ctx,
                                   struct dy_err *e);

#endif
