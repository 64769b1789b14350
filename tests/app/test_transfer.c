/* CSV import and export: byte-identical round trip of a demo team, and
 * all-or-nothing refusal of bad files naming file, line and column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_appointment.h"
#include "app/app_demo.h"
#include "app/app_export_read.h"
#include "app/app_transfer.h"
#include "store/store_summary.h"
#include "util/date.h"
#include "testutil.h"

/* A new database on the store under test (dir holds the test's files). */
static void open_new(struct app *a, const char *dir)
{
	(void)dir;
	struct dy_err e;
	assert_int_equal(app_open(a, tu_db_url("team.db"), "test", &e), 0);
	int created;
	assert_int_equal(app_init(a, "t", "Test team", &created, &e), 0);
}

static const char *files[] = {"practitioners.csv", "people.csv", "referrals.csv", "contacts.csv",
                              "safeguarding.csv", "outcomes.csv", "measures.csv", "appointments.csv"};

/* The first two open referrals of the demo (accepted, not discharged). */
struct open_refs {
	struct episode ep[2];
	int n;
};

static int pick_open(void *ctx, const struct episode *ep, const struct pathway_referral *p)
{
	(void)p;
	struct open_refs *o = ctx;
	if (o->n < 2 && ep->discharged_on == DATE_NONE && strcmp(ep->decision, "accepted") == 0)
		o->ep[o->n++] = *ep;
	return 0;
}

static int64_t book(struct app *a, const struct episode *ep, int32_t day, int start, int with_attendee)
{
	struct appointment ap;
	struct dy_err e;
	memset(&ap, 0, sizeof ap);
	ap.episode_id = ep->id;
	ap.date = day;
	ap.start_min = start;
	ap.duration_min = 45;
	strcpy(ap.kind, "assessment");
	strcpy(ap.location, "home");
	ap.practitioners[ap.n_practitioners++] = 1;
	if (with_attendee)
		ap.attendees[ap.n_attendees++] = ep->caregiver_id;
	assert_int_equal(app_appointment_book(a, &ap, NULL, &e), 0);
	return ap.id;
}

/* Appointments in every state: attended and did not attend (each a
 * contact), cancelled by the family ahead of the day (no contact) and by
 * the service on the day (a contact), moved to an earlier day (the new
 * booking before the old in the file), and still booked. */
static void add_appointments(struct app *a)
{
	struct open_refs o = {.n = 0};
	struct dy_err e;
	assert_int_equal(store_pathway_referral_list(a->db, pick_open, &o, &e), 0);
	assert_int_equal(o.n, 2);
	int32_t t = a->today;
	int64_t att = book(a, &o.ep[0], t + 1, 9 * 60, 1), dna = book(a, &o.ep[0], t + 2, 10 * 60, 0);
	int64_t fam = book(a, &o.ep[1], t + 3, 11 * 60, 1), svc = book(a, &o.ep[1], t + 3, 14 * 60, 0);
	int64_t old = book(a, &o.ep[0], t + 9, 15 * 60, 1), moved = 0, contact = 0;
	book(a, &o.ep[1], t + 20, 16 * 60 + 30, 1);
	assert_int_equal(app_appointment_outcome(a, fam, "cancelled_by_family", &contact, &e), 0);
	assert_int_equal(contact, 0);
	assert_int_equal(app_appointment_reschedule(a, old, t + 4, 8 * 60, 30, &moved, &e), 0);
	a->today = t + 1;
	assert_int_equal(app_appointment_outcome(a, att, "attended", &contact, &e), 0);
	assert_true(contact > 0);
	a->today = t + 3;
	assert_int_equal(app_appointment_outcome(a, dna, "did_not_attend", &contact, &e), 0);
	assert_int_equal(app_appointment_outcome(a, svc, "cancelled_by_service", &contact, &e), 0);
	assert_true(contact > 0);
	a->today = t;
}

