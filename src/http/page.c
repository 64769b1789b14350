/* page.c: the shared side of the page handlers (page.h). */
#include "http/page.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_family.h"
#include "app/app_files.h"
#include "app/app_user.h"
#include "http/page_family.h"
#include "util/str.h"

void page_body(struct buf *b)
{
	buf_init(b, PAGE_BODY_MAX);
}

int page_send(struct http_req *rq, struct http_resp *rs, int status, const char *title, const char *back,
              const char *back_text, const struct form_errors *fe, struct buf *body)
{
	unsigned roles = rq->user ? rq->user->roles : 0;
	struct page_frame f = {
		.title = title,
		.team = rq->app && rq->app->team_name[0] ? rq->app->team_name : NULL,
		.user = rq->user ? (rq->user->display[0] ? rq->user->display : rq->user->name) : NULL,
		.csrf = rq->csrf,
		.casework = (roles & USER_CASEWORK) != 0,
		.admin = (roles & USER_ADMIN) != 0,
		.reports = (roles & USER_NETWORK) != 0,
		.back_href = back,
		.back_text = back_text,
		.errors = fe ? fe->n : 0,
	};
	struct dy_err e;
	http_status(rs, status);
	http_type(rs, HTTP_HTML);
	buf_reset(&rs->body);
	int rc = page_render(&rs->body, &f, buf_cstr(body), &e);
	buf_free(body);
	return rc ? DY_EINTERNAL : 0;
}

int page_form_send(struct http_req *rq, struct http_resp *rs, int rc, const char *title, const char *back,
                   const char *back_text, const struct form_errors *fe, struct buf *body)
{
	if (rc) {
		buf_free(body);
		return rc < 0 ? rc : DY_EINTERNAL;
	}
	return page_send(rq, rs, fe && fe->n ? 400 : 200, title, back, back_text, fe, body);
}

const char *page_field(const struct http_req *rq, const char *name)
{
	const char *v = http_form(rq, name);
	return v ? v : "";
}

const char *page_field_trim(struct http_req *rq, const char *name)
{
	const char *v = page_field(rq, name);
	while (*v && isspace((unsigned char)*v))
		v++;
	size_t n = strlen(v);
	while (n && isspace((unsigned char)v[n - 1]))
		n--;
	char *out = http_alloc(rq, n + 1);
	if (!out)
		return "";
	memcpy(out, v, n);
	out[n] = '\0';
	return out;
}

int page_form_open(struct buf *b, const struct http_req *rq, const char *action, struct dy_err *e)
{
	return TMPL(b, e, "<form method=\"post\" action=\"{{a}}\" novalidate><input type=\"hidden\" name=\"csrf\" "
	                  "value=\"{{c}}\">",
	            TMPL_S("a", action), TMPL_S("c", rq->csrf));
}

void page_error(struct http_req *rq, struct http_resp *rs, int status)
{
	const char *title = "Sorry, there is a problem with the service", *text = "Try again later.";
	switch (status) {
	case 400: title = "Sorry, that request could not be understood"; text = "Go back and try again."; break;
	case 403: title = "You cannot see this page"; text = "Your role or team does not give access to it."; break;
	case 404: title = "Page not found"; text = "If you typed the web address, check it is correct."; break;
	case 405: title = "Sorry, that request could not be understood"; text = "Go back and try again."; break;
	case 409: title = "That could not be done"; text = "The record changed or the action is not allowed now."; break;
	case 413: title = "That was too large to send"; text = "Go back and send less."; break;
	case 429: title = "Too many attempts"; text = "Wait a few minutes, then try again."; break;
	default: break;
	}
	struct buf b;
	page_body(&b);
	struct dy_err e;
	TMPL(&b, &e,
	     "<div class=\"nhsuk-grid-row\"><div class=\"nhsuk-grid-column-two-thirds\"><h1>{{t}}</h1><p>{{x}}</p>"
	     "<p><a href=\"/\">Go to the home page</a></p></div></div>",
	     TMPL_S("t", title), TMPL_S("x", text));
	if (page_send(rq, rs, status, title, NULL, NULL, NULL, &b))
		http_status(rs, status);
}

int page_code_options(const char *const *codes, struct form_option *o, char (*labels)[48], int max)
{
	int n = 0;
	for (; codes[n] && n < max; n++) {
		page_code(codes[n], 1, labels[n], 48);
		o[n].value = codes[n];
		o[n].label = labels[n];
		o[n].hint = NULL;
	}
	return n;
}

