/* store_teams.h: the set of teams a read counts: one team (a team's own
 * users), several (a network user's teams, counted as one population), or
 * every team of the database. A read filters its families with
 * STORE_IN_TEAMS and binds the set with store_teams_bind: one prepared
 * statement whatever the set's size. */
#ifndef DYAD_STORE_STORE_TEAMS_H
#define DYAD_STORE_STORE_TEAMS_H

#include <stdint.h>

#include "store/db.h"

#define STORE_TEAMS_MAX 16 /* APP_MAX_TEAMS: the most teams a user is given */

struct store_teams {
	int n; /* 0: every team of the database */
	int64_t id[STORE_TEAMS_MAX];
};

/* The SQL condition "and family expression fam belongs to one of the set's
 * teams" (every family when the set is empty): STORE_TEAMS_PARAMS
 * parameters, bound by store_teams_bind. */
#define STORE_IN_TEAMS(fam)                                                                                            \
	" AND (? = 0 OR " fam " IN (SELECT id FROM family WHERE team_id IN (?, ?, "                                    \
	"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"                                                                             \
	" ?, ?, ?)))"
#define STORE_TEAMS_PARAMS (1 + STORE_TEAMS_MAX)

/* The same condition on a team id column col (the report tallies), with
 * the same parameters. */
#define STORE_TEAM_IN(col)                                                                                             \
	" AND (? = 0 OR " col " IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"

/* The set of one team (team 0: every team). */
struct store_teams store_teams_one(int64_t team);

/* Binds the set t (NULL: every team) to the STORE_TEAMS_PARAMS parameters
 * of STORE_IN_TEAMS from parameter i on (nothing when s is NULL). */
void store_teams_bind(db_stmt_t *s, int i, const struct store_teams *t);

#endif
