/* Fuzz target: everything the web server parses from a client: the request
 * target (path and query string), a form body, the Cookie header, a JSON
 * body (depth check and parser), and route matching on the parsed path.
 * Random bytes must never crash, leak, overrun or run away with memory. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/api_json.h"
#include "http/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	struct arena a;
	arena_init(&a, HTTP_ARENA_MAX);

	/* The request target, then the route it names. */
	const char *path;
	struct http_param *q;
	int nq;
	if (http_parse_target(&a, s, &path, &q, &nq) == 0) {
		struct http_req rq;
		memset(&rq, 0, sizeof rq);
		rq.arena = &a;
		int known;
		const struct http_route *r = http_route_find(HTTP_GET, path, &rq, &known);
		if (r) {
			int64_t id;
			http_param_id(&rq, "id", &id);
		}
		for (int i = 0; i < nq; i++)
			(void)strlen(q[i].name);
	}

	/* A form body of the same bytes (NULs included). */
	struct http_param *f;
	int nf;
	if (http_parse_urlencoded(&a, (const char *)data, size, &f, &nf) == 0)
		(void)http_pair_get(f, nf, "csrf");

	/* A Cookie header. */
	struct http_param *c;
	int nc;
	if (http_parse_cookies(&a, s, &c, &nc) == 0)
		(void)http_pair_get(c, nc, "dyad_session");

	/* A JSON body. */
	struct http_req rq;
	memset(&rq, 0, sizeof rq);
	rq.arena = &a;
	rq.content_type = "application/json";
	rq.body = s;
	rq.body_len = size;
	struct http_resp rs;
	memset(&rs, 0, sizeof rs);
	rs.arena = &a;
	buf_init(&rs.body, HTTP_RESP_MAX);
	json_t *v;
	if (api_body(&rq, &rs, &v) == 0) {
		struct dy_err e;
		const char *t;
		int64_t n;
		int32_t d;
		int64_t ids[8];
		int nids;
		api_get_text(v, "name", &t, &e);
		api_get_int(v, "n", 0, 0, 100, &n, &e);
		api_get_date(v, "date", &d, &e);
		api_get_ids(v, "ids", ids, 8, &nids, &e);
		json_decref(v);
	}
	buf_free(&rs.body);
	arena_free(&a);
	free(s);
	return 0;
}
