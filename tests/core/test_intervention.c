/* The intervention catalogue: the shipped file loads; a contact takes the
 * team's own entries; bad files are refused whole with the
 * line, field and reason; the completion rule at its boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_files.h"
#include "core/intervention.h"

static const char *const good =
	"# a team's own catalogue\n"
	"[intervention circle_of_security]\n"
	"name = Circle of Security Parenting\n"
	"mode = group\n"
	"planned_sessions = 8\n"
	"completion_min_sessions = 6   # the team's rule\n"
	"\n"
	"[intervention our_walk_and_talk]\n"
	"name = Walk and talk\n"
	"mode = individual\n"
	"\n"
	"[intervention mtb]\n"
	"name = Minding the Baby\n"
	"mode = home_visiting\n"
	"planned_span_weeks = 116\n"
	"visit_every_days = 7\n"
	"nice = none\n"
	"verified = yes\n";

static void parses_a_teams_own_catalogue(void **state)
{
	struct intervention_catalogue c;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(intervention_parse(good, strlen(good), &c, &e), 0);
	assert_int_equal(c.n, 3);
	const struct intervention_def *cos = intervention_find(&c, "circle_of_security");
	assert_non_null(cos);
	assert_int_equal(cos->mode, INTERVENTION_GROUP);
	assert_int_equal(cos->planned_sessions, 8);
	assert_int_equal(cos->completion_min_sessions, 6);
	const struct intervention_def *own = intervention_find(&c, "our_walk_and_talk");
	assert_non_null(own);
	assert_string_equal(own->name, "Walk and talk");
	assert_int_equal(own->planned_sessions, 0);
	const struct intervention_def *mtb = intervention_find(&c, "mtb");
	assert_int_equal(mtb->visit_every_days, 7);
	assert_int_equal(mtb->verified, 1);
	assert_null(intervention_find(&c, "vipp_sd"));
	intervention_catalogue_free(&c);
}

/* Six of eight counts as completing Circle of Security here, five does not;
 * with no rule given, all planned sessions are needed. */
static void completion_rule_at_its_boundary(void **state)
{
	struct intervention_catalogue c;
	struct dy_err e;
	assert_int_equal(intervention_parse(good, strlen(good), &c, &e), 0);
	const struct intervention_def *cos = intervention_find(&c, "circle_of_security");
	assert_int_equal(intervention_completed(cos, 5), 0);
	assert_int_equal(intervention_completed(cos, 6), 1);
	assert_int_equal(intervention_completed(cos, 8), 1);
	assert_int_equal(intervention_completed(intervention_find(&c, "our_walk_and_talk"), 40), 0);
	intervention_catalogue_free(&c);
	const char *all = "[intervention x]\nname = X\nmode = group\nplanned_sessions = 4\n";
	assert_int_equal(intervention_parse(all, strlen(all), &c, &e), 0);
	assert_int_equal(intervention_completed(&c.defs[0], 3), 0);
	assert_int_equal(intervention_completed(&c.defs[0], 4), 1);
	intervention_catalogue_free(&c);
}

struct bad {
	const char *text;
	const char *where; /* "line N" */
	const char *field;
	const char *reason; /* a piece of the message */
};