static void round_trip_is_byte_identical(void **state)
{
	(void)state;
	char d1[600], d2[600], x1[700], x2[700];
	snprintf(d1, sizeof d1, "%s", tu_tempdir());
	snprintf(d2, sizeof d2, "%s", tu_tempdir());
	struct app a, b;
	struct dy_err e;
	struct transfer_counts n1, n2, n3;
	open_new(&a, d1);
	assert_int_equal(app_demo(&a, 200, 42, 1, &n1, &e) /* into the team open_new made */, 0);
	assert_int_equal(n1.families, 200);
	assert_true(n1.contacts > 1000);
	add_appointments(&a);
	snprintf(x1, sizeof x1, "%s/export", d1);
	assert_int_equal(app_export(&a, x1, 0, &n2, &e), 0);
	assert_int_equal(n2.people, n1.people);
	assert_int_equal(n2.contacts, n1.contacts + 3);
	assert_int_equal(n2.appointments, 7);

	open_new(&b, d2);
	assert_int_equal(app_import(&b, x1, &n3, &e), 0);
	assert_int_equal(n3.families, 200);
	assert_int_equal(n3.people, n1.people);
	assert_int_equal(n3.measures, n1.measures);
	assert_int_equal(n3.appointments, 7);
	snprintf(x2, sizeof x2, "%s/export", d2);
	assert_int_equal(app_export(&b, x2, 0, &n2, &e), 0);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char p1[800], p2[800];
		snprintf(p1, sizeof p1, "%s/%s", x1, files[i]);
		snprintf(p2, sizeof p2, "%s/%s", x2, files[i]);
		char *s1 = tu_read_file(p1), *s2 = tu_read_file(p2);
		assert_non_null(s1);
		assert_non_null(s2);
		assert_string_equal(s1, s2);
		free(s1);
		free(s2);
	}

	/* Importing the same files again names the duplicate key. */
	dy_err_clear(&e);
	assert_int_equal(app_import(&b, x1, &n3, &e), DY_ECONFLICT);
	assert_string_equal(e.where, "practitioners.csv line 2");
	assert_string_equal(e.field, "practitioner_id");
	assert_non_null(strstr(e.msg, "already exists"));
	app_close(&a);
	app_close(&b);
}

#define PEOPLE_HEADER \
	"person_id,family_id,role,relationship,nhs_number,given_name,family_name,date_of_birth,edd,sex,ethnicity,postcode,imd_decile\n"
#define REF_HEADER \
	"referral_id,family_id,infant_id,caregiver_id,received_on,source,decision,decided_on,discharged_on,discharge_reason\n"
#define CONTACT_HEADER "contact_id,referral_id,date,kind,intervention,location,attendance,duration_min\n"

static const char good_people[] = PEOPLE_HEADER
	"1,1,caregiver,mother,9434765919,Ann,Example,1995-03-04,,female,A,NG7 2UH,2\n"
	"2,1,infant,,,Bee,Example,2026-01-05,,female,A,ng72uh,2\n";
static const char good_refs[] = REF_HEADER "1,1,2,1,2026-02-01,health_visitor,accepted,2026-02-03,,\n";

struct bad_case {
	const char *name;
	const char *people, *refs, *contacts;
	int code;
	const char *where, *field, *msg;
};

