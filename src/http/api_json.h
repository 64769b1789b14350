/* api_json.h: the JSON API's shared pieces: sending a jansson value,
 * answering an error in the one shape {"error":{"code","field","message"}},
 * reading a JSON request body (an object, duplicate keys refused, depth and
 * size capped by the route), pagination, and the encoders of the record
 * types every endpoint answers with. Dates are "YYYY-MM-DD" or null. */
#ifndef DYAD_HTTP_API_JSON_H
#define DYAD_HTTP_API_JSON_H

#include <jansson.h>

#include "core/record.h"
#include "http/http.h"
#include "store/store_episode.h"
#include "store/store_measure.h"
#include "store/store_score.h"
#include "store/store_summary.h"

/* The OpenAPI 3.1 document of /api/v1 (api_openapi.c). */
extern const char api_openapi_json[];

/* Sends v (taken over) as the body with status; returns 0. */
int api_send(struct http_resp *rs, int status, json_t *v);

/* Answers the error in e with the status its code maps to (the message is
 * e's, which never holds a personal value; a storage or internal error
 * gets a plain message). Returns 0. */
int api_fail(struct http_resp *rs, const struct dy_err *e);

/* Answers 400 for a request that could not be read; returns 0. */
int api_bad(struct http_resp *rs, const char *field, const char *message);

/* Query parameter name as a date into *out (def when absent): 0, or 1 with
 * a 400 naming the parameter already answered. */
int api_query_date(struct http_req *rq, struct http_resp *rs, const char *name, int32_t def, int32_t *out);

/* Parses the request body as one JSON object into *out (caller json_decref).
 * Returns 0, or answers 400 / 415 itself and returns 1. */
int api_body(struct http_req *rq, struct http_resp *rs, json_t **out);

/* Reads member name of o: text (NULL when absent or null), a whole number
 * (def when absent), a date (DATE_NONE when absent) or an id list. Each
 * returns 0, or fills e naming the field and returns DY_EINVAL. */
int api_get_text(json_t *o, const char *name, const char **out, struct dy_err *e);
int api_get_int(json_t *o, const char *name, int64_t def, int64_t lo, int64_t hi, int64_t *out, struct dy_err *e);
int api_get_date(json_t *o, const char *name, int32_t *out, struct dy_err *e);
int api_get_ids(json_t *o, const char *name, int64_t *ids, int max, int *n, struct dy_err *e);

/* Copies text member name into out (size n): "" when absent, DY_EINVAL
 * when absent and required, or too long. */
int api_get_text_into(json_t *o, const char *name, char *out, size_t n, int required, struct dy_err *e);

/* Path placeholder "id" as a record number into *id; answers 400 itself and
 * returns 1 when it is not one. */
int api_path_id(struct http_req *rq, struct http_resp *rs, int64_t *id);

/* limit (1..500, default 50) and offset (>= 0) from the query string;
 * answers 400 itself and returns 1 when malformed. */
int api_page(struct http_req *rq, struct http_resp *rs, int *limit, int *offset);

/* {"items":items,"limit":..,"offset":..,"next_offset":N|null} with more
 * saying whether a next page exists. */
/* Fills items with the rows of record id (a referral, an infant) for the
 * acting user, or fails with e (app/ decides who may). */
typedef int (*api_list_fn)(struct app *a, int64_t id, json_t *items, struct dy_err *e);

/* The handler of GET .../{id}/ROWS: {"items": [...]} from list, or the
 * error answer (400 for a bad id, 403/404 as app/ says). Returns 0. */
int api_list_of(struct http_req *rq, struct http_resp *rs, api_list_fn list);

/* Reads a keyset page from ?limit= (1-500, default 50), ?after= (an id:
 * the page starts after that row), ?sort=id|name|received|last_contact and
 * ?order=oldest|newest|ascending|descending (oldest is ascending); answers
 * 400 and returns 1 when one is wrong. */
int api_keyset(struct http_req *rq, struct http_resp *rs, struct list_page *pg);

/* {items, limit, sort, order, next_after}: next_after is the last id shown when
 * more follow (pass it as ?after=), else null. */
json_t *api_keyset_wrap(json_t *items, const struct list_page *pg, int64_t last, int more);

json_t *api_page_wrap(json_t *items, int limit, int offset, int more);

/* A date as "YYYY-MM-DD", or null for DATE_NONE. */
json_t *api_date(int32_t d);

/* Encoders. */
json_t *api_person(const struct person *p);
json_t *api_episode(const struct episode *ep);
json_t *api_contact(const struct contact *c);
json_t *api_safeguarding(const struct safeguarding *s);
json_t *api_risk(const struct stored_risk *r);
json_t *api_summary(const struct family_summary *s);

#endif
