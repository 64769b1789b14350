/* store_teams.c: binding a set of teams (store_teams.h). */
#include "store/store_teams.h"

struct store_teams store_teams_one(int64_t team)
{
	struct store_teams t = {0};
	if (team) {
		t.n = 1;
		t.id[0] = team;
	}
	return t;
}

void store_teams_bind(db_stmt_t *s, int i, const struct store_teams *t)
{
	if (!s)
		return;
	int n = t && t->n > 0 ? (t->n < STORE_TEAMS_MAX ? t->n : STORE_TEAMS_MAX) : 0;
	db_bind_int(s, i, n);
	/* The slots past the set's last team repeat it (no team has id 0, so an
	 * empty set's zeros match nothing, and are not read). */
	for (int k = 0; k < STORE_TEAMS_MAX; k++)
		db_bind_int(s, i + 1 + k, n ? t->id[k < n ? k : n - 1] : 0);
}
