/* routes.c: the list of route tables the server searches, in order. */
#include "http/routes.h"

#include <stddef.h>

const struct http_route *const http_route_tables[] = {
	api_meta_routes,
	NULL,
};
