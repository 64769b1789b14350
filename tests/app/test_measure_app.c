/* Outcome measures through the app on a real SQLite file: scored at entry
 * with scores and version stored, refusals naming the item, the wrong
 * respondent or subject refused, risk flags stored and acknowledged,
 * corrected age picking the ASQ:SE-2 form, rescoring after a definition
 * changes version, change classification, goals, text packs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_episode.h"
#include "app/app_family.h"
#include "app/app_measure.h"
#include "app/app_risk.h"
#include "appfix.h"
#include "testutil.h"
#include "util/date.h"


static void reopen(struct app_fixture *f, const char *instruments)
{
	struct dy_err e;
	app_close(&f->a);
	assert_int_equal(app_open(&f->a, f->path, "tester", &e), 0);
	f->a.today = tu_date("2026-06-01");
	app_set_instruments_dir(&f->a, instruments);
}

static int setup(void **state)
{
	static struct app_fixture f;
	appfix_open(&f, "m.db", APPFIX_DAD | APPFIX_PRETERM | APPFIX_TWIN | APPFIX_PRACTITIONER);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct app_fixture *f = *state;
	app_close(&f->a);
	return 0;
}

static struct measure_entry entry(struct app_fixture *f, const char *instrument, const char *timepoint,
                                  const char *date, const char *responses)
{
	struct measure_entry me;
	memset(&me, 0, sizeof me);
	me.episode_id = f->referral;
	strcpy(me.instrument, instrument);
	strcpy(me.timepoint, timepoint);
	me.date = tu_date(date);
	strcpy(me.responses, responses);
	return me;
}

struct pick {
	int64_t id;
	int found;
	struct measure_view v;
};

static int pick(void *ctx, const struct measure_view *v)
{
	struct pick *p = ctx;
	if (v->rec.m.id == p->id) {
		p->v = *v;
		p->found = 1;
	}
	return 0;
}

/* The stored view of measure id, as `dyad measure list` sees it. */
static struct measure_view view_of(struct app_fixture *f, int64_t id)
{
	static struct pick p;
	memset(&p, 0, sizeof p);
	p.id = id;
	struct dy_err e;
	assert_int_equal(app_measure_list(&f->a, f->referral, pick, &p, &e), 0);
	assert_true(p.found);
	return p.v;
}

static void scored_at_entry_with_version(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	struct measure_record rec;
	struct score_result res;
	int64_t audits = appfix_count(f->a.db, "SELECT COUNT(*) FROM audit");
	struct measure_entry me = entry(f, "phq9", "baseline", "2026-03-10", "2;2;2;2;2;1;1;2;0");
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), 0);
	assert_true(res.scales[0].present);
	assert_true(res.scales[0].value == 14);
	assert_string_equal(score_band_label(&res, 0), "moderate");
	assert_int_equal(res.scales[0].clinical, 1);
	assert_int_equal(res.nrisks, 0);
	assert_string_equal(rec.subject, "caregiver");
	assert_int_equal(rec.subject_caregiver_id, f->mum);
	assert_int_equal(rec.m.person_id, f->mum);
	assert_string_equal(rec.version, "1");
	struct measure_view v = view_of(f, rec.m.id);
	assert_int_equal(v.rec.m.id, rec.m.id);
	assert_int_equal(v.nscores, 1);
	assert_string_equal(v.scores[0].scale, "total");
	assert_true(v.scores[0].present && v.scores[0].value == 14);
	assert_string_equal(v.scores[0].band, "moderate");
	assert_int_equal(v.scores[0].clinical, 1);
	assert_string_equal(v.rec.version, "1");
	assert_int_equal(appfix_count(f->a.db, "SELECT COUNT(*) FROM audit"), audits + 1);
}

