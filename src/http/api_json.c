/* api_json.c: JSON sending, errors, bodies, pagination and encoders for the
 * API (see api_json.h). */
#include "http/api_json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/date.h"
#include "util/str.h"

/* Nesting allowed in a request body: the API's bodies are flat objects
 * with at most a list or two. */
#define BODY_MAX_DEPTH 8

int api_send(struct http_resp *rs, int status, json_t *v)
{
	http_status(rs, status);
	http_type(rs, HTTP_JSON_TYPE);
	char *s = v ? json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER) : NULL;
	json_decref(v);
	if (!s)
		return http_json_error(rs, 500, "internal", NULL, "Sorry, there is a problem with the service.");
	buf_reset(&rs->body);
	int rc = http_puts(rs, s);
	free(s);
	if (!rc)
		rc = http_puts(rs, "\n");
	if (rc)
		return http_json_error(rs, 500, "too_large", NULL, "The answer is too large: ask for fewer rows.");
	return 0;
}

int api_fail(struct http_resp *rs, const struct dy_err *e)
{
	int status = http_status_for(e->code);
	static const char *const codes[] = {"ok", "usage", "invalid", "not_found", "conflict", "storage", "internal",
	                                    "forbidden"};
	int i = -e->code;
	const char *code = i >= 0 && i < (int)(sizeof codes / sizeof codes[0]) ? codes[i] : "internal";
	if (status >= 500)
		return http_json_error(rs, status, code, NULL, "Sorry, there is a problem with the service.");
	if (status == 403)
		return http_json_error(rs, status, code, NULL, "You do not have access to this.");
	return http_json_error(rs, status, code, e->field[0] ? e->field : NULL, e->msg);
}

int api_bad(struct http_resp *rs, const char *field, const char *message)
{
	return http_json_error(rs, 400, "invalid", field, message);
}

int api_query_date(struct http_req *rq, struct http_resp *rs, const char *name, int32_t def, int32_t *out)
{
	const char *s = http_query(rq, name);
	*out = def;
	if (s && date_parse(s, out)) {
		api_bad(rs, name, "must be a date, YYYY-MM-DD");
		return 1;
	}
	return 0;
}

int api_body(struct http_req *rq, struct http_resp *rs, json_t **out)
{
	*out = NULL;
	if (strncasecmp(rq->content_type, "application/json", 16) != 0) {
		http_json_error(rs, 415, "unsupported_media_type", NULL, "Send the body as application/json.");
		return 1;
	}
	/* Depth first, cheaply, so that deep nesting never reaches the parser. */
	int depth = 0, in_str = 0;
	for (size_t i = 0; i < rq->body_len; i++) {
		char c = rq->body[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"') {
			in_str = 1;
		} else if (c == '{' || c == '[') {
			if (++depth > BODY_MAX_DEPTH) {
				api_bad(rs, NULL, "The body is nested too deeply.");
				return 1;
			}
		} else if (c == '}' || c == ']') {
			depth--;
		}
	}
	json_error_t je;
	json_t *v = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &je);
	if (!v || !json_is_object(v)) {
		json_decref(v);
		api_bad(rs, NULL, "The body is not a JSON object.");
		return 1;
	}
	*out = v;
	return 0;
}

int api_get_text(json_t *o, const char *name, const char **out, struct dy_err *e)
{
	json_t *v = json_object_get(o, name);
	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return dy_fail(e, DY_EINVAL, name, "must be text");
	if (strlen(json_string_value(v)) != json_string_length(v))
		return dy_fail(e, DY_EINVAL, name, "must not contain a NUL character");
	*out = json_string_value(v);
	return 0;
}

int api_get_text_into(json_t *o, const char *name, char *out, size_t n, int required, struct dy_err *e)
{
	const char *s;
	int rc = api_get_text(o, name, &s, e);
	if (rc)
		return rc;
	if (!s && required)
		return dy_fail(e, DY_EINVAL, name, "is required");
	if (s && strlen(s) >= n)
		return dy_fail(e, DY_EINVAL, name, "is too long (at most %zu characters)", n - 1);
	str_copy(out, n, s ? s : "");
	return 0;
}

int api_path_id(struct http_req *rq, struct http_resp *rs, int64_t *id)
{
	if (http_param_id(rq, "id", id)) {
		api_bad(rs, "id", "must be a record number");
		return 1;
	}
	return 0;
}

int api_get_int(json_t *o, const char *name, int64_t def, int64_t lo, int64_t hi, int64_t *out, struct dy_err *e)
{
	json_t *v = json_object_get(o, name);
	*out = def;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v))
		return dy_fail(e, DY_EINVAL, name, "must be a whole number");
	json_int_t n = json_integer_value(v);
	if (n < lo || n > hi)
		return dy_fail(e, DY_EINVAL, name, "must be from %lld to %lld", (long long)lo, (long long)hi);
	*out = n;
	return 0;
}

