/* correction_record.c: referral, contact and measure fields as text, for
 * corrections (see correction_record.h). */
#include "core/correction_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "util/date.h"
#include "util/str.h"
#include "util/text.h"

const char *const correction_referral_fields[] = {"received_on", "source", 0};
const char *const correction_contact_fields[] = {"date", "kind", "location", "attendance", "duration_min", 0};
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

int correction_referral_get(const struct episode *ep, const char *field, char *out, struct dy_err *e)
{
	out[0] = '\0';
	if (strcmp(field, "received_on") == 0)
		date_format(ep->received_on, out);
	else if (strcmp(field, "source") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, ep->source);
	else
		return unknown("referral", correction_referral_fields, e);
	return 0;
}

int correction_referral_set(struct episode *ep, const char *field, const char *value, struct dy_err *e)
{
	if (text_check(field, value, TEXT_LINE, e))
		return DY_EINVAL;
	if (strcmp(field, "received_on") == 0)
		return validate_date(field, value, &ep->received_on, e);
	if (strcmp(field, "source") == 0)
		return set_text(ep->source, sizeof ep->source, field, value, e);
	return unknown("referral", correction_referral_fields, e);
}

int correction_contact_get(const struct contact *c, const char *field, char *out, struct dy_err *e)
{
	out[0] = '\0';
	if (strcmp(field, "date") == 0)
		date_format(c->date, out);
	else if (strcmp(field, "kind") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, c->kind);
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