static void refusal_names_item_and_writes_nothing(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	struct measure_record rec;
	struct score_result res;
	int64_t before = appfix_count(f->a.db, "SELECT COUNT(*) FROM measure");
	struct measure_entry me = entry(f, "phq9", "review", "2026-04-10", "2;4;2;2;2;1;1;2;0");
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), DY_EINVAL);
	assert_string_equal(e.field, "responses");
	assert_non_null(strstr(e.msg, "item 2"));
	me = entry(f, "phq9", "review", "2026-04-10", "2;1;2");
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), DY_EINVAL);
	assert_string_equal(e.field, "responses");
	me = entry(f, "nosuch", "review", "2026-04-10", "1");
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), DY_EINVAL);
	assert_string_equal(e.field, "instrument");
	assert_int_equal(appfix_count(f->a.db, "SELECT COUNT(*) FROM measure"), before);
}

static void wrong_respondent_or_subject_refused(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	struct measure_record rec;
	struct score_result res;
	/* A clinician-rated measure needs the practitioner who rated it. */
	struct measure_entry me = entry(f, "pirgas", "baseline", "2026-03-10", "45");
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), DY_EINVAL);
	assert_string_equal(e.field, "practitioner");
	/* An infant cannot complete PHQ-9. */
	me = entry(f, "phq9", "review", "2026-04-01", "0;0;0;0;0;0;0;0;0");
	me.respondent_id = f->baby;
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), DY_EINVAL);
	assert_string_equal(e.field, "respondent");
	/* PHQ-9 is about the caregiver, not the pair. */
	me.respondent_id = 0;
	strcpy(me.subject, "pair");
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), DY_EINVAL);
	assert_string_equal(e.field, "subject");
	me.subject[0] = '\0';
	me.infant_id = f->baby;
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), DY_EINVAL);
	assert_string_equal(e.field, "infant");
	/* A pair's infant must be an infant of the family. */
	me = entry(f, "pirgas", "baseline", "2026-03-10", "45");
	me.practitioner_id = f->practitioner;
	me.infant_id = f->dad;
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), DY_EINVAL);
	assert_string_equal(e.field, "infant");
	me.practitioner_id = 99; /* not there: not found */
	me.infant_id = 0;
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), DY_ENOTFOUND);
	assert_string_equal(e.field, "practitioner");
	/* Twins: the same measure for each on one day, from one caregiver. */
	me.practitioner_id = f->practitioner;
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), 0);
	assert_string_equal(rec.subject, "pair");
	assert_int_equal(rec.subject_infant_id, f->baby);
	assert_int_equal(rec.subject_caregiver_id, f->mum);
	assert_int_equal(rec.practitioner_id, f->practitioner);
	me.infant_id = f->twin;
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), 0);
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), DY_ECONFLICT);
}

static void risk_flag_stored_until_acknowledged(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	struct measure_record rec;
	struct score_result res;
	struct measure_entry me = entry(f, "phq9", "review", "2026-04-20", "1;1;1;1;1;1;1;1;2");
	me.respondent_id = f->dad;
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), 0);
	assert_int_equal(rec.subject_caregiver_id, f->dad);
	assert_int_equal(res.nrisks, 1);
	assert_string_equal(res.in->risks[res.risks[0]].id, "phq9_item9");
	struct measure_view v = view_of(f, rec.m.id);
	assert_int_equal(v.rec.m.id, rec.m.id);
	assert_int_equal(v.nrisks, 1);
	assert_int_equal(v.risks[0].item, 9);
	assert_int_equal(v.risks[0].acknowledged_on, DATE_NONE);
	int n = 0;
	int64_t audits = appfix_count(f->a.db, "SELECT COUNT(*) FROM audit");
	assert_int_equal(app_risk_acknowledge(&f->a, rec.m.id, "Called the caregiver; safety plan agreed", &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(appfix_count(f->a.db, "SELECT COUNT(*) FROM audit"), audits + 1);
	v = view_of(f, rec.m.id);
	assert_int_equal(v.risks[0].acknowledged_on, tu_date("2026-06-01"));
	assert_string_equal(v.risks[0].acknowledged_by, "tester");
	assert_int_equal(app_risk_acknowledge(&f->a, rec.m.id, "again", &n, &e), DY_ECONFLICT);
	assert_int_equal(app_risk_acknowledge(&f->a, 999, "x", &n, &e), DY_ENOTFOUND);
}

static void corrected_age_picks_asqse2_form(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	struct measure_record rec;
	struct score_result res;
	struct measure_entry me = entry(f, "asqse2", "baseline", "2026-05-05",
	                                "0;0;5;0;0;5;0;0;10;0;0;0;0;0;0;5c");
	/* No interval table loaded yet: refused, naming the age. */
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), DY_EINVAL);
	const char *dir = tu_tempdir();
	tu_write_file(dir, "intervals.csv",
	              "interval,from_months,to_months,items,monitoring,cutoff\n"
	              "2,0,2,16,30,40\n"
	              "6,3,8,20,40,50\n");
	char path[700];
	snprintf(path, sizeof path, "%s/intervals.csv", dir);
	assert_int_equal(app_instruments_load_table(&f->a, "asqse2", "intervals", path, &e), 0);
	/* Chronological age 3 months, corrected 1 month: the 2-month form of 16 items. */
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), 0);
	assert_int_equal(rec.age_months, 1);
	assert_string_equal(rec.subject, "infant");
	assert_int_equal(rec.subject_infant_id, f->baby);
	assert_int_equal(rec.m.person_id, f->mum);
	assert_true(res.scales[0].value == 30);
	/* The table is kept in the database: a reopened app scores with it. */
	reopen(f, NULL);
	me.date = tu_date("2026-05-06");
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), 0);
}

