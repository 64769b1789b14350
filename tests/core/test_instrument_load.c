/* Loading definitions: every shipped instrument loads; bad definitions are
 * refused naming file, field (JSON path) and reason; tables and text packs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "measures_test.h"
#include "testutil.h"

static void every_shipped_instrument_loads(void **state)
{
	(void)state;
	static const char *const ids[] = {"phq9", "gad7", "epds", "hads", "dass21", "core10",
	                                  "wemwbs", "swemwbs", "pirgas", "kips", "maas", "mpas",
	                                  "ppas", "prfq", "gbo", "sdq", "loaf", "pbq", "asqse2"};
	struct instrument_set *set = mt_set();
	assert_int_equal(set->n, sizeof ids / sizeof ids[0]);
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		assert_non_null(instrument_set_find(set, ids[i]));
}

static const char *BASE =
	"{\"schema\":1,\"id\":\"demo\",\"name\":\"Demo\",\"version\":\"1\","
	"\"completed_by\":\"caregiver\",\"subject\":\"caregiver\",\"licence\":\"test only\","
	"\"stage\":{\"when\":\"any\",\"source\":\"test\"},"
	"\"items\":{\"count\":4,\"min\":0,\"max\":3},"
	"\"scales\":[{\"id\":\"a\",\"name\":\"A\",\"items\":[1,2],\"direction\":\"higher_is_worse\","
	"\"bands\":[{\"min\":0,\"label\":\"low\"},{\"min\":3,\"label\":\"high\"}],"
	"\"clinical\":{\"op\":\">=\",\"value\":3},\"reliable_change\":{\"points\":2}},"
	"{\"id\":\"b\",\"name\":\"B\",\"items\":[3,4],\"direction\":\"higher_is_better\"}]}";

/* BASE with the first occurrence of `from` replaced by `to`. */
static char *variant(const char *from, const char *to)
{
	static char out[4096];
	const char *at = strstr(BASE, from);
	assert_non_null(at);
	snprintf(out, sizeof out, "%.*s%s%s", (int)(at - BASE), BASE, to, at + strlen(from));
	return out;
}

static void the_base_definition_is_valid(void **state)
{
	(void)state;
	struct instrument *in;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(instrument_parse(BASE, strlen(BASE), "demo.json", &in, &e), 0);
	assert_int_equal(in->nitems, 4);
	assert_string_equal(in->items[2].label, "Item 3");
	assert_true(in->scales[0].hi == 6);
	assert_string_equal(in->scales[1].code.code, "demo.b");
	assert_string_equal(in->scales[1].code.system, "urn:dyad:scale");
	instrument_free(in);
}

