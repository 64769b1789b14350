/* routes.h: every route table of the web application, one per file
 * (api_*.c, page_*.c, auth.c). Add a table here and in routes.c. */
#ifndef DYAD_HTTP_ROUTES_H
#define DYAD_HTTP_ROUTES_H

#include "http/http.h"

extern const struct http_route api_meta_routes[];
extern const struct http_route auth_routes[];
extern const struct http_route api_family_routes[];
extern const struct http_route api_referral_routes[];
extern const struct http_route api_measure_routes[];
extern const struct http_route api_waiting_routes[];
extern const struct http_route api_note_routes[];
extern const struct http_route api_search_routes[];
extern const struct http_route api_report_routes[];

extern const struct http_route api_careplan_routes[];
extern const struct http_route api_letter_routes[];
extern const struct http_route api_group_routes[];
extern const struct http_route api_workforce_routes[];
extern const struct http_route page_assets_routes[];
extern const struct http_route page_family_routes[];
extern const struct http_route page_home_routes[];
extern const struct http_route page_referral_routes[];
extern const struct http_route page_episode_routes[];
extern const struct http_route page_measure_routes[];
extern const struct http_route page_users_routes[];
extern const struct http_route page_note_routes[];
extern const struct http_route page_appointment_routes[];
extern const struct http_route api_appointment_routes[];
extern const struct http_route page_correction_routes[];
extern const struct http_route page_correction_family_routes[];
extern const struct http_route api_correction_routes[];
extern const struct http_route page_reports_routes[];
extern const struct http_route page_group_routes[];
extern const struct http_route page_workforce_routes[];
extern const struct http_route page_letter_routes[];
extern const struct http_route api_retention_routes[];
extern const struct http_route page_retention_routes[];
extern const struct http_route api_family_copy_routes[];
extern const struct http_route page_family_copy_routes[];
extern const struct http_route api_merge_routes[];
extern const struct http_route page_merge_routes[];
extern const struct http_route page_correction_record_routes[];

/* The sign-in form, with error (NULL for none) and the name typed; used by
 * GET and a refused POST /sign-in (page_sign_in.c). Returns 0. */
int page_sign_in_form(struct http_req *rq, struct http_resp *rs, const char *error, const char *name);

#endif
