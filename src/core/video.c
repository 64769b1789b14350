/* video.c: video feedback cycle rules (see video.h). */
#include "core/video.h"

#include <string.h>

#include "util/date.h"

static const char *const step_codes[] = {"filming", "review", 0};

const char *video_step_code(enum video_step s)
{
	return (unsigned)s < VIDEO_STEP_COUNT ? step_codes[s] : "";
}

int video_step_parse(const char *s, const char *field, enum video_step *out, struct dy_err *e)
{
	for (int i = 0; step_codes[i]; i++)
		if (s && strcmp(s, step_codes[i]) == 0) {
			*out = (enum video_step)i;
			return 0;
		}
	return dy_fail(e, DY_EINVAL, field, "must be filming or review");
}

int video_check_cycle(const struct intervention_def *def, const char *question, int32_t started_on,
                      int32_t received_on, int32_t discharged_on, int32_t today, struct dy_err *e)
{
	if (!def)
		return dy_fail(e, DY_EINVAL, "intervention", "is not in the intervention catalogue");
	if (def->mode == INTERVENTION_GROUP)
		return dy_fail(e, DY_EINVAL, "intervention", "%s is a group programme, not filmed with one family",
		               def->code);
	size_t n = question ? strlen(question) : 0;
	if (n == 0)
		return dy_fail(e, DY_EINVAL, "question", "is required: the helping question the family chose");
	if (n > VIDEO_QUESTION_MAX)
		return dy_fail(e, DY_EINVAL, "question", "is longer than %d bytes", VIDEO_QUESTION_MAX);
	if (strpbrk(question, "\r\n"))
		return dy_fail(e, DY_EINVAL, "question", "must be one line");
	if (started_on == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required");
	if (started_on < received_on)
		return dy_fail(e, DY_EINVAL, "date", "is before the referral was received");
	if (discharged_on != DATE_NONE && started_on > discharged_on)
		return dy_fail(e, DY_EINVAL, "date", "is after the family was discharged");
	if (started_on > today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future");
	return 0;
}

int video_check_link(enum video_step s, const struct video_link_facts *f, struct dy_err *e)
{
	if (!f->same_referral)
		return dy_fail(e, DY_EINVAL, "contact", "is a contact of another referral");
	if (!f->same_intervention)
		return dy_fail(e, DY_EINVAL, "contact", "does not name the cycle's intervention");
	if (!f->attended)
		return dy_fail(e, DY_EINVAL, "contact", "the family did not attend it");
	if (f->contact_date < f->started_on)
		return dy_fail(e, DY_EINVAL, "contact", "is before the cycle started");
	if (f->already_linked)
		return dy_fail(e, DY_ECONFLICT, "contact", "is linked to a cycle already");
	if (f->n_links >= VIDEO_MAX_LINKS)
		return dy_fail(e, DY_ECONFLICT, "step", "the cycle has %d contacts linked already: start the next cycle",
		               VIDEO_MAX_LINKS);
	if (s == VIDEO_REVIEW) {
		if (f->has_review)
			return dy_fail(e, DY_ECONFLICT, "step", "the cycle has its review already: start the next cycle");
		if (f->last_filming == DATE_NONE)
			return dy_fail(e, DY_EINVAL, "step", "a review needs a filming first");
		if (f->contact_date < f->last_filming)
			return dy_fail(e, DY_EINVAL, "step", "the review is before the filming it reviews");
	} else if (f->has_review) {
		return dy_fail(e, DY_EINVAL, "step", "the cycle's film is reviewed already: start the next cycle");
	}
	return 0;
}
