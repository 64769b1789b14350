/* app_feedback.c: family feedback use cases (see app_feedback.h). */
#include "app/app_feedback.h"

#include <stdlib.h>
#include <string.h>

#include "app/app_scope.h"
#include "core/record.h"
#include "store/store_episode.h"
#include "util/date.h"
#include "util/file.h"
#include "util/str.h"

const char *app_feedback_default_path(void)
{
	const char *env = getenv("DYAD_FEEDBACK");
	return env && *env ? env : DYAD_SOURCE_DIR "/config/feedback.ini";
}

int app_feedback_load(const char *path, struct feedback_def *def, struct dy_err *e)
{
	if (!path || !*path)
		path = app_feedback_default_path();
	char *text = NULL;
	size_t len;
	int rc = file_read_all(path, FEEDBACK_MAX_BYTES, &text, &len, e);
	if (rc == DY_ENOTFOUND)
		return dy_fail(e, DY_ENOTFOUND, "questionnaire", "cannot read the feedback questionnaire %s", path);
	if (rc)
		return rc;
	rc = feedback_parse(text, len, def, e);
	free(text);
	if (rc) {
		char where[sizeof e->where];
		str_copy(where, sizeof where, e->where);
		dy_err_where(e, "%s %s", path, where);
	}
	return rc;
}

int app_feedback_add(struct app *a, int64_t episode_id, const char *answers, int32_t on, const char *path,
                     struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_BOOKING_WRITE, NULL, e);
	if (rc)
		return rc;
	struct feedback_def def;
	if ((rc = app_feedback_load(path, &def, e)))
		return rc;
	struct feedback_row f;
	memset(&f, 0, sizeof f);
	f.episode_id = episode_id;
	f.answered_on = on == DATE_NONE ? a->today : on;
	str_copy(f.questionnaire, sizeof f.questionnaire, def.id);
	str_copy(f.recorded_by, sizeof f.recorded_by, a->actor);
	if ((rc = feedback_check_answers(&def, answers, f.answers, sizeof f.answers, e)))
		return rc;
	if (f.answered_on > a->today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future");
	if ((rc = app_begin(a, e)))
		return rc;
	struct episode ep;
	rc = store_episode_get(a->db, episode_id, &ep, e);
	if (!rc && ep.discharged_on == DATE_NONE)
		rc = dy_fail(e, DY_ECONFLICT, "referral",
		             "referral %lld is not discharged: feedback is collected at discharge or after",
		             (long long)episode_id);
	if (!rc && f.answered_on < ep.received_on)
		rc = dy_fail(e, DY_EINVAL, "date", "is before the referral was received");
	if (!rc) {
		int have = store_feedback_exists(a->db, episode_id, e);
		if (have < 0)
			rc = have;
		else if (have)
			rc = dy_fail(e, DY_ECONFLICT, "referral", "referral %lld has its feedback recorded already",
			             (long long)episode_id);
	}
	if (!rc)
		rc = store_feedback_insert(a->db, &f, e);
	return app_end(a, rc, "feedback.add", "referral", episode_id, def.id, e);
}

int app_feedback_get(struct app *a, int64_t episode_id, struct feedback_row *f, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_IDENTITY, NULL, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_feedback_get(a->db, episode_id, f, e));
}

int app_feedback_list(struct app *a, int32_t from, int32_t to, store_feedback_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_IDENTITY, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_feedback_list(a->db, from, to, fn, ctx, e));
}

void app_feedback_tally(const struct feedback_def *def, const char *answers, struct app_feedback_counts *out)
{
	out->respondents++;
	for (int q = 0; q < def->n; q++) {
		int k = feedback_answer_of(def, answers, q);
		if (k < 0)
			continue;
		out->answered[q]++;
		out->count[q][k]++;
	}
}

struct tally_ctx {
	const struct feedback_def *def;
	struct app_feedback_counts *out;
};

static int on_row(void *ctx, const struct feedback_row *f)
{
	struct tally_ctx *t = ctx;
	if (strcmp(f->questionnaire, t->def->id) != 0) {
		t->out->other_questionnaire++;
		return 0;
	}
	app_feedback_tally(t->def, f->answers, t->out);
	return 0;
}

int app_feedback_counts(struct app *a, const struct feedback_def *def, int32_t from, int32_t to, const char *team,
                        struct app_feedback_counts *out, struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	struct store_teams teams;
	int rc = app_scope_report_teams(a, team, &teams, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	struct tally_ctx t = {def, out};
	return app_end_read(a, store_feedback_list_teams(a->db, from, to, &teams, on_row, &t, e));
}