static void refuses_bad_files_with_line_field_and_reason(void **state)
{
	static const struct bad cases[] = {
		{"[intervention a]\nname = A\nmode = grp\n", "line 3", "mode", "individual, dyadic, group or home_visiting"},
		{"[intervention a]\nmode = group\n", "line 1", "name", "has no name"},
		{"[intervention a]\nname = A\n", "line 1", "mode", "has no mode"},
		{"[intervention A-1]\nname = A\nmode = group\n", "line 1", "section", "lower-case"},
		{"[programme a]\n", "line 1", "section", "not a known section"},
		{"[intervention a]\nname = A\nmode = group\nplanned_sessions = eight\n", "line 4", "planned_sessions",
		 "whole number"},
		{"[intervention a]\nname = A\nmode = group\nplanned_sessions = 0\n", "line 4", "planned_sessions", "from 1"},
		{"[intervention a]\nname = A\nmode = group\nplanned_sessions = 8\ncompletion_min_sessions = 9\n", "line 1",
		 "completion_min_sessions", "more than planned_sessions"},
		{"[intervention a]\nname = A\nmode = group\ncompletion_min_sessions = 2\n", "line 1",
		 "completion_min_sessions", "no planned_sessions"},
		{"[intervention a]\nname = A\nmode = group\nvisit_every_days = 7\n", "line 1", "visit_every_days",
		 "home_visiting"},
		{"[intervention a]\nname = A\nname = B\nmode = group\n", "line 3", "name", "set twice"},
		{"[intervention a]\nname = A\nmode = home_visiting\nends_at_age_months = 0\n", "line 4",
		 "ends_at_age_months", "from 1"},
		{"[intervention a]\nname = A\nmode = home_visiting\nends_at_age_months = 61\n", "line 4",
		 "ends_at_age_months", "to 60"},
		{"[intervention a]\nname = A\nmode = group\ncolour = red\n", "line 4", "key", "not a known key"},
		{"name = A\n", "line 1", "name", "before the first"},
		{"[intervention a]\nname = A\nmode = group\n[intervention a]\nname = A\nmode = group\n", "line 4", "section",
		 "appears twice"},
		{"[intervention a]\nname = A\nmode = group\nverified = maybe\n", "line 4", "verified", "yes or no"},
		{"[intervention a\n", "line 1", "section", "end with ']'"},
		{"# nothing\n", "line 1", "catalogue", "no [intervention"},
		{"[intervention a]\nname\nmode = group\n", "line 2", "", "key = value"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct intervention_catalogue c;
		struct dy_err e;
		dy_err_clear(&e);
		int rc = intervention_parse(cases[i].text, strlen(cases[i].text), &c, &e);
		if (rc != DY_EINVAL || strcmp(e.where, cases[i].where) != 0 || strcmp(e.field, cases[i].field) != 0 ||
		    !strstr(e.msg, cases[i].reason))
			fail_msg("case %zu: rc %d, where '%s', field '%s', msg '%s'", i, rc, e.where, e.field, e.msg);
		assert_int_equal(c.n, 0);
		intervention_catalogue_free(&c);
	}
}

static void refuses_a_line_too_long(void **state)
{
	char *text = malloc(INTERVENTION_MAX_LINE + 64);
	int n = snprintf(text, 64, "[intervention a]\nname = ");
	memset(text + n, 'x', INTERVENTION_MAX_LINE);
	strcpy(text + n + INTERVENTION_MAX_LINE, "\n");
	struct intervention_catalogue c;
	struct dy_err e;
	assert_int_equal(intervention_parse(text, strlen(text), &c, &e), DY_EINVAL);
	assert_string_equal(e.where, "line 2");
	free(text);
}

/* The shipped file loads with the programmes DOMAIN.md names and their
 * usual shape. */
static void shipped_catalogue_loads(void **state)
{
	struct intervention_catalogue c;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = intervention_load_file(DYAD_SOURCE_DIR "/config/interventions.ini", &c, &e);
	if (rc)
		fail_msg("shipped catalogue: %s %s %s", e.where, e.field, e.msg);
	static const char *const named[] = {"parent_infant_psychotherapy", "video_interaction_guidance",
	                                    "circle_of_security", "baby_steps", "minding_the_baby", "other"};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (!intervention_find(&c, named[i]))
			fail_msg("%s is not in config/interventions.ini", named[i]);
	const struct intervention_def *cos = intervention_find(&c, "circle_of_security");
	assert_int_equal(cos->planned_sessions, 8);
	assert_int_equal(intervention_find(&c, "baby_steps")->planned_sessions, 11);
	assert_int_equal(intervention_find(&c, "minding_the_baby")->mode, INTERVENTION_HOME_VISITING);
	intervention_catalogue_free(&c);
}

static void load_file_names_the_file(void **state)
{
	struct intervention_catalogue c;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(intervention_load_file("/nonexistent/interventions.ini", &c, &e), DY_ENOTFOUND);
	assert_string_equal(e.field, "intervention catalogue");
}

/* A contact records the team's own catalogue entry (no code change), and
 * is refused an intervention the catalogue lacks, one on a kind of contact
 * that has none, and a non-group programme on a group contact. */
static void a_contact_takes_the_teams_own_intervention(void **state)
{
	struct intervention_catalogue c;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(intervention_parse(good, strlen(good), &c, &e), 0);
	assert_int_equal(intervention_contact_check(&c, "intervention", "our_walk_and_talk", &e), 0);
	assert_int_equal(intervention_contact_check(&c, "group", "circle_of_security", &e), 0);
	/* a group programme's home visit is an intervention contact */
	assert_int_equal(intervention_contact_check(&c, "intervention", "circle_of_security", &e), 0);
	assert_int_equal(intervention_contact_check(&c, "review", "", &e), 0);

	assert_int_equal(intervention_contact_check(&c, "intervention", "", &e), DY_EINVAL);
	assert_string_equal(e.field, "intervention");
	assert_non_null(strstr(e.msg, "required"));
	/* shipped, but not in this team's catalogue */
	assert_int_equal(intervention_contact_check(&c, "intervention", "baby_massage", &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "baby_massage is not in the team's intervention catalogue"));
	/* a code that is not even of the right form is not quoted back */
	assert_int_equal(intervention_contact_check(&c, "intervention", "<b>x</b>", &e), DY_EINVAL);
	assert_null(strstr(e.msg, "<b>"));
	assert_int_equal(intervention_contact_check(&c, "review", "our_walk_and_talk", &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "only on an intervention or group contact"));
	assert_int_equal(intervention_contact_check(&c, "group", "our_walk_and_talk", &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "not a group programme"));
	intervention_catalogue_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_a_teams_own_catalogue),
		cmocka_unit_test(completion_rule_at_its_boundary),
		cmocka_unit_test(refuses_bad_files_with_line_field_and_reason),
		cmocka_unit_test(refuses_a_line_too_long),
		cmocka_unit_test(shipped_catalogue_loads),
		cmocka_unit_test(a_contact_takes_the_teams_own_intervention),
		cmocka_unit_test(load_file_names_the_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
