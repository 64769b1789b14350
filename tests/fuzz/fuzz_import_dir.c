/* Fuzz target: a whole import folder (every file, the manifest included)
 * into a fresh database. Any bytes must be imported or refused whole,
 * never crash, leak or overrun; a refused import leaves no family behind. */
#include <stdint.h>
#include <stdlib.h>

#include "app/app_transfer.h"
#include "fuzz_dir.h"
#include "store/db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[256];
	if (!dir[0])
		fuzz_scratch(dir, sizeof dir, "import");
	fuzz_write_dir(dir, data, size);
	struct app a;
	struct dy_err e;
	if (app_open(&a, ":memory:", "fuzz", &e))
		abort();
	struct transfer_counts n;
	int rc = app_import(&a, dir, &n, &e);
	if (rc) {
		/* all or nothing: a refused import wrote nothing */
		if (n.families || n.people)
			abort();
		db_stmt_t *s = db_prepare(a.db, "SELECT count(*) FROM person", &e);
		if (!s || db_step(s, &e) != DB_ROW || db_col_int(s, 0) != 0)
			abort();
	}
	app_close(&a);
	return 0;
}