struct changes {
	struct change_row rows[16];
	int n;
};

static int keep_change(void *ctx, const struct change_row *r)
{
	struct changes *c = ctx;
	if (c->n < 16)
		c->rows[c->n++] = *r;
	return 0;
}

static const struct change_row *find_change(const struct changes *c, int kind, const char *instrument,
                                            int64_t respondent)
{
	for (int i = 0; i < c->n; i++)
		if ((int)c->rows[i].kind == kind && strcmp(c->rows[i].instrument, instrument) == 0 &&
		    (!respondent || c->rows[i].respondent_id == respondent))
			return &c->rows[i];
	return NULL;
}

static void change_and_goals(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	struct measure_record rec;
	struct score_result res;
	/* Mum: PHQ-9 14 -> 3 (baseline from the first test), GAD-7 12 -> 2. */
	struct measure_entry me = entry(f, "phq9", "end", "2026-05-20", "0;1;0;1;0;0;0;1;0");
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), 0);
	me = entry(f, "gad7", "baseline", "2026-03-10", "2;2;2;2;2;1;1");
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), 0);
	me = entry(f, "gad7", "end", "2026-05-20", "0;0;1;0;0;1;0");
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), 0);
	/* Goals: three at most; ratings 2 -> 7 on the first. */
	struct goal g = {.episode_id = f->referral, .set_on = tu_date("2026-03-10")};
	strcpy(g.text, "Enjoy bath time together");
	for (int i = 1; i <= 3; i++) {
		assert_int_equal(app_goal_add(&f->a, &g, &e), 0);
		assert_int_equal(g.position, i);
	}
	int64_t last_goal = g.id;
	assert_int_equal(app_goal_add(&f->a, &g, &e), DY_ECONFLICT);
	g.text[0] = '\0';
	assert_int_equal(app_goal_add(&f->a, &g, &e), DY_EINVAL);
	assert_string_equal(e.field, "text");
	int64_t first_goal = last_goal - 2;
	struct goal_rating r = {first_goal, tu_date("2026-03-10"), 2};
	assert_int_equal(app_goal_rate(&f->a, &r, &e), 0);
	assert_int_equal(app_goal_rate(&f->a, &r, &e), DY_ECONFLICT);
	r.date = tu_date("2026-05-20");
	r.rating = 11;
	assert_int_equal(app_goal_rate(&f->a, &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "rating");
	r.rating = 7;
	assert_int_equal(app_goal_rate(&f->a, &r, &e), 0);
	r.date = tu_date("2026-03-01");
	assert_int_equal(app_goal_rate(&f->a, &r, &e), DY_EINVAL);

	struct changes c = {.n = 0};
	assert_int_equal(app_measures_change(&f->a, f->referral, keep_change, &c, &e), 0);
	const struct change_row *phq = find_change(&c, CHANGE_ROW_SCALE, "phq9", f->mum);
	assert_non_null(phq);
	assert_true(phq->first == 14 && phq->last == 3);
	assert_int_equal(phq->c.reliable, CHANGE_RELIABLE_IMPROVEMENT);
	assert_int_equal(phq->c.clinically_significant, 1);
	assert_int_equal(phq->c.reliable_recovery, 1);
	assert_int_equal(phq->first_date, tu_date("2026-03-10"));
	const struct change_row *tt = find_change(&c, CHANGE_ROW_TALKING_THERAPIES, "phq9+gad7", f->mum);
	assert_non_null(tt);
	assert_int_equal(tt->assessed, 1);
	assert_int_equal(tt->tt.case_start, 1);
	assert_int_equal(tt->tt.recovery, 1);
	assert_int_equal(tt->tt.reliable_recovery, 1);
	const struct change_row *goal = find_change(&c, CHANGE_ROW_GOAL, "gbo", 0);
	assert_non_null(goal);
	assert_string_equal(goal->scale, "goal1");
	assert_true(goal->first == 2 && goal->last == 7);
	assert_int_equal(goal->c.reliable, CHANGE_RELIABLE_IMPROVEMENT);
	/* Dad has one PHQ-9 only: no change row for him. */
	assert_null(find_change(&c, CHANGE_ROW_SCALE, "phq9", f->dad));
	/* Deterioration in the other direction on a higher-is-better scale. */
	me = entry(f, "pirgas", "end", "2026-05-20", "20");
	me.practitioner_id = f->practitioner;
	assert_int_equal(app_measure_record(&f->a, &me, &rec, &res, &e), 0);
	c.n = 0;
	assert_int_equal(app_measures_change(&f->a, f->referral, keep_change, &c, &e), 0);
	const struct change_row *pg = find_change(&c, CHANGE_ROW_SCALE, "pirgas", f->mum);
	assert_non_null(pg);
	assert_true(pg->first == 45 && pg->last == 20);
	assert_int_equal(pg->c.became_case, 1);
}

