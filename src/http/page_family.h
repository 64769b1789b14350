/* page_family.h: pieces of the family page that other pages of a family
 * show too (the safeguarding and risk callouts), and the state tag. */
#ifndef DYAD_HTTP_PAGE_FAMILY_H
#define DYAD_HTTP_PAGE_FAMILY_H

#include "app/app_episode.h"
#include "app/app_family.h"
#include "core/episode_state.h"
#include "http/http.h"

/* The episode state as an nhsuk tag, in words. */
int page_state_tag(struct buf *b, enum episode_state s, struct dy_err *e);

/* "Ann Example". */
void page_person_name(const struct person *p, char *out, size_t n);

/* "7 months, corrected 5 months", "3 months", or "unborn, due 1 May 2026". */
int page_infant_age(const struct person *p, int32_t today, char *out, size_t n);

/* The warning callouts shown at the top of every page of a family: each
 * infant's current safeguarding status above none (which, since when), and
 * each risk flag not yet acknowledged, with its acknowledge button (but
 * those of measure skip_measure, which the page shows itself; 0: none). */
int page_family_callouts(struct buf *b, struct app *a, const struct family_view *v, const struct http_req *rq,
                         int64_t skip_measure, struct dy_err *e);

#endif

/* The page head of a page about one referral: starts the body b
 * (page_body), loads the referral (rv) and its family (fv, free both with
 * their _free functions on success), writes the family's name as a caption
 * and the callouts into b, and the family page's href into back (48 bytes).
 * On failure nothing is left to free. */
int page_episode_head(struct buf *b, struct http_req *rq, int64_t episode_id, int64_t skip_measure,
                      struct referral_view *rv, struct family_view *fv, char *back, struct dy_err *e);

/* A form page about one referral: its body, error, referral, family and the
 * family page's href, as page_episode_head fills them. */
struct episode_page {
	struct buf b;
	struct dy_err e;
	struct referral_view rv;
	struct family_view fv;
	char back[48];
};

/* page_episode_head into pg (no measure skipped); on failure nothing is
 * left to free. */
int page_episode_open(struct episode_page *pg, struct http_req *rq, int64_t episode_id);

/* Starts pg's form: the heading (an h1), the summary of fe's errors, the
 * form posting to action, and its first field, the date (legend
 * date_legend) as typed or else today. 0, or a writer's error. */
struct form_errors;
int page_episode_form(struct episode_page *pg, struct http_req *rq, const struct form_errors *fe, const char *heading,
                      const char *action, const char *date_legend);

/* Frees pg's referral and family and ends the form page titled title with
 * page_form_send (rc, fe as there; the back link goes to the family). */
int page_episode_send(struct episode_page *pg, struct http_req *rq, struct http_resp *rs, int rc, const char *title,
                      const struct form_errors *fe);

/* page_episode_head for a page that needs only the head: the referral and
 * family are freed before it returns. */
int page_episode_caption(struct buf *b, struct http_req *rq, int64_t episode_id, int64_t skip_measure, char *back,
                         struct dy_err *e);

/* Answers a redirect to the family page of referral episode_id. */
int page_to_family(struct http_req *rq, struct http_resp *rs, int64_t episode_id);

/* The referral's own page: its section of the family page (with its
 * correction and entered-in-error links), redirected to at #referral-ID. */
int page_to_referral(struct http_req *rq, struct http_resp *rs, int64_t episode_id);