static void bad_definitions_name_file_field_and_reason(void **state)
{
	(void)state;
	static const struct {
		const char *from, *to, *field, *msg;
	} c[] = {
		{"\"schema\":1", "\"schema\":2", "schema", "must be from 1 to 1"},
		{"\"licence\":\"test only\",", "", "licence", "is required"},
		{"\"items\":{", "\"itmes\":0,\"items\":{", "itmes", NULL},
		{"\"completed_by\":\"caregiver\"", "\"completed_by\":\"parent\"", "completed_by",
		 "must be caregiver, clinician or observer"},
		{"\"items\":[3,4]", "\"items\":[3,99]", "scales[1].items[1]",
		 "must be an item number from 1 to 4"},
		{"\"items\":[3,4]", "\"items\":[3,3]", "scales[1].items[1]", "item 3 is listed twice"},
		{"{\"min\":3,\"label\":\"high\"}", "{\"min\":0,\"label\":\"high\"}",
		 "scales[0].bands[1].min", NULL},
		{"{\"min\":3,\"label\":\"high\"}", "{\"min\":30,\"label\":\"high\"}",
		 "scales[0].bands[1].min", "is outside the scale's possible range 0 to 6"},
		{"\"op\":\">=\"", "\"op\":\"<=\"", "scales[0].clinical.op",
		 "must be >= or > for a higher_is_worse scale"},
		{"{\"points\":2}", "{\"points\":2,\"reliability\":0.8}", "scales[0].reliable_change", NULL},
		{"{\"points\":2}", "{\"reliability\":1.5}", "scales[0].reliable_change.reliability", NULL},
		{"\"id\":\"b\"", "\"id\":\"a\"", "scales[1].id", "repeats the id of scales[0]"},
		{"\"id\":\"b\"", "\"id\":\"B b\"", "scales[1].id", NULL},
		{"\"direction\":\"higher_is_better\"}", "\"direction\":\"up\"}", "scales[1].direction", NULL},
		{"\"max\":3}", "\"max\":3,\"groups\":[{\"items\":[1],\"values\":[1,2],\"scores\":[1]}]}",
		 "items.groups[0].scores", "must list one score for each of the 2 values"},
		{"\"max\":3}", "\"max\":3,\"reverse\":[5]}", "items.reverse[0]", NULL},
		{"\"max\":3}", "\"max\":3},\"unverified\":[{\"path\":\"scales[7].bands\",\"note\":\"x\"}]",
		 "unverified[0].path", "does not name a field of this definition"},
		{"\"items\":[3,4],", "\"aggregate\":\"scales\",\"scales\":[\"c\"],",
		 "scales[1].scales[0]", "must name a scale defined before this one"},
		{"\"items\":[3,4],", "\"items\":[3,4],\"missing\":{\"rule\":\"prorate\"},",
		 "scales[1].missing.min_answered", "is required"},
		{"\"label\":\"low\"", "\"label\":\"\"", "scales[0].bands[0].label", "must not be empty"},
		{"\"name\":\"Demo\"", "\"name\":\"Demo\",\"name\":\"Again\"", "", NULL},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		const char *text = variant(c[i].from, c[i].to);
		struct instrument *in = (struct instrument *)1;
		struct dy_err e;
		dy_err_clear(&e);
		int rc = instrument_parse(text, strlen(text), "defs/demo.json", &in, &e);
		if (rc != DY_EINVAL || strcmp(e.field, c[i].field) != 0 ||
		    (c[i].msg && strcmp(e.msg, c[i].msg) != 0)) {
			fprintf(stderr, "case %zu: rc %d field '%s' msg '%s'\n", i, rc, e.field, e.msg);
			fail();
		}
		assert_null(in);
		assert_string_equal(e.where, "defs/demo.json");
		assert_true(e.msg[0] != '\0');
	}
}

static void malformed_text_is_refused(void **state)
{
	(void)state;
	struct instrument *in;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(instrument_parse("{", 1, "x.json", &in, &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "not valid JSON"));
	assert_int_equal(instrument_parse("[]", 2, "x.json", &in, &e), DY_EINVAL);
	assert_int_equal(instrument_parse("", 0, "x.json", &in, &e), DY_EINVAL);
	char deep[200];
	memset(deep, '[', 40);
	memset(deep + 40, ']', 40);
	deep[80] = '\0';
	dy_err_clear(&e);
	assert_int_equal(instrument_parse(deep, 80, "x.json", &in, &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "nested deeper"));
	size_t big = INSTR_DEF_MAX_BYTES + 1;
	char *huge = malloc(big);
	memset(huge, ' ', big);
	dy_err_clear(&e);
	assert_int_equal(instrument_parse(huge, big, "x.json", &in, &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "larger than"));
	free(huge);
}

static void a_directory_is_loaded_whole_or_not_at_all(void **state)
{
	(void)state;
	const char *dir = tu_tempdir();
	tu_write_file(dir, "demo.json", BASE);
	struct instrument_set set;
	struct dy_err e;
	instrument_set_init(&set);
	dy_err_clear(&e);
	assert_int_equal(instrument_set_load_dir(&set, dir, &e), 0);
	assert_int_equal(set.n, 1);
	instrument_set_free(&set);
	/* the file name must match the id */
	tu_write_file(dir, "other.json", BASE);
	dy_err_clear(&e);
	assert_int_equal(instrument_set_load_dir(&set, dir, &e), DY_EINVAL);
	assert_int_equal(set.n, 0);
	assert_string_equal(e.field, "id");
	assert_non_null(strstr(e.where, "other.json"));
	/* a bad file refuses the set */
	tu_write_file(dir, "other.json", variant("\"items\":[3,4]", "\"items\":[3,5]"));
	dy_err_clear(&e);
	assert_int_equal(instrument_set_load_dir(&set, dir, &e), DY_EINVAL);
	assert_non_null(strstr(e.where, "other.json"));
	assert_string_equal(e.field, "scales[1].items[1]");
	dy_err_clear(&e);
	assert_int_equal(instrument_set_load_dir(&set, "/nonexistent/dyad", &e), DY_ENOTFOUND);
	struct instrument *in;
	assert_int_equal(instrument_load_file("/nonexistent/dyad.json", &in, &e), DY_ENOTFOUND);
}

