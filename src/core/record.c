/* record.c: validity rules of the family record (see record.h). */
#include "core/record.h"

#include "core/intervention.h"

#include <ctype.h>
#include <string.h>

#include "core/codes.h"
#include "core/validate.h"
#include "util/date.h"

int record_person_identifiers(struct person *p, const char *nhs_number, const char *postcode, struct dy_err *e)
{
	p->nhs_number[0] = p->postcode[0] = '\0';
	if (nhs_number && *nhs_number && validate_nhs_number("nhs_number", nhs_number, p->nhs_number, e))
		return DY_EINVAL;
	if (postcode && *postcode && validate_postcode("postcode", postcode, p->postcode, e))
		return DY_EINVAL;
	return 0;
}

int record_person_check(struct person *p, int32_t today, int historic, struct dy_err *e)
{
	if (validate_code("role", code_role, p->role, e))
		return DY_EINVAL;
	int infant = strcmp(p->role, "infant") == 0;
	if (validate_name_fix("given_name", p->given_name, sizeof p->given_name, e) ||
	    validate_name_fix("family_name", p->family_name, sizeof p->family_name, e))
		return DY_EINVAL;
	if (infant) {
		if (p->relationship[0])
			return dy_fail(e, DY_EINVAL, "relationship", "must be empty for an infant");
		if (p->date_of_birth == DATE_NONE && p->edd == DATE_NONE)
			return dy_fail(e, DY_EINVAL, "date_of_birth",
			               "an infant needs a date of birth, or an EDD for a pregnancy");
		if (p->date_of_birth == DATE_NONE && historic && p->edd < today - 3 * 366)
			return dy_fail(e, DY_EINVAL, "edd", "is more than 3 years ago: give the date of birth");
		if (p->date_of_birth == DATE_NONE && !historic && validate_edd("edd", p->edd, today, e))
			return DY_EINVAL;
		if (p->date_of_birth == DATE_NONE && p->edd > today + 44 * 7)
			return dy_fail(e, DY_EINVAL, "edd", "is more than 44 weeks from today");
		if (p->gestation_weeks && (p->gestation_weeks < 22 || p->gestation_weeks > 44))
			return dy_fail(e, DY_EINVAL, "gestation_weeks", "must be from 22 to 44 weeks");
	} else {
		if (validate_code("relationship", code_relationship, p->relationship, e))
			return DY_EINVAL;
		if (p->edd != DATE_NONE)
			return dy_fail(e, DY_EINVAL, "edd", "applies to infants only");
		if (p->gestation_weeks)
			return dy_fail(e, DY_EINVAL, "gestation_weeks", "applies to infants only");
	}
	if (p->date_of_birth != DATE_NONE) {
		if (validate_birth_date("date_of_birth", p->date_of_birth, today, e))
			return DY_EINVAL;
		if (!infant && date_months_between(p->date_of_birth, today) < 12 * 10)
			return dy_fail(e, DY_EINVAL, "date_of_birth", "makes the caregiver younger than 10 years");
	}
	if (p->nhs_number[0]) {
		char norm[11];
		if (validate_nhs_number("nhs_number", p->nhs_number, norm, e))
			return DY_EINVAL;
		memcpy(p->nhs_number, norm, sizeof norm);
	}
	if (p->postcode[0]) {
		char norm[9];
		if (validate_postcode("postcode", p->postcode, norm, e))
			return DY_EINVAL;
		memcpy(p->postcode, norm, sizeof norm);
	}
	if (p->sex[0] && validate_code("sex", code_sex, p->sex, e))
		return DY_EINVAL;
	if (p->ethnicity[0] && validate_code("ethnicity", code_ethnicity, p->ethnicity, e))
		return DY_EINVAL;
	if (p->imd_decile < 0 || p->imd_decile > 10)
		return dy_fail(e, DY_EINVAL, "imd_decile", "must be from 1 (most deprived) to 10");
	return 0;
}

int record_episode_check(const struct episode *ep, int32_t today, struct dy_err *e)
{
	if (ep->received_on == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "received_on", "is required");
	if (ep->received_on > today)
		return dy_fail(e, DY_EINVAL, "received_on", "is in the future");
	if (validate_code("source", code_source, ep->source, e) ||
	    validate_code("decision", code_decision, ep->decision, e))
		return DY_EINVAL;
	if (ep->decided_on != DATE_NONE && ep->decided_on < ep->received_on)
		return dy_fail(e, DY_EINVAL, "decided_on", "is before the referral was received");
	if (ep->decided_on != DATE_NONE && ep->decided_on > today)
		return dy_fail(e, DY_EINVAL, "decided_on", "is in the future");
	if (strcmp(ep->decision, "pending") != 0 && ep->decided_on == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "decided_on", "is required once a decision is made");
	if (ep->discharged_on != DATE_NONE) {
		if (ep->discharged_on < ep->received_on)
			return dy_fail(e, DY_EINVAL, "discharged_on", "is before the referral was received");
		if (ep->discharged_on > today)
			return dy_fail(e, DY_EINVAL, "discharged_on", "is in the future");
		if (validate_code("discharge_reason", code_discharge_reason, ep->discharge_reason, e))
			return DY_EINVAL;
	} else if (ep->discharge_reason[0]) {
		return dy_fail(e, DY_EINVAL, "discharge_reason", "is given without a discharge date");
	}
	if (ep->transferred_to[0] && strcmp(ep->discharge_reason, "transferred") != 0)
		return dy_fail(e, DY_EINVAL, "transferred_to", "is given only for a referral discharged as transferred");
	for (const unsigned char *c = (const unsigned char *)ep->transferred_to; *c; c++)
		if (*c < 0x20 || *c == 0x7f)
			return dy_fail(e, DY_EINVAL, "transferred_to", "contains a control character");
	if (ep->previous_id < 0 || (ep->previous_id && ep->previous_id == ep->id))
		return dy_fail(e, DY_EINVAL, "previous_referral_id", "must be an earlier referral of the family");
	if (ep->n_more_infants < 0 || ep->n_more_infants > EPISODE_INFANTS_MAX - 1)
		return dy_fail(e, DY_EINVAL, "other_infant_ids", "at most %d infants share one referral",
		               EPISODE_INFANTS_MAX);
	for (int i = 0; i < ep->n_more_infants; i++) {
		if (ep->more_infants[i] <= 0)
			return dy_fail(e, DY_EINVAL, "other_infant_ids", "must be person ids");
		if (ep->more_infants[i] == ep->infant_id)
			return dy_fail(e, DY_EINVAL, "other_infant_ids", "repeats the referral's infant %lld",
			               (long long)ep->infant_id);
		for (int j = 0; j < i; j++)
			if (ep->more_infants[j] == ep->more_infants[i])
				return dy_fail(e, DY_EINVAL, "other_infant_ids", "names infant %lld twice",
				               (long long)ep->more_infants[i]);
	}
	return 0;
}

