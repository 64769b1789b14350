/* app_search.c: finding a family by NHS number, date of birth, postcode or
 * name (see app_search.h). The look-ups are store/store_search.c's; this
 * file chooses which to make, combines the words of a name, keeps the
 * user's teams only and orders the answer. */
#include "app/app_search.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_audit.h"
#include "app/app_scope.h"
#include "core/validate.h"
#include "util/date.h"
#include "util/idmap.h"
#include "util/text.h"

const char *app_find_match_name(enum find_match m)
{
	static const char *const names[] = {"exact", "partial", "one_slip", "nhs_number", "date_of_birth", "postcode"};
	return names[m];
}

#define FIND_WORDS 6 /* words of a name looked for */

/* The people one word of the query finds, each with its best match. */
struct word_hits {
	struct idmap m; /* person id -> enum find_match */
	enum find_match cur;
};

static int add_person(void *ctx, int64_t id)
{
	struct word_hits *w = ctx;
	uint32_t old;
	if (!idmap_get(&w->m, id, &old) || old > (uint32_t)w->cur)
		idmap_put(&w->m, id, (uint32_t)w->cur);
	return 0;
}

/* 1 when the index's word matches query word q, with how in *m. */
static int classify(const char *word, const char *q, enum find_match *m)
{
	size_t lq = strlen(q), lw = strlen(word);
	if (strcmp(word, q) == 0)
		*m = FIND_EXACT;
	else if (lq >= 2 && lw > lq && strncmp(word, q, lq) == 0)
		*m = FIND_PARTIAL;
	else if (lq >= 3 && name_one_slip(word, q))
		*m = FIND_SLIP;
	else
		return 0;
	return 1;
}

struct word_list {
	char (*w)[NAME_WORD_MAX];
	int n, cap;
	const char *q;
};

static int collect_word(void *ctx, const char *word)
{
	struct word_list *l = ctx;
	enum find_match m;
	if (!classify(word, l->q, &m))
		return 0;
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->w[i], word) == 0)
			return 0;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->w = xrealloc(l->w, (size_t)l->cap * sizeof *l->w);
	}
	memcpy(l->w[l->n++], word, NAME_WORD_MAX);
	return 0;
}

/* Every person one query word finds, into w->m. */
static int find_word(struct app *a, const char *q, struct word_hits *w, struct dy_err *e)
{
	struct word_list l = {.q = q};
	size_t n = strlen(q);
	char part[NAME_WORD_MAX];
	/* Exact and partial: the words q starts. */
	int rc = store_search_words(a->db, q, 0, collect_word, &l, e);
	/* One slip: it leaves either the first or the last (n-1)/2 bytes whole. */
	size_t half = (n - 1) / 2;
	if (!rc && n >= 3 && half >= 1) {
		memcpy(part, q, half);
		part[half] = '\0';
		rc = store_search_words(a->db, part, 0, collect_word, &l, e);
		char rev[NAME_WORD_MAX];
		name_word_reverse(q, rev);
		rev[half] = '\0';
		if (!rc)
			rc = store_search_words(a->db, rev, 1, collect_word, &l, e);
	}
	for (int i = 0; !rc && i < l.n; i++) {
		classify(l.w[i], q, &w->cur);
		rc = store_search_word_people(a->db, l.w[i], add_person, w, e);
	}
	free(l.w);
	return rc;
}

struct ranked {
	int64_t id;
	int score;
	enum find_match best;
};

static int by_rank(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;
	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

struct id_list {
	struct ranked *v;
	int n, cap;
	enum find_match how;
};

static int add_id(void *ctx, int64_t id)
{
	struct id_list *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xrealloc(l->v, (size_t)l->cap * sizeof *l->v);
	}
	l->v[l->n++] = (struct ranked){id, 0, l->how};
	return 0;
}

/* 1 when text is a date: YYYY-MM-DD or DD/MM/YYYY. */
static int parse_dob(const char *t, int32_t *d)
{
	if (date_parse(t, d) == 0)
		return 1;
	int dd, mm, yy;
	char tail;
	if (sscanf(t, "%2d/%2d/%4d%c", &dd, &mm, &yy, &tail) == 3 && yy >= 1900)
		return date_from_ymd(yy, mm, dd, d) == 0;
	return 0;
}

