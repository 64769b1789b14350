/* app_import_feedback.c: letters.csv and feedback.csv in an import (see
 * app_import_feedback.h). A letter is a stored document: its HTML comes
 * back exactly as exported. A response set comes back once per referral,
 * for a discharged referral, its answers checked against the questionnaire
 * when it is the one in use. */
#include "app/app_import_feedback.h"

#include <string.h>

#include "app/app_feedback.h"
#include "core/letter.h"
#include "core/validate.h"
#include "store/store_episode.h"
#include "store/store_letter.h"
#include "util/csvtab.h"
#include "util/date.h"
#include "util/idmap.h"
#include "util/text.h"

/* The error e as a failure of column k of the current row. */
static int col_fail(struct csvtab *t, int k, struct dy_err *e)
{
	e->field[0] = '\0';
	return csvtab_fail(t, k, e);
}

static int line_col(struct csvtab *t, int k, char *out, size_t n, struct dy_err *e)
{
	int rc = csvtab_copy(t, k, out, n, e);
	if (rc)
		return rc;
	if (!out[0])
		return dy_fail(e, DY_EINVAL, NULL, "is required"), col_fail(t, k, e);
	if (text_check(t->cols[k].name, out, TEXT_LINE, e))
		return col_fail(t, k, e);
	return 0;
}

/* Where the referrals are found (app_import_letters_feedback's find). */
struct referrals {
	import_referral_fn find;
	void *ctx;
};

/* The referral of column k: it must exist (this import's or the database's);
 * *is_new as import_referral_fn says. */
static int episode_col(struct csvtab *t, int k, const struct referrals *refs, struct episode *ep, int *is_new,
                       struct dy_err *e)
{
	int64_t id;
	memset(ep, 0, sizeof *ep);
	int rc = csvtab_id(t, k, 0, &id, e);
	if (rc)
		return rc;
	rc = refs->find(refs->ctx, id, ep, is_new, e);
	if (rc == DY_ENOTFOUND) {
		dy_fail(e, DY_EINVAL, NULL, "referral %lld does not exist", (long long)id);
		return col_fail(t, k, e);
	}
	return rc;
}

enum { LE_ID, LE_REF, LE_KIND, LE_TO, LE_AT, LE_BY, LE_HTML };
static const struct csvtab_col le_cols[] = {{"letter_id", 1},   {"referral_id", 1}, {"kind", 1}, {"to", 1},
                                            {"produced_at", 1}, {"produced_by", 1}, {"html", 1}};

