/* Finding a family: every person of a demo team is found by NHS number, by
 * exact name, by their name with one letter wrong and by their name in
 * another case; accents and partial names are forgiven; nobody of another
 * team is found by a user of this one; name folding and the one-slip rule
 * hold on their own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_account.h"
#include "app/app_demo.h"
#include "app/app_family.h"
#include "app/app_search.h"
#include "app/app_transfer.h"
#include "core/name_key.h"
#include "store/store_family.h"
#include "testutil.h"
#include "util/date.h"

static struct app A;

static int setup(void **state)
{
	(void)state;
	struct dy_err e;
	assert_int_equal(app_open(&A, tu_db_url("f.db"), "tester", &e), 0);
	A.today = tu_date("2026-11-22");
	int created;
	assert_int_equal(app_init(&A, "t", "Team", &created, &e), 0);
	struct transfer_counts n;
	assert_int_equal(app_demo(&A, 200, 3, 1, &n, &e), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	app_close(&A);
	return 0;
}

struct look {
	int64_t want;
	int found;
	enum find_match how;
	int n;
};

static int seen(void *ctx, const struct search_hit *h, enum find_match m)
{
	struct look *l = ctx;
	l->n++;
	if (h->p.id == l->want) {
		l->found = 1;
		l->how = m;
	}
	return 0;
}

/* 1 when searching text finds person id (among all the hits). */
static int finds(const char *text, int64_t id, enum find_match *how)
{
	struct look l = {.want = id};
	int64_t total;
	struct dy_err e;
	assert_int_equal(app_find(&A, text, 0, 0, seen, &l, &total, &e), 0);
	assert_int_equal(total, l.n);
	if (how)
		*how = l.how;
	return l.found;
}

struct people {
	struct person *v;
	int n, cap;
};

static int collect(void *ctx, const struct person *p)
{
	struct people *pp = ctx;
	if (pp->n == pp->cap) {
		pp->cap = pp->cap ? 2 * pp->cap : 256;
		pp->v = realloc(pp->v, (size_t)pp->cap * sizeof *pp->v);
	}
	pp->v[pp->n++] = *p;
	return 0;
}

