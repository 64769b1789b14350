/* note.h: the rules of case notes, once: the kinds a note may be, how long
 * its text may be, and what may happen to it in each state (a draft may be
 * edited or signed by its author only; a signed note is never changed, only
 * followed by an addendum or marked entered in error once, with a reason).
 * Entry (app/app_note.c) and import (app/app_import.c) both ask these. Pure. */
#ifndef DYAD_CORE_NOTE_H
#define DYAD_CORE_NOTE_H

#include "util/err.h"

#define NOTE_TEXT_CHARS 20000                 /* characters a note may hold */
#define NOTE_TEXT_BYTES (NOTE_TEXT_CHARS * 4) /* the most bytes those can take in UTF-8 */
#define NOTE_REASON_MAX 500                   /* characters of an entered-in-error reason */

/* The states a note is in, from its stored fields. */
enum note_state { NOTE_DRAFT, NOTE_SIGNED, NOTE_IN_ERROR };

/* 1 when kind is one of contact, assessment_formulation, safeguarding,
 * supervision, telephone, other. */
int note_kind_ok(const char *kind);

/* The kinds, comma-separated, for messages and help. */
const char *note_kinds(void);

/* A note's kind: DY_EINVAL naming "kind" when it is not one of note_kinds. */
int note_check_kind(const char *kind, struct dy_err *e);

/* A note's text: valid free text (util/text.h), not blank, at most
 * NOTE_TEXT_CHARS characters; DY_EINVAL naming "text" (never quoting it). */
int note_check_text(const char *text, struct dy_err *e);

/* An entered-in-error reason: one line, not blank, at most NOTE_REASON_MAX
 * characters; DY_EINVAL naming "reason". */
int note_check_reason(const char *reason, struct dy_err *e);

/* A stored time stamp: exactly `YYYY-MM-DDTHH:MM:SSZ` with a real date and
 * time; DY_EINVAL naming field. */
int note_check_stamp(const char *field, const char *stamp, struct dy_err *e);

/* Whether actor may sign (or edit) a note in state written by author: only a
 * draft, only by its author; DY_ECONFLICT naming "note" otherwise. */
int note_check_sign(enum note_state state, const char *author, const char *actor, struct dy_err *e);

/* Whether a note in state may be followed by an addendum: only a signed note
 * not entered in error; DY_ECONFLICT naming "note" otherwise. */
int note_check_addendum(enum note_state state, struct dy_err *e);

/* Whether a note in state may be marked entered in error: a signed note not
 * already so marked (a draft is simply not signed); DY_ECONFLICT naming
 * "note" otherwise. */
int note_check_error(enum note_state state, struct dy_err *e);

#endif
