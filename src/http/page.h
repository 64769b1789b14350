/* page.h: what every HTML page handler shares: answering with the page
 * frame filled in from the request (team, signed-in user, CSRF token,
 * navigation for the user's roles), re-showing a form with its errors, and
 * the links between pages. Page handlers live in page_*.c, one file per
 * part of the service; they parse, call app/ and render (http.h). */
#ifndef DYAD_HTTP_PAGE_H
#define DYAD_HTTP_PAGE_H

#include "app/app_family.h"
#include "core/intervention.h"
#include "core/record.h"
#include "http/http.h"
#include "http/page_html.h"
#include "http/tmpl.h"

/* Writes body inside the page frame as the response with status (200,
 * or 400 for a form shown again with errors). back may be NULL. Returns 0
 * or an error for the frame to answer. */
int page_send(struct http_req *rq, struct http_resp *rs, int status, const char *title, const char *back,
              const char *back_text, const struct form_errors *fe, struct buf *body);

/* Ends a form page: when rc is not 0 frees body and returns rc (or
 * DY_EINTERNAL for a writer's failure); else page_send with status 400 when
 * fe holds errors, 200 when not. */
int page_form_send(struct http_req *rq, struct http_resp *rs, int rc, const char *title, const char *back,
                   const char *back_text, const struct form_errors *fe, struct buf *body);

/* A form field's value as typed, "" when absent (never NULL). */
const char *page_field(const struct http_req *rq, const char *name);

/* A form field with surrounding white space taken off, in the request's
 * arena ("" when absent or out of memory). */
const char *page_field_trim(struct http_req *rq, const char *name);

/* Opens a form posting to action, with its CSRF field. */
int page_form_open(struct buf *b, const struct http_req *rq, const char *action, struct dy_err *e);

/* The error page in the NHS layout (installed as http_error_page). */
void page_error(struct http_req *rq, struct http_resp *rs, int status);

/* Options for a code list ("health_visitor" shown "Health visitor"): fills
 * up to max options, their labels kept in labels; returns how many. */
int page_code_options(const char *const *codes, struct form_option *o, char (*labels)[48], int max);

/* A select (for more than about eight choices); value is the selected one. */
int page_select(struct buf *b, const struct form_errors *fe, const char *name, const char *label,
                const struct form_option *o, int n, const char *value, struct dy_err *e);

/* The team's practitioners as form options (the first 32), for the
 * practitioner fields of the contact and measure forms. */
struct page_prac_opts {
	struct form_option o[32];
	char labels[32][NAME_BYTES + 1];
	char ids[32][24];
	int n;
};

/* Fills *p (emptied first) with the team's practitioners; 0 or the
 * listing's error (p then holds none). */
int page_practitioners(struct app *a, struct page_prac_opts *p, struct dy_err *e);

/* Ticked values of checkbox field name, as flags on[i] for opts o[0..n). */
void page_ticked(const struct http_req *rq, const char *name, const struct form_option *o, int n, int *on);

/* The ids ticked in checkbox field name into out (at most max; their count
 * in *n); DY_EINVAL for more than max or a value that is not an id. */
int page_form_ids(const struct http_req *rq, const char *name, int64_t *out, int max, int *n);

/* The choices a contact or booking form offers for one family: the team's
 * practitioners, the family's people (the first 16) and the team's own
 * intervention catalogue by name (none if it cannot be read: saving then
 * says why). */
struct page_visit_opts {
	struct page_prac_opts prac;
	struct form_option people[16];
	char people_labels[16][2 * NAME_BYTES + 2];
	char people_ids[16][24];
	int npeople;
	struct form_option iv[INTERVENTION_MAX];
	int niv;
	struct intervention_catalogue *cat;
};

/* Fills *o (allocated by the caller) for the family of v; free with
 * page_visit_opts_free. */
void page_visit_opts(struct app *a, const struct family_view *v, struct page_visit_opts *o);
void page_visit_opts_free(struct page_visit_opts *o);

/* Starts a body buffer (capped at PAGE_BODY_MAX). */
void page_body(struct buf *b);

/* A form page of record {id} shown afresh: answers 404 for a bad id, else
 * page(rq, rs, id, NULL) (no errors yet). */
int page_of_id(struct http_req *rq, struct http_resp *rs,
               int (*page)(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe));

#endif
