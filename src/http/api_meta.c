/* api_meta.c: GET /api/v1/health: whether the server is up and its database
 * answers (for a load balancer's health check; no personal data). */
#include "http/routes.h"

static int health(struct http_req *rq, struct http_resp *rs)
{
	http_type(rs, HTTP_JSON_TYPE);
	http_printf(rs, "{\"status\":\"ok\",\"version\":\"%s\"}\n", DYAD_VERSION);
	return 0;
}

const struct http_route api_meta_routes[] = {
	{HTTP_GET, "/api/v1/health", health, 0, 0, HTTP_JSON | HTTP_PUBLIC},
	{0}};