static const struct bad_case cases[] = {
	{"bad NHS number", PEOPLE_HEADER
	 "1,1,caregiver,mother,9434765919,Ann,Example,1995-03-04,,female,A,NG7 2UH,2\n"
	 "2,1,infant,,9434765918,Bee,Example,2026-01-05,,female,A,NG7 2UH,2\n",
	 NULL, NULL, DY_EINVAL, "people.csv line 3", "nhs_number", "check digit"},
	{"future birth", PEOPLE_HEADER "1,1,infant,,,Bee,Example,2099-01-05,,female,A,NG7 2UH,2\n", NULL, NULL,
	 DY_EINVAL, "people.csv line 2", "date_of_birth", "future"},
	{"impossible date", PEOPLE_HEADER "1,1,infant,,,Bee,Example,2025-02-30,,female,A,NG7 2UH,2\n", NULL, NULL,
	 DY_EINVAL, "people.csv line 2", "date_of_birth", "YYYY-MM-DD"},
	{"bad postcode", PEOPLE_HEADER "1,1,infant,,,Bee,Example,2025-02-03,,female,A,NOTAPOSTCODE,2\n", NULL, NULL,
	 DY_EINVAL, "people.csv line 2", "postcode", "UK postcode"},
	{"missing column", "person_id,family_id,role,relationship,nhs_number,family_name,date_of_birth,edd,sex,ethnicity,postcode,imd_decile\n",
	 NULL, NULL, DY_EINVAL, "people.csv line 1", "given_name", "missing"},
	{"short row", PEOPLE_HEADER "1,1,infant,,,Bee,Example\n", NULL, NULL, DY_EINVAL, "people.csv line 2", "",
	 "13"},
	{"bad id", PEOPLE_HEADER "x1,1,infant,,,Bee,Example,2025-02-03,,female,A,,\n", NULL, NULL, DY_EINVAL,
	 "people.csv line 2", "person_id", "positive whole number"},
	{"duplicate id", PEOPLE_HEADER "1,1,infant,,,Bee,Example,2025-02-03,,female,A,,\n"
	 "1,1,infant,,,Cee,Example,2025-02-03,,female,A,,\n", NULL, NULL, DY_ECONFLICT, "people.csv line 3",
	 "person_id", "already exists"},
	{"infant not in family", good_people, REF_HEADER "1,1,1,,2026-02-01,gp,accepted,2026-02-03,,\n", NULL,
	 DY_EINVAL, "referrals.csv line 2", "infant_id", "not an infant"},
	{"unknown source", good_people, REF_HEADER "1,1,2,1,2026-02-01,police,accepted,2026-02-03,,\n", NULL,
	 DY_EINVAL, "referrals.csv line 2", "source", "is not one of"},
	{"discharge before referral", good_people,
	 REF_HEADER "1,1,2,1,2026-02-01,gp,accepted,2026-02-03,2026-01-01,planned_ending\n", NULL, DY_EINVAL,
	 "referrals.csv line 2", "discharged_on", "before"},
	{"contact before referral", good_people, good_refs,
	 CONTACT_HEADER "1,1,2026-02-10,assessment,,home,attended,60\n2,1,2026-01-10,assessment,,home,attended,60\n",
	 DY_EINVAL, "contacts.csv line 3", "date", "before the referral"},
	{"repeated contact id", good_people, good_refs,
	 CONTACT_HEADER "7,1,2026-02-10,assessment,,home,attended,60\n7,1,2026-02-11,assessment,,home,attended,60\n",
	 DY_ECONFLICT, "contacts.csv line 3", "contact_id", "7 already exists"},
	{"contact for unknown referral", good_people, good_refs,
	 CONTACT_HEADER "1,9,2026-02-10,assessment,,home,attended,60\n", DY_EINVAL, "contacts.csv line 2",
	 "referral_id", "does not exist"},
	{"unknown practitioner", good_people, good_refs,
	 "contact_id,referral_id,date,kind,intervention,location,attendance,duration_min,practitioner_ids\n"
	 "1,1,2026-02-10,assessment,,home,attended,60,4\n",
	 DY_EINVAL, "contacts.csv line 2", "practitioner_ids", "practitioner 4 does not exist"},
	{"unclosed quote", good_people, good_refs, CONTACT_HEADER "1,1,\"2026-02-10,assessment,,home,attended,60\n",
	 DY_EINVAL, "contacts.csv line 2", "", "not closed"},
};

static int64_t people_count(struct app *a)
{
	struct store_counts c;
	struct dy_err e;
	assert_int_equal(store_counts(a->db, &c, &e), 0);
	return c.people + c.referrals + c.contacts + c.families;
}

static void bad_files_are_refused_whole(void **state)
{
	(void)state;
	char root[600];
	snprintf(root, sizeof root, "%s", tu_tempdir());
	struct app a;
	open_new(&a, root);
	/* Some data already there: a failed import must leave it exactly so. */
	char ok[700];
	snprintf(ok, sizeof ok, "%s", tu_tempdir());
	tu_write_file(ok, "people.csv", PEOPLE_HEADER "100,100,infant,,,Dee,Other,2025-06-01,,male,B,,\n");
	struct transfer_counts n;
	struct dy_err e;
	assert_int_equal(app_import(&a, ok, &n, &e), 0);
	int64_t before = people_count(&a);

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct bad_case *c = &cases[i];
		char dir[700];
		snprintf(dir, sizeof dir, "%s", tu_tempdir());
		tu_write_file(dir, "people.csv", c->people);
		if (c->refs)
			tu_write_file(dir, "referrals.csv", c->refs);
		if (c->contacts)
			tu_write_file(dir, "contacts.csv", c->contacts);
		dy_err_clear(&e);
		int rc = app_import(&a, dir, &n, &e);
		print_message("case: %s -> %s | %s | %s\n", c->name, e.where, e.field, e.msg);
		assert_int_equal(rc, c->code);
		assert_string_equal(e.where, c->where);
		assert_string_equal(e.field, c->field);
		assert_non_null(strstr(e.msg, c->msg));
		assert_int_equal(n.people, 0);
		assert_int_equal(people_count(&a), before);
	}
	/* No message repeats a name or an NHS number. */
	app_close(&a);
}

