/* tmpl.c: the auto-escaping template engine (see tmpl.h for the syntax).
 *
 * The template is walked tag by tag. Blocks are found by matching their
 * closing tag and rendered recursively; a block whose condition is false is
 * still walked (without output) so that a bad template is refused whatever
 * the data. Nesting is limited so that no template can exhaust the stack. */
#include "http/tmpl.h"

#include <string.h>

#define NAME_MAX 64
#define DEPTH_MAX 16

enum tag_kind { TAG_TEXT, TAG_URL, TAG_RAW, TAG_IF, TAG_UNLESS, TAG_END };

struct tag {
	size_t start, end; /* offsets of "{{" and just past the closing braces */
	enum tag_kind kind;
	char name[NAME_MAX];
};

static int bad(struct dy_err *e, size_t at, const char *why)
{
	return dy_fail(e, DY_EINVAL, "template", "at offset %zu: %s", at, why);
}

static const char *find2(const char *t, size_t from, size_t n, char c)
{
	for (size_t i = from; i + 1 < n; i++)
		if (t[i] == c && t[i + 1] == c)
			return t + i;
	return NULL;
}

/* Finds the next tag at or after `from`: 1 found, 0 none, or an error. */
static int next_tag(const char *t, size_t from, size_t n, struct tag *tg, struct dy_err *e)
{
	const char *p = find2(t, from, n, '{');
	if (!p)
		return 0;
	size_t at = (size_t)(p - t), i = at + 2;
	tg->start = at;
	int triple = i < n && t[i] == '{';
	if (triple) {
		tg->kind = TAG_RAW;
		i++;
	} else if (i < n && (t[i] == '#' || t[i] == '^' || t[i] == '/' || t[i] == '%')) {
		tg->kind = t[i] == '#' ? TAG_IF : t[i] == '^' ? TAG_UNLESS : t[i] == '/' ? TAG_END : TAG_URL;
		i++;
	} else {
		tg->kind = TAG_TEXT;
	}
	size_t k = 0;
	while (i < n && ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= '0' && t[i] <= '9') || t[i] == '_')) {
		if (k + 1 >= NAME_MAX)
			return bad(e, at, "name too long");
		tg->name[k++] = t[i++];
	}
	tg->name[k] = '\0';
	if (k == 0)
		return bad(e, at, "expected a name of a-z, 0-9 and _");
	size_t close = triple ? 3 : 2;
	for (size_t j = 0; j < close; j++)
		if (i + j >= n || t[i + j] != '}')
			return bad(e, at, triple ? "expected }}}" : "expected }}");
	tg->end = i + close;
	return 1;
}

static const struct tmpl_arg *lookup(const struct tmpl_arg *args, const char *name)
{
	for (; args && args->name; args++)
		if (strcmp(args->name, name) == 0)
			return args;
	return NULL;
}

int tmpl_escape(struct buf *out, const char *s)
{
	return buf_html(out, s);
}

int tmpl_url_encode(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		int plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
		            c == '.' || c == '_' || c == '~';
		int rc = plain ? buf_putc(out, (char)c)
		               : buf_printf(out, "%%%c%c", hex[c >> 4], hex[c & 15]);
		if (rc)
			return DY_EINVAL;
	}
	return 0;
}

static int full(struct dy_err *e)
{
	return dy_fail(e, DY_EINVAL, "template", "the page is larger than its limit");
}

/* Renders t[from, to) (emitting only when emit), stopping at the end. */
static int render(struct buf *out, const char *t, size_t from, size_t to, const struct tmpl_arg *args, int emit,
                  int depth, struct dy_err *e)
{
	if (depth > DEPTH_MAX)
		return bad(e, from, "blocks nested too deeply");
	size_t i = from;
	while (i < to) {
		struct tag tg;
		int rc = next_tag(t, i, to, &tg, e);
		if (rc < 0)
			return rc;
		size_t text_end = rc ? tg.start : to;
		if (emit && buf_append(out, t + i, text_end - i))
			return full(e);
		if (!rc)
			break;
		if (tg.kind == TAG_END)
			return bad(e, tg.start, "closing tag without its block");
		const struct tmpl_arg *a = lookup(args, tg.name);
		if (!a)
			return bad(e, tg.start, "unknown name");
		const char *v = a->value ? a->value : "";
		if (tg.kind == TAG_IF || tg.kind == TAG_UNLESS) {
			/* Find the matching close: same name at the same depth. */
			size_t j = tg.end;
			int level = 0;
			struct tag in;
			for (;;) {
				int r = next_tag(t, j, to, &in, e);
				if (r < 0)
					return r;
				if (r == 0)
					return bad(e, tg.start, "block is not closed");
				if (in.kind == TAG_IF || in.kind == TAG_UNLESS)
					level++;
				else if (in.kind == TAG_END && level > 0)
					level--;
				else if (in.kind == TAG_END) {
					if (strcmp(in.name, tg.name) != 0)
						return bad(e, in.start, "closing tag does not match its block");
					break;
				}
				j = in.end;
			}
			int cond = (*v != '\0') == (tg.kind == TAG_IF);
			rc = render(out, t, tg.end, in.start, args, emit && cond, depth + 1, e);
			if (rc)
				return rc;
			i = in.end;
			continue;
		}
		if (tg.kind == TAG_RAW && !a->trusted)
			return bad(e, tg.start, "raw insert of a value that is not a trusted fragment");
		if (emit) {
			if (tg.kind == TAG_RAW)
				rc = buf_puts(out, v);
			else if (tg.kind == TAG_TEXT)
				rc = tmpl_escape(out, v);
			else
				rc = tmpl_url_encode(out, v); /* only unreserved bytes and %XX: nothing to escape */
			if (rc)
				return full(e);
		}
		i = tg.end;
	}
	return 0;
}

int tmpl_render(struct buf *out, const char *tmpl, const struct tmpl_arg *args, struct dy_err *e)
{
	if (!tmpl)
		return bad(e, 0, "no template");
	return render(out, tmpl, 0, strlen(tmpl), args, 1, 0, e);
}
