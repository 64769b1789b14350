/* Fuzz target: the HTML template engine. The input is a template, then
 * after a NUL byte a value. Any template must be rendered or refused
 * without a crash, leak or overrun; and a value inserted with {{v}} must
 * never bring a character that can open a tag or leave an attribute. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/tmpl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	const char *tmpl = copy;
	size_t tl = strlen(copy);
	const char *value = tl < size ? copy + tl + 1 : "";

	struct buf frag, out;
	buf_init(&frag, 1 << 12);
	buf_init(&out, 1 << 16);
	struct dy_err e;
	/* The value alone, escaped: no markup character may survive. */
	if (TMPL(&frag, &e, "{{v}}", TMPL_S("v", value)) == 0) {
		if (strpbrk(buf_cstr(&frag), "<>\"'`"))
			abort();
	}
	struct tmpl_arg args[] = {TMPL_S("v", value), TMPL_S("a", ""), TMPL_S("b", "x"), TMPL_HTML("h", &frag),
	                          {0, 0, 0}};
	tmpl_render(&out, tmpl, args, &e);
	buf_free(&out);
	buf_free(&frag);
	free(copy);
	return 0;
}