int record_loss_check(const struct person *p, const char *kind, int32_t on, int32_t today, struct dy_err *e)
{
	if (strcmp(p->role, "infant") != 0)
		return dy_fail(e, DY_EINVAL, "person", "is a caregiver: a loss is recorded for an infant or pregnancy");
	if (p->loss[0])
		return dy_fail(e, DY_ECONFLICT, "person", "a loss is already recorded for this infant");
	if (validate_code("kind", code_loss, kind, e))
		return DY_EINVAL;
	if (on == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required");
	if (on > today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future");
	int born = p->date_of_birth != DATE_NONE;
	if (strcmp(kind, "pregnancy_loss") == 0 && born)
		return dy_fail(e, DY_EINVAL, "kind", "a birth is recorded for this infant: record a stillbirth or an"
		               " infant's death instead");
	if (strcmp(kind, "stillbirth") == 0 && born && p->date_of_birth != on)
		return dy_fail(e, DY_EINVAL, "date", "a stillbirth is dated on the recorded date of birth");
	if (strcmp(kind, "infant_death") == 0 && !born)
		return dy_fail(e, DY_EINVAL, "kind", "no birth is recorded for this infant: record a pregnancy loss or a"
		               " stillbirth, or record the birth first");
	if (strcmp(kind, "infant_death") == 0 && on < p->date_of_birth)
		return dy_fail(e, DY_EINVAL, "date", "is before the infant's date of birth");
	return 0;
}

int record_episode_covers(const struct episode *ep, int64_t infant_id)
{
	if (infant_id == ep->infant_id)
		return 1;
	for (int i = 0; i < ep->n_more_infants; i++)
		if (ep->more_infants[i] == infant_id)
			return 1;
	return 0;
}

int record_contact_check(const struct contact *c, const struct episode *ep, struct dy_err *e)
{
	if (validate_code("kind", code_contact_kind, c->kind, e) ||
	    validate_code("location", code_location, c->location, e) ||
	    validate_code("attendance", code_attendance, c->attendance, e))
		return DY_EINVAL;
	/* Which codes: the team's catalogue (intervention_contact_check). */
	if (c->intervention[0] && !intervention_code_valid(c->intervention))
		return dy_fail(e, DY_EINVAL, "intervention", "is not an intervention code (1-40 of a-z, 0-9 and _)");
	if (c->duration_min < -1 || c->duration_min > 600)
		return dy_fail(e, DY_EINVAL, "duration_min", "must be from 0 to 600 minutes");
	if (c->date == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required");
	if (c->date < ep->received_on)
		return dy_fail(e, DY_EINVAL, "date", "is before the referral was received");
	if (ep->discharged_on != DATE_NONE && c->date > ep->discharged_on)
		return dy_fail(e, DY_EINVAL, "date", "is after the family was discharged");
	return 0;
}

int record_safeguarding_check(const struct safeguarding *s, int32_t today, struct dy_err *e)
{
	if (validate_code("status", code_safeguarding, s->status, e))
		return DY_EINVAL;
	if (s->started_on == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "started_on", "is required");
	if (s->started_on > today)
		return dy_fail(e, DY_EINVAL, "started_on", "is in the future");
	if (s->ended_on != DATE_NONE && s->ended_on < s->started_on)
		return dy_fail(e, DY_EINVAL, "ended_on", "is before the start date");
	return 0;
}

int record_measure_check(const struct measure *m, const struct episode *ep, struct dy_err *e)
{
	size_t n = strlen(m->instrument);
	if (n == 0 || n > 31)
		return dy_fail(e, DY_EINVAL, "instrument", "is required");
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)m->instrument[i]) && !isdigit((unsigned char)m->instrument[i]) &&
		    m->instrument[i] != '_')
			return dy_fail(e, DY_EINVAL, "instrument", "must be an instrument id like phq9");
	if (validate_code("timepoint", code_timepoint, m->timepoint, e))
		return DY_EINVAL;
	if (m->date == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required");
	if (m->date < ep->received_on)
		return dy_fail(e, DY_EINVAL, "date", "is before the referral was received");
	if (ep->discharged_on != DATE_NONE && m->date > ep->discharged_on && strcmp(m->timepoint, "followup") != 0)
		return dy_fail(e, DY_EINVAL, "date", "is after the family was discharged (only a follow-up may be)");
	return 0;
}