/* A contact id already in the database (not only in the file) is caught
 * on its line too. */
static void contact_id_taken_in_database(void **state)
{
	(void)state;
	struct app a;
	char root[600], one[700], two[700];
	snprintf(root, sizeof root, "%s", tu_tempdir());
	open_new(&a, root);
	snprintf(one, sizeof one, "%s", tu_tempdir());
	tu_write_file(one, "people.csv", good_people);
	tu_write_file(one, "referrals.csv", good_refs);
	tu_write_file(one, "contacts.csv", CONTACT_HEADER "1,1,2026-02-10,assessment,,home,attended,60\n");
	struct transfer_counts n;
	struct dy_err e;
	assert_int_equal(app_import(&a, one, &n, &e), 0);
	snprintf(two, sizeof two, "%s", tu_tempdir());
	tu_write_file(two, "people.csv", PEOPLE_HEADER "11,11,infant,,,Dee,Other,2025-06-01,,male,B,,\n");
	tu_write_file(two, "referrals.csv", REF_HEADER "11,11,11,,2026-02-01,gp,accepted,2026-02-03,,\n");
	tu_write_file(two, "contacts.csv", CONTACT_HEADER "2,11,2026-02-10,assessment,,home,attended,60\n"
	                                   "1,11,2026-02-11,assessment,,home,attended,60\n");
	dy_err_clear(&e);
	assert_int_equal(app_import(&a, two, &n, &e), DY_ECONFLICT);
	assert_string_equal(e.where, "contacts.csv line 3");
	assert_string_equal(e.field, "contact_id");
	assert_int_equal(people_count(&a), 1 + 2 + 1 + 1); /* families, people, referrals, contacts of the first */
	app_close(&a);
}

static void missing_people_file_is_an_error(void **state)
{
	(void)state;
	struct app a;
	char root[600];
	snprintf(root, sizeof root, "%s", tu_tempdir());
	open_new(&a, root);
	struct transfer_counts n;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(app_import(&a, "/nonexistent-folder", &n, &e), DY_EINVAL);
	assert_string_equal(e.where, "people.csv");
	app_close(&a);
}

/* A second writer on the same read: counts records per table, and can stop
 * the read part-way (the value it returns comes back). */
struct tally {
	int64_t rows[EXPORT_TABLES];
	int began[EXPORT_TABLES], ended[EXPORT_TABLES];
	enum export_table cur;
	int64_t stop_after; /* stop on this many people (0: never) */
};
static int t_begin(void *ctx, enum export_table t, struct dy_err *e)
{
	(void)e;
	struct tally *k = ctx;
	k->cur = t;
	k->began[t]++;
	return 0;
}
static int t_end(void *ctx, enum export_table t, int rc)
{
	((struct tally *)ctx)->ended[t]++;
	return rc;
}
static int t_row(struct tally *k)
{
	k->rows[k->cur]++;
	return k->cur == EXPORT_PEOPLE && k->rows[k->cur] == k->stop_after ? 77 : 0;
}
static int t_team(void *c, const struct team *x) { (void)x; return t_row(c); }
static int t_pract(void *c, const struct practitioner *x) { (void)x; return t_row(c); }
static int t_person(void *c, const struct person *x) { (void)x; return t_row(c); }
static int t_ref(void *c, const struct episode *x, const struct pathway_referral *p) { (void)x; (void)p; return t_row(c); }
static int t_contact(void *c, const struct contact *x) { (void)x; return t_row(c); }
static int t_sg(void *c, const struct safeguarding *x) { (void)x; return t_row(c); }
static int t_out(void *c, const struct discharge_outcome *x) { (void)x; return t_row(c); }
static int t_meas(void *c, const struct measure_record *x) { (void)x; return t_row(c); }
static int t_event(void *c, const struct pathway_event *x) { (void)x; return t_row(c); }
static int t_over(void *c, const struct pathway_override *x) { (void)x; return t_row(c); }
static int t_goal(void *c, const struct goal *x) { (void)x; return t_row(c); }
static int t_rating(void *c, const struct goal_rating *x) { (void)x; return t_row(c); }
static int t_note(void *c, const struct note *x) { (void)x; return t_row(c); }
static int t_plan(void *c, const struct care_plan *x) { (void)x; return t_row(c); }
static int t_run(void *c, const struct group_run *x) { (void)x; return t_row(c); }
static int t_enrol(void *c, const struct group_enrolment *x) { (void)x; return t_row(c); }
static int t_mark(void *c, const struct group_mark *x) { (void)x; return t_row(c); }
static int t_wait(void *c, const struct group_wait *x) { (void)x; return t_row(c); }
static int t_video(void *c, const struct video_cycle *x) { (void)x; return t_row(c); }
static int t_training(void *c, const struct wf_training *x) { (void)x; return t_row(c); }
static int t_consult(void *c, const struct wf_consultation *x) { (void)x; return t_row(c); }
static int t_super(void *c, const struct wf_supervision *x) { (void)x; return t_row(c); }
static int t_letter(void *c, const struct letter *x) { (void)x; return t_row(c); }
static int t_feedback(void *c, const struct feedback_row *x) { (void)x; return t_row(c); }
static int t_correction(void *c, const struct correction *x) { (void)x; return t_row(c); }
static int t_appt(void *c, const struct appointment *x) { (void)x; return t_row(c); }
static int t_merge(void *c, const struct family_merge *x) { (void)x; return t_row(c); }