static int import_letters(struct app *a, const char *dir, struct transfer_counts *n, const struct referrals *refs,
                          struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, dir, "letters.csv", le_cols, 7, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct letter l;
		struct episode ep;
		enum letter_kind kind;
		enum letter_to to;
		memset(&l, 0, sizeof l);
		rc = csvtab_id(&t, LE_ID, 0, &l.id, e);
		int is_new;
		if (!rc) rc = episode_col(&t, LE_REF, refs, &ep, &is_new, e);
		l.episode_id = ep.id;
		if (!rc && letter_kind_parse(csvtab_get(&t, LE_KIND), NULL, &kind, e))
			rc = col_fail(&t, LE_KIND, e);
		if (!rc && letter_to_parse(csvtab_get(&t, LE_TO), NULL, &to, e))
			rc = col_fail(&t, LE_TO, e);
		if (!rc) {
			strcpy(l.kind, letter_kind_code(kind));
			strcpy(l.recipient, letter_to_code(to));
		}
		if (!rc && !date_stamp_valid(csvtab_get(&t, LE_AT))) {
			dy_fail(e, DY_EINVAL, NULL, "must be a moment in UTC, YYYY-MM-DDTHH:MM:SSZ");
			rc = col_fail(&t, LE_AT, e);
		}
		if (!rc) rc = csvtab_copy(&t, LE_AT, l.produced_at, sizeof l.produced_at, e);
		if (!rc) rc = line_col(&t, LE_BY, l.produced_by, sizeof l.produced_by, e);
		if (!rc) {
			l.html = csvtab_get(&t, LE_HTML);
			size_t len = strlen(l.html);
			if (len == 0 || len > LETTER_HTML_MAX) {
				dy_fail(e, DY_EINVAL, NULL, "must be the letter's HTML, 1 to %u bytes", LETTER_HTML_MAX);
				rc = col_fail(&t, LE_HTML, e);
			} else if (text_check("html", l.html, TEXT_FREE, e)) {
				rc = col_fail(&t, LE_HTML, e);
			}
		}
		if (!rc && (rc = store_letter_insert(a->db, &l, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_EINVAL, NULL, "letter %lld is there twice", (long long)l.id);
			rc = col_fail(&t, LE_ID, e);
		}
		if (!rc)
			n->letters++;
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

enum { FB_REF, FB_Q, FB_ON, FB_ANSWERS, FB_BY };
static const struct csvtab_col fb_cols[] = {
	{"referral_id", 1}, {"questionnaire", 1}, {"answered_on", 1}, {"answers", 1}, {"recorded_by", 1}};

static int import_feedback(struct app *a, const char *dir, struct transfer_counts *n, const struct referrals *refs,
                           struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, dir, "feedback.csv", fb_cols, 5, 0, e);
	/* the referrals given feedback by this file's rows so far */
	struct idmap given;
	idmap_init(&given);
	struct feedback_def def;
	memset(&def, 0, sizeof def);
	int have_def = 0;
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		if (!have_def && (rc = app_feedback_load(NULL, &def, e)))
			break;
		have_def = 1;
		struct feedback_row f;
		struct episode ep;
		memset(&f, 0, sizeof f);
		int is_new = 0;
		uint32_t v;
		rc = episode_col(&t, FB_REF, refs, &ep, &is_new, e);
		f.episode_id = ep.id;
		if (!rc && ep.discharged_on == DATE_NONE) {
			dy_fail(e, DY_EINVAL, NULL, "referral %lld is not discharged: feedback is collected at discharge or after",
			        (long long)ep.id);
			rc = col_fail(&t, FB_REF, e);
		}
		if (!rc) {
			int have = idmap_get(&given, ep.id, &v) ? 1 : is_new ? 0 : store_feedback_exists(a->db, ep.id, e);
			if (have < 0)
				rc = have;
			else if (have) {
				dy_fail(e, DY_EINVAL, NULL, "referral %lld has its feedback there twice", (long long)ep.id);
				rc = col_fail(&t, FB_REF, e);
			}
		}
		if (!rc) rc = line_col(&t, FB_Q, f.questionnaire, sizeof f.questionnaire, e);
		if (!rc) {
			if (validate_date("answered_on", csvtab_get(&t, FB_ON), &f.answered_on, e))
				rc = col_fail(&t, FB_ON, e);
			else if (f.answered_on < ep.received_on) {
				dy_fail(e, DY_EINVAL, NULL, "is before the referral was received");
				rc = col_fail(&t, FB_ON, e);
			}
		}
		if (!rc) rc = csvtab_copy(&t, FB_ANSWERS, f.answers, sizeof f.answers, e);
		if (!rc && strcmp(f.questionnaire, def.id) == 0) {
			char norm[FEEDBACK_ANSWERS_MAX];
			if (feedback_check_answers(&def, f.answers, norm, sizeof norm, e))
				rc = col_fail(&t, FB_ANSWERS, e);
			else if (strcmp(norm, f.answers) != 0) {
				dy_fail(e, DY_EINVAL, NULL, "must be the answer codes without spaces, e.g. yes;partly;;yes");
				rc = col_fail(&t, FB_ANSWERS, e);
			}
		} else if (!rc && text_check("answers", f.answers, TEXT_LINE, e)) {
			rc = col_fail(&t, FB_ANSWERS, e);
		}
		if (!rc) rc = line_col(&t, FB_BY, f.recorded_by, sizeof f.recorded_by, e);
		if (!rc) rc = store_feedback_insert(a->db, &f, e);
		if (!rc) {
			idmap_put(&given, ep.id, 1);
			n->feedback++;
		}
	}
	idmap_free(&given);
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

int app_import_letters_feedback(struct app *a, const char *dir, struct transfer_counts *n, import_referral_fn find,
                                void *ctx, struct dy_err *e)
{
	const struct referrals refs = {find, ctx};
	int rc = import_letters(a, dir, n, &refs, e);
	return rc ? rc : import_feedback(a, dir, n, &refs, e);
}
