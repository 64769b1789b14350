/* routes.c: the list of route tables the server searches, in order. */
#include "http/routes.h"

#include <stddef.h>

const struct http_route *const http_route_tables[] = {
	api_meta_routes,
	page_assets_routes,
	page_family_routes,
	page_home_routes,
	page_referral_routes,
	page_episode_routes,
	page_measure_routes,
	NULL,
};
