/* page_careplan.h: the care plan and video feedback sections of a referral
 * on the family page. */
#ifndef DYAD_HTTP_PAGE_CAREPLAN_H
#define DYAD_HTTP_PAGE_CAREPLAN_H

#include "http/http.h"

/* Writes the referral's care plan as a table (intervention, start,
 * practitioners, status, sessions delivered against planned) into b;
 * nothing when it has no plan or the user's role may not see it. */
int page_careplan_section(struct buf *b, struct app *a, int64_t episode_id, struct dy_err *e);

/* Writes the referral's video feedback cycles (page_video.c) as a table
 * (cycle, intervention, helping question, filmed, reviewed) into b;
 * nothing when it has none or the user's role may not read clinical
 * detail. */
int page_video_section(struct buf *b, struct app *a, int64_t episode_id, struct dy_err *e);

/* Writes the referral's letters (page_letter.c) with the "Make a letter"
 * button and, once discharged, whether the family's feedback is recorded
 * (or the button to record it) into b; nothing when the user's role may
 * not see letters. */
struct episode;
int page_letter_section(struct buf *b, struct app *a, const struct episode *ep, struct dy_err *e);

#endif
