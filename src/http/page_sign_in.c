/* page_sign_in.c: the sign-in form (GET /sign-in, and again after a refused
 * try, keeping the name typed), in the NHS layout. auth_routes.c does the
 * signing in; every value shown is escaped by the template engine. */
#include "http/page.h"
#include "http/routes.h"

int page_sign_in_form(struct http_req *rq, struct http_resp *rs, const char *error, const char *name)
{
	struct form_errors fe = {0};
	if (error)
		form_error(&fe, "name", error);
	struct buf b;
	page_body(&b);
	struct dy_err e;
	int rc = buf_puts(&b, "<div class=\"nhsuk-grid-row\"><div class=\"nhsuk-grid-column-one-half\"><h1>Sign in</h1>");
	rc = rc ? rc : form_error_summary(&b, &fe, &e);
	rc = rc ? rc : page_form_open(&b, rq, "/sign-in", &e);
	rc = rc ? rc : form_input(&b, &fe, "name", "Name", "The sign-in name your team's administrator gave you", name,
	                          "20", "text", "username", &e);
	rc = rc ? rc : form_input(&b, NULL, "password", "Password", NULL, "", "20", "password", "current-password", &e);
	rc = rc ? rc : buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\">Sign in</button></form>"
	                    "<p>Forgotten your password? Ask your team's administrator to set a new one.</p></div></div>");
	if (rc) {
		buf_free(&b);
		return DY_EINTERNAL;
	}
	int status = rs->status ? rs->status : 200;
	return page_send(rq, rs, error && status == 200 ? 400 : status, "Sign in", NULL, NULL, &fe, &b);
}
