/* app_import_workforce.c: training events with their attendee rows,
 * consultations and supervision sessions read from CSV files (see
 * app_import_workforce.h). */
#include "app/app_import_workforce.h"

#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/validate.h"
#include "store/store_family.h"
#include "store/store_workforce.h"
#include "util/csvtab.h"
#include "util/date.h"
#include "util/idmap.h"
#include "util/str.h"
#include "util/text.h"

/* Fails on column k with the reason already in e (its field cleared, so the
 * column names it). */
static int col_fail(struct csvtab *t, int k, struct dy_err *e)
{
	e->field[0] = '\0';
	return csvtab_fail(t, k, e);
}

/* The column a core check's field stands for: the column of the same name,
 * or of the name given in alias (pairs of field, column), else dflt. */
static int col_of(const struct csvtab *t, const char *field, const char *const *alias, int dflt)
{
	for (int i = 0; alias && alias[i]; i += 2)
		if (strcmp(alias[i], field) == 0)
			field = alias[i + 1];
	for (int k = 0; k < t->ncols; k++)
		if (strcmp(t->cols[k].name, field) == 0)
			return k;
	return dflt;
}

static int date_col(struct csvtab *t, int k, int optional, int32_t *out, struct dy_err *e)
{
	const char *v = csvtab_get(t, k);
	int rc = optional ? validate_date_opt(t->cols[k].name, v, out, e) : validate_date(t->cols[k].name, v, out, e);
	return rc ? csvtab_fail(t, k, e) : 0;
}

static int int_col(struct csvtab *t, int k, int lo, int hi, int *out, struct dy_err *e)
{
	return validate_int(t->cols[k].name, csvtab_get(t, k), lo, hi, out, e) ? csvtab_fail(t, k, e) : 0;
}

/* created_by: required, one line. */
static int by_col(struct csvtab *t, int k, char *out, size_t n, struct dy_err *e)
{
	int rc = csvtab_copy(t, k, out, n, e);
	if (!rc && !out[0]) {
		dy_fail(e, DY_EINVAL, NULL, "is required");
		return col_fail(t, k, e);
	}
	if (!rc && text_check("created_by", out, TEXT_LINE, e))
		return col_fail(t, k, e);
	return rc;
}

/* Practitioner id of column k exists; known holds those found so far (each read once). */
static int practitioner_col(struct app *a, struct idmap *known, struct csvtab *t, int k, int64_t id,
                            struct dy_err *e)
{
	uint32_t v;
	if (idmap_get(known, id, &v))
		return 0;
	int ok = store_practitioner_exists(a->db, id, e);
	if (ok < 0)
		return ok;
	if (!ok) {
		dy_fail(e, DY_EINVAL, NULL, "practitioner %lld does not exist", (long long)id);
		return col_fail(t, k, e);
	}
	idmap_put(known, id, 1);
	return 0;
}

/* An id not seen before in this file (else a conflict on column k). */
static int new_id(struct idmap *seen, struct csvtab *t, int k, const char *what, int64_t id, uint32_t v,
                  struct dy_err *e)
{
	uint32_t old;
	if (idmap_get(seen, id, &old)) {
		dy_fail(e, DY_ECONFLICT, NULL, "%s %lld appears twice", what, (long long)id);
		return col_fail(t, k, e);
	}
	idmap_put(seen, id, v);
	return 0;
}

/* ---- training.csv, training_attendees.csv -------------------------------- */

enum { TR_ID, TR_COURSE, TR_DATE, TR_HOURS, TR_TRAINERS, TR_NAMED, TR_BY, TR_NCOLS };
static const struct csvtab_col tr_cols[] = {{"training_id", 1}, {"course", 1},          {"date", 1},
                                            {"hours", 1},       {"trainer_ids", 1},     {"named_attendees", 0},
                                            {"created_by", 1}};
enum { TA_ID, TA_PROF, TA_ORG, TA_COUNT, TA_NCOLS };
static const struct csvtab_col ta_cols[] = {{"training_id", 1}, {"profession", 1}, {"organisation", 1}, {"count", 1}};

