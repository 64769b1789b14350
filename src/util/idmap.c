/* idmap.c: linear-probing hash map, load factor at most 1/2. */
#include "util/idmap.h"

#include <stdlib.h>

#include "util/err.h"

static size_t slot(int64_t key, size_t cap)
{
	uint64_t h = (uint64_t)key * 0x9e3779b97f4a7c15ULL;
	return (size_t)(h >> 17) & (cap - 1);
}

void idmap_init(struct idmap *m)
{
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->n = 0;
}

static void grow(struct idmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 1024;
	int64_t *keys = xcalloc(cap, sizeof *keys);
	uint32_t *vals = xcalloc(cap, sizeof *vals);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t j = slot(m->keys[i], cap);
		while (keys[j])
			j = (j + 1) & (cap - 1);
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = cap;
}

void idmap_put(struct idmap *m, int64_t key, uint32_t val)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	size_t j = slot(key, m->cap);
	while (m->keys[j] && m->keys[j] != key)
		j = (j + 1) & (m->cap - 1);
	if (!m->keys[j])
		m->n++;
	m->keys[j] = key;
	m->vals[j] = val;
}

int idmap_get(const struct idmap *m, int64_t key, uint32_t *val)
{
	if (!m->cap)
		return 0;
	size_t j = slot(key, m->cap);
	while (m->keys[j]) {
		if (m->keys[j] == key) {
			*val = m->vals[j];
			return 1;
		}
		j = (j + 1) & (m->cap - 1);
	}
	return 0;
}

void idmap_free(struct idmap *m)
{
	free(m->keys);
	free(m->vals);
	idmap_init(m);
}
