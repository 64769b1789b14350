/* The network role (docs/postgresql.md, "Several teams, one database"):
 * its name parses and formats, it goes with no other role, and app/'s
 * scope checks give it the figures of its own teams only (all together, or
 * one of them), always published, and never a record, list or anything
 * identifiable. The database is appfix_open's, tu_db_url("net.db"): SQLite,
 * and PostgreSQL under make test-pg. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h after the headers it needs */
#include <cmocka.h>
#include <string.h>

#include "app/app_account.h"
#include "app/app_family.h"
#include "app/app_report.h"
#include "app/app_scope.h"
#include "appfix.h"
#include "store/store_report.h"
#include "testutil.h"
#include "util/date.h"

static void role_parse(void **state)
{
	(void)state;
	struct dy_err e;
	unsigned r = 0;
	assert_int_equal(app_role_parse("network", &r, &e), 0);
	assert_int_equal(r, USER_NETWORK);
	assert_int_equal(USER_NETWORK, 1u << 6);
	char out[96];
	app_role_format(r, out, sizeof out);
	assert_string_equal(out, "network");
	/* The other roles keep their bits and names. */
	assert_int_equal(app_role_parse("clinician,analyst", &r, &e), 0);
	assert_int_equal(r, USER_CLINICIAN | USER_ANALYST);
	app_role_format(USER_ADMIN | USER_ANALYST, out, sizeof out);
	assert_string_equal(out, "admin,analyst");
	/* Network is a user's only role. */
	assert_int_equal(app_role_parse("network,analyst", &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "role");
	assert_non_null(strstr(e.msg, "only role"));
	assert_int_equal(r, 0u);
	assert_int_equal(app_role_parse("manager, network", &r, &e), DY_EINVAL);
	/* The operator is nobody's role. */
	assert_int_equal(app_role_parse("operator", &r, &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "network"));
	assert_int_equal(app_role_check(USER_OPERATOR, &e), DY_EINVAL);
	assert_int_equal(app_role_check(USER_NETWORK, &e), 0);
	/* Not one of the roles the team's routes let in. */
	assert_int_equal(USER_ANY & USER_NETWORK, 0u);
	assert_int_equal(USER_ROLES & USER_NETWORK, (unsigned)USER_NETWORK);
}

/* The referrals an activity report counts. */
static int64_t referrals(const struct app_activity *o)
{
	int64_t n = 0;
	for (size_t i = 0; i < o->n[REPORT_REFERRALS_BY_SOURCE_MONTH]; i++)
		n += o->c[REPORT_REFERRALS_BY_SOURCE_MONTH][i].n;
	return n;
}

static void scope(void **state)
{
	(void)state;
	struct app_fixture f;
	appfix_open(&f, "net.db", 0);
	struct app *a = &f.a;
	struct dy_err e;
	struct team b = {0}, c = {0};
	strcpy(b.code, "b");
	strcpy(b.name, "Team B");
	strcpy(c.code, "c");
	strcpy(c.name, "Team C");
	assert_int_equal(app_team_add(a, &b, &e), 0);
	assert_int_equal(app_team_add(a, &c, &e), 0);
	int64_t home = a->team_id;

	struct app_user u = {.id = 99, .name = "net", .roles = USER_NETWORK, .nteams = 2};
	u.team_ids[0] = home;
	u.team_ids[1] = b.id;
	app_act_as(a, &u, NULL);

	/* Figures: both its teams, counted together; or one of them. */
	struct store_teams t;
	assert_int_equal(app_scope_report_teams(a, NULL, &t, &e), 0);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.id[0], home);
	assert_int_equal(t.id[1], b.id);
	assert_int_equal(app_scope_report_teams(a, "b", &t, &e), 0);
	assert_int_equal(t.n, 1);
	assert_int_equal(t.id[0], b.id);
	/* A team not given to it, or none at all: "no such team" alike. */
	assert_int_equal(app_scope_report_teams(a, "c", &t, &e), DY_ENOTFOUND);
	assert_string_equal(e.field, "team");
	assert_int_equal(app_scope_report_teams(a, "nowhere", &t, &e), DY_ENOTFOUND);
	assert_string_equal(e.field, "team");
	assert_int_equal(app_scope_published_only(a), 1);

	/* Never a record, a list or the team's casework. */
	assert_int_equal(app_scope_family(a, f.family, SCOPE_IDENTITY, &e), DY_EFORBIDDEN);
	assert_int_equal(app_scope_record(a, SCOPE_OF_EPISODE, f.referral, SCOPE_CLINICAL, NULL, &e), DY_EFORBIDDEN);
	assert_int_equal(app_scope_record(a, SCOPE_OF_FAMILY, f.family, SCOPE_AUDIT, NULL, &e), DY_EFORBIDDEN);
	for (int n = SCOPE_IDENTITY; n <= SCOPE_AGGREGATE; n++) {
		assert_int_equal(app_scope_roles((enum scope_need)n) & USER_NETWORK, 0u);
		assert_int_equal(app_scope_team(a, (enum scope_need)n, &e), DY_EFORBIDDEN);
	}
	int64_t id = 0;
	assert_int_equal(app_family_add(a, &id, &e), DY_EFORBIDDEN);
	assert_int_equal(app_user_add(a, "x", "X", USER_ANALYST, NULL, "a long enough password", &id, &e),
	                 DY_EFORBIDDEN);

	/* A report through app/: answered, for its teams. */
	struct app_activity act;
	int32_t from, to;
	date_from_ymd(2026, 1, 1, &from);
	date_from_ymd(2026, 12, 31, &to);
	assert_int_equal(app_report_activity(a, from, to, NULL, &act, &e), 0);
	assert_int_equal(referrals(&act), 1); /* the fixture's referral, of its team */
	app_activity_free(&act);
	assert_int_equal(app_report_activity(a, from, to, "b", &act, &e), 0);
	assert_int_equal(referrals(&act), 0);
	app_activity_free(&act);
	assert_int_equal(app_report_activity(a, from, to, "c", &act, &e), DY_ENOTFOUND);
	app_activity_free(&act);

	/* Given no team: nothing. */
	u.nteams = 0;
	app_act_as(a, &u, NULL);
	assert_int_equal(app_scope_report_teams(a, NULL, &t, &e), DY_EFORBIDDEN);

	/* Any other role is as before: an analyst, the server's team only. */
	struct app_user an = {.id = 98, .name = "an", .roles = USER_ANALYST, .nteams = 1};
	an.team_ids[0] = home;
	app_act_as(a, &an, NULL);
	assert_int_equal(app_scope_report_teams(a, NULL, &t, &e), 0);
	assert_int_equal(t.n, 1);
	assert_int_equal(t.id[0], home);
	assert_int_equal(app_scope_report_teams(a, "b", &t, &e), DY_ENOTFOUND);
	app_act_as(a, NULL, NULL);
	app_close(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(role_parse),
	        cmocka_unit_test(scope),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
