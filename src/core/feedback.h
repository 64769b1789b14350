/* feedback.h: the team's family feedback questionnaire, defined like an
 * instrument but as a small INI file (config/feedback.ini; docs/reports.md
 * "Family feedback"): an id, then questions, each with its answer options.
 * Answers are stored as option codes by question, ';'-separated, an empty
 * code for a question the family left out. Pure: no I/O. */
#ifndef DYAD_CORE_FEEDBACK_H
#define DYAD_CORE_FEEDBACK_H

#include <stddef.h>

#include "util/err.h"

#define FEEDBACK_MAX_BYTES (32u * 1024u) /* the largest questionnaire file */
#define FEEDBACK_QUESTIONS_MAX 12
#define FEEDBACK_OPTIONS_MAX 6
#define FEEDBACK_CODE_MAX 33  /* a code: 1-32 of [a-z0-9_] */
#define FEEDBACK_TEXT_MAX 241 /* a question's wording: 1-240 bytes */

struct feedback_question {
	char code[FEEDBACK_CODE_MAX];
	char text[FEEDBACK_TEXT_MAX];
	char option[FEEDBACK_OPTIONS_MAX][FEEDBACK_CODE_MAX]; /* answer codes, in the file's order */
	int n_options;
	int line;
};

struct feedback_def {
	char id[FEEDBACK_CODE_MAX];  /* the questionnaire's id, stored with each response set */
	char title[FEEDBACK_TEXT_MAX];
	struct feedback_question q[FEEDBACK_QUESTIONS_MAX];
	int n;
};

/* Parses a questionnaire of len bytes:
 *   [questionnaire]  id = CODE, title = TEXT
 *   [question CODE]  text = TEXT, options = CODE, CODE, ... (2 to 6)
 * at least one question. Returns 0 or DY_EINVAL with e->where "line N", the
 * field and the reason (an unknown key or section is refused). */
int feedback_parse(const char *text, size_t len, struct feedback_def *out, struct dy_err *e);

/* Checks answers (";"-separated option codes, one per question, empty for
 * one skipped, at least one answered) against def; normalises out (n bytes)
 * to exactly def->n fields. 0 or DY_EINVAL naming "answers" with the
 * question. */
int feedback_check_answers(const struct feedback_def *def, const char *answers, char *out, size_t n,
                           struct dy_err *e);

/* The option index (0-based) answered to question qi in normalised answers,
 * -1 when skipped or unknown. */
int feedback_answer_of(const struct feedback_def *def, const char *answers, int qi);

#endif
