/* routes.c: the list of route tables the server searches, in order. */
#include "http/routes.h"

#include <stddef.h>

const struct http_route *const http_route_tables[] = {
	api_meta_routes,
	api_family_routes,
	api_referral_routes,
	api_measure_routes,
	api_waiting_routes,
	/* Page tables go here (before auth_routes, so a page may take over GET /sign-in). */
	auth_routes,
	NULL,
};