static const struct export_sink TALLY = {t_begin, t_end,   t_team,  t_pract, t_person, t_ref,  t_contact,
                                         t_sg,    t_out,   t_meas,  t_event, t_over,   t_goal, t_rating, t_note,
                                         t_plan,  t_run,   t_enrol, t_mark,  t_wait,   t_video,
                                         t_training, t_training, t_consult, t_super, t_letter, t_feedback,
                                         t_correction, t_appt, t_merge};

static void export_read_serves_another_writer(void **state)
{
	(void)state;
	char d[600], x[700];
	snprintf(d, sizeof d, "%s", tu_tempdir());
	struct app a;
	struct dy_err e;
	struct transfer_counts n, w;
	open_new(&a, d);
	assert_int_equal(app_demo(&a, 60, 7, 1, &n, &e), 0);
	snprintf(x, sizeof x, "%s/export", d);
	assert_int_equal(app_export(&a, x, 0, &w, &e), 0);

	struct tally k = {0};
	assert_int_equal(app_export_read(&a, &TALLY, &k, &e), 0);
	for (int t = 0; t < EXPORT_TABLES; t++) {
		assert_int_equal(k.began[t], 1);
		assert_int_equal(k.ended[t], 1);
	}
	assert_int_equal(k.rows[EXPORT_TEAM], 1);
	assert_int_equal(k.rows[EXPORT_PRACTITIONERS], w.practitioners);
	assert_int_equal(k.rows[EXPORT_PEOPLE], w.people);
	assert_int_equal(k.rows[EXPORT_REFERRALS], w.referrals);
	assert_int_equal(k.rows[EXPORT_CONTACTS], w.contacts);
	assert_int_equal(k.rows[EXPORT_MEASURES], w.measures);
	assert_int_equal(k.rows[EXPORT_GOAL_RATINGS], w.goal_ratings);
	assert_int_equal(k.rows[EXPORT_NOTES], w.notes);
	assert_int_equal(k.rows[EXPORT_TRAINING], w.trainings);
	assert_int_equal(k.rows[EXPORT_CONSULTATIONS], w.consultations);
	assert_int_equal(k.rows[EXPORT_SUPERVISION], w.supervision);
	assert_true(w.trainings > 10 && w.training_attendees > w.trainings && w.consultations > 50);
	assert_true(w.people > 100 && w.contacts > 100);

	/* A writer that fails part-way stops the read; its code comes back and
	 * no later table is begun. */
	struct tally s = {.stop_after = 5};
	assert_int_equal(app_export_read(&a, &TALLY, &s, &e), 77);
	assert_int_equal(s.rows[EXPORT_PEOPLE], 5);
	assert_int_equal(s.ended[EXPORT_PEOPLE], 1);
	assert_int_equal(s.began[EXPORT_REFERRALS], 0);
	app_close(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip_is_byte_identical),
		cmocka_unit_test(bad_files_are_refused_whole),
		cmocka_unit_test(contact_id_taken_in_database),
		cmocka_unit_test(missing_people_file_is_an_error),
		cmocka_unit_test(export_read_serves_another_writer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
