/* app_video.h: video feedback cycles (core/video.h;
 * docs/interventions.md, "Video feedback cycles"): start a referral's next
 * numbered cycle with the family's helping question, link the contacts at
 * which the family was filmed and the film reviewed, and list the cycles.
 * The question is the family's own words: shown to clinical roles only,
 * never written to the audit or an error. */
#ifndef DYAD_APP_VIDEO_H
#define DYAD_APP_VIDEO_H

#include "app/app.h"
#include "store/store_video.h"

/* Starts the next cycle of c->episode_id (intervention, question,
 * started_on) after video_check_cycle against the catalogue at
 * catalogue_path (NULL: the default); c->id and c->number written back. */
int app_video_start(struct app *a, struct video_cycle *c, const char *catalogue_path, struct dy_err *e);

/* Links contact_id to cycle_id as step s after video_check_link. */
int app_video_link(struct app *a, int64_t cycle_id, int64_t contact_id, enum video_step s, struct dy_err *e);

/* Calls fn for each cycle of the referral, by number, with its links. */
int app_video_list(struct app *a, int64_t episode_id, store_video_fn fn, void *ctx, struct dy_err *e);

#endif
