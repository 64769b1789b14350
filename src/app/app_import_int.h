/* app_import_int.h: what the files of the CSV import (app_import.c and
 * app_import_programme.c) share: the import's state, its maps of ids seen,
 * and the row checks every file uses. Internal to app/. */
#ifndef DYAD_APP_IMPORT_INT_H
#define DYAD_APP_IMPORT_INT_H

#include <stdint.h>

#include "app/app.h"
#include "app/app_transfer.h"
#include "core/intervention.h"
#include "store/store_episode.h"
#include "util/csvtab.h"
#include "util/err.h"
#include "util/idmap.h"

struct person_info {
	int64_t family_id;
	char infant;
};

struct episode_info {
	int64_t id;
	int64_t family_id;
	int32_t received_on;
	int32_t discharged_on;
	/* pathway: for checking episode_events.csv against referrals.csv */
	signed char decision;    /* index in code_decision */
	signed char given_state; /* referrals.csv `state`, -1 when blank or absent */
	signed char last_state;  /* state reached by the events read so far, -1 before the first */
	int32_t last_on;         /* date of the last event read */
	int64_t caregiver_id, infant_id; /* the referral's own (a measure's default subjects) */
};

/* A contact this import wrote, as the group marks and video cycles read
 * later check it (so that they need not read it back). */
struct contact_info {
	int64_t episode_id;
	int32_t date;
	uint16_t intervention; /* index into struct import's interventions ("" is 0) */
	unsigned char group;   /* kind "group" */
	unsigned char attended;
	unsigned char marked;  /* some session's attendance mark names it (this import's) */
	unsigned char filmed;  /* a video cycle of this import links it */
};

#define IMPORT_INTERVENTIONS_MAX 1024

struct import {
	struct app *a;
	const char *dir;
	struct transfer_counts *n;
	struct idmap families;
	struct idmap people;
	struct person_info *pinfo;
	size_t npinfo, cappinfo;
	struct idmap episodes;
	struct episode_info *einfo;
	size_t neinfo, capeinfo;
	struct idmap practitioners; /* practitioner ids known to exist */
	struct idmap contacts;      /* contact id -> index into cinfo, for contacts this import wrote */
	struct contact_info *cinfo;
	size_t ncinfo, capcinfo;
	char (*interventions)[INTERVENTION_CODE_MAX]; /* the contacts' intervention codes, each once */
	size_t ninterventions;
	int new_team;    /* this import made the database's team */
	int marked_demo; /* this import marked the database as a demo */
};

/* Fails with "<what> N does not exist" on column k. */
int import_missing(struct csvtab *t, int k, const char *what, int64_t id, struct dy_err *e);

/* Checks that person id (column k) exists, is in family_id, and has the role
 * (infant 1, caregiver 0, any -1). */
int import_check_member(struct import *im, struct csvtab *t, int k, int64_t id, int64_t family_id, int infant,
                        struct dy_err *e);

/* Reads the date of column k (optional: blank is DATE_NONE). */
int import_date_col(struct csvtab *t, int k, int optional, int32_t *out, struct dy_err *e);

/* Parses "3;5" (ids separated by ';') of column k into ids (at most max). */
int import_id_list(struct csvtab *t, int k, int64_t *ids, int max, int *n, struct dy_err *e);

/* Loads the episode named in column k into a struct episode (id, family,
 * received and discharged) for the record_*_check rules. */
int import_episode_for(struct import *im, struct csvtab *t, int k, int64_t id, struct episode *ep,
                       struct dy_err *e);

/* The contact this import wrote with id, or NULL when it wrote none (the
 * caller then reads the database). */
struct contact_info *import_contact(struct import *im, int64_t id);

/* The intervention code of a contact this import wrote. */
const char *import_contact_intervention(const struct import *im, const struct contact_info *c);

/* The decision ("accepted", ...) of referral id when this import wrote it,
 * else NULL (the caller then reads the database). */
const char *import_episode_decision(const struct import *im, int64_t id);

/* Checks that practitioner id (column k) exists (in this import or the
 * database). */
int import_check_practitioner(struct import *im, struct csvtab *t, int k, int64_t id, struct dy_err *e);

/* The field's error in e, as a failure of the row's column k. */
int import_col_fail(struct csvtab *t, int k, struct dy_err *e);

/* Care plans, group runs, enrolments, attendance and the group waiting list
 * (careplans.csv, group_*.csv), checked as the commands check them. */
int import_programmes(struct import *im, struct dy_err *e);

/* Booked appointments with their outcomes and moves (appointments.csv,
 * app_import_appointment.c), after contacts: 0 or the first row's error. */
int import_appointments(struct import *im, struct dy_err *e);

#endif