struct event_seen {
	int64_t id;
	long line;
	int64_t people;
};

static int trainer_ids(struct csvtab *t, struct wf_training *w, struct dy_err *e)
{
	const char *v = csvtab_get(t, TR_TRAINERS);
	w->n_trainers = 0;
	while (*v) {
		const char *end = strchr(v, ';');
		size_t len = end ? (size_t)(end - v) : strlen(v);
		char one[24];
		int64_t id;
		if (len == 0 || len >= sizeof one || w->n_trainers == WF_MAX_TRAINERS) {
			dy_fail(e, DY_EINVAL, NULL, "must be 1 to %d ids separated by ';'", WF_MAX_TRAINERS);
			return col_fail(t, TR_TRAINERS, e);
		}
		memcpy(one, v, len);
		one[len] = '\0';
		if (str_parse_i64(one, 1, (int64_t)1 << 53, &id)) {
			dy_fail(e, DY_EINVAL, NULL, "must be 1 to %d ids separated by ';'", WF_MAX_TRAINERS);
			return col_fail(t, TR_TRAINERS, e);
		}
		w->trainers[w->n_trainers++] = id;
		v += len;
		if (*v == ';')
			v++;
	}
	return 0;
}

static int import_training(struct app *a, const char *dir, struct transfer_counts *n, struct idmap *known,
                           struct dy_err *e)
{
	static const char *const alias[] = {"trainers", "trainer_ids", "named", "named_attendees", 0};
	struct csvtab t;
	struct idmap seen;
	idmap_init(&seen);
	struct event_seen *ev = NULL;
	size_t nev = 0;
	struct wf_training *w = xcalloc(1, sizeof *w);
	int rc = csvtab_open(&t, dir, "training.csv", tr_cols, TR_NCOLS, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		memset(w, 0, sizeof *w);
		w->team_id = a->team_id;
		rc = csvtab_id(&t, TR_ID, 0, &w->id, e);
		if (!rc) rc = csvtab_copy(&t, TR_COURSE, w->course, sizeof w->course, e);
		if (!rc) rc = date_col(&t, TR_DATE, 0, &w->date, e);
		if (!rc && wf_hours_parse(csvtab_get(&t, TR_HOURS), "hours", &w->hours_x10, e))
			rc = col_fail(&t, TR_HOURS, e);
		if (!rc) rc = trainer_ids(&t, w, e);
		if (!rc) rc = csvtab_copy(&t, TR_NAMED, w->named, sizeof w->named, e);
		if (!rc) rc = by_col(&t, TR_BY, w->created_by, sizeof w->created_by, e);
		if (!rc && wf_check_training_head(w, a->today, e))
			rc = col_fail(&t, col_of(&t, e->field, alias, TR_ID), e);
		for (int i = 0; !rc && i < w->n_trainers; i++)
			rc = practitioner_col(a, known, &t, TR_TRAINERS, w->trainers[i], e);
		if (!rc) rc = new_id(&seen, &t, TR_ID, "training", w->id, (uint32_t)nev, e);
		if (!rc)
			rc = store_training_insert(a->db, w, e);
		if (!rc) {
			ev = xrealloc(ev, (nev + 1) * sizeof *ev);
			ev[nev++] = (struct event_seen){w->id, t.r.line, 0};
			n->trainings++;
		}
	}
	csvtab_close(&t);
	/* The attendee rows, each of an event of training.csv. */
	if (rc >= 0)
		rc = csvtab_open(&t, dir, "training_attendees.csv", ta_cols, TA_NCOLS, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		int64_t id = 0;
		uint32_t k = 0;
		struct wf_attendees at;
		memset(&at, 0, sizeof at);
		rc = csvtab_id(&t, TA_ID, 0, &id, e);
		if (!rc && !idmap_get(&seen, id, &k)) {
			dy_fail(e, DY_EINVAL, NULL, "training %lld is not in training.csv", (long long)id);
			rc = col_fail(&t, TA_ID, e);
		}
		if (!rc) rc = csvtab_copy(&t, TA_PROF, at.profession, sizeof at.profession, e);
		if (!rc) rc = csvtab_copy(&t, TA_ORG, at.organisation, sizeof at.organisation, e);
		if (!rc) rc = int_col(&t, TA_COUNT, 0, WF_MAX_COUNT, &at.count, e);
		if (!rc && validate_code("profession", code_workforce_profession, at.profession, e))
			rc = col_fail(&t, TA_PROF, e);
		if (!rc && wf_check_attendees(&at, "organisation", e))
			rc = col_fail(&t, TA_ORG, e);
		if (!rc && (rc = store_training_attendees_insert(a->db, id, &at, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_ECONFLICT, NULL, "training %lld already counts %s of %s", (long long)id, at.profession,
			        at.organisation);
			rc = col_fail(&t, TA_ORG, e);
		}
		if (!rc) {
			ev[k].people += at.count;
			n->training_attendees++;
		}
	}
	long bad = -1;
	for (size_t i = 0; rc >= 0 && bad < 0 && i < nev; i++)
		if (ev[i].people < 1)
			bad = (long)i;
	if (rc >= 0 && bad >= 0) {
		dy_fail(e, DY_EINVAL, "training_id", "training %lld counts no attendee in training_attendees.csv: at least "
		        "one is needed", (long long)ev[bad].id);
		dy_err_where(e, "training.csv line %ld", ev[bad].line);
		rc = DY_EINVAL;
	}
	csvtab_close(&t);
	idmap_free(&seen);
	free(ev);
	free(w);
	return rc < 0 ? rc : 0;
}

/* ---- consultations.csv ----------------------------------------------------- */

enum { CO_ID, CO_DATE, CO_PR, CO_PROF, CO_ORG, CO_FAM, CO_ADVICE, CO_FU, CO_FU_ON, CO_BY, CO_NCOLS };
static const struct csvtab_col co_cols[] = {
	{"consultation_id", 1}, {"date", 1},   {"practitioner_id", 1}, {"profession", 1}, {"organisation", 1},
	{"family_id", 0},       {"advice", 1}, {"follow_up", 0},       {"follow_up_on", 0}, {"created_by", 1}};

static int import_consultations(struct app *a, const char *dir, struct transfer_counts *n, struct idmap *known,
                                struct dy_err *e)
{
	static const char *const alias[] = {"practitioner", "practitioner_id", 0};
	struct csvtab t;
	struct idmap seen;
	idmap_init(&seen);
	struct wf_consultation *c = xcalloc(1, sizeof *c);
	int rc = csvtab_open(&t, dir, "consultations.csv", co_cols, CO_NCOLS, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		memset(c, 0, sizeof *c);
		c->team_id = a->team_id;
		rc = csvtab_id(&t, CO_ID, 0, &c->id, e);
		if (!rc) rc = date_col(&t, CO_DATE, 0, &c->date, e);
		if (!rc) rc = csvtab_id(&t, CO_PR, 0, &c->practitioner_id, e);
		if (!rc) rc = csvtab_copy(&t, CO_PROF, c->profession, sizeof c->profession, e);
		if (!rc) rc = csvtab_copy(&t, CO_ORG, c->organisation, sizeof c->organisation, e);
		if (!rc) rc = csvtab_id(&t, CO_FAM, 1, &c->family_id, e);
		if (!rc) rc = csvtab_copy(&t, CO_ADVICE, c->advice, sizeof c->advice, e);
		if (!rc) rc = csvtab_copy(&t, CO_FU, c->follow_up, sizeof c->follow_up, e);
		if (!rc) rc = date_col(&t, CO_FU_ON, 1, &c->follow_up_on, e);
		if (!rc) rc = by_col(&t, CO_BY, c->created_by, sizeof c->created_by, e);
		if (!rc && wf_check_consultation(c, a->today, e))
			rc = col_fail(&t, col_of(&t, e->field, alias, CO_ID), e);
		if (!rc) rc = practitioner_col(a, known, &t, CO_PR, c->practitioner_id, e);
		if (!rc && c->family_id) {
			struct family f;
			int fr = store_family_get(a->db, c->family_id, &f, e);
			if (fr == DY_ENOTFOUND || (!fr && f.team_id != a->team_id)) {
				dy_fail(e, DY_EINVAL, NULL, "family %lld is not one of the team's", (long long)c->family_id);
				rc = col_fail(&t, CO_FAM, e);
			} else {
				rc = fr;
			}
		}
		if (!rc) rc = new_id(&seen, &t, CO_ID, "consultation", c->id, 0, e);
		if (!rc) rc = store_consultation_insert(a->db, c, e);
		if (!rc)
			n->consultations++;
	}
	csvtab_close(&t);
	idmap_free(&seen);
	free(c);
	return rc < 0 ? rc : 0;
}

/* ---- supervision.csv ------------------------------------------------------- */

enum { SU_ID, SU_DATE, SU_PR, SU_PROF, SU_ORG, SU_SERVICE, SU_MODE, SU_N, SU_MIN, SU_WHO, SU_BY, SU_NCOLS };
static const struct csvtab_col su_cols[] = {
	{"supervision_id", 1}, {"date", 1}, {"practitioner_id", 1}, {"profession", 1},  {"organisation", 1},
	{"service", 1},        {"mode", 1}, {"supervised", 1},      {"duration_min", 1}, {"supervisee", 0},
	{"created_by", 1}};

static int import_supervision(struct app *a, const char *dir, struct transfer_counts *n, struct idmap *known,
                              struct dy_err *e)
{
	static const char *const alias[] = {"practitioner", "practitioner_id", "duration", "duration_min", 0};
	struct csvtab t;
	struct idmap seen;
	idmap_init(&seen);
	struct wf_supervision *s = xcalloc(1, sizeof *s);
	int rc = csvtab_open(&t, dir, "supervision.csv", su_cols, SU_NCOLS, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		memset(s, 0, sizeof *s);
		s->team_id = a->team_id;
		rc = csvtab_id(&t, SU_ID, 0, &s->id, e);
		if (!rc) rc = date_col(&t, SU_DATE, 0, &s->date, e);
		if (!rc) rc = csvtab_id(&t, SU_PR, 0, &s->practitioner_id, e);
		if (!rc) rc = csvtab_copy(&t, SU_PROF, s->profession, sizeof s->profession, e);
		if (!rc) rc = csvtab_copy(&t, SU_ORG, s->organisation, sizeof s->organisation, e);
		if (!rc) rc = csvtab_copy(&t, SU_SERVICE, s->service, sizeof s->service, e);
		if (!rc && wf_mode_parse(csvtab_get(&t, SU_MODE), "mode", &s->mode, e))
			rc = col_fail(&t, SU_MODE, e);
		if (!rc) rc = int_col(&t, SU_N, 1, WF_MAX_COUNT, &s->supervised, e);
		if (!rc) rc = int_col(&t, SU_MIN, 1, 600, &s->duration_min, e);
		if (!rc) rc = csvtab_copy(&t, SU_WHO, s->supervisee, sizeof s->supervisee, e);
		if (!rc) rc = by_col(&t, SU_BY, s->created_by, sizeof s->created_by, e);
		if (!rc && wf_check_supervision(s, a->today, e))
			rc = col_fail(&t, col_of(&t, e->field, alias, SU_ID), e);
		if (!rc) rc = practitioner_col(a, known, &t, SU_PR, s->practitioner_id, e);
		if (!rc) rc = new_id(&seen, &t, SU_ID, "supervision", s->id, 0, e);
		if (!rc) rc = store_supervision_insert(a->db, s, e);
		if (!rc)
			n->supervision++;
	}
	csvtab_close(&t);
	idmap_free(&seen);
	free(s);
	return rc < 0 ? rc : 0;
}

int app_import_workforce(struct app *a, const char *dir, struct transfer_counts *n, struct dy_err *e)
{
	struct idmap known;
	idmap_init(&known);
	int rc = import_training(a, dir, n, &known, e);
	if (!rc)
		rc = import_consultations(a, dir, n, &known, e);
	if (!rc)
		rc = import_supervision(a, dir, n, &known, e);
	idmap_free(&known);
	return rc;
}
