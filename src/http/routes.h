/* routes.h: every route table of the web application, one per file
 * (api_*.c, page_*.c, auth.c). Add a table here and in routes.c. */
#ifndef DYAD_HTTP_ROUTES_H
#define DYAD_HTTP_ROUTES_H

#include "http/http.h"

extern const struct http_route api_meta_routes[];
extern const struct http_route page_assets_routes[];
extern const struct http_route page_family_routes[];
extern const struct http_route page_home_routes[];
extern const struct http_route page_referral_routes[];
extern const struct http_route page_episode_routes[];
extern const struct http_route page_measure_routes[];

#endif
