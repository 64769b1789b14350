/* page_html.h: the pieces every HTML page of dyad is built from, in the
 * NHS service manual's patterns (nhsuk-frontend classes, no inline style or
 * script): the page frame (NHS header with "dyad" and the team, navigation,
 * signed-in user and sign-out, back link, footer), form fields that show
 * their error beside them and keep what the user typed, the error summary,
 * and the display forms of dates ("12 March 2026") and NHS numbers
 * ("485 777 3456"). Every value is escaped by the template engine. */
#ifndef DYAD_HTTP_PAGE_HTML_H
#define DYAD_HTTP_PAGE_HTML_H

#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

/* What a page body is rendered into: bodies stay small (tens of kB). */
#define PAGE_BODY_MAX (2u * 1024u * 1024u)

struct page_frame {
	const char *title;     /* the page's h1 wording, also the <title> */
	const char *team;      /* team name shown under "dyad"; may be NULL */
	const char *user;      /* signed-in person's name, NULL when signed out */
	const char *csrf;      /* the sign-out form's token */
	int casework;          /* 1: show the family links (home, find, referral, waiting) */
	int admin;             /* 1: show user administration */
	int reports;           /* 1: show Reports (the network role's only page) */
	const char *back_href; /* back link, or NULL */
	const char *back_text; /* its words ("Back to the family"); NULL "Back" */
	int errors;            /* >0: the title starts "Error: " */
};

/* Writes the whole page (doctype to footer) with body (trusted HTML that
 * dyad rendered) into out. */
int page_render(struct buf *out, const struct page_frame *f, const char *body, struct dy_err *e);

/* The href of an asset ("nhsuk.min.css"): "/assets/<fingerprint>/<name>"
 * so that it can be cached for a year (page_assets.c). */
const char *page_asset_href(const char *name);

/* ---- Form errors ---------------------------------------------------------- */

#define FORM_ERRORS_MAX 24

struct form_errors {
	int n;
	struct {
		char field[48]; /* the field's name (its input's id) */
		char msg[200];  /* what to do, in plain English */
	} v[FORM_ERRORS_MAX];
};

/* Adds an error for field (the first for a field wins). */
void form_error(struct form_errors *fe, const char *field, const char *msg);

/* The error message for field, or NULL. */
const char *form_error_for(const struct form_errors *fe, const char *field);

/* Takes an app error (its field and message) into fe under field name
 * `field` (NULL: the error's own field, else "form"). */
void form_error_from(struct form_errors *fe, const char *field, const struct dy_err *e);

/* The error summary (nothing when fe is empty); its links go to #field. */
int form_error_summary(struct buf *out, const struct form_errors *fe, struct dy_err *e);

/* ---- Form fields (each keeps `value`: what the user typed) ---------------- */

/* The CSRF token as the hidden field "csrf", and any hidden field. */
int form_hidden(struct buf *out, const char *name, const char *value, struct dy_err *e);

/* A text input. width: an nhsuk-input--width-N class suffix ("10"), or
 * NULL for full width. type: "text", "password", "search", ...;
 * autocomplete may be NULL. */
int form_input(struct buf *out, const struct form_errors *fe, const char *name, const char *label, const char *hint,
               const char *value, const char *width, const char *type, const char *autocomplete,
               struct dy_err *e);

/* A textarea of up to maxlen characters (shown with nhsuk's character
 * count, which works without JavaScript as a hint). */
int form_textarea(struct buf *out, const struct form_errors *fe, const char *name, const char *label,
                  const char *hint, const char *value, int maxlen, struct dy_err *e);

/* The three-field date input: fields name-day, name-month, name-year (the
 * day input's id is name, so the error summary links to it). */
int form_date(struct buf *out, const struct form_errors *fe, const char *name, const char *legend, const char *hint,
              const char *day, const char *month, const char *year, struct dy_err *e);

struct form_option {
	const char *value;
	const char *label;
	const char *hint; /* may be NULL */
};

/* Radios in a fieldset: the first radio's id is name (summary links). An
 * inline set puts them on one row. legend_class: NULL for a plain legend,
 * or e.g. "nhsuk-fieldset__legend--m". */
int form_radios(struct buf *out, const struct form_errors *fe, const char *name, const char *legend,
                const char *hint, const struct form_option *opts, int n, const char *value, int inline_,
                const char *legend_class, struct dy_err *e);

/* Checkboxes: checked[i] says whether opts[i] is ticked. */
int form_checkboxes(struct buf *out, const struct form_errors *fe, const char *name, const char *legend,
                    const char *hint, const struct form_option *opts, int n, const int *checked,
                    struct dy_err *e);

/* ---- Lists --------------------------------------------------------------------- */

/* A column header: with href, a link that sorts by the column (the
 * header says whether the table is sorted by it, and which way, with
 * aria-sort: sorted 0 none, 1 ascending, -1 descending); without, text. */
int page_sort_th(struct buf *out, const char *label, const char *href, int sorted, struct dy_err *e);

/* The nhsuk pagination under a list: "Previous" / "Next" links with their
 * words (prev_words "First page", next_words "Next 50 families"); a NULL
 * href leaves that link out, and with neither nothing is written. */
int page_pagination(struct buf *out, const char *prev_href, const char *prev_words, const char *next_href,
                    const char *next_words, struct dy_err *e);

/* ---- Display forms --------------------------------------------------------- */

/* "12 March 2026"; "" for DATE_NONE. out: at least 24 bytes. */
void page_date(int32_t d, char *out, size_t n);

/* "485 777 3456" for 10 digits; anything else as it is. out: 16 bytes. */
void page_nhs_number(const char *digits, char *out, size_t n);

/* "did not attend" for "did_not_attend", first letter capitalised when cap. */
void page_code(const char *code, int cap, char *out, size_t n);

/* A date typed as three fields into *out. Empty fields with required == 0
 * give DATE_NONE. On a bad date adds a form error for name and returns
 * DY_EINVAL. label is the field's name in the message ("date of birth"). */
int form_date_parse(const char *day, const char *month, const char *year, int required, const char *name,
                    const char *label, int32_t *out, struct form_errors *fe);

/* Splits a day number into the three strings a date input shows (empty for
 * DATE_NONE). Each out: 8 bytes. */
void form_date_split(int32_t d, char *day, char *month, char *year);

#endif