int page_select(struct buf *b, const struct form_errors *fe, const char *name, const char *label,
                const struct form_option *o, int n, const char *value, struct dy_err *e)
{
	struct buf opts;
	buf_init(&opts, 1 << 14);
	int rc = buf_puts(&opts, "<option value=\"\">Choose</option>");
	for (int i = 0; i < n && !rc; i++)
		rc = TMPL(&opts, e, "<option value=\"{{v}}\"{{#s}} selected{{/s}}>{{l}}</option>", TMPL_S("v", o[i].value),
		          TMPL_S("s", value && strcmp(value, o[i].value) == 0 ? "1" : ""), TMPL_S("l", o[i].label));
	const char *err = form_error_for(fe, name);
	if (!rc)
		rc = TMPL(b, e,
		          "<div class=\"nhsuk-form-group{{#err}} nhsuk-form-group--error{{/err}}\"><label class=\"nhsuk-label\" "
		          "for=\"{{n}}\">{{l}}</label>{{#err}}<span class=\"nhsuk-error-message\" id=\"{{n}}-error\"><span "
		          "class=\"nhsuk-u-visually-hidden\">Error:</span> {{err}}</span>{{/err}}<select class=\"nhsuk-select"
		          "{{#err}} nhsuk-select--error{{/err}}\" id=\"{{n}}\" name=\"{{n}}\">{{{opts}}}</select></div>",
		          TMPL_S("n", name), TMPL_S("l", label), TMPL_S("err", err), TMPL_HTML("opts", &opts));
	buf_free(&opts);
	return rc;
}

static int add_prac(void *ctx, const struct practitioner *p)
{
	struct page_prac_opts *c = ctx;
	if (c->n >= 32)
		return 0;
	snprintf(c->ids[c->n], sizeof c->ids[0], "%lld", (long long)p->id);
	str_copy(c->labels[c->n], sizeof c->labels[0], p->name);
	c->o[c->n] = (struct form_option){c->ids[c->n], c->labels[c->n], NULL};
	c->n++;
	return 0;
}

int page_practitioners(struct app *a, struct page_prac_opts *p, struct dy_err *e)
{
	memset(p, 0, sizeof *p);
	int rc = app_practitioner_list(a, add_prac, p, e);
	if (rc)
		p->n = 0;
	return rc;
}

int page_of_id(struct http_req *rq, struct http_resp *rs,
               int (*page)(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe))
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	return page(rq, rs, id, NULL);
}

/* See page.h. */
void page_ticked(const struct http_req *rq, const char *name, const struct form_option *o, int n, int *on)
{
	const char *v[64];
	int k = http_form_all(rq, name, v, 64);
	for (int i = 0; i < n; i++) {
		on[i] = 0;
		for (int j = 0; j < k && j < 64; j++)
			on[i] |= strcmp(v[j], o[i].value) == 0;
	}
}

int page_form_ids(const struct http_req *rq, const char *name, int64_t *out, int max, int *n)
{
	const char *v[16];
	int k = http_form_all(rq, name, v, 16);
	*n = 0;
	if (k > max)
		return DY_EINVAL;
	for (int i = 0; i < k; i++)
		if (str_parse_i64(v[i], 1, INT64_MAX, &out[(*n)++]))
			return DY_EINVAL;
	return 0;
}

void page_visit_opts(struct app *a, const struct family_view *v, struct page_visit_opts *o)
{
	struct dy_err e;
	page_practitioners(a, &o->prac, &e);
	o->npeople = 0;
	for (int i = 0; i < v->npeople && o->npeople < 16; i++) {
		int k = o->npeople++;
		page_person_name(&v->people[i], o->people_labels[k], sizeof o->people_labels[k]);
		snprintf(o->people_ids[k], sizeof o->people_ids[k], "%lld", (long long)v->people[i].id);
		o->people[k] = (struct form_option){o->people_ids[k], o->people_labels[k], NULL};
	}
	o->cat = xmalloc(sizeof *o->cat);
	if (intervention_load_file(NULL, o->cat, &e))
		memset(o->cat, 0, sizeof *o->cat);
	o->niv = 0;
	for (size_t i = 0; i < o->cat->n && o->niv < INTERVENTION_MAX; i++)
		o->iv[o->niv++] = (struct form_option){o->cat->defs[i].code, o->cat->defs[i].name, NULL};
}

void page_visit_opts_free(struct page_visit_opts *o)
{
	intervention_catalogue_free(o->cat);
	free(o->cat);
	o->cat = NULL;
}
