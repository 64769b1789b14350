/* Fuzz target: export then import gives the same data. Whatever folder the
 * input makes, if it imports, then export it (X), import X into a fresh
 * database and export again (Y): X and Y must hold the same bytes, file by
 * file, and X's manifest must be accepted by the import. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_transfer.h"
#include "fuzz_dir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *slurp(const char *dir, const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *b = NULL;
	size_t cap = 0;
	*len = 0;
	for (;;) {
		if (*len == cap)
			b = realloc(b, cap = cap ? cap * 2 : 4096);
		size_t got = fread(b + *len, 1, cap - *len, f);
		if (got == 0)
			break;
		*len += got;
	}
	fclose(f);
	return b;
}

static void open_fresh(struct app *a)
{
	struct dy_err e;
	if (app_open(a, ":memory:", "fuzz", &e))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char in[256], base[256];
	if (!in[0]) {
		fuzz_scratch(in, sizeof in, "rt-in");
		fuzz_scratch(base, sizeof base, "rt-out");
	}
	fuzz_write_dir(in, data, size);
	char x[300], y[300];
	snprintf(x, sizeof x, "%s/x", base);
	snprintf(y, sizeof y, "%s/y", base);
	struct app a, b;
	struct dy_err e;
	struct transfer_counts n, nx, ny;
	open_fresh(&a);
	if (app_import(&a, in, &n, &e)) {
		app_close(&a);
		return 0;
	}
	if (app_export(&a, x, 1, &nx, &e))
		abort();
	app_close(&a);
	open_fresh(&b);
	if (app_import(&b, x, &n, &e)) {
		fprintf(stderr, "re-import refused: %s: %s: %s\n", e.where, e.field, e.msg);
		abort();
	}
	if (app_export(&b, y, 1, &ny, &e))
		abort();
	app_close(&b);
	if (memcmp(&nx, &ny, sizeof nx) != 0)
		abort();
	for (size_t k = 0; k < FUZZ_NFILES; k++) {
		size_t lx = 0, ly = 0;
		char *sx = slurp(x, fuzz_files[k], &lx), *sy = slurp(y, fuzz_files[k], &ly);
		if (!sx != !sy || lx != ly || (sx && memcmp(sx, sy, lx) != 0)) {
			fprintf(stderr, "%s differs after export, import, export\n", fuzz_files[k]);
			abort();
		}
		free(sx);
		free(sy);
	}
	fuzz_rm_dir(x);
	fuzz_rm_dir(y);
	return 0;
}
