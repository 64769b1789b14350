/* arena.h: a per-request bump allocator with a hard cap.
 *
 * An HTTP handler allocates freely from its request's arena; everything is
 * released at once when the request ends. The cap bounds what one request
 * can make the server hold, whatever the client sends. */
#ifndef DYAD_UTIL_ARENA_H
#define DYAD_UTIL_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head; /* newest block first */
	size_t used;              /* bytes handed out, all blocks */
	size_t max;               /* the most used may ever be */
};

/* Starts an empty arena that refuses to hand out more than max bytes. */
void arena_init(struct arena *a, size_t max);

/* n bytes aligned for any type, zeroed; NULL when the cap would be passed
 * (never for lack of memory: that aborts). Freed by arena_free. */
void *arena_alloc(struct arena *a, size_t n);

/* A copy of the first n bytes of s, NUL-terminated; NULL past the cap. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* A copy of s (NUL-terminated); NULL past the cap. */
char *arena_strdup(struct arena *a, const char *s);

/* Frees every block; the arena may be reused after arena_init. */
void arena_free(struct arena *a);

#endif
