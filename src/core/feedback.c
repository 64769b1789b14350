/* feedback.c: the feedback questionnaire file and its answers (feedback.h). */
#include "core/feedback.h"

#include <stdio.h>
#include <string.h>

#include "core/ini.h"
#include "util/str.h"

struct parse_state {
	struct feedback_def *d;
	struct dy_err *e;
	int section; /* 0 none yet, 1 [questionnaire], 2 [question CODE] */
	int seen_header;
};

static int split_options(struct feedback_question *q, char *v, int line, struct dy_err *e)
{
	q->n_options = 0;
	char *save = NULL;
	for (char *t = strtok_r(v, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		t = ini_trim(t);
		if (!ini_valid_code(t, FEEDBACK_CODE_MAX))
			return ini_fail(e, line, "options", "\"%s\" is not a code (1-32 of a-z, 0-9 and _)", t);
		for (int i = 0; i < q->n_options; i++)
			if (strcmp(q->option[i], t) == 0)
				return ini_fail(e, line, "options", "\"%s\" is there twice", t);
		if (q->n_options == FEEDBACK_OPTIONS_MAX)
			return ini_fail(e, line, "options", "a question has at most %d options", FEEDBACK_OPTIONS_MAX);
		str_copy(q->option[q->n_options++], FEEDBACK_CODE_MAX, t);
	}
	if (q->n_options < 2)
		return ini_fail(e, line, "options", "a question needs at least 2 options");
	return 0;
}

static int text_value(char *out, const char *v, int line, const char *key, struct dy_err *e)
{
	size_t n = strlen(v);
	if (n == 0 || n >= FEEDBACK_TEXT_MAX)
		return ini_fail(e, line, key, "must be 1 to %d bytes", FEEDBACK_TEXT_MAX - 1);
	str_copy(out, FEEDBACK_TEXT_MAX, v);
	return 0;
}

static int on_section(struct parse_state *st, struct ini_line *l)
{
	struct feedback_def *d = st->d;
	if (strcmp(l->name, "questionnaire") == 0) {
		if (st->seen_header)
			return ini_fail(st->e, l->line, "section", "[questionnaire] is there twice");
		st->seen_header = 1;
		st->section = 1;
		return 0;
	}
	if (strncmp(l->name, "question ", 9) != 0)
		return ini_fail(st->e, l->line, "section", "must be [questionnaire] or [question CODE]");
	const char *code = ini_trim(l->name + 9);
	if (!ini_valid_code(code, FEEDBACK_CODE_MAX))
		return ini_fail(st->e, l->line, "question", "\"%s\" is not a code (1-32 of a-z, 0-9 and _)", code);
	for (int i = 0; i < d->n; i++)
		if (strcmp(d->q[i].code, code) == 0)
			return ini_fail(st->e, l->line, "question", "%s is there twice", code);
	if (d->n == FEEDBACK_QUESTIONS_MAX)
		return ini_fail(st->e, l->line, "question", "a questionnaire has at most %d questions",
		                FEEDBACK_QUESTIONS_MAX);
	struct feedback_question *q = &d->q[d->n++];
	memset(q, 0, sizeof *q);
	str_copy(q->code, sizeof q->code, code);
	q->line = l->line;
	st->section = 2;
	return 0;
}

static int on_line(void *ctx, struct ini_line *l)
{
	struct parse_state *st = ctx;
	struct feedback_def *d = st->d;
	if (l->section)
		return on_section(st, l);
	if (st->section == 1) {
		if (strcmp(l->name, "id") == 0) {
			if (!ini_valid_code(l->value, FEEDBACK_CODE_MAX))
				return ini_fail(st->e, l->line, "id", "must be a code (1-32 of a-z, 0-9 and _)");
			str_copy(d->id, sizeof d->id, l->value);
			return 0;
		}
		if (strcmp(l->name, "title") == 0)
			return text_value(d->title, l->value, l->line, "title", st->e);
	} else if (st->section == 2) {
		struct feedback_question *q = &d->q[d->n - 1];
		if (strcmp(l->name, "text") == 0)
			return text_value(q->text, l->value, l->line, "text", st->e);
		if (strcmp(l->name, "options") == 0)
			return split_options(q, l->value, l->line, st->e);
	} else {
		return ini_fail(st->e, l->line, l->name, "comes before any section");
	}
	return ini_fail(st->e, l->line, l->name, "is not a key of this section");
}

int feedback_parse(const char *text, size_t len, struct feedback_def *out, struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	struct parse_state st = {.d = out, .e = e};
	int rc = ini_read(text, len, FEEDBACK_MAX_BYTES, on_line, &st, e);
	if (!rc && !out->id[0])
		rc = ini_fail(e, 1, "id", "the [questionnaire] section needs an id");
	if (!rc && out->n == 0)
		rc = ini_fail(e, 1, "question", "a questionnaire needs at least one [question CODE]");
	for (int i = 0; !rc && i < out->n; i++) {
		if (!out->q[i].text[0])
			rc = ini_fail(e, out->q[i].line, "text", "question %s has no text", out->q[i].code);
		else if (out->q[i].n_options == 0)
			rc = ini_fail(e, out->q[i].line, "options", "question %s has no options", out->q[i].code);
	}
	if (rc) {
		memset(out, 0, sizeof *out);
		return rc < 0 ? rc : DY_EINVAL;
	}
	return 0;
}

/* The i-th ';'-separated field of s into out (n bytes); 0, or -1 when s has
 * fewer fields. */
static int field_at(const char *s, int i, char *out, size_t n)
{
	for (int k = 0; k < i; k++) {
		s = strchr(s, ';');
		if (!s)
			return -1;
		s++;
	}
	size_t m = strcspn(s, ";");
	if (m >= n)
		m = n - 1;
	memcpy(out, s, m);
	out[m] = '\0';
	return 0;
}

int feedback_check_answers(const struct feedback_def *def, const char *answers, char *out, size_t n,
                           struct dy_err *e)
{
	if (!answers)
		answers = "";
	int fields = 1;
	for (const char *p = answers; *p; p++)
		fields += *p == ';';
	if (fields != def->n)
		return dy_fail(e, DY_EINVAL, "answers", "has %d answers; the questionnaire %s has %d questions (leave one "
		               "empty to skip it)", fields, def->id, def->n);
	size_t u = 0;
	int answered = 0;
	out[0] = '\0';
	for (int i = 0; i < def->n; i++) {
		char a[FEEDBACK_CODE_MAX + 8];
		field_at(answers, i, a, sizeof a);
		char *t = ini_trim(a);
		int ok = !*t;
		for (int k = 0; !ok && k < def->q[i].n_options; k++)
			ok = strcmp(def->q[i].option[k], t) == 0;
		if (!ok) {
			char opts[FEEDBACK_OPTIONS_MAX * FEEDBACK_CODE_MAX + 16] = "";
			size_t w = 0;
			for (int k = 0; k < def->q[i].n_options && w < sizeof opts; k++)
				w += (size_t)snprintf(opts + w, sizeof opts - w, "%s%s", k ? ", " : "", def->q[i].option[k]);
			e->index = i + 1;
			dy_fail(e, DY_EINVAL, "answers", "question %d (%s) must be one of %s, or empty", i + 1,
			        def->q[i].code, opts);
			e->index = i + 1;
			return DY_EINVAL;
		}
		answered += *t != '\0';
		int w = snprintf(out + u, n - u, "%s%s", i ? ";" : "", t);
		if (w < 0 || (size_t)w >= n - u)
			return dy_fail(e, DY_EINVAL, "answers", "are too long");
		u += (size_t)w;
	}
	if (!answered)
		return dy_fail(e, DY_EINVAL, "answers", "answer at least one question");
	return 0;
}

int feedback_answer_of(const struct feedback_def *def, const char *answers, int qi)
{
	if (qi < 0 || qi >= def->n)
		return -1;
	char a[FEEDBACK_CODE_MAX + 8];
	if (field_at(answers, qi, a, sizeof a))
		return -1;
	for (int k = 0; k < def->q[qi].n_options; k++)
		if (strcmp(def->q[qi].option[k], a) == 0)
			return k;
	return -1;
}
