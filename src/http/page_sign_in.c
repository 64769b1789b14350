/* page_sign_in.c: the sign-in form (GET /sign-in, and again after a
 * refused try). A plain page until the NHS layout replaces it; every value
 * shown is escaped. */
#include "http/routes.h"

#include <string.h>

/* Writes s with & < > " ' escaped. */
static void esc(struct http_resp *rs, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': http_puts(rs, "&amp;"); break;
		case '<': http_puts(rs, "&lt;"); break;
		case '>': http_puts(rs, "&gt;"); break;
		case '"': http_puts(rs, "&quot;"); break;
		case '\'': http_puts(rs, "&#39;"); break;
		default: http_write(rs, s, 1);
		}
	}
}

int page_sign_in_form(struct http_req *rq, struct http_resp *rs, const char *error, const char *name)
{
	http_type(rs, HTTP_HTML);
	http_puts(rs, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	              "<title>Sign in - dyad</title></head><body><main><h1>Sign in</h1>\n");
	if (error) {
		http_puts(rs, "<div role=\"alert\"><h2>There is a problem</h2><p>");
		esc(rs, error);
		http_puts(rs, "</p></div>\n");
	}
	http_puts(rs, "<form method=\"post\" action=\"/sign-in\" novalidate>\n<input type=\"hidden\" name=\"csrf\" value=\"");
	esc(rs, rq->csrf ? rq->csrf : "");
	http_puts(rs, "\">\n<label for=\"name\">Name</label>\n"
	              "<input id=\"name\" name=\"name\" type=\"text\" autocomplete=\"username\" spellcheck=\"false\" value=\"");
	esc(rs, name ? name : "");
	http_puts(rs, "\">\n<label for=\"password\">Password</label>\n"
	              "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\">\n"
	              "<button type=\"submit\">Sign in</button>\n</form></main></body></html>\n");
	return 0;
}
