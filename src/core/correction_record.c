/* correction_record.c: referral, contact, measure, safeguarding and family
 * fields as text, for corrections (see correction_record.h). */
#include "core/correction_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "util/date.h"
#include "util/str.h"
#include "util/text.h"

/* The most ids a contact's practitioners or attendees hold (struct contact). */
#define CORRECTION_IDS_MAX 8

const char *const correction_referral_fields[] = {"received_on",       "source",    "programme",
                                                  "first_time_parent", "infant_id", "caregiver_id", 0};
const char *const correction_contact_fields[] = {"date",       "kind",         "intervention",  "location",
                                                 "attendance", "duration_min", "practitioners", "attendees", 0};
const char *const correction_measure_fields[] = {"date", "respondent", "responses", 0};
const char *const correction_safeguarding_fields[] = {"status", "started_on", "ended_on", 0};
const char *const correction_family_fields[] = {"created_on", 0};

static int unknown(const char *kind, const char *const *fields, struct dy_err *e)
{
	char list[160] = "";
	for (int i = 0; fields[i]; i++) {
		size_t used = strlen(list);
		snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", fields[i]);
	}
	return dy_fail(e, DY_EINVAL, "field", "is not a field of a %s that can be corrected (one of %s)", kind, list);
}

/* A text field that fits its buffer. */
static int set_text(char *dst, size_t n, const char *field, const char *value, struct dy_err *e)
{
	if (strlen(value) >= n)
		return dy_fail(e, DY_EINVAL, field, "is too long");
	memcpy(dst, value, strlen(value) + 1);
	return 0;
}

/* A whole number for an id or count ("" not allowed). */
static int set_id(int64_t *dst, const char *field, const char *value, struct dy_err *e)
{
	char *end;
	long long v = strtoll(value, &end, 10);
	if (!*value || *end || v < 1)
		return dy_fail(e, DY_EINVAL, field, "must be a record id (a whole number from 1)");
	*dst = v;
	return 0;
}

/* An id as text, "" for none (0). */
static void id_text(int64_t id, char *out)
{
	if (id > 0)
		snprintf(out, CORRECTION_VALUE_MAX, "%lld", (long long)id);
	else
		out[0] = '\0';
}

/* Sorts the few ids ascending (insertion: a list holds at most 8). */
static void sort_ids(int64_t *ids, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && ids[j - 1] > ids[j]; j--) {
			int64_t t = ids[j];
			ids[j] = ids[j - 1];
			ids[j - 1] = t;
		}
}

void correction_ids_text(const int64_t *ids, int n, char *out)
{
	int64_t sorted[CORRECTION_IDS_MAX];
	int k = n < CORRECTION_IDS_MAX ? n : CORRECTION_IDS_MAX;
	if (k > 0)
		memcpy(sorted, ids, (size_t)k * sizeof *ids);
	sort_ids(sorted, k);
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < k; i++)
		used += (size_t)snprintf(out + used, CORRECTION_VALUE_MAX - used, "%s%lld", i ? "," : "",
		                         (long long)sorted[i]);
}

/* A comma-separated list of up to max ids ("" none), kept ascending. */
static int set_ids(int64_t *ids, int *n, int max, const char *field, const char *value, struct dy_err *e)
{
	int64_t got[CORRECTION_IDS_MAX];
	int k = 0;
	const char *p = value;
	while (*p) {
		char *end;
		long long v = strtoll(p, &end, 10);
		if (end == p || v < 1 || (*end && *end != ','))
			return dy_fail(e, DY_EINVAL, field, "must be record numbers separated by commas, like 3,7");
		if (k == max)
			return dy_fail(e, DY_EINVAL, field, "lists more than %d ids", max);
		for (int i = 0; i < k; i++)
			if (got[i] == v)
				return dy_fail(e, DY_EINVAL, field, "lists %lld twice", v);
		got[k++] = v;
		p = *end ? end + 1 : end;
		if (*end && !*p)
			return dy_fail(e, DY_EINVAL, field, "must be record numbers separated by commas, like 3,7");
	}
	if (k > 0)
		memcpy(ids, got, (size_t)k * sizeof *ids);
	sort_ids(ids, k);
	*n = k;
	return 0;
}

int correction_referral_get(const struct correction_referral *r, const char *field, char *out, struct dy_err *e)
{
	out[0] = '\0';
	if (strcmp(field, "received_on") == 0)
		date_format(r->ep.received_on, out);
	else if (strcmp(field, "source") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, r->ep.source);
	else if (strcmp(field, "programme") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, r->programme);
	else if (strcmp(field, "first_time_parent") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, eligibility_answer_code(r->first_time_parent));
	else if (strcmp(field, "infant_id") == 0)
		id_text(r->ep.infant_id, out);
	else if (strcmp(field, "caregiver_id") == 0)
		id_text(r->ep.caregiver_id, out);
	else
		return unknown("referral", correction_referral_fields, e);
	return 0;
}

