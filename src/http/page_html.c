/* page_html.c: the page frame, form fields and display forms (page_html.h). */
#include "http/page_html.h"

#include <stdio.h>
#include <string.h>

#include "core/codes.h"
#include "http/tmpl.h"
#include "util/date.h"
#include "util/str.h"

static const char FRAME[] =
	"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	"<title>{{#errors}}Error: {{/errors}}{{title}} - dyad</title>"
	"<link rel=\"stylesheet\" href=\"{{css}}\"><link rel=\"stylesheet\" href=\"{{dcss}}\">"
	"<link rel=\"icon\" href=\"{{icon}}\" type=\"image/svg+xml\">"
	"<script src=\"{{js}}\" defer></script></head>"
	"<body><a class=\"nhsuk-skip-link\" href=\"#maincontent\">Skip to main content</a>"
	"<header class=\"nhsuk-header\" role=\"banner\"><div class=\"nhsuk-header__container\">"
	"<div class=\"nhsuk-header__logo\"><a class=\"nhsuk-header__link nhsuk-header__link--service\" href=\"/\" "
	"aria-label=\"dyad home\">"
	"<svg class=\"nhsuk-logo\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 16\" height=\"40\" width=\"100\" "
	"aria-hidden=\"true\" focusable=\"false\"><path class=\"nhsuk-logo__background\" fill=\"#005eb8\" "
	"d=\"M0 0h40v16H0z\"></path><path class=\"nhsuk-logo__text\" fill=\"#fff\" d=\"M3.9 1.5h4.4l2.6 9h.1l1.8-9h3.3l-2.8 "
	"13H9l-2.7-9h-.1l-1.8 9H1.1M17.3 1.5h3.6l-1 4.9h4L25 1.5h3.5l-2.7 13h-3.5l1.1-5.6h-4.1l-1.2 5.6h-3.4M37.7 "
	"4.4c-.7-.3-1.6-.6-2.9-.6-1.4 0-2.5.2-2.5 1.3 0 1.8 5.1 1.2 5.1 5.1 0 3.6-3.3 4.5-6.4 4.5-1.3 "
	"0-2.9-.3-4-.7l.8-2.7c.7.4 2.1.7 3.2.7s2.8-.2 2.8-1.5c0-2.1-5.1-1.3-5.1-5 0-3.4 2.9-4.4 5.8-4.4 1.6 0 3.1.2 "
	"4 .6\"></path></svg>"
	"<span class=\"nhsuk-header__service-name\">dyad{{#team}}<span class=\"dyad-team\">{{team}}</span>{{/team}}"
	"</span></a></div>"
	"{{#user}}<div class=\"nhsuk-header__content\"><form class=\"dyad-account\" method=\"post\" action=\"/sign-out\">"
	"<span>Signed in as {{user}}</span><input type=\"hidden\" name=\"csrf\" value=\"{{csrf}}\">"
	"<button class=\"dyad-link-button\" type=\"submit\">Sign out</button></form></div>{{/user}}"
	"</div>"
	"{{#nav}}<div class=\"nhsuk-navigation-container\"><nav class=\"nhsuk-navigation\" id=\"header-navigation\" "
	"aria-label=\"Primary navigation\"><ul class=\"nhsuk-header__navigation-list "
	"nhsuk-header__navigation-list--left-aligned\">{{{nav}}}</ul></nav></div>{{/nav}}"
	"</header>"
	"<div class=\"nhsuk-width-container\">"
	"{{#back}}<div class=\"nhsuk-back-link\"><a class=\"nhsuk-back-link__link\" href=\"{{back}}\">"
	"<svg class=\"nhsuk-icon nhsuk-icon__chevron-left\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" "
	"aria-hidden=\"true\" height=\"24\" width=\"24\"><path d=\"M8.5 12c0-.3.1-.5.3-.7l5-5c.4-.4 1-.4 1.4 0s.4 1 0 "
	"1.4L10.9 12l4.3 4.3c.4.4.4 1 0 1.4s-1 .4-1.4 0l-5-5c-.2-.2-.3-.4-.3-.7z\"></path></svg>{{back_text}}</a></div>"
	"{{/back}}"
	"<main class=\"nhsuk-main-wrapper\" id=\"maincontent\" role=\"main\">{{{body}}}</main></div>"
	"<footer role=\"contentinfo\"><div class=\"nhsuk-footer-container\"><div class=\"nhsuk-width-container\">"
	"<h2 class=\"nhsuk-u-visually-hidden\">Support links</h2><div class=\"nhsuk-footer\">"
	"<ul class=\"nhsuk-footer__list\"><li class=\"nhsuk-footer__list-item nhsuk-footer-default__list-item\">"
	"<a class=\"nhsuk-footer__list-item-link\" href=\"/\">Home</a></li></ul>"
	"<p class=\"nhsuk-footer__copyright\">dyad: case management and outcomes for parent-infant relationship "
	"teams. Every name in the demo database is made up.</p></div></div></div></footer></body></html>\n";

static int nav_item(struct buf *b, const char *href, const char *label, struct dy_err *e)
{
	return TMPL(b, e,
	            "<li class=\"nhsuk-header__navigation-item\"><a class=\"nhsuk-header__navigation-link\" "
	            "href=\"{{href}}\">{{label}}</a></li>",
	            TMPL_S("href", href), TMPL_S("label", label));
}

int page_render(struct buf *out, const struct page_frame *f, const char *body, struct dy_err *e)
{
	struct buf nav;
	buf_init(&nav, 4096);
	int rc = 0;
	if (f->user && f->casework)
		rc = nav_item(&nav, "/", "Home", e) || nav_item(&nav, "/families", "Find a family", e) ||
		     nav_item(&nav, "/referrals/new", "New referral", e) || nav_item(&nav, "/waiting", "Waiting", e) ||
		     nav_item(&nav, "/groups", "Groups", e);
	if (!rc && f->user && f->reports)
		rc = nav_item(&nav, "/reports", "Reports", e);
	if (!rc && f->user && f->admin)
		rc = nav_item(&nav, "/users", "Users", e);
	if (!rc) {
		struct buf bodyb = {.data = (char *)body, .len = body ? strlen(body) : 0};
		rc = TMPL(out, e, FRAME, TMPL_S("title", f->title), TMPL_S("errors", f->errors > 0 ? "1" : ""),
		          TMPL_S("css", page_asset_href("nhsuk.min.css")), TMPL_S("dcss", page_asset_href("dyad.css")),
		          TMPL_S("icon", page_asset_href("favicon.svg")), TMPL_S("js", page_asset_href("nhsuk.min.js")),
		          TMPL_S("team", f->team), TMPL_S("user", f->user), TMPL_S("csrf", f->csrf),
		          TMPL_HTML("nav", &nav), TMPL_S("back", f->back_href),
		          TMPL_S("back_text", f->back_text ? f->back_text : "Back"), TMPL_HTML("body", &bodyb));
	}
	buf_free(&nav);
	return rc;
}

/* ---- Errors ---------------------------------------------------------------- */

void form_error(struct form_errors *fe, const char *field, const char *msg)
{
	if (form_error_for(fe, field) || fe->n >= FORM_ERRORS_MAX)
		return;
	str_copy(fe->v[fe->n].field, sizeof fe->v[fe->n].field, field);
	str_copy(fe->v[fe->n].msg, sizeof fe->v[fe->n].msg, msg);
	fe->n++;
}

const char *form_error_for(const struct form_errors *fe, const char *field)
{
	for (int i = 0; fe && i < fe->n; i++)
		if (strcmp(fe->v[i].field, field) == 0)
			return fe->v[i].msg;
	return NULL;
}

void form_error_from(struct form_errors *fe, const char *field, const struct dy_err *e)
{
	const char *f = field ? field : (e->field[0] ? e->field : "form");
	char msg[200];
	str_copy(msg, sizeof msg, e->msg[0] ? e->msg : "could not be saved");
	/* App messages start in lower case after the field name; a page shows a sentence. */
	if (msg[0] >= 'a' && msg[0] <= 'z')
		msg[0] = (char)(msg[0] - 'a' + 'A');
	form_error(fe, f, msg);
}

int form_error_summary(struct buf *out, const struct form_errors *fe, struct dy_err *e)
{
	if (!fe || fe->n == 0)
		return 0;
	struct buf items;
	buf_init(&items, 16384);
	int rc = 0;
	for (int i = 0; i < fe->n && !rc; i++)
		rc = TMPL(&items, e, "<li><a href=\"#{{f}}\">{{m}}</a></li>", TMPL_S("f", fe->v[i].field),
		          TMPL_S("m", fe->v[i].msg));
	if (!rc)
		rc = TMPL(out, e,
		          "<div class=\"nhsuk-error-summary\" aria-labelledby=\"error-summary-title\" role=\"alert\" "
		          "tabindex=\"-1\"><h2 class=\"nhsuk-error-summary__title\" id=\"error-summary-title\">There is a "
		          "problem</h2><div class=\"nhsuk-error-summary__body\"><ul class=\"nhsuk-list "
		          "nhsuk-error-summary__list\" role=\"list\">{{{items}}}</ul></div></div>",
		          TMPL_HTML("items", &items));
	buf_free(&items);
	return rc;
}

/* ---- Fields ------------------------------------------------------------------ */

int form_hidden(struct buf *out, const char *name, const char *value, struct dy_err *e)
{
	return TMPL(out, e, "<input type=\"hidden\" name=\"{{n}}\" value=\"{{v}}\">", TMPL_S("n", name),
	            TMPL_S("v", value));
}

int form_input(struct buf *out, const struct form_errors *fe, const char *name, const char *label, const char *hint,
               const char *value, const char *width, const char *type, const char *autocomplete,
               struct dy_err *e)
{
	const char *err = form_error_for(fe, name);
	return TMPL(out, e,
	            "<div class=\"nhsuk-form-group{{#err}} nhsuk-form-group--error{{/err}}\">"
	            "<label class=\"nhsuk-label\" for=\"{{n}}\">{{label}}</label>"
	            "{{#hint}}<div class=\"nhsuk-hint\" id=\"{{n}}-hint\">{{hint}}</div>{{/hint}}"
	            "{{#err}}<span class=\"nhsuk-error-message\" id=\"{{n}}-error\"><span "
	            "class=\"nhsuk-u-visually-hidden\">Error:</span> {{err}}</span>{{/err}}"
	            "<input class=\"nhsuk-input{{#w}} nhsuk-input--width-{{w}}{{/w}}{{#err}} nhsuk-input--error{{/err}}\" "
	            "id=\"{{n}}\" name=\"{{n}}\" type=\"{{type}}\" value=\"{{v}}\"{{#ac}} autocomplete=\"{{ac}}\"{{/ac}}"
	            "{{#hint}} aria-describedby=\"{{n}}-hint{{#err}} {{n}}-error{{/err}}\"{{/hint}}"
	            "{{^hint}}{{#err}} aria-describedby=\"{{n}}-error\"{{/err}}{{/hint}}></div>",
	            TMPL_S("n", name), TMPL_S("label", label), TMPL_S("hint", hint), TMPL_S("err", err),
	            TMPL_S("w", width), TMPL_S("type", type ? type : "text"), TMPL_S("v", value),
	            TMPL_S("ac", autocomplete));
}

int form_textarea(struct buf *out, const struct form_errors *fe, const char *name, const char *label,
                  const char *hint, const char *value, int maxlen, struct dy_err *e)
{
	const char *err = form_error_for(fe, name);
	char max[16];
	snprintf(max, sizeof max, "%d", maxlen);
	return TMPL(out, e,
	            "<div class=\"nhsuk-character-count\" data-module=\"nhsuk-character-count\" data-maxlength=\"{{max}}\">"
	            "<div class=\"nhsuk-form-group{{#err}} nhsuk-form-group--error{{/err}}\">"
	            "<label class=\"nhsuk-label\" for=\"{{n}}\">{{label}}</label>"
	            "{{#hint}}<div class=\"nhsuk-hint\" id=\"{{n}}-hint\">{{hint}}</div>{{/hint}}"
	            "{{#err}}<span class=\"nhsuk-error-message\" id=\"{{n}}-error\"><span "
	            "class=\"nhsuk-u-visually-hidden\">Error:</span> {{err}}</span>{{/err}}"
	            "<textarea class=\"nhsuk-textarea nhsuk-js-character-count{{#err}} nhsuk-textarea--error{{/err}}\" "
	            "id=\"{{n}}\" name=\"{{n}}\" rows=\"5\" aria-describedby=\"{{n}}-info{{#hint}} {{n}}-hint{{/hint}}"
	            "{{#err}} {{n}}-error{{/err}}\">{{v}}</textarea></div>"
	            "<div class=\"nhsuk-hint nhsuk-character-count__message\" id=\"{{n}}-info\">You can enter up to "
	            "{{max}} characters</div></div>",
	            TMPL_S("n", name), TMPL_S("label", label), TMPL_S("hint", hint), TMPL_S("err", err),
	            TMPL_S("v", value), TMPL_S("max", max));
}

int form_date(struct buf *out, const struct form_errors *fe, const char *name, const char *legend, const char *hint,
              const char *day, const char *month, const char *year, struct dy_err *e)
{
	const char *err = form_error_for(fe, name);
	return TMPL(out, e,
	            "<div class=\"nhsuk-form-group{{#err}} nhsuk-form-group--error{{/err}}\">"
	            "<fieldset class=\"nhsuk-fieldset\" role=\"group\"{{#hint}} aria-describedby=\"{{n}}-hint\"{{/hint}}>"
	            "<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">{{legend}}</legend>"
	            "{{#hint}}<div class=\"nhsuk-hint\" id=\"{{n}}-hint\">{{hint}}</div>{{/hint}}"
	            "{{#err}}<span class=\"nhsuk-error-message\" id=\"{{n}}-error\"><span "
	            "class=\"nhsuk-u-visually-hidden\">Error:</span> {{err}}</span>{{/err}}"
	            "<div class=\"nhsuk-date-input\">"
	            "<div class=\"nhsuk-date-input__item\"><div class=\"nhsuk-form-group\"><label class=\"nhsuk-label "
	            "nhsuk-date-input__label\" for=\"{{n}}\">Day</label><input class=\"nhsuk-input nhsuk-date-input__input "
	            "nhsuk-input--width-2{{#err}} nhsuk-input--error{{/err}}\" id=\"{{n}}\" name=\"{{n}}-day\" type=\"text\" "
	            "inputmode=\"numeric\" value=\"{{d}}\"></div></div>"
	            "<div class=\"nhsuk-date-input__item\"><div class=\"nhsuk-form-group\"><label class=\"nhsuk-label "
	            "nhsuk-date-input__label\" for=\"{{n}}-month\">Month</label><input class=\"nhsuk-input "
	            "nhsuk-date-input__input nhsuk-input--width-2{{#err}} nhsuk-input--error{{/err}}\" id=\"{{n}}-month\" "
	            "name=\"{{n}}-month\" type=\"text\" inputmode=\"numeric\" value=\"{{m}}\"></div></div>"
	            "<div class=\"nhsuk-date-input__item\"><div class=\"nhsuk-form-group\"><label class=\"nhsuk-label "
	            "nhsuk-date-input__label\" for=\"{{n}}-year\">Year</label><input class=\"nhsuk-input "
	            "nhsuk-date-input__input nhsuk-input--width-4{{#err}} nhsuk-input--error{{/err}}\" id=\"{{n}}-year\" "
	            "name=\"{{n}}-year\" type=\"text\" inputmode=\"numeric\" value=\"{{y}}\"></div></div>"
	            "</div></fieldset></div>",
	            TMPL_S("n", name), TMPL_S("legend", legend), TMPL_S("hint", hint), TMPL_S("err", err),
	            TMPL_S("d", day), TMPL_S("m", month), TMPL_S("y", year));
}

static int choices(struct buf *out, const struct form_errors *fe, const char *kind, const char *name,
                   const char *legend, const char *hint, const struct form_option *opts, int n,
                   const char *value, const int *checked, int inline_, const char *legend_class, struct dy_err *e)
{
	const char *err = form_error_for(fe, name);
	struct buf items;
	buf_init(&items, 1 << 16);
	int rc = 0;
	for (int i = 0; i < n && !rc; i++) {
		char id[80];
		if (i == 0)
			snprintf(id, sizeof id, "%s", name);
		else
			snprintf(id, sizeof id, "%s-%d", name, i + 1);
		int on = checked ? checked[i] : (value && strcmp(value, opts[i].value) == 0);
		rc = TMPL(&items, e,
		          "<div class=\"nhsuk-{{k}}__item\"><input class=\"nhsuk-{{k}}__input\" id=\"{{id}}\" name=\"{{n}}\" "
		          "type=\"{{type}}\" value=\"{{v}}\"{{#on}} checked{{/on}}{{#hint}} "
		          "aria-describedby=\"{{id}}-hint\"{{/hint}}><label class=\"nhsuk-label nhsuk-{{k}}__label\" "
		          "for=\"{{id}}\">{{label}}</label>{{#hint}}<div class=\"nhsuk-hint nhsuk-{{k}}__hint\" "
		          "id=\"{{id}}-hint\">{{hint}}</div>{{/hint}}</div>",
		          TMPL_S("k", kind), TMPL_S("type", strcmp(kind, "radios") == 0 ? "radio" : "checkbox"),
		          TMPL_S("id", id), TMPL_S("n", name), TMPL_S("v", opts[i].value), TMPL_S("on", on ? "1" : ""),
		          TMPL_S("label", opts[i].label), TMPL_S("hint", opts[i].hint));
	}
	if (!rc)
		rc = TMPL(out, e,
		          "<div class=\"nhsuk-form-group{{#err}} nhsuk-form-group--error{{/err}}\">"
		          "<fieldset class=\"nhsuk-fieldset\"{{#hint}} aria-describedby=\"{{n}}-hint\"{{/hint}}>"
		          "<legend class=\"nhsuk-fieldset__legend {{lc}}\">{{legend}}</legend>"
		          "{{#hint}}<div class=\"nhsuk-hint\" id=\"{{n}}-hint\">{{hint}}</div>{{/hint}}"
		          "{{#err}}<span class=\"nhsuk-error-message\" id=\"{{n}}-error\"><span "
		          "class=\"nhsuk-u-visually-hidden\">Error:</span> {{err}}</span>{{/err}}"
		          "<div class=\"nhsuk-{{k}}{{#inl}} nhsuk-{{k}}--inline{{/inl}}\">{{{items}}}</div></fieldset></div>",
		          TMPL_S("n", name), TMPL_S("legend", legend), TMPL_S("hint", hint), TMPL_S("err", err),
		          TMPL_S("k", kind), TMPL_S("inl", inline_ ? "1" : ""),
		          TMPL_S("lc", legend_class ? legend_class : "nhsuk-fieldset__legend--s"),
		          TMPL_HTML("items", &items));
	buf_free(&items);
	return rc;
}

int form_radios(struct buf *out, const struct form_errors *fe, const char *name, const char *legend,
                const char *hint, const struct form_option *opts, int n, const char *value, int inline_,
                const char *legend_class, struct dy_err *e)
{
	return choices(out, fe, "radios", name, legend, hint, opts, n, value, NULL, inline_, legend_class, e);
}

int form_checkboxes(struct buf *out, const struct form_errors *fe, const char *name, const char *legend,
                    const char *hint, const struct form_option *opts, int n, const int *checked,
                    struct dy_err *e)
{
	return choices(out, fe, "checkboxes", name, legend, hint, opts, n, NULL, checked, 0, NULL, e);
}

/* ---- Display forms ----------------------------------------------------------- */

void page_date(int32_t d, char *out, size_t n)
{
	date_format_long(d, out, n);
}

void page_nhs_number(const char *s, char *out, size_t n)
{
	int digits = s && strlen(s) == 10;
	for (int i = 0; digits && i < 10; i++)
		digits = s[i] >= '0' && s[i] <= '9';
	if (digits)
		snprintf(out, n, "%.3s %.3s %.4s", s, s + 3, s + 6);
	else
		snprintf(out, n, "%s", s ? s : "");
}

void page_code(const char *code, int cap, char *out, size_t n)
{
	/* Words that the code's spelling cannot carry. */
	static const char *const special[][2] = {{"gp", "GP"}, {"childrens_centre", "children's centre"},
	                                         {"followup", "follow-up"}, {"vipp_sd", "VIPP-SD"}};
	for (size_t i = 0; code && i < sizeof special / sizeof *special; i++)
		if (strcmp(code, special[i][0]) == 0) {
			snprintf(out, n, "%s", special[i][1]);
			if (cap && out[0] >= 'a' && out[0] <= 'z')
				out[0] = (char)(out[0] - 'a' + 'A');
			return;
		}
	code_label(code ? code : "", out, (unsigned)n);
	if (cap && out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

int form_date_parse(const char *day, const char *month, const char *year, int required, const char *name,
                    const char *label, int32_t *out, struct form_errors *fe)
{
	char msg[200];
	*out = DATE_NONE;
	int none = str_empty(day) && str_empty(month) && str_empty(year);
	if (none && !required)
		return 0;
	if (none) {
		snprintf(msg, sizeof msg, "Enter the %s", label);
		form_error(fe, name, msg);
		return DY_EINVAL;
	}
	int d, m, y;
	if (str_parse_int(day ? day : "", 1, 31, &d) || str_parse_int(month ? month : "", 1, 12, &m) ||
	    str_parse_int(year ? year : "", 1800, 9999, &y) || date_from_ymd(y, m, d, out)) {
		*out = DATE_NONE;
		snprintf(msg, sizeof msg, "The %s must be a real date, like 12 3 2026", label);
		form_error(fe, name, msg);
		return DY_EINVAL;
	}
	return 0;
}

void form_date_split(int32_t d, char *day, char *month, char *year)
{
	day[0] = month[0] = year[0] = '\0';
	if (d == DATE_NONE)
		return;
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	snprintf(day, 8, "%d", dd);
	snprintf(month, 8, "%d", m);
	snprintf(year, 8, "%d", y);
}

int page_sort_th(struct buf *out, const char *label, const char *href, int sorted, struct dy_err *e)
{
	const char *aria = sorted > 0 ? "ascending" : sorted < 0 ? "descending" : "";
	return TMPL(out, e,
	            "<th scope=\"col\" class=\"nhsuk-table__header\"{{#s}} aria-sort=\"{{s}}\"{{/s}}>"
	            "{{#h}}<a href=\"{{h}}\">{{l}}{{#s}}<span class=\"nhsuk-u-visually-hidden\"> (sorted {{s}})</span>"
	            "{{/s}}</a>{{/h}}{{^h}}{{l}}{{/h}}</th>",
	            TMPL_S("s", aria), TMPL_S("h", href ? href : ""), TMPL_S("l", label));
}

int page_pagination(struct buf *out, const char *prev_href, const char *prev_words, const char *next_href,
                    const char *next_words, struct dy_err *e)
{
	if (!prev_href && !next_href)
		return 0;
	return TMPL(out, e,
	            "<nav class=\"nhsuk-pagination\" role=\"navigation\" aria-label=\"Pagination\">"
	            "<ul class=\"nhsuk-list nhsuk-pagination__list\">"
	            "{{#p}}<li class=\"nhsuk-pagination-item--previous\"><a class=\"nhsuk-pagination__link "
	            "nhsuk-pagination__link--prev\" href=\"{{p}}\"><span class=\"nhsuk-pagination__title\">Previous</span>"
	            "<span class=\"nhsuk-u-visually-hidden\">:</span><span class=\"nhsuk-pagination__page\">{{pw}}</span>"
	            "</a></li>{{/p}}"
	            "{{#n}}<li class=\"nhsuk-pagination-item--next\"><a class=\"nhsuk-pagination__link "
	            "nhsuk-pagination__link--next\" href=\"{{n}}\"><span class=\"nhsuk-pagination__title\">Next</span>"
	            "<span class=\"nhsuk-u-visually-hidden\">:</span><span class=\"nhsuk-pagination__page\">{{nw}}</span>"
	            "</a></li>{{/n}}</ul></nav>",
	            TMPL_S("p", prev_href ? prev_href : ""), TMPL_S("pw", prev_words ? prev_words : ""),
	            TMPL_S("n", next_href ? next_href : ""), TMPL_S("nw", next_words ? next_words : ""));
}
