/* app_demo_letters.c: the demo's letters and feedback (app_demo_letters.h). */
#include "app/app_demo_letters.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_feedback.h"
#include "app/app_letter.h"
#include "store/store_episode.h"
#include "util/date.h"
#include "util/rng.h"
#include "util/str.h"

#define LAST_WITH_LETTERS 50

/* What the two passes need: the discharged referrals (small, for the
 * feedback) and the last LAST_WITH_LETTERS referrals in full, in a ring. */
struct discharged {
	int64_t id;
	int32_t discharged_on;
};
struct eps {
	struct discharged *d;
	size_t nd, capd;
	struct episode last[LAST_WITH_LETTERS];
	size_t nlast; /* referrals seen; the ring holds the last min(nlast, LAST_WITH_LETTERS) */
	int64_t after;
};

static int collect(void *ctx, const struct episode *ep)
{
	struct eps *s = ctx;
	if (ep->id <= s->after)
		return 0;
	if (ep->discharged_on != DATE_NONE && strcmp(ep->decision, "accepted") == 0) {
		if (s->nd == s->capd) {
			s->capd = s->capd ? 2 * s->capd : 256;
			s->d = xrealloc(s->d, s->capd * sizeof *s->d);
		}
		s->d[s->nd++] = (struct discharged){ep->id, ep->discharged_on};
	}
	s->last[s->nlast++ % LAST_WITH_LETTERS] = *ep;
	return 0;
}

static int feedback(struct app *a, struct rng *r, const struct feedback_def *def, const struct discharged *ep,
                    struct dy_err *e)
{
	struct feedback_row f;
	memset(&f, 0, sizeof f);
	f.episode_id = ep->id;
	str_copy(f.questionnaire, sizeof f.questionnaire, def->id);
	str_copy(f.recorded_by, sizeof f.recorded_by, a->actor);
	f.answered_on = ep->discharged_on + rng_range(r, 0, 21);
	if (f.answered_on > a->today)
		f.answered_on = a->today;
	static const int w[] = {74, 19, 7}; /* the first, second and last option */
	size_t u = 0;
	int answered = 0;
	for (int q = 0; q < def->n; q++) {
		const char *code = "";
		if (!rng_chance(r, 0.04) || (q == def->n - 1 && !answered)) {
			int k = rng_weighted(r, w, 3);
			int n = def->q[q].n_options;
			code = def->q[q].option[k == 0 ? 0 : k == 2 ? n - 1 : (n > 2 ? 1 : n - 1)];
			answered++;
		}
		u += (size_t)snprintf(f.answers + u, sizeof f.answers - u, "%s%s", q ? ";" : "", code);
		if (u >= sizeof f.answers)
			return dy_fail(e, DY_EINTERNAL, "answers", "too long for the demo");
	}
	return store_feedback_insert(a->db, &f, e);
}

static int letter(struct app *a, const struct episode *ep, enum letter_kind kind, enum letter_to to, int32_t on,
                  char *const text[LETTER_KIND_COUNT], const size_t len[LETTER_KIND_COUNT],
                  char (*st)[LETTER_VALUE_MAX], int64_t *made, struct dy_err *e)
{
	int32_t today = a->today;
	a->today = on; /* the letter as it would have been written that day */
	const char *vals[LETTER_FIELD_COUNT];
	int rc = app_letter_values(a, ep, to, st, vals, e);
	a->today = today;
	struct buf html;
	buf_init(&html, LETTER_HTML_MAX);
	if (!rc)
		rc = letter_render(&html, text[kind], len[kind], vals, e);
	if (!rc) {
		struct letter l;
		memset(&l, 0, sizeof l);
		l.episode_id = ep->id;
		str_copy(l.kind, sizeof l.kind, letter_kind_code(kind));
		str_copy(l.recipient, sizeof l.recipient, letter_to_code(to));
		char d[DATE_LEN];
		date_format(on, d);
		snprintf(l.produced_at, sizeof l.produced_at, "%sT10:%02d:00Z", d, (int)(ep->id % 60));
		str_copy(l.produced_by, sizeof l.produced_by, a->actor);
		l.html = buf_cstr(&html);
		rc = store_letter_insert(a->db, &l, e);
	}
	buf_free(&html);
	if (!rc)
		(*made)++;
	return rc;
}

int app_demo_letters(struct app *a, int64_t after_id, uint64_t seed, struct transfer_counts *n, struct dy_err *e)
{
	struct rng r;
	rng_seed(&r, seed ^ 0x6c6574746572ULL);
	struct eps s = {.after = after_id};
	int rc = store_episode_list(a->db, 0, collect, &s, e);
	struct feedback_def def;
	if (!rc)
		rc = app_feedback_load(NULL, &def, e);
	for (size_t i = 0; !rc && i < s.nd; i++)
		if (rng_chance(&r, 0.55) && !(rc = feedback(a, &r, &def, &s.d[i], e)))
			n->feedback++;
	char *text[LETTER_KIND_COUNT] = {0};
	size_t len[LETTER_KIND_COUNT] = {0};
	for (int k = 0; !rc && k < LETTER_KIND_COUNT; k++)
		rc = app_letter_template(NULL, (enum letter_kind)k, &text[k], &len[k], e);
	char(*st)[LETTER_VALUE_MAX] = xmalloc(sizeof(char[LETTER_FIELD_COUNT][LETTER_VALUE_MAX]));
	for (size_t i = s.nlast > LAST_WITH_LETTERS ? s.nlast - LAST_WITH_LETTERS : 0; !rc && i < s.nlast; i++) {
		const struct episode *ep = &s.last[i % LAST_WITH_LETTERS];
		int32_t on = ep->received_on + rng_range(&r, 1, 3);
		rc = letter(a, ep, LETTER_ACKNOWLEDGEMENT, LETTER_TO_REFERRER, on > a->today ? a->today : on, text, len,
		            st, &n->letters, e);
		if (!rc && ep->decision[0] && strcmp(ep->decision, "pending") != 0 && ep->decided_on != DATE_NONE) {
			on = ep->decided_on + rng_range(&r, 0, 2);
			rc = letter(a, ep, LETTER_DECISION, LETTER_TO_REFERRER, on > a->today ? a->today : on, text, len, st,
			            &n->letters, e);
		}
		if (!rc && ep->discharged_on != DATE_NONE) {
			on = ep->discharged_on + rng_range(&r, 0, 5);
			on = on > a->today ? a->today : on;
			rc = letter(a, ep, LETTER_DISCHARGE, LETTER_TO_GP, on, text, len, st, &n->letters, e);
			if (!rc)
				rc = letter(a, ep, LETTER_DISCHARGE, LETTER_TO_HEALTH_VISITOR, on, text, len, st, &n->letters, e);
		}
	}
	free(st);
	for (int k = 0; k < LETTER_KIND_COUNT; k++)
		free(text[k]);
	free(s.d);
	return rc;
}
