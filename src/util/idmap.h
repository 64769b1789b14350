/* idmap.h: an open-addressing hash map from positive 64-bit ids to 32-bit
 * values (usually an index into the caller's arrays). Grows as needed. */
#ifndef DYAD_UTIL_IDMAP_H
#define DYAD_UTIL_IDMAP_H

#include <stddef.h>
#include <stdint.h>

struct idmap {
	int64_t *keys;   /* 0 marks an empty slot */
	uint32_t *vals;
	size_t cap;      /* a power of two */
	size_t n;
};

/* Starts an empty map. */
void idmap_init(struct idmap *m);

/* Sets key (> 0) to val, replacing any earlier value. */
void idmap_put(struct idmap *m, int64_t key, uint32_t val);

/* Writes key's value to *val and returns 1, or returns 0 when absent. */
int idmap_get(const struct idmap *m, int64_t key, uint32_t *val);

/* Frees the map's memory. */
void idmap_free(struct idmap *m);

#endif
