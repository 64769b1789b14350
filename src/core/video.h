/* video.h: the rules of video feedback cycles (Video Interaction Guidance,
 * VIPP-SD, the NICE NG26 video feedback programme; docs/interventions.md,
 * "Video feedback cycles"). A referral's cycles are numbered 1, 2, ...;
 * each has the "helping question" the family chose and links the contacts
 * at which the family was filmed and the contact at which the film was
 * reviewed with them. Pure: the app layer reads the records and asks. */
#ifndef DYAD_CORE_VIDEO_H
#define DYAD_CORE_VIDEO_H

#include <stdint.h>

#include "core/intervention.h"
#include "util/err.h"
#include "util/limits.h"

#define VIDEO_QUESTION_MAX LIMIT_FREE_TEXT /* the helping question, in bytes */
#define VIDEO_MAX_LINKS 8                  /* contacts linked to one cycle */

enum video_step {
	VIDEO_FILMING = 0, /* "filming": the family filmed together */
	VIDEO_REVIEW,      /* "review": the film reviewed with the family */
	VIDEO_STEP_COUNT
};

/* The step's code ("filming"), or "" out of range. */
const char *video_step_code(enum video_step s);

/* Parses "filming" or "review" into *out; DY_EINVAL naming field. */
int video_step_parse(const char *s, const char *field, enum video_step *out, struct dy_err *e);

/* A new cycle: def (the catalogue's entry for its intervention; NULL:
 * "intervention" not in the catalogue; a group programme refused); the
 * helping question 1..VIDEO_QUESTION_MAX bytes of one line ("question");
 * started_on given, not before received_on, not after discharged_on
 * (DATE_NONE: open) nor today ("date"). */
int video_check_cycle(const struct intervention_def *def, const char *question, int32_t started_on,
                      int32_t received_on, int32_t discharged_on, int32_t today, struct dy_err *e);

/* What a link needs to know of the contact and the cycle so far. */
struct video_link_facts {
	int same_referral;        /* the contact is of the cycle's referral */
	int same_intervention;    /* it names the cycle's intervention */
	int attended;             /* the family attended it */
	int32_t contact_date;
	int32_t started_on;       /* the cycle's start */
	int32_t last_filming;     /* the latest filming linked so far; DATE_NONE: none */
	int has_review;           /* a review is linked already */
	int already_linked;       /* the contact is in a cycle already */
	int n_links;              /* contacts linked to the cycle so far */
};

/* Linking a contact as step s: of the cycle's referral and intervention
 * ("contact"), attended ("contact"), not before the cycle's start
 * ("contact"), in no other cycle ("contact", DY_ECONFLICT); at most
 * VIDEO_MAX_LINKS contacts in a cycle ("step", DY_ECONFLICT); a filming
 * before the review if one is linked ("step"); a review needs a filming on
 * or before its date, and a cycle has one review ("step", DY_ECONFLICT for
 * a second). */
int video_check_link(enum video_step s, const struct video_link_facts *f, struct dy_err *e);

#endif