/* The people the query finds, unordered, into l. */
static int candidates(struct app *a, const char *text, struct id_list *l, struct dy_err *e)
{
	char digits[16];
	size_t nd = 0, other = 0;
	for (const char *p = text; *p; p++) {
		if (isdigit((unsigned char)*p) && nd < sizeof digits - 1)
			digits[nd++] = *p;
		else if (*p != ' ' && *p != '-')
			other++;
	}
	digits[nd] = '\0';
	if (nd == 10 && other == 0) {
		l->how = FIND_NHS;
		return store_search_nhs(a->db, digits, add_id, l, e);
	}
	int32_t dob;
	if (parse_dob(text, &dob)) {
		l->how = FIND_DOB;
		return store_search_dob(a->db, dob, add_id, l, e);
	}
	char pc[9];
	struct dy_err ignore;
	if (nd > 0 && validate_postcode("postcode", text, pc, &ignore) == 0) {
		l->how = FIND_POSTCODE;
		return store_search_postcode(a->db, pc, add_id, l, e);
	}
	char words[FIND_WORDS][NAME_WORD_MAX];
	int nw = name_words(text, words, FIND_WORDS);
	if (nw == 0)
		return 0;
	struct word_hits w[FIND_WORDS];
	int rc = 0, smallest = 0;
	for (int i = 0; i < nw; i++)
		idmap_init(&w[i].m);
	for (int i = 0; !rc && i < nw; i++) {
		rc = find_word(a, words[i], &w[i], e);
		if (w[i].m.n < w[smallest].m.n)
			smallest = i;
	}
	/* A person is found when every word finds them; the score adds up how. */
	for (size_t k = 0; !rc && k < w[smallest].m.cap; k++) {
		int64_t id = w[smallest].m.keys[k];
		if (!id)
			continue;
		int score = 0, all = 1;
		enum find_match best = FIND_EXACT;
		for (int i = 0; i < nw && all; i++) {
			uint32_t q;
			all = idmap_get(&w[i].m, id, &q);
			score += (int)q;
			if ((enum find_match)q > best)
				best = (enum find_match)q;
		}
		if (all) {
			l->how = best;
			add_id(l, id);
			l->v[l->n - 1].score = score;
		}
	}
	for (int i = 0; i < nw; i++)
		idmap_free(&w[i].m);
	return rc;
}

int app_find(struct app *a, const char *text, int limit, int offset, app_find_fn fn, void *ctx, int64_t *total,
             struct dy_err *e)
{
	*total = 0;
	int rc = app_scope_require(a, app_scope_roles(SCOPE_IDENTITY), e);
	if (rc)
		return rc;
	const char *t = text ? text : "";
	while (*t == ' ')
		t++;
	if (!*t)
		return dy_fail(e, DY_EINVAL, "text", "is required: a name, NHS number, date of birth or postcode");
	if (strlen(t) > 200)
		return dy_fail(e, DY_EINVAL, "text", "is longer than 200 characters");
	if (text_check("text", t, TEXT_LINE, e))
		return DY_EINVAL;
	struct id_list l = {0};
	if ((rc = app_begin_read(a, e)))
		return rc;
	rc = candidates(a, t, &l, e);
	/* Only the user's teams (the local operator's: all). */
	int k = 0;
	for (int i = 0; !rc && i < l.n; i++) {
		int64_t team = 0;
		rc = store_search_team(a->db, l.v[i].id, &team, e);
		if (!rc && team && app_scope_in_team(a, team))
			l.v[k++] = l.v[i];
	}
	l.n = k;
	if (!rc && l.n > 1)
		qsort(l.v, (size_t)l.n, sizeof *l.v, by_rank);
	*total = l.n;
	for (int i = offset; !rc && i < l.n && (limit <= 0 || i < offset + limit); i++) {
		struct search_hit h;
		rc = store_search_hit(a->db, l.v[i].id, &h, e);
		if (!rc)
			rc = fn(ctx, &h, l.v[i].best);
	}
	free(l.v);
	/* That a search was made (by whom, when), never what was typed. */
	rc = app_end_look(a, rc, "search", 0, e);
	return rc;
}