static char *edited(const char *file, const char *from, const char *to)
{
	char path[700];
	snprintf(path, sizeof path, "%s/instruments/%s", DYAD_SOURCE_DIR, file);
	char *text = tu_read_file(path);
	assert_non_null(text);
	char *at = strstr(text, from);
	assert_non_null(at);
	size_t n = strlen(text) + strlen(to) + 1;
	char *out = malloc(n);
	assert_non_null(out);
	snprintf(out, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	free(text);
	return out;
}

static void rescore_after_version_change(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	/* A measure from before scoring (an old import): no subject, no scores. */
	struct measure legacy = {.episode_id = f->referral, .person_id = f->dad, .instrument = "gad7",
	                         .timepoint = "review", .date = tu_date("2026-04-20"), .responses = "1;1;1;1;1;1;1"};
	assert_int_equal(store_measure_insert(f->a.db, &legacy, &e), 0);
	struct rescore_counts n;
	assert_int_equal(app_measures_rescore(&f->a, &n, &e), 0);
	assert_int_equal(n.rescored, 1);
	assert_int_equal(n.refused, 0);
	struct measure_record r;
	assert_int_equal(store_measure_record_get(f->a.db, legacy.id, &r, &e), 0);
	assert_string_equal(r.version, "1");
	assert_string_equal(r.subject, "caregiver");
	assert_int_equal(r.subject_caregiver_id, f->dad);
	assert_int_equal(appfix_count(f->a.db, "SELECT COUNT(*) FROM measure_score WHERE measure_id IN"
	                              " (SELECT id FROM measure WHERE instrument = 'gad7' AND timepoint = 'review')"), 1);
	/* Nothing left to do. */
	assert_int_equal(app_measures_rescore(&f->a, &n, &e), 0);
	assert_int_equal(n.rescored, 0);

	/* PHQ-9 version 2: every PHQ-9 is rescored, and keeps version 2. */
	const char *dir = tu_tempdir();
	char *phq = edited("phq9.json", "\"version\": \"1\"", "\"version\": \"2\"");
	tu_write_file(dir, "phq9.json", phq);
	free(phq);
	char *gad = edited("gad7.json", "\"version\": \"1\"", "\"version\": \"1\"");
	tu_write_file(dir, "gad7.json", gad);
	free(gad);
	reopen(f, dir);
	int64_t phqs = appfix_count(f->a.db, "SELECT COUNT(*) FROM measure WHERE instrument = 'phq9'");
	assert_int_equal(app_measures_rescore(&f->a, &n, &e), 0);
	assert_int_equal(n.rescored, (int)phqs);
	assert_true(n.unknown > 0); /* PIR-GAS, ASQ:SE-2: not in this folder, left alone */
	assert_int_equal(appfix_count(f->a.db, "SELECT COUNT(*) FROM measure WHERE instrument = 'phq9' AND version = '2'"), phqs);
	assert_int_equal(appfix_count(f->a.db, "SELECT COUNT(*) FROM measure WHERE instrument = 'gad7' AND version = '1'"),
	                 appfix_count(f->a.db, "SELECT COUNT(*) FROM measure WHERE instrument = 'gad7'"));
	/* Acknowledged flags stay acknowledged. */
	assert_int_equal(appfix_count(f->a.db, "SELECT COUNT(*) FROM measure_risk WHERE acknowledged_on IS NULL"), 0);
	/* A definition that refuses stored responses: stored null, with why. */
	char *strict = edited("phq9.json", "\"count\": 9", "\"count\": 10"); /* now 10 items */
	char *v = strstr(strict, "\"version\": \"1\"");
	assert_non_null(v);
	v[12] = '3';
	tu_write_file(dir, "phq9.json", strict);
	free(strict);
	reopen(f, dir);
	assert_int_equal(app_measures_rescore(&f->a, &n, &e), 0);
	assert_true(n.refused > 0);
	assert_int_equal(appfix_count(f->a.db, "SELECT COUNT(*) FROM measure_score s JOIN measure m ON m.id = s.measure_id"
	                              " WHERE m.instrument = 'phq9' AND s.value IS NULL AND s.reason LIKE 'refused%'"),
	                 n.refused);
	reopen(f, NULL);
	assert_int_equal(app_measures_rescore(&f->a, &n, &e), 0);
	assert_int_equal(n.refused, 0);
}

static void text_pack_kept_in_database(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	const char *dir = tu_tempdir();
	tu_write_file(dir, "bad.csv", "instrument,item,text\nphq9,1,\"Our licensed words\"\nphq9,12,\"Too far\"\n");
	tu_write_file(dir, "good.csv", "instrument,item,text\nphq9,1,\"Our licensed words\"\ngad7,2,\"More\"\n");
	char path[700];
	int items = 0;
	snprintf(path, sizeof path, "%s/bad.csv", dir);
	assert_int_equal(app_instruments_load_text(&f->a, path, &items, &e), DY_EINVAL);
	assert_non_null(strstr(e.where, "line 3"));
	assert_int_equal(appfix_count(f->a.db, "SELECT COUNT(*) FROM instrument_text"), 0);
	snprintf(path, sizeof path, "%s/good.csv", dir);
	assert_int_equal(app_instruments_load_text(&f->a, path, &items, &e), 0);
	assert_int_equal(items, 2);
	reopen(f, NULL);
	const struct instrument_set *set;
	assert_int_equal(app_instruments(&f->a, &set, &e), 0);
	const struct instrument *phq = instrument_set_find(set, "phq9");
	assert_non_null(phq->items[0].text);
	assert_string_equal(phq->items[0].text, "Our licensed words");
	assert_null(phq->items[1].text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scored_at_entry_with_version),
		cmocka_unit_test(refusal_names_item_and_writes_nothing),
		cmocka_unit_test(wrong_respondent_or_subject_refused),
		cmocka_unit_test(risk_flag_stored_until_acknowledged),
		cmocka_unit_test(corrected_age_picks_asqse2_form),
		cmocka_unit_test(change_and_goals),
		cmocka_unit_test(rescore_after_version_change),
		cmocka_unit_test(text_pack_kept_in_database),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
