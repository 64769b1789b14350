/* app_video.c: video feedback cycle use cases (see app_video.h). */
#include "app/app_video.h"

#include <stdio.h>
#include <string.h>

#include "app/app_files.h"
#include "app/app_scope.h"
#include "store/store_episode.h"
#include "util/date.h"
#include "util/str.h"

int app_video_start(struct app *a, struct video_cycle *c, const char *catalogue_path, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, c->episode_id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (rc)
		return rc;
	struct intervention_catalogue cat;
	if ((rc = intervention_load_file(catalogue_path, &cat, e))) {
		intervention_catalogue_free(&cat);
		return rc;
	}
	str_copy(c->created_by, sizeof c->created_by, a->actor);
	if ((rc = app_begin(a, e))) {
		intervention_catalogue_free(&cat);
		return rc;
	}
	struct episode ep;
	rc = store_episode_get(a->db, c->episode_id, &ep, e);
	if (!rc)
		rc = video_check_cycle(intervention_find(&cat, c->intervention), c->question, c->started_on,
		                       ep.received_on, ep.discharged_on, a->today, e);
	if (!rc)
		rc = store_video_insert(a->db, c, e);
	intervention_catalogue_free(&cat);
	return app_end(a, rc, "video.start", "video_cycle", c->id, c->intervention, e);
}

int app_video_link(struct app *a, int64_t cycle_id, int64_t contact_id, enum video_step s, struct dy_err *e)
{
	struct video_cycle c;
	int rc = app_begin_read(a, e);
	if (!rc)
		rc = store_video_get(a->db, cycle_id, &c, e);
	if ((rc = app_end_read(a, rc)))
		return rc;
	if ((rc = app_scope_record(a, SCOPE_OF_EPISODE, c.episode_id, SCOPE_CLINICAL_WRITE, NULL, e)))
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	struct video_link_facts f = {.last_filming = DATE_NONE};
	int64_t ep = 0;
	char iv[INTERVENTION_CODE_MAX] = "";
	rc = store_video_get(a->db, cycle_id, &c, e);
	if (!rc && (rc = store_video_contact(a->db, contact_id, &ep, &f.contact_date, iv, sizeof iv, &f.attended, e)) ==
	               DY_ENOTFOUND)
		rc = dy_fail(e, DY_EINVAL, "contact", "contact %lld does not exist", (long long)contact_id);
	if (!rc) {
		f.same_referral = ep == c.episode_id;
		f.same_intervention = strcmp(iv, c.intervention) == 0;
		f.started_on = c.started_on;
		f.n_links = c.n_links;
		for (int i = 0; i < c.n_links; i++) {
			if (c.step[i] == VIDEO_REVIEW)
				f.has_review = 1;
			else if (f.last_filming == DATE_NONE || c.contact_date[i] > f.last_filming)
				f.last_filming = c.contact_date[i];
		}
		int linked = store_video_linked(a->db, contact_id, e);
		if (linked < 0)
			rc = linked;
		f.already_linked = linked == 1;
	}
	if (!rc)
		rc = video_check_link(s, &f, e);
	if (!rc)
		rc = store_video_link(a->db, cycle_id, contact_id, s, e);
	char detail[48];
	snprintf(detail, sizeof detail, "%s; contact %lld", video_step_code(s), (long long)contact_id);
	return app_end(a, rc, "video.link", "video_cycle", cycle_id, detail, e);
}

int app_video_list(struct app *a, int64_t episode_id, store_video_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_CLINICAL, NULL, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_video_list(a->db, episode_id, fn, ctx, e));
}
