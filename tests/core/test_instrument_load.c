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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_shipped_instrument_loads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
