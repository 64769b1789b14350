/* arena.c: a per-request bump allocator: blocks of at least 8 KiB, freed
 * together, with a cap on the total handed out. */
#include "util/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"

struct arena_block {
	struct arena_block *next;
	size_t size; /* usable bytes after the header */
	size_t off;  /* bytes used */
	alignas(max_align_t) unsigned char data[];
};

enum { BLOCK_MIN = 8192 };

void arena_init(struct arena *a, size_t max)
{
	a->head = NULL;
	a->used = 0;
	a->max = max;
}

void *arena_alloc(struct arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	size_t need = (n + align - 1) & ~(align - 1);
	if (need < n || need > a->max - a->used)
		return NULL;
	struct arena_block *b = a->head;
	if (!b || b->size - b->off < need) {
		size_t size = need > BLOCK_MIN ? need : BLOCK_MIN;
		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->off = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->off;
	b->off += need;
	a->used += need;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_free(struct arena *a)
{
	while (a->head) {
		struct arena_block *next = a->head->next;
		free(a->head);
		a->head = next;
	}
	a->used = 0;
}
