/* store_video.h: video feedback cycles in the database: each cycle of a
 * referral (its number, intervention, helping question, start) and the
 * contacts linked to it as filming or review. The rules are core/video.h's;
 * callers (app/) check them and hold the transaction. */
#ifndef DYAD_STORE_VIDEO_H
#define DYAD_STORE_VIDEO_H

#include <stddef.h>

#include "core/video.h"
#include "store/db.h"

struct video_cycle {
	int64_t id;
	int64_t episode_id;
	int number; /* 1, 2, ... within the referral */
	char intervention[INTERVENTION_CODE_MAX];
	char question[VIDEO_QUESTION_MAX + 1];
	int32_t started_on;
	char created_by[64];
	/* Filled by get and list: the linked contacts, by date. */
	int64_t contact[VIDEO_MAX_LINKS];
	int32_t contact_date[VIDEO_MAX_LINKS];
	enum video_step step[VIDEO_MAX_LINKS];
	int n_links;
};
typedef int (*store_video_fn)(void *ctx, const struct video_cycle *c);

/* Inserts cycle c numbered after the referral's last (c->number and c->id
 * written back). */
int store_video_insert(db_t *db, struct video_cycle *c, struct dy_err *e);

/* Inserts cycle c with its own id and number (an import keeping the
 * files' ids); DY_ECONFLICT when either is taken. */
int store_video_insert_as(db_t *db, const struct video_cycle *c, struct dy_err *e);

/* Loads cycle id with its links; DY_ENOTFOUND if absent. */
int store_video_get(db_t *db, int64_t id, struct video_cycle *c, struct dy_err *e);

/* Calls fn for each cycle of the referral (episode_id 0: every cycle), by
 * referral then number, links filled. */
int store_video_list(db_t *db, int64_t episode_id, store_video_fn fn, void *ctx, struct dy_err *e);

/* Links contact_id to cycle_id as step s. */
int store_video_link(db_t *db, int64_t cycle_id, int64_t contact_id, enum video_step s, struct dy_err *e);

/* What a link needs of contact id: its referral, date, intervention and
 * whether it was attended; DY_ENOTFOUND ("contact") if absent. */
int store_video_contact(db_t *db, int64_t id, int64_t *episode_id, int32_t *date, char *intervention,
                        size_t intervention_size, int *attended, struct dy_err *e);

/* 1 when contact_id is linked to any cycle, 0 when not, or an error. */
int store_video_linked(db_t *db, int64_t contact_id, struct dy_err *e);

#endif