int api_get_date(json_t *o, const char *name, int32_t *out, struct dy_err *e)
{
	const char *s;
	*out = DATE_NONE;
	int rc = api_get_text(o, name, &s, e);
	if (rc || !s)
		return rc;
	if (date_parse(s, out))
		return dy_fail(e, DY_EINVAL, name, "must be a date, YYYY-MM-DD");
	return 0;
}

int api_get_ids(json_t *o, const char *name, int64_t *ids, int max, int *n, struct dy_err *e)
{
	json_t *v = json_object_get(o, name);
	*n = 0;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_array(v) || (int)json_array_size(v) > max)
		return dy_fail(e, DY_EINVAL, name, "must be a list of at most %d record numbers", max);
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x)
	{
		if (!json_is_integer(x) || json_integer_value(x) < 1)
			return dy_fail(e, DY_EINVAL, name, "must be a list of record numbers");
		ids[(*n)++] = json_integer_value(x);
	}
	return 0;
}

int api_page(struct http_req *rq, struct http_resp *rs, int *limit, int *offset)
{
	*limit = 50;
	*offset = 0;
	const char *l = http_query(rq, "limit"), *o = http_query(rq, "offset");
	if (l && str_parse_int(l, 1, 500, limit)) {
		api_bad(rs, "limit", "must be a whole number from 1 to 500");
		return 1;
	}
	if (o && str_parse_int(o, 0, 100000000, offset)) {
		api_bad(rs, "offset", "must be a whole number, 0 or more");
		return 1;
	}
	return 0;
}

int api_list_of(struct http_req *rq, struct http_resp *rs, api_list_fn list)
{
	int64_t id;
	if (api_path_id(rq, rs, &id))
		return 0;
	json_t *items = json_array();
	struct dy_err e;
	dy_err_clear(&e);
	if (list(rq->app, id, items, &e)) {
		json_decref(items);
		return api_fail(rs, &e);
	}
	return api_send(rs, 200, json_pack("{s:o}", "items", items));
}

int api_keyset(struct http_req *rq, struct http_resp *rs, struct list_page *pg)
{
	memset(pg, 0, sizeof *pg);
	pg->limit = 50;
	const char *l = http_query(rq, "limit"), *a = http_query(rq, "after"), *o = http_query(rq, "order"),
	           *s = http_query(rq, "sort");
	int64_t after = 0;
	if (l && str_parse_int(l, 1, 500, &pg->limit)) {
		api_bad(rs, "limit", "must be a whole number from 1 to 500");
		return 1;
	}
	if (a && str_parse_i64(a, 1, INT64_MAX, &after)) {
		api_bad(rs, "after", "must be an id from a previous page's next_after");
		return 1;
	}
	int sort = s ? list_sort_parse(s) : LIST_SORT_ID;
	if (sort < 0) {
		api_bad(rs, "sort", "must be id, name, received or last_contact");
		return 1;
	}
	static const char *const orders[] = {"oldest", "newest", "ascending", "descending"};
	int order = o ? -1 : 0;
	for (int i = 0; o && i < 4; i++)
		if (strcmp(o, orders[i]) == 0)
			order = i;
	if (order < 0) {
		api_bad(rs, "order", "must be oldest, newest, ascending or descending");
		return 1;
	}
	pg->after = after;
	pg->sort = (enum list_sort)sort;
	pg->newest_first = order % 2;
	return 0;
}

json_t *api_keyset_wrap(json_t *items, const struct list_page *pg, int64_t last, int more)
{
	const char *order = pg->sort == LIST_SORT_ID ? (pg->newest_first ? "newest" : "oldest")
	                                             : (pg->newest_first ? "descending" : "ascending");
	return json_pack("{s:o,s:i,s:s,s:s,s:o}", "items", items, "limit", pg->limit, "sort", list_sort_code(pg->sort),
	                 "order", order, "next_after", more ? json_integer(last) : json_null());
}

json_t *api_page_wrap(json_t *items, int limit, int offset, int more)
{
	return json_pack("{s:o,s:i,s:i,s:o}", "items", items, "limit", limit, "offset", offset, "next_offset",
	                 more ? json_integer(offset + limit) : json_null());
}

json_t *api_date(int32_t d)
{
	if (d == DATE_NONE)
		return json_null();
	char s[DATE_LEN];
	date_format(d, s);
	return json_string(s);
}

/* "" as null: absent text fields. */
static json_t *text_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *id_or_null(int64_t id)
{
	return id ? json_integer(id) : json_null();
}

