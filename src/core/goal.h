/* goal.h: the rules of goal-based outcomes, once: up to three goals a
 * referral, each in the family's own words, set within the referral, rated
 * 0-10 over time, no rating before its goal was set or in the future. Entry
 * (app/app_goal.c) and import (app/app_import.c) both ask these. Pure. */
#ifndef DYAD_CORE_GOAL_H
#define DYAD_CORE_GOAL_H

#include <stdint.h>

#include "util/err.h"
#include "util/limits.h"

#define GOAL_MAX 3                    /* goals a referral may have */
#define GOAL_TEXT_MAX LIMIT_FREE_TEXT /* bytes of a goal's words */
#define GOAL_RATING_MAX 10            /* ratings run 0 to this */

/* The goal's words: present and at most GOAL_TEXT_MAX bytes; DY_EINVAL
 * naming "text". */
int goal_check_text(const char *text, struct dy_err *e);

/* The date a goal is set: not after today, not before the referral was
 * received, not after its discharge (DATE_NONE: not discharged, or not
 * checked); DY_EINVAL naming "date". */
int goal_check_set_on(int32_t set_on, int32_t today, int32_t received, int32_t discharged, struct dy_err *e);

/* Whether a referral holding `existing` goals may take one more;
 * DY_ECONFLICT naming "referral" when it has GOAL_MAX already. */
int goal_check_room(int existing, struct dy_err *e);

/* A rating: 0 to GOAL_RATING_MAX (DY_EINVAL naming "rating"), dated (not
 * DATE_NONE), not after today and not before its goal's set_on (DY_EINVAL
 * naming "date"). */
int goal_check_rating(int rating, int32_t date, int32_t today, int32_t set_on, struct dy_err *e);

#endif
