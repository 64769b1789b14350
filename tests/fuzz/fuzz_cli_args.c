/* Fuzz target: the CLI's argument parser. The input, split at NUL bytes,
 * is the words after a command (the first byte chooses the command); the
 * parser and the value readers (ids, id lists, dates, numbers, text) must
 * never crash or overrun, and a parse that succeeds holds only values that
 * are valid UTF-8 text. (Its usage messages go to stderr, into the log.) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ncmd;
	if (!ncmd)
		while (cli_commands[ncmd].noun)
			ncmd++;
	if (size == 0)
		return 0;
	const struct cli_command *c = &cli_commands[data[0] % ncmd];
	char *copy = malloc(size);
	memcpy(copy, data + 1, size - 1);
	copy[size - 1] = '\0';
	char *argv[64];
	int argc = 0;
	for (char *p = copy; argc < 64 && p < copy + size - 1; p += strlen(p) + 1)
		argv[argc++] = p;
	struct cli_args a;
	if (cli_parse(c, argc, argv, &a) == 0) {
		struct dy_err e;
		for (int i = 0; i < a.npos; i++)
			if (text_check("", a.pos[i], TEXT_FREE, &e))
				abort();
		for (int j = 0; c->opts && c->opts[j].name; j++) {
			const char *name = c->opts[j].name;
			int64_t id, ids[8];
			int32_t d;
			int v, n;
			char text[512];
			if (a.vals[j] && text_check("", a.vals[j], TEXT_FREE, &e))
				abort();
			cli_id(&a, name, &id, &e);
			cli_ids(&a, name, ids, 8, &n, &e);
			cli_date(&a, name, &d, &e);
			cli_int(&a, name, -1000, 1000, &v, &e);
			cli_text(&a, name, text, sizeof text, &e);
		}
	}
	free(copy);
	return 0;
}