static void every_person_is_found(void **state)
{
	(void)state;
	struct people pp = {0};
	struct dy_err e;
	assert_int_equal(store_person_list(A.db, 0, collect, &pp, &e), 0);
	assert_true(pp.n > 400);
	/* Every person on SQLite; every fifth on PostgreSQL, where each search's
	 * audit entry is a round trip and a commit (minutes for all of them). */
	int step = tu_on_pg() ? 5 : 1;
	for (int i = 0; i < pp.n; i += step) {
		const struct person *p = &pp.v[i];
		char q[2 * NAME_BYTES + 8];
		enum find_match how;
		if (p->nhs_number[0]) {
			/* With the spaces people write, and without. */
			snprintf(q, sizeof q, "%.3s %.3s %.4s", p->nhs_number, p->nhs_number + 3, p->nhs_number + 6);
			assert_true(finds(q, p->id, &how));
			assert_int_equal(how, FIND_NHS);
			assert_true(finds(p->nhs_number, p->id, NULL));
		}
		snprintf(q, sizeof q, "%s %s", p->given_name, p->family_name);
		assert_true(finds(q, p->id, &how));
		assert_int_equal(how, FIND_EXACT);
		/* Another case. */
		for (char *c = q; *c; c++)
			*c = (char)toupper((unsigned char)*c);
		assert_true(finds(q, p->id, NULL));
		/* One letter of the family name wrong (the third, or the last of a short one). */
		snprintf(q, sizeof q, "%s %s", p->given_name, p->family_name);
		size_t at = strlen(p->given_name) + 1 + (strlen(p->family_name) > 4 ? 2 : strlen(p->family_name) - 1);
		q[at] = q[at] == 'x' ? 'y' : 'x';
		assert_true(finds(q, p->id, &how));
		assert_int_equal(how, FIND_SLIP);
		/* Two neighbouring letters swapped, and one left out, in the given name. */
		if (strlen(p->given_name) >= 4) {
			snprintf(q, sizeof q, "%s", p->given_name);
			char t = q[1];
			q[1] = q[2];
			q[2] = t;
			snprintf(q + strlen(q), sizeof q - strlen(q), " %s", p->family_name);
			assert_true(finds(q, p->id, NULL));
			snprintf(q, sizeof q, "%s %s", p->given_name + 1, p->family_name);
			assert_true(finds(q, p->id, NULL));
		}
		if (p->date_of_birth != DATE_NONE) {
			date_format(p->date_of_birth, q);
			assert_true(finds(q, p->id, &how));
			assert_int_equal(how, FIND_DOB);
		}
		if (p->postcode[0]) {
			snprintf(q, sizeof q, "%s", p->postcode);
			for (char *c = q; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			assert_true(finds(q, p->id, &how));
			assert_int_equal(how, FIND_POSTCODE);
		}
	}
	free(pp.v);
}

static void accents_partial_and_other_teams(void **state)
{
	(void)state;
	struct dy_err e;
	int64_t fam;
	assert_int_equal(app_family_add(&A, &fam, &e), 0);
	struct person p = {.family_id = fam, .role = "caregiver", .relationship = "mother", .given_name = "Zoë",
	                   .family_name = "Núñez-O'Brien", .date_of_birth = tu_date("1990-02-03"), .edd = DATE_NONE};
	assert_int_equal(app_person_add(&A, &p, &e), 0);
	enum find_match how;
	assert_true(finds("zoe nunez", p.id, &how));
	assert_int_equal(how, FIND_EXACT);
	assert_true(finds("ZOË O'BRIEN", p.id, NULL));
	assert_true(finds("Nún", p.id, &how));
	assert_int_equal(how, FIND_PARTIAL);
	assert_true(finds("03/02/1990", p.id, NULL));
	assert_false(finds("zoe smith", p.id, NULL));

	/* A family of another team: the operator finds them, its users only theirs. */
	struct team other = {.code = "other", .name = "Other team"};
	assert_int_equal(app_team_add(&A, &other, &e), 0);
	struct family f = {.team_id = other.id, .created_on = A.today};
	assert_int_equal(store_family_insert(A.db, &f, &e), 0);
	struct person q = {.family_id = f.id, .role = "caregiver", .relationship = "mother", .given_name = "Zoë",
	                   .family_name = "Núñez", .date_of_birth = tu_date("1990-02-03"), .edd = DATE_NONE,
	                   .nhs_number = "9434765919"};
	assert_int_equal(store_person_insert(A.db, &q, &e), 0);
	assert_true(finds("zoe nunez", q.id, NULL));
	struct app_user u = {.id = 5, .name = "cl", .roles = USER_CLINICIAN, .nteams = 1};
	u.team_ids[0] = A.team_id;
	app_act_as(&A, &u, "test");
	assert_true(finds("zoe nunez", p.id, NULL));
	assert_false(finds("zoe nunez", q.id, NULL));
	assert_false(finds("943 476 5919", q.id, NULL));
	assert_false(finds("1990-02-03", q.id, NULL));
	/* Analysts never search people. */
	u.roles = USER_ANALYST;
	app_act_as(&A, &u, "test");
	struct look l = {0};
	int64_t total;
	assert_int_equal(app_find(&A, "zoe", 0, 0, seen, &l, &total, &e), DY_EFORBIDDEN);
	app_act_as(&A, NULL, NULL);
}

static void folding_and_slips(void **state)
{
	(void)state;
	char w[NAME_WORDS_MAX][NAME_WORD_MAX];
	int n = name_words("  Zoë  O'Brien-NÚÑEZ ", w, NAME_WORDS_MAX);
	assert_int_equal(n, 4);
	assert_string_equal(w[0], "zoe");
	assert_string_equal(w[1], "o");
	assert_string_equal(w[2], "brien");
	assert_string_equal(w[3], "nunez");
	assert_true(name_one_slip("ashdown", "ashdown"));
	assert_true(name_one_slip("ashdown", "ashdwn"));
	assert_true(name_one_slip("ashdown", "ashdowns"));
	assert_true(name_one_slip("ashdown", "asxdown"));
	assert_true(name_one_slip("ashdown", "ashodwn"));
	assert_false(name_one_slip("ashdown", "asxdowx"));
	assert_false(name_one_slip("ashdown", "ashdo"));
	assert_false(name_one_slip("ab", "ba c"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(folding_and_slips),
		cmocka_unit_test(every_person_is_found),
		cmocka_unit_test(accents_partial_and_other_teams),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
