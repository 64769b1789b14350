/* app_licensed.c: scoring without a database, and the licensed material a
 * service keeps locally (instrument tables and item wording): read through
 * util/file.c, checked whole, stored in one transaction and published to the
 * process's definitions only after it commits. */
#include "app/app_measure.h"
#include "app/app_scope.h"

#include "app/app_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "util/limits.h"

#define TEXT_FILE_MAX LIMIT_LOCAL_FILE_BYTES /* a table or text pack */


int app_score(const struct instrument_set *set, const char *id, const char *responses, int age_months,
              struct score_result *out, struct dy_err *e)
{
	const struct instrument *in = instrument_set_find(set, id);
	if (!in)
		return dy_fail(e, DY_ENOTFOUND, "instrument", "no instrument with this id is loaded (see `dyad instruments list`)");
	return score_compute(in, responses, strlen(responses), age_months, out, e);
}

int app_instruments_load_text(struct app *a, const char *path, int *items, struct dy_err *e)
{
	int scope_rc = app_scope_require(a, USER_OPERATOR | USER_ADMIN, e);
	if (scope_rc)
		return scope_rc;
	*items = 0;
	/* A private set is built, changed and stored inside the transaction, and
	 * published to the process only once the change has committed. */
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	struct instrument_set set;
	instrument_set_init(&set);
	rc = app_instruments_build(a, &set, e);
	/* Checks the whole file and attaches it (nothing attached on a refusal). */
	if (!rc)
		rc = instrument_load_text(&set, path, e);
	for (size_t i = 0; !rc && i < set.n; i++) {
		const struct instrument *in = set.v[i];
		for (int k = 0; !rc && k < in->nitems; k++)
			if (in->items[k].text) {
				rc = store_text_put(a->db, in->id, k + 1, in->items[k].text, e);
				(*items)++;
			}
	}
	char detail[64];
	snprintf(detail, sizeof detail, "%d items", *items);
	rc = app_end(a, rc, "instruments.load-text", "team", a->team_id, detail, e);
	if (rc)
		instrument_set_free(&set);
	else
		app_instruments_publish(a, &set);
	return rc;
}

int app_instruments_load_table(struct app *a, const char *id, const char *table, const char *path,
                               struct dy_err *e)
{
	int scope_rc = app_scope_require(a, USER_OPERATOR | USER_ADMIN, e);
	if (scope_rc)
		return scope_rc;
	char *csv = NULL;
	size_t len = 0;
	int rc = file_read_all(path, TEXT_FILE_MAX, &csv, &len, e);
	if (rc)
		return rc;
	if (strlen(csv) != len) {
		free(csv);
		return dy_fail(e, DY_EINVAL, "file", "holds a NUL byte");
	}
	if ((rc = app_begin(a, e))) {
		free(csv);
		return rc;
	}
	struct instrument_set set;
	instrument_set_init(&set);
	rc = app_instruments_build(a, &set, e);
	struct instrument *in = rc ? NULL : instrument_set_get(&set, id);
	if (!rc && !in)
		rc = dy_fail(e, DY_EINVAL, "instrument", "no instrument with this id is loaded (see `dyad instruments list`)");
	if (!rc)
		rc = instrument_parse_table(in, table, csv, len, path, e);
	if (!rc)
		rc = store_table_put(a->db, id, table, csv, e);
	rc = app_end(a, rc, "instruments.load-table", "team", a->team_id, id, e);
	free(csv);
	if (rc)
		instrument_set_free(&set);
	else
		app_instruments_publish(a, &set);
	return rc;
}
