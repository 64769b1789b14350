/* routes.c: the list of route tables the server searches, in order. */
#include "http/routes.h"

#include <stddef.h>

const struct http_route *const http_route_tables[] = {
	api_meta_routes,
	api_family_routes,
	api_referral_routes,
	api_measure_routes,
	api_waiting_routes,
	api_note_routes,
	api_appointment_routes,
	api_correction_routes,
	api_search_routes,
	api_report_routes,
	api_careplan_routes,
	api_group_routes,
	api_workforce_routes,
	api_letter_routes,
	api_retention_routes,
	api_merge_routes,
	/* Page tables (before auth_routes, so a page may take over GET /sign-in). */
	page_assets_routes,
	page_family_routes,
	page_home_routes,
	page_referral_routes,
	page_episode_routes,
	page_measure_routes,
	page_users_routes,
	page_note_routes,
	page_appointment_routes,
	page_correction_routes,
	page_reports_routes,
	page_group_routes,
	page_workforce_routes,
	page_letter_routes,
	page_retention_routes,
	page_merge_routes,
	auth_routes,
	NULL,
};
