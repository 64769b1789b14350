/* record.h: the family record as plain values, and the rules that make one
 * valid. The dyad is the unit of care: a family holds caregivers and infants
 * (an unborn infant has an EDD and no date of birth; at birth the same record
 * gains its date of birth, keeping its history). Pure: no I/O.
 *
 * Absent values: dates DATE_NONE, numbers 0 (ids, imd_decile, gestation
 * weeks, duration) or -1 where 0 is meaningful, strings "". */
#ifndef DYAD_CORE_RECORD_H
#define DYAD_CORE_RECORD_H

#include <stdint.h>

#include "util/err.h"

#define NAME_MAX_LEN 100 /* characters */
#define NAME_BYTES (4 * NAME_MAX_LEN + 1) /* room for 100 characters of UTF-8 */
#define TEXT_MAX_LEN 4000

struct team {
	int64_t id;
	char code[33];
	char name[NAME_BYTES];
	int demo; /* 1: the database holds synthetic demo data (`dyad demo`) */
};

struct practitioner {
	int64_t id;
	int64_t team_id;
	char name[NAME_BYTES];
	char profession[32];
};

struct family {
	int64_t id;
	int64_t team_id;
	int32_t created_on;
	int in_error; /* marked entered in error (read only: app_record_error sets it) */
};

struct person {
	int64_t id;
	int64_t family_id;
	char role[12];          /* caregiver | infant */
	char relationship[20];  /* caregivers: to the family's infants; infants: "" */
	char nhs_number[11];    /* 10 digits or "" */
	char given_name[NAME_BYTES];
	char family_name[NAME_BYTES];
	int32_t date_of_birth;  /* DATE_NONE for an unborn infant */
	int32_t edd;            /* infants in pregnancy: estimated date of delivery */
	int gestation_weeks;    /* infants: gestation at birth, 22..44, 0 unknown */
	char sex[16];
	char ethnicity[2];      /* NHS ethnic category letter or "" */
	char postcode[9];       /* normal form "NG7 2UH" or "" */
	int imd_decile;         /* 1..10, 0 unknown */
	char loss[16];          /* infants: "" or a code_loss: pregnancy_loss | stillbirth | infant_death */
	int32_t loss_on;        /* the date of the loss (meaningful only with loss) */
};

/* The most infants one referral covers (twins, triplets ... sextuplets). */
#define EPISODE_INFANTS_MAX 6

struct episode {
	int64_t id;             /* the referral id */
	int64_t family_id;
	int64_t infant_id;      /* the infant (or pregnancy) referred: the first, when it covers several */
	/* Further infants of the family the same referral covers (twins,
	 * triplets), ascending; clocks and counts stay per episode, measures
	 * and safeguarding per infant. */
	int64_t more_infants[EPISODE_INFANTS_MAX - 1];
	int n_more_infants;
	int64_t caregiver_id;   /* the caregiver referred with them, 0 if none */
	int32_t received_on;
	char source[32];
	char decision[16];      /* accepted | declined | signposted | pending */
	int32_t decided_on;
	int32_t discharged_on;
	char discharge_reason[20];
	char transferred_to[101]; /* discharged as transferred: the team the family went to ("" none) */
	int64_t previous_id;      /* a re-referral: the family's earlier referral it follows, 0 none */
};

struct contact {
	int64_t id;
	int64_t episode_id;
	int32_t date;
	char kind[16];
	char intervention[40];  /* "" when not an intervention */
	char location[20];
	char attendance[24];
	int duration_min;       /* -1 unknown */
	int64_t practitioners[8];
	int n_practitioners;
	int64_t attendees[8];
	int n_attendees;
};

struct safeguarding {
	int64_t id;             /* the period (0: not stored yet; an import may give one) */
	int64_t infant_id;
	char status[24];
	int32_t started_on;
	int32_t ended_on;       /* DATE_NONE while current */
};

struct measure {
	int64_t id;
	int64_t episode_id;
	int64_t person_id;      /* the respondent */
	char instrument[32];
	char timepoint[12];
	int32_t date;
	char responses[1024];   /* item values separated by ';', empty = missing */
};

/* Checks a person's fields (codes, NHS number, postcode normalised in place,
 * names, dates against `today`, role-specific rules). `historic` is set for
 * imported records: an unborn infant's EDD may then lie up to 3 years in the
 * past (a birth never recorded) instead of 6 weeks. Returns 0 or DY_EINVAL
 * naming the field. */
int record_person_check(struct person *p, int32_t today, int historic, struct dy_err *e);

/* Stores the NHS number and postcode as a person typed them (any spacing
 * and case; NULL or "" for none) in their normal forms, checking them as
 * record_person_check does. Returns 0 or DY_EINVAL naming nhs_number or
 * postcode (the one check, and the one field name, every caller shares). */
int record_person_identifiers(struct person *p, const char *nhs_number, const char *postcode, struct dy_err *e);

/* Checks a referral's codes and dates (received not in the future, decision
 * date and discharge not before received, discharge reason with discharge)
 * and its further infants (each once, not the first again). */
int record_episode_check(const struct episode *ep, int32_t today, struct dy_err *e);

/* Checks that a loss of kind (a code_loss) on date `on` can be recorded for
 * p: an infant with no loss recorded yet, `on` not in the future; a
 * pregnancy loss only while unborn; a stillbirth while unborn or on the
 * recorded birth date; an infant's death on or after the birth. DY_EINVAL naming "kind" or "date", DY_ECONFLICT when a loss is
 * already recorded. */
int record_loss_check(const struct person *p, const char *kind, int32_t on, int32_t today, struct dy_err *e);

/* 1 when the referral covers infant_id (its first infant or a further one). */
int record_episode_covers(const struct episode *ep, int64_t infant_id);

/* Checks a contact's codes, duration and that its date lies within the
 * episode (not before received, not after discharge). The intervention is
 * checked only for its form here: intervention_contact_check holds it to
 * the team's catalogue. */
int record_contact_check(const struct contact *c, const struct episode *ep, struct dy_err *e);

/* Checks a safeguarding period's status and dates. */
int record_safeguarding_check(const struct safeguarding *s, int32_t today, struct dy_err *e);

/* Checks a measure's instrument id form, timepoint and date within the
 * episode (a follow-up may come after discharge); scoring rules are checked
 * by the instrument definitions. */
int record_measure_check(const struct measure *m, const struct episode *ep, struct dy_err *e);

#endif
