/* app_retention.c: the retention review: the rules file, then every
 * family's date from core/retention.c, the ones past as_of listed. */
#include "app/app_retention.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app_audit.h"
#include "app/app_files.h"
#include "app/app_scope.h"
#include "store/store_retention.h"
#include "util/date.h"
#include "util/str.h"

int app_retention_rules(struct retention_rules *r, char *source, size_t n, struct dy_err *e)
{
	retention_rules_default(r);
	const char *env = getenv("DYAD_RETENTION");
	const char *path = env && *env ? env : "retention.ini";
	if (!(env && *env) && access(path, F_OK) != 0) {
		str_copy(source, n, "built-in defaults");
		return 0;
	}
	int rc = retention_load_file(path, r, e);
	if (rc)
		return rc;
	str_copy(source, n, path);
	return 0;
}

struct walk {
	struct app *a;
	struct retention_review *out;
	size_t cap;
};

static int one_family(void *ctx, const struct store_retention_family *f)
{
	struct walk *w = ctx;
	if (!app_scope_in_team(w->a, f->team_id))
		return 0;
	struct retention_result res;
	retention_decide(&w->out->rules, f->people, f->n, &f->care, &res);
	if (!retention_due(&res, w->out->as_of)) {
		w->out->kept++;
		return 0;
	}
	if (w->out->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->out->rows = xrealloc(w->out->rows, w->cap * sizeof *w->out->rows);
	}
	w->out->rows[w->out->n++] = (struct retention_due_row){f->id, res.date, res.rule, f->last_episode_ended};
	return 0;
}

int app_retention_review(struct app *a, int32_t as_of, struct retention_review *out, struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	out->as_of = as_of;
	int rc = app_scope_require(a, USER_MANAGER | USER_OPERATOR, e);
	if (!rc)
		rc = app_retention_rules(&out->rules, out->source, sizeof out->source, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	struct walk w = {a, out, 0};
	rc = app_end_read(a, store_retention_each(a->db, one_family, &w, e));
	if (!rc) {
		char day[DATE_LEN], detail[96];
		date_format(as_of, day);
		snprintf(detail, sizeof detail, "review as of %s: %zu due", day, out->n);
		rc = app_audit_read_detail(a, "retention", 0, detail, e);
	}
	if (rc)
		app_retention_review_free(out);
	return rc;
}

void app_retention_review_free(struct retention_review *r)
{
	free(r->rows);
	r->rows = NULL;
	r->n = 0;
}