int correction_referral_set(struct correction_referral *r, const char *field, const char *value, struct dy_err *e)
{
	if (text_check(field, value, TEXT_LINE, e))
		return DY_EINVAL;
	if (strcmp(field, "received_on") == 0)
		return validate_date(field, value, &r->ep.received_on, e);
	if (strcmp(field, "source") == 0)
		return set_text(r->ep.source, sizeof r->ep.source, field, value, e);
	if (strcmp(field, "programme") == 0)
		return set_text(r->programme, sizeof r->programme, field, value, e);
	if (strcmp(field, "first_time_parent") == 0)
		return eligibility_answer_parse(value, &r->first_time_parent)
		               ? dy_fail(e, DY_EINVAL, field, "must be yes, no or empty (not known)")
		               : 0;
	if (strcmp(field, "infant_id") == 0)
		return set_id(&r->ep.infant_id, field, value, e);
	if (strcmp(field, "caregiver_id") == 0) {
		r->ep.caregiver_id = 0;
		return value[0] ? set_id(&r->ep.caregiver_id, field, value, e) : 0;
	}
	return unknown("referral", correction_referral_fields, e);
}

int correction_contact_get(const struct contact *c, const char *field, char *out, struct dy_err *e)
{
	out[0] = '\0';
	if (strcmp(field, "date") == 0)
		date_format(c->date, out);
	else if (strcmp(field, "kind") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, c->kind);
	else if (strcmp(field, "intervention") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, c->intervention);
	else if (strcmp(field, "practitioners") == 0)
		correction_ids_text(c->practitioners, c->n_practitioners, out);
	else if (strcmp(field, "attendees") == 0)
		correction_ids_text(c->attendees, c->n_attendees, out);
	else if (strcmp(field, "location") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, c->location);
	else if (strcmp(field, "attendance") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, c->attendance);
	else if (strcmp(field, "duration_min") == 0) {
		if (c->duration_min >= 0)
			snprintf(out, CORRECTION_VALUE_MAX, "%d", c->duration_min);
	} else
		return unknown("contact", correction_contact_fields, e);
	return 0;
}

int correction_contact_set(struct contact *c, const char *field, const char *value, struct dy_err *e)
{
	if (text_check(field, value, TEXT_LINE, e))
		return DY_EINVAL;
	if (strcmp(field, "date") == 0)
		return validate_date(field, value, &c->date, e);
	if (strcmp(field, "kind") == 0)
		return set_text(c->kind, sizeof c->kind, field, value, e);
	if (strcmp(field, "intervention") == 0)
		return set_text(c->intervention, sizeof c->intervention, field, value, e);
	if (strcmp(field, "practitioners") == 0)
		return set_ids(c->practitioners, &c->n_practitioners, CORRECTION_IDS_MAX, field, value, e);
	if (strcmp(field, "attendees") == 0)
		return set_ids(c->attendees, &c->n_attendees, CORRECTION_IDS_MAX, field, value, e);
	if (strcmp(field, "location") == 0)
		return set_text(c->location, sizeof c->location, field, value, e);
	if (strcmp(field, "attendance") == 0)
		return set_text(c->attendance, sizeof c->attendance, field, value, e);
	if (strcmp(field, "duration_min") == 0) {
		c->duration_min = -1;
		return value[0] ? validate_int(field, value, 0, 600, &c->duration_min, e) : 0;
	}
	return unknown("contact", correction_contact_fields, e);
}

int correction_measure_get(const struct measure *m, const char *field, char *out, size_t n, struct dy_err *e)
{
	out[0] = '\0';
	if (strcmp(field, "date") == 0)
		date_format(m->date, out);
	else if (strcmp(field, "respondent") == 0)
		snprintf(out, n, "%lld", (long long)m->person_id);
	else if (strcmp(field, "responses") == 0)
		str_copy(out, n, m->responses);
	else
		return unknown("measure", correction_measure_fields, e);
	return 0;
}

int correction_measure_set(struct measure *m, const char *field, const char *value, struct dy_err *e)
{
	if (text_check(field, value, TEXT_LINE, e))
		return DY_EINVAL;
	if (strcmp(field, "date") == 0)
		return validate_date(field, value, &m->date, e);
	if (strcmp(field, "respondent") == 0)
		return set_id(&m->person_id, field, value, e);
	if (strcmp(field, "responses") == 0)
		return set_text(m->responses, sizeof m->responses, field, value, e);
	return unknown("measure", correction_measure_fields, e);
}

int correction_safeguarding_get(const struct safeguarding *s, const char *field, char *out, struct dy_err *e)
{
	out[0] = '\0';
	if (strcmp(field, "status") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, s->status);
	else if (strcmp(field, "started_on") == 0)
		date_format(s->started_on, out);
	else if (strcmp(field, "ended_on") == 0)
		date_format(s->ended_on, out);
	else
		return unknown("safeguarding period", correction_safeguarding_fields, e);
	return 0;
}

int correction_safeguarding_set(struct safeguarding *s, const char *field, const char *value, struct dy_err *e)
{
	if (text_check(field, value, TEXT_LINE, e))
		return DY_EINVAL;
	if (strcmp(field, "status") == 0)
		return set_text(s->status, sizeof s->status, field, value, e);
	if (strcmp(field, "started_on") == 0)
		return validate_date(field, value, &s->started_on, e);
	if (strcmp(field, "ended_on") == 0)
		return validate_date_opt(field, value, &s->ended_on, e);
	return unknown("safeguarding period", correction_safeguarding_fields, e);
}

int correction_family_get(const struct family *f, const char *field, char *out, struct dy_err *e)
{
	out[0] = '\0';
	if (strcmp(field, "created_on") != 0)
		return unknown("family", correction_family_fields, e);
	date_format(f->created_on, out);
	return 0;
}

int correction_family_set(struct family *f, const char *field, const char *value, struct dy_err *e)
{
	if (strcmp(field, "created_on") != 0)
		return unknown("family", correction_family_fields, e);
	return validate_date(field, value, &f->created_on, e);
}
