/* fuzz_tables: random bytes as the locally loaded files a service supplies:
 * an instrument's table (SWEMWBS raw->metric, ASQ:SE-2 intervals) and a
 * licensed text pack. The first byte picks which; the rest is the file.
 * Tables are parsed from memory into fresh copies of the shipped
 * definitions; text packs go through a temporary file, as they are read. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/instrument.h"
#include "app/app_files.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *dir(void)
{
	const char *d = getenv("DYAD_INSTRUMENTS");
	return d && *d ? d : DYAD_SOURCE_DIR "/instruments";
}

static void table(const char *id, const char *name, const uint8_t *data, size_t size)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s.json", dir(), id);
	struct instrument *in = NULL;
	struct dy_err e;
	if (instrument_load_file(path, &in, &e)) {
		fprintf(stderr, "fuzz_tables: cannot load %s: %s\n", path, e.msg);
		abort();
	}
	instrument_parse_table(in, name, (const char *)data, size, "fuzz.csv", &e);
	instrument_free(in);
}

static void text_pack(const uint8_t *data, size_t size)
{
	static struct instrument_set set;
	static int loaded;
	struct dy_err e;
	if (!loaded) {
		instrument_set_init(&set);
		if (instrument_set_load_dir(&set, dir(), &e))
			abort();
		loaded = 1;
	}
	char path[64];
	snprintf(path, sizeof path, "/tmp/dyad-fuzz-text-%d.csv", (int)getpid());
	FILE *f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(data, 1, size, f);
	fclose(f);
	instrument_load_text(&set, path, &e);
	remove(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	switch (data[0] % 3) {
	case 0: table("swemwbs", "metric", data + 1, size - 1); break;
	case 1: table("asqse2", "intervals", data + 1, size - 1); break;
	default: text_pack(data + 1, size - 1); break;
	}
	return 0;
}
