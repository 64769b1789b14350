/* Case notes: a signed note can't be changed through any path (app, store,
 * SQL, CSV import); an addendum and entered-in-error keep the original;
 * drafts belong to their author; roles without clinical access never read
 * or write notes; notes round-trip through CSV byte for byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_alerts.h"
#include "app/app_episode.h"
#include "app/app_family.h"
#include "app/app_note.h"
#include "app/app_transfer.h"
#include "appfix.h"
#include "testutil.h"
#include "util/date.h"


/* A folder of the test's own for files it writes. */
static char dir[600];

static int setup(void **state)
{
	static struct app_fixture f;
	appfix_open(&f, "a.db", 0);
	snprintf(dir, sizeof dir, "%s", tu_tempdir());
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct app_fixture *f = *state;
	app_close(&f->a);
	return 0;
}

static int64_t add(struct app_fixture *f, const char *kind, const char *text, int sign)
{
	struct note n;
	memset(&n, 0, sizeof n);
	n.episode_id = f->referral;
	snprintf(n.kind, sizeof n.kind, "%s", kind);
	n.text = text;
	struct dy_err e;
	assert_int_equal(app_note_add(&f->a, &n, sign, &e), 0);
	assert_true(n.id > 0);
	return n.id;
}

/* The text of note id as stored, read past every rule (for checking). */
static char *stored_text(struct app_fixture *f, int64_t id)
{
	struct note n;
	char *buf = malloc(NOTE_TEXT_BYTES + 1);
	struct dy_err e;
	assert_int_equal(store_note_get(f->a.db, id, &n, buf, NOTE_TEXT_BYTES + 1, &e), 0);
	return buf;
}

struct seen {
	int64_t ids[16];
	int n;
};

static int collect(void *ctx, const struct note *n)
{
	struct seen *s = ctx;
	if (s->n < 16)
		s->ids[s->n++] = n->id;
	return 0;
}

static struct seen list(struct app_fixture *f, int all)
{
	struct seen s = {.n = 0};
	struct dy_err e;
	assert_int_equal(app_note_list(&f->a, f->referral, all, collect, &s, &e), 0);
	return s;
}

static void signed_note_cannot_change_by_any_path(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	int64_t id = add(f, "contact", "Home visit: Bo settled on Ann's lap.", 0);
	/* A draft may change, by its author. */
	assert_int_equal(app_note_edit(&f->a, id, NULL, "Home visit: Bo settled quickly on Ann's lap.", &e), 0);
	assert_int_equal(app_note_sign(&f->a, id, &e), 0);
	/* Through the app: neither edit nor a second signature. */
	assert_int_equal(app_note_edit(&f->a, id, NULL, "changed", &e), DY_ECONFLICT);
	assert_int_equal(app_note_sign(&f->a, id, &e), DY_ECONFLICT);
	/* Through store/: the draft update finds no draft. */
	assert_int_equal(store_note_update_draft(f->a.db, id, "contact", "changed", &e), DY_ECONFLICT);
	/* Through SQL itself: the database refuses an update or a delete. */
	assert_int_not_equal(db_exec(f->a.db, "UPDATE note SET text = 'changed'", &e), 0);
	assert_int_not_equal(db_exec(f->a.db, "UPDATE note SET signed_at = NULL", &e), 0);
	assert_int_not_equal(db_exec(f->a.db, "DELETE FROM note", &e), 0);
	char *t = stored_text(f, id);
	assert_string_equal(t, "Home visit: Bo settled quickly on Ann's lap.");
	free(t);

	/* Through a CSV import: a row with the note's id is refused whole. */
	char in[700];
	snprintf(in, sizeof in, "%s/csv", dir);
	char mk[800];
	snprintf(mk, sizeof mk, "mkdir -p '%s'", in);
	assert_int_equal(system(mk), 0);
	char row[600];
	snprintf(row, sizeof row,
	         "note_id,referral_id,contact_id,kind,author,written_at,text,signed_at,addendum_to,error_reason,"
	         "error_by,error_at\r\n%lld,%lld,,contact,x,2026-05-01T10:00:00Z,changed,2026-05-01T10:00:00Z,,,,\r\n",
	         (long long)id, (long long)f->referral);
	tu_write_file(in, "notes.csv", row);
	tu_write_file(in, "people.csv",
	              "person_id,family_id,role,relationship,nhs_number,given_name,family_name,date_of_birth,edd,sex,"
	              "ethnicity,postcode,imd_decile\r\n");
	struct transfer_counts n;
	assert_int_equal(app_import(&f->a, in, &n, &e), DY_ECONFLICT);
	assert_non_null(strstr(e.where, "notes.csv"));
	t = stored_text(f, id);
	assert_string_equal(t, "Home visit: Bo settled quickly on Ann's lap.");
	free(t);
}