json_t *api_person(const struct person *p)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "family_id", json_integer(p->family_id));
	json_object_set_new(o, "role", json_string(p->role));
	json_object_set_new(o, "relationship", text_or_null(p->relationship));
	json_object_set_new(o, "given_name", json_string(p->given_name));
	json_object_set_new(o, "family_name", json_string(p->family_name));
	json_object_set_new(o, "nhs_number", text_or_null(p->nhs_number));
	json_object_set_new(o, "date_of_birth", api_date(p->date_of_birth));
	json_object_set_new(o, "edd", api_date(p->edd));
	json_object_set_new(o, "gestation_weeks", p->gestation_weeks ? json_integer(p->gestation_weeks) : json_null());
	json_object_set_new(o, "sex", text_or_null(p->sex));
	json_object_set_new(o, "ethnicity", text_or_null(p->ethnicity));
	json_object_set_new(o, "postcode", text_or_null(p->postcode));
	json_object_set_new(o, "imd_decile", p->imd_decile ? json_integer(p->imd_decile) : json_null());
	return o;
}

json_t *api_episode(const struct episode *ep)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(ep->id));
	json_object_set_new(o, "family_id", json_integer(ep->family_id));
	json_object_set_new(o, "infant_id", id_or_null(ep->infant_id));
	json_object_set_new(o, "caregiver_id", id_or_null(ep->caregiver_id));
	json_object_set_new(o, "received_on", api_date(ep->received_on));
	json_object_set_new(o, "source", json_string(ep->source));
	json_object_set_new(o, "decision", text_or_null(ep->decision));
	json_object_set_new(o, "decided_on", api_date(ep->decided_on));
	json_object_set_new(o, "discharged_on", api_date(ep->discharged_on));
	json_object_set_new(o, "discharge_reason", text_or_null(ep->discharge_reason));
	return o;
}

json_t *api_contact(const struct contact *c)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(c->id));
	json_object_set_new(o, "referral_id", json_integer(c->episode_id));
	json_object_set_new(o, "date", api_date(c->date));
	json_object_set_new(o, "kind", json_string(c->kind));
	json_object_set_new(o, "intervention", text_or_null(c->intervention));
	json_object_set_new(o, "location", text_or_null(c->location));
	json_object_set_new(o, "attendance", json_string(c->attendance));
	json_object_set_new(o, "duration_min", c->duration_min >= 0 ? json_integer(c->duration_min) : json_null());
	json_t *pr = json_array(), *at = json_array();
	for (int i = 0; i < c->n_practitioners; i++)
		json_array_append_new(pr, json_integer(c->practitioners[i]));
	for (int i = 0; i < c->n_attendees; i++)
		json_array_append_new(at, json_integer(c->attendees[i]));
	json_object_set_new(o, "practitioners", pr);
	json_object_set_new(o, "attendees", at);
	return o;
}

json_t *api_safeguarding(const struct safeguarding *s)
{
	return json_pack("{s:I,s:I,s:s,s:o,s:o}", "id", (json_int_t)s->id, "infant_id", (json_int_t)s->infant_id, "status",
	                 s->status, "started_on", api_date(s->started_on), "ended_on", api_date(s->ended_on));
}

json_t *api_risk(const struct stored_risk *r)
{
	return json_pack("{s:I,s:s,s:i,s:o,s:o}", "measure_id", (json_int_t)r->measure_id, "risk", r->risk, "item",
	                 r->item, "acknowledged_by", text_or_null(r->acknowledged_by), "acknowledged_on",
	                 api_date(r->acknowledged_on));
}

json_t *api_summary(const struct family_summary *s)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(s->family_id));
	json_object_set_new(o, "caregiver", json_pack("{s:s,s:s,s:o}", "given_name", s->caregiver_given, "family_name",
	                                               s->caregiver_family, "relationship",
	                                               text_or_null(s->relationship)));
	json_object_set_new(o, "infant", json_pack("{s:o,s:s,s:o,s:o}", "id", id_or_null(s->infant_id), "given_name",
	                                            s->infant_given, "date_of_birth", api_date(s->infant_dob), "edd",
	                                            api_date(s->infant_edd)));
	json_object_set_new(o, "referral_id", id_or_null(s->episode_id));
	json_object_set_new(o, "decision", text_or_null(s->decision));
	json_object_set_new(o, "received_on", api_date(s->received_on));
	json_object_set_new(o, "discharged_on", api_date(s->discharged_on));
	json_object_set_new(o, "last_contact", api_date(s->last_contact));
	json_object_set_new(o, "safeguarding", text_or_null(s->safeguarding));
	return o;
}