static void text_pack_attaches_wording(void **state)
{
	(void)state;
	const char *dir = tu_tempdir();
	char path[1024];
	snprintf(path, sizeof path, "%s/pack.csv", dir);
	struct instrument_set *set = mt_set();
	struct dy_err e;
	/* Placeholder text written for this test, not any instrument's wording. */
	tu_write_file(dir, "pack.csv",
	              "instrument,item,text\nphq9,1,\"Placeholder one, for a test\"\ngad7,7,Placeholder seven\n");
	dy_err_clear(&e);
	assert_int_equal(instrument_load_text(set, path, &e), 0);
	assert_string_equal(mt_get("phq9")->items[0].text, "Placeholder one, for a test");
	assert_string_equal(mt_get("gad7")->items[6].text, "Placeholder seven");
	assert_null(mt_get("phq9")->items[1].text);
	/* an error anywhere refuses the whole file: nothing is attached */
	tu_write_file(dir, "pack.csv", "instrument,item,text\nphq9,2,Placeholder two\nphq9,10,Too far\n");
	dy_err_clear(&e);
	assert_int_equal(instrument_load_text(set, path, &e), DY_EINVAL);
	assert_string_equal(e.field, "item");
	assert_non_null(strstr(e.where, "pack.csv line 3"));
	assert_null(mt_get("phq9")->items[1].text);
	tu_write_file(dir, "pack.csv", "instrument,item,text\nnosuch,1,x\n");
	dy_err_clear(&e);
	assert_int_equal(instrument_load_text(set, path, &e), DY_EINVAL);
	assert_string_equal(e.field, "instrument");
	tu_write_file(dir, "pack.csv", "id,item,text\n");
	dy_err_clear(&e);
	assert_int_equal(instrument_load_text(set, path, &e), DY_EINVAL);
	assert_string_equal(e.field, "header");
	tu_write_file(dir, "pack.csv", "instrument,item,text\nphq9,1,\n");
	dy_err_clear(&e);
	assert_int_equal(instrument_load_text(set, path, &e), DY_EINVAL);
	assert_string_equal(e.field, "text");
}

static void shipped_definitions_mark_unverified_values(void **state)
{
	(void)state;
	/* INSTRUMENTS.md marks these UNVERIFIED: each definition must say so */
	static const char *const ids[] = {"dass21", "core10", "pirgas", "gbo", "loaf", "pbq",
	                                  "sdq", "asqse2", "mpas"};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		assert_true(mt_get(ids[i])->nunverified > 0);
	/* LOINC codes where INSTRUMENTS.md lists them */
	assert_string_equal(mt_get("phq9")->scales[0].code.code, "44261-6");
	assert_string_equal(mt_get("gad7")->scales[0].code.code, "70274-6");
	assert_string_equal(mt_get("epds")->code.code, "71354-5");
	/* no wording ships: every item label is our own short label */
	struct instrument_set *set = mt_set();
	for (size_t i = 0; i < set->n; i++)
		for (int k = 0; k < set->v[i]->nitems; k++)
			assert_true(strlen(set->v[i]->items[k].label) < 48);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_shipped_instrument_loads),
		cmocka_unit_test(the_base_definition_is_valid),
		cmocka_unit_test(bad_definitions_name_file_field_and_reason),
		cmocka_unit_test(malformed_text_is_refused),
		cmocka_unit_test(a_directory_is_loaded_whole_or_not_at_all),
		cmocka_unit_test(text_pack_attaches_wording),
		cmocka_unit_test(shipped_definitions_mark_unverified_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