static void addendum_and_error_keep_the_original(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	int64_t id = add(f, "safeguarding", "Bruise on Bo's arm seen; discussed with Ann.", 1);
	int64_t draft = add(f, "other", "Not yet finished.", 0);
	/* A draft takes no addendum and can't be entered in error. */
	int64_t add_id = 0;
	assert_int_equal(app_note_addendum(&f->a, draft, "more", &add_id, &e), DY_ECONFLICT);
	assert_int_equal(app_note_error(&f->a, draft, "wrong", &e), DY_ECONFLICT);
	assert_int_equal(app_note_addendum(&f->a, id, "Social worker informed the same day.", &add_id, &e), 0);
	struct note n;
	char buf[200];
	assert_int_equal(app_note_get(&f->a, add_id, &n, buf, sizeof buf, &e), 0);
	assert_int_equal(n.addendum_to, id);
	assert_true(n.signed_at[0] != '\0');
	assert_string_equal(n.kind, "safeguarding");
	char *t = stored_text(f, id);
	assert_string_equal(t, "Bruise on Bo's arm seen; discussed with Ann.");
	free(t);
	/* The family's views flag the signed safeguarding notes. */
	struct family_alerts al;
	assert_int_equal(app_family_alerts(&f->a, f->family, &al, &e), 0);
	assert_int_equal(al.nsafeguarding_notes, 2);

	/* Entered in error needs a reason; then hidden by default, kept, shown with all. */
	assert_int_equal(app_note_error(&f->a, id, "  ", &e), DY_EINVAL);
	assert_string_equal(e.field, "reason");
	assert_int_equal(app_note_error(&f->a, id, "Written on the wrong family's record", &e), 0);
	assert_int_equal(app_note_error(&f->a, id, "again", &e), DY_ECONFLICT);
	struct seen s = list(f, 0);
	for (int i = 0; i < s.n; i++)
		assert_int_not_equal(s.ids[i], id);
	s = list(f, 1);
	int found = 0;
	for (int i = 0; i < s.n; i++)
		found |= s.ids[i] == id;
	assert_true(found);
	t = stored_text(f, id);
	assert_string_equal(t, "Bruise on Bo's arm seen; discussed with Ann.");
	free(t);
	assert_int_equal(app_family_alerts(&f->a, f->family, &al, &e), 0);
	assert_int_equal(al.nsafeguarding_notes, 1);
	/* No addendum to a note entered in error. */
	assert_int_equal(app_note_addendum(&f->a, id, "more", &add_id, &e), DY_ECONFLICT);
}

static void bad_notes_are_refused(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	struct note n;
	memset(&n, 0, sizeof n);
	n.episode_id = f->referral;
	strcpy(n.kind, "gossip");
	n.text = "x";
	assert_int_equal(app_note_add(&f->a, &n, 0, &e), DY_EINVAL);
	assert_string_equal(e.field, "kind");
	strcpy(n.kind, "telephone");
	n.text = " \n ";
	assert_int_equal(app_note_add(&f->a, &n, 0, &e), DY_EINVAL);
	assert_string_equal(e.field, "text");
	/* 20,000 characters are allowed (here 2-byte ones), one more is not. */
	char *big = malloc(2 * NOTE_TEXT_CHARS + 3);
	for (int i = 0; i < NOTE_TEXT_CHARS; i++)
		memcpy(big + 2 * i, "\xc3\xa9", 2);
	big[2 * NOTE_TEXT_CHARS] = '\0';
	n.text = big;
	assert_int_equal(app_note_add(&f->a, &n, 1, &e), 0);
	memcpy(big + 2 * NOTE_TEXT_CHARS, "e", 2);
	n.text = big;
	assert_int_equal(app_note_add(&f->a, &n, 1, &e), DY_EINVAL);
	assert_string_equal(e.field, "text");
	/* The message never quotes the text. */
	assert_null(strstr(e.msg, "\xc3\xa9"));
	free(big);
	/* A contact of another referral (or none) is refused. */
	n.text = "call";
	n.contact_id = 999;
	assert_int_equal(app_note_add(&f->a, &n, 0, &e), DY_EINVAL);
	assert_string_equal(e.field, "contact");
	/* An unknown referral. */
	n.contact_id = 0;
	n.episode_id = 999;
	assert_int_equal(app_note_add(&f->a, &n, 0, &e), DY_ENOTFOUND);
}

