/* app_user.h: who is acting: a signed-in user of the web application, a
 * script holding a bearer token, or the local operator at the command line.
 *
 * Roles and team scope are checked in app/ (never in page or route code):
 * every app_* function that reads or writes a record asks app_can_* with the
 * acting user held by the app context.
 *
 *   admin        users and configuration; no clinical data
 *   manager      everything in their teams
 *   clinician    the families of their teams
 *   admin_staff  referrals, contacts and bookings; never measure items,
 *                scores or notes
 *   analyst      aggregate figures only; never a name, NHS number, postcode,
 *                date of birth or free text
 *   operator     the local command line (named by --as / DYAD_USER): all
 *                teams, every action, still audited under its name
 *   network      a network of teams sharing one database: the reports of
 *                the teams it is given, counted together as one
 *                population, always published (small numbers suppressed);
 *                never a record, list, search or anything identifiable.
 *                It is a user's only role. */
#ifndef DYAD_APP_APP_USER_H
#define DYAD_APP_APP_USER_H

#include <stdint.h>

enum app_role {
	USER_ADMIN = 1u << 0,
	USER_MANAGER = 1u << 1,
	USER_CLINICIAN = 1u << 2,
	USER_ADMIN_STAFF = 1u << 3,
	USER_ANALYST = 1u << 4,
	USER_OPERATOR = 1u << 5,
	USER_NETWORK = 1u << 6
};

/* Any signed-in user of the web application who works in a team (every
 * route but the reports and the user's own account; never USER_NETWORK). */
#define USER_ANY (USER_ADMIN | USER_MANAGER | USER_CLINICIAN | USER_ADMIN_STAFF | USER_ANALYST)
/* Every role a user can be given. */
#define USER_ROLES (USER_ANY | USER_NETWORK)
/* Roles that see identifiable family records (their teams only). */
#define USER_CASEWORK (USER_MANAGER | USER_CLINICIAN | USER_ADMIN_STAFF | USER_OPERATOR)

#define APP_MAX_TEAMS 16

struct app_user {
	int64_t id;        /* users.id; 0 for the local operator */
	char name[64];     /* sign-in name (never a patient's) */
	char display[101]; /* the person's own name, shown as "signed in as" */
	unsigned roles;    /* enum app_role bits */
	int64_t team_ids[APP_MAX_TEAMS];
	int nteams;        /* 0 with USER_OPERATOR means every team */
};

#endif
