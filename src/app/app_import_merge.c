/* app_import_merge.c: family_merges.csv in an import (see
 * app_import_merge.h). A row gives the family kept, the family merged (a
 * tombstone from then on: family.merged_into), why, who, when and the
 * counts of what moved, as recorded at the merge. */
#include "app/app_import_merge.h"

#include <stdlib.h>
#include <string.h>

#include "core/correction.h"
#include "store/store_family.h"
#include "store/store_merge.h"
#include "util/csvtab.h"
#include "util/date.h"
#include "util/text.h"

enum { FM_ID, FM_KEPT, FM_MERGED, FM_REASON, FM_BY, FM_AT, FM_COUNTS };
#define FM_NCOLS (FM_COUNTS + MERGE_KINDS)

/* The counts' columns are store_merge.h's merge_kind_names, in that order. */
static const struct csvtab_col fm_cols[FM_NCOLS] = {
	{"merge_id", 1},      {"kept_family_id", 1}, {"merged_family_id", 1}, {"reason", 1},
	{"merged_by", 1},     {"merged_at", 1},      {"people", 1},           {"people_joined", 1},
	{"episodes", 1},      {"contacts", 1},       {"measures", 1},         {"safeguarding", 1},
	{"notes", 1},         {"goals", 1},          {"care_plans", 1},       {"appointments", 1},
	{"group_enrolments", 1}, {"letters", 1},     {"feedback", 1},         {"video_cycles", 1},
	{"corrections", 1},   {"consultations", 1}};

/* The error e as a failure of column k of the current row. */
static int col_fail(struct csvtab *t, int k, struct dy_err *e)
{
	e->field[0] = '\0';
	return csvtab_fail(t, k, e);
}

/* Family id of column k, made when absent (a tombstone that holds no one). */
static int family_col(struct csvtab *t, int k, struct app *a, int64_t *id, struct dy_err *e)
{
	int rc = csvtab_id(t, k, 0, id, e);
	if (rc)
		return rc;
	struct family f = {.id = *id, .team_id = a->team_id, .created_on = a->today};
	int created = 0;
	if ((rc = store_family_ensure(a->db, &f, &created, e)))
		return rc;
	if (!created && (rc = store_family_get(a->db, *id, &f, e)))
		return rc;
	if (f.team_id != a->team_id) {
		dy_fail(e, DY_EINVAL, NULL, "family %lld is another team's", (long long)*id);
		return col_fail(t, k, e);
	}
	return 0;
}

/* One row into m, checked; its families made when absent. */
static int read_row(struct csvtab *t, struct app *a, struct family_merge *m, struct dy_err *e)
{
	memset(m, 0, sizeof *m);
	int rc = csvtab_id(t, FM_ID, 0, &m->id, e);
	if (!rc)
		rc = family_col(t, FM_KEPT, a, &m->kept, e);
	if (!rc)
		rc = family_col(t, FM_MERGED, a, &m->merged, e);
	if (!rc && m->kept == m->merged) {
		dy_fail(e, DY_EINVAL, NULL, "a family cannot be merged into itself");
		rc = col_fail(t, FM_MERGED, e);
	}
	if (!rc && correction_check_reason(csvtab_get(t, FM_REASON), e))
		rc = col_fail(t, FM_REASON, e);
	if (!rc)
		rc = csvtab_copy(t, FM_REASON, m->reason, sizeof m->reason, e);
	if (!rc)
		rc = csvtab_copy(t, FM_BY, m->merged_by, sizeof m->merged_by, e);
	if (!rc && (!m->merged_by[0] || text_check("merged_by", m->merged_by, TEXT_LINE, e))) {
		if (!m->merged_by[0])
			dy_fail(e, DY_EINVAL, NULL, "is required");
		rc = col_fail(t, FM_BY, e);
	}
	if (!rc && !date_stamp_valid(csvtab_get(t, FM_AT))) {
		dy_fail(e, DY_EINVAL, NULL, "must be a moment in UTC, YYYY-MM-DDTHH:MM:SSZ");
		rc = col_fail(t, FM_AT, e);
	}
	if (!rc)
		rc = csvtab_copy(t, FM_AT, m->merged_at, sizeof m->merged_at, e);
	for (int k = 0; !rc && k < MERGE_KINDS; k++) {
		const char *v = csvtab_get(t, FM_COUNTS + k);
		char *end;
		long long x = strtoll(v, &end, 10);
		if (!*v || *end || x < 0 || x > 1000000000) {
			dy_fail(e, DY_EINVAL, NULL, "must be a count, 0 or more");
			rc = col_fail(t, FM_COUNTS + k, e);
		}
		m->moved[k] = x;
	}
	return rc;
}

int app_import_merges(struct app *a, const char *dir, struct transfer_counts *n, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, dir, "family_merges.csv", fm_cols, FM_NCOLS, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct family_merge m;
		rc = read_row(&t, a, &m, e);
		int64_t into = 0;
		if (!rc && !(rc = store_family_merged_into(a->db, m.merged, &into, e)) && into) {
			dy_fail(e, DY_EINVAL, NULL, "family %lld is merged twice", (long long)m.merged);
			rc = col_fail(&t, FM_MERGED, e);
		}
		if (!rc)
			rc = store_merge_mark(a->db, m.kept, m.merged, e);
		if (!rc && (rc = store_merge_insert(a->db, &m, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_EINVAL, NULL, "merge %lld is there twice", (long long)m.id);
			rc = col_fail(&t, FM_ID, e);
		}
		if (!rc)
			n->family_merges++;
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}
