/* app_import_corrections.c: corrections.csv in an import (see
 * app_import_corrections.h). Each row is checked as a correction is on
 * entry (its record and family exist, a reason, a moment, the correction it
 * undoes an earlier one); the marks entered in error follow from the rows. */
#include "app/app_import_corrections.h"

#include <string.h>

#include "core/correction_record.h"
#include "core/note.h"
#include "store/store_correction.h"
#include "store/store_correction_record.h"
#include "store/store_family.h"
#include "util/csvtab.h"
#include "util/text.h"

enum { CO_ID, CO_RECORD, CO_RECORD_ID, CO_FAMILY, CO_FIELD, CO_OLD, CO_NEW, CO_REASON, CO_BY, CO_AT, CO_REVERTS };
static const struct csvtab_col co_cols[] = {{"correction_id", 1}, {"record", 1},    {"record_id", 1},
                                            {"family_id", 1},     {"field", 1},     {"old_value", 0},
                                            {"new_value", 0},     {"reason", 1},    {"corrected_by", 1},
                                            {"corrected_at", 1},  {"reverts", 0}};

/* The record kinds and the table each one's entered-in-error mark is in
 * (-1: a person, who is never marked). */
static const struct {
	const char *name;
	int table;
} kinds[] = {{"person", -1},
             {"family", STORE_ERR_FAMILY},
             {"referral", STORE_ERR_EPISODE},
             {"contact", STORE_ERR_CONTACT},
             {"safeguarding", STORE_ERR_SAFEGUARDING},
             {"measure", STORE_ERR_MEASURE}};

/* The error e as a failure of column k of the current row. */
static int col_fail(struct csvtab *t, int k, struct dy_err *e)
{
	e->field[0] = '\0';
	return csvtab_fail(t, k, e);
}

/* The kind of column CO_RECORD, and that record id exists: 0 or the error. */
static int record_col(struct app *a, struct csvtab *t, const struct correction *c, int *kind, struct dy_err *e)
{
	*kind = -1;
	for (int i = 0; i < (int)(sizeof kinds / sizeof kinds[0]); i++)
		if (strcmp(c->entity, kinds[i].name) == 0)
			*kind = i;
	if (*kind < 0) {
		dy_fail(e, DY_EINVAL, NULL, "must be person, family, referral, contact, safeguarding or measure");
		return col_fail(t, CO_RECORD, e);
	}
	int rc;
	struct person p;
	struct family f;
	if (kinds[*kind].table >= 0)
		rc = store_record_error_get(a->db, (enum store_error_table)kinds[*kind].table, c->entity_id, e);
	else if (*kind == 0)
		rc = store_person_get(a->db, c->entity_id, &p, e);
	else
		rc = store_family_get(a->db, c->entity_id, &f, e);
	if (rc == DY_ENOTFOUND) {
		dy_fail(e, DY_EINVAL, NULL, "%s %lld does not exist", c->entity, (long long)c->entity_id);
		return col_fail(t, CO_RECORD_ID, e);
	}
	rc = rc < 0 ? rc : 0;
	if (!rc && (rc = store_family_get(a->db, c->family_id, &f, e)) == DY_ENOTFOUND) {
		dy_fail(e, DY_EINVAL, NULL, "family %lld does not exist", (long long)c->family_id);
		return col_fail(t, CO_FAMILY, e);
	}
	return rc;
}

/* One row into c (checked), its kind into *kind. */
static int read_row(struct app *a, struct csvtab *t, struct correction *c, int *kind, struct dy_err *e)
{
	memset(c, 0, sizeof *c);
	int rc = csvtab_id(t, CO_ID, 0, &c->id, e);
	if (!rc) rc = csvtab_copy(t, CO_RECORD, c->entity, sizeof c->entity, e);
	if (!rc) rc = csvtab_id(t, CO_RECORD_ID, 0, &c->entity_id, e);
	if (!rc) rc = csvtab_id(t, CO_FAMILY, 0, &c->family_id, e);
	if (!rc) rc = record_col(a, t, c, kind, e);
	static const int line_cols[] = {CO_FIELD, CO_OLD, CO_NEW, CO_BY};
	char *line_out[] = {c->field, c->old_value, c->new_value, c->corrected_by};
	size_t line_n[] = {sizeof c->field, sizeof c->old_value, sizeof c->new_value, sizeof c->corrected_by};
	for (int i = 0; !rc && i < 4; i++) {
		if (!(rc = csvtab_copy(t, line_cols[i], line_out[i], line_n[i], e)) &&
		    text_check(t->cols[line_cols[i]].name, line_out[i], TEXT_LINE, e))
			rc = col_fail(t, line_cols[i], e);
	}
	if (!rc && (!c->field[0] || !c->corrected_by[0])) {
		dy_fail(e, DY_EINVAL, NULL, "is required");
		rc = col_fail(t, c->field[0] ? CO_BY : CO_FIELD, e);
	}
	if (!rc && !(rc = csvtab_copy(t, CO_REASON, c->reason, sizeof c->reason, e)) &&
	    correction_check_reason(c->reason, e))
		rc = col_fail(t, CO_REASON, e);
	if (!rc && !(rc = csvtab_copy(t, CO_AT, c->corrected_at, sizeof c->corrected_at, e)) &&
	    note_check_stamp("corrected_at", c->corrected_at, e))
		rc = col_fail(t, CO_AT, e);
	if (!rc) rc = csvtab_id(t, CO_REVERTS, 1, &c->reverts, e);
	if (!rc && c->reverts) {
		struct correction earlier;
		int have = c->reverts < c->id ? store_correction_get(a->db, c->reverts, &earlier, e) : DY_ENOTFOUND;
		if (have == DY_ENOTFOUND) {
			dy_fail(e, DY_EINVAL, NULL, "must be an earlier correction of this file");
			rc = col_fail(t, CO_REVERTS, e);
		} else
			rc = have;
	}
	return rc;
}

int app_import_corrections(struct app *a, const char *dir, struct transfer_counts *n, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, dir, "corrections.csv", co_cols, 11, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct correction c;
		int kind;
		rc = read_row(a, &t, &c, &kind, e);
		if (!rc && (rc = store_correction_insert(a->db, &c, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_EINVAL, NULL, "correction %lld is there twice", (long long)c.id);
			rc = col_fail(&t, CO_ID, e);
		}
		/* Rows come oldest first: the last entered_in_error row of a
		 * record decides its mark. */
		if (!rc && kinds[kind].table >= 0 && strcmp(c.field, CORRECTION_ERROR_FIELD) == 0)
			rc = store_record_error_set(a->db, (enum store_error_table)kinds[kind].table, c.entity_id,
			                            c.new_value[0] ? c.reason : NULL, c.corrected_by, c.corrected_at, e);
		if (!rc)
			n->corrections++;
	}
	csvtab_close(&t);
	if (rc < 0)
		return rc;
	/* An infant has one current safeguarding status at most, those entered
	 * in error aside (safeguarding.csv). */
	int64_t infant = 0;
	int twice = store_safeguarding_current_twice(a->db, &infant, e);
	if (twice < 0)
		return twice;
	if (twice) {
		dy_fail(e, DY_EINVAL, "ended_on", "infant %lld has more than one current period (no ended_on) not entered"
		        " in error", (long long)infant);
		dy_err_where(e, "safeguarding.csv");
		return DY_EINVAL;
	}
	return 0;
}