static void roles_and_authors(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	int64_t mine = add(f, "contact", "Operator's draft.", 0);
	int64_t done = add(f, "contact", "Signed.", 1);
	struct app_user u = {.id = 7, .name = "sam", .roles = USER_CLINICIAN, .nteams = 1};
	u.team_ids[0] = f->a.team_id;
	app_act_as(&f->a, &u, "test");
	/* Another author's draft: not listed, not signed, not read. */
	struct seen s = list(f, 1);
	for (int i = 0; i < s.n; i++)
		assert_int_not_equal(s.ids[i], mine);
	assert_int_equal(app_note_sign(&f->a, mine, &e), DY_ECONFLICT);
	assert_int_equal(app_note_edit(&f->a, mine, NULL, "x", &e), DY_ECONFLICT);
	struct note n;
	char buf[100];
	assert_int_equal(app_note_get(&f->a, mine, &n, buf, sizeof buf, &e), DY_ENOTFOUND);
	/* A clinician may add an addendum to another's signed note. */
	int64_t add_id;
	assert_int_equal(app_note_addendum(&f->a, done, "Seen by me too.", &add_id, &e), 0);
	/* Admin staff and analysts never read or write notes. */
	unsigned denied[] = {USER_ADMIN_STAFF, USER_ANALYST, USER_ADMIN};
	for (size_t i = 0; i < sizeof denied / sizeof denied[0]; i++) {
		u.roles = denied[i];
		app_act_as(&f->a, &u, "test");
		struct seen t = {.n = 0};
		assert_int_equal(app_note_list(&f->a, f->referral, 0, collect, &t, &e), DY_EFORBIDDEN);
		assert_int_equal(t.n, 0);
		assert_int_equal(app_note_get(&f->a, done, &n, buf, sizeof buf, &e), DY_EFORBIDDEN);
		assert_int_equal(app_note_addendum(&f->a, done, "x", &add_id, &e), DY_EFORBIDDEN);
		memset(&n, 0, sizeof n);
		n.episode_id = f->referral;
		strcpy(n.kind, "other");
		n.text = "x";
		assert_int_equal(app_note_add(&f->a, &n, 0, &e), DY_EFORBIDDEN);
		struct family_alerts al;
		if (denied[i] == USER_ADMIN_STAFF) {
			assert_int_equal(app_family_alerts(&f->a, f->family, &al, &e), 0);
			assert_int_equal(al.nsafeguarding_notes, 0);
		}
	}
	/* A clinician of another team: the notes do not exist for them. */
	u.roles = USER_CLINICIAN;
	u.team_ids[0] = f->a.team_id + 100;
	app_act_as(&f->a, &u, "test");
	assert_int_equal(app_note_get(&f->a, done, &n, buf, sizeof buf, &e), DY_ENOTFOUND);
	assert_int_equal(app_note_list(&f->a, f->referral, 0, collect, &s, &e), DY_ENOTFOUND);
}

static void notes_round_trip_through_csv(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	int64_t id = add(f, "assessment_formulation", "Line one, \"quoted\"\n-second line =1+1\n'apostrophe", 1);
	int64_t add_id;
	assert_int_equal(app_note_addendum(&f->a, id, "@later", &add_id, &e), 0);
	assert_int_equal(app_note_error(&f->a, add_id, "duplicate", &e), 0);
	add(f, "telephone", "draft", 0);
	char x1[700], x2[700], db2[700];
	snprintf(x1, sizeof x1, "%s/x1", dir);
	snprintf(x2, sizeof x2, "%s/x2", dir);
	snprintf(db2, sizeof db2, "%s/b.db", dir);
	struct transfer_counts n;
	assert_int_equal(app_export(&f->a, x1, 0, &n, &e), 0);
	assert_int_equal(n.notes, 3);
	struct app b;
	assert_int_equal(app_open(&b, db2, "tester", &e), 0);
	assert_int_equal(app_import(&b, x1, &n, &e), 0);
	assert_int_equal(n.notes, 3);
	assert_int_equal(app_export(&b, x2, 0, &n, &e), 0);
	char p1[800], p2[800];
	snprintf(p1, sizeof p1, "%s/notes.csv", x1);
	snprintf(p2, sizeof p2, "%s/notes.csv", x2);
	char *s1 = tu_read_file(p1), *s2 = tu_read_file(p2);
	assert_non_null(s1);
	assert_non_null(s2);
	assert_string_equal(s1, s2);
	assert_non_null(strstr(s1, "-second line"));
	free(s1);
	free(s2);
	/* The imported signed note is as fixed as any. */
	assert_int_not_equal(db_exec(b.db, "UPDATE note SET text = 'x'", &e), 0);
	app_close(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(signed_note_cannot_change_by_any_path, setup, teardown),
		cmocka_unit_test_setup_teardown(addendum_and_error_keep_the_original, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_notes_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(roles_and_authors, setup, teardown),
		cmocka_unit_test_setup_teardown(notes_round_trip_through_csv, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
