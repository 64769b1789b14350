/* api_meta.c: the API about itself: GET /api/v1/health (for a load
 * balancer; no personal data), GET /api/v1/me (the caller), and the OpenAPI
 * document GET /api/v1/openapi.json (api_openapi.c). */
#include "app/app_account.h"
#include "http/api_json.h"
#include "http/routes.h"

static int health(struct http_req *rq, struct http_resp *rs)
{
	http_type(rs, HTTP_JSON_TYPE);
	http_printf(rs, "{\"status\":\"ok\",\"version\":\"%s\"}\n", DYAD_VERSION);
	return 0;
}

/* Who the caller is: name, roles and teams (no personal data of anyone else). */
static int me(struct http_req *rq, struct http_resp *rs)
{
	char roles[96];
	app_role_format(rq->user->roles, roles, sizeof roles);
	json_t *teams = json_array();
	for (int i = 0; i < rq->user->nteams; i++)
		json_array_append_new(teams, json_integer(rq->user->team_ids[i]));
	json_t *o = json_pack("{s:I,s:s,s:s,s:s,s:o}", "id", (json_int_t)rq->user->id, "name", rq->user->name,
	                      "display", rq->user->display, "roles", roles, "teams", teams);
	/* A page's script signed in by the session cookie sends this back as
	 * X-CSRF-Token on writes (another site cannot read this answer). */
	if (rq->session_id)
		json_object_set_new(o, "csrf_token", json_string(rq->csrf));
	return api_send(rs, 200, o);
}

static int openapi(struct http_req *rq, struct http_resp *rs)
{
	http_type(rs, HTTP_JSON_TYPE);
	http_puts(rs, api_openapi_json);
	return 0;
}

const struct http_route api_meta_routes[] = {
	{HTTP_GET, "/api/v1/health", health, 0, 0, HTTP_JSON | HTTP_PUBLIC},
	{HTTP_GET, "/api/v1/me", me, USER_ROLES, 0, HTTP_JSON},
	{HTTP_GET, "/api/v1/openapi.json", openapi, 0, 0, HTTP_JSON | HTTP_PUBLIC},
	{0}};
