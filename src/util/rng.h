/* rng.h: a small, fast, seedable pseudo-random generator (xoshiro256**,
 * seeded through splitmix64) for repeatable demo data. Not for secrets:
 * tokens and keys come from libsodium. */
#ifndef DYAD_UTIL_RNG_H
#define DYAD_UTIL_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s[4];
};

/* Seeds r so that the same seed always gives the same sequence. */
void rng_seed(struct rng *r, uint64_t seed);

/* The next 64 random bits. */
uint64_t rng_next(struct rng *r);

/* A uniform integer in [lo, hi] (inclusive); lo <= hi. */
int rng_range(struct rng *r, int lo, int hi);

/* True with probability p (0..1). */
int rng_chance(struct rng *r, double p);

/* A uniform double in [0, 1). */
double rng_unit(struct rng *r);

/* Picks an index 0..n-1 with the given relative weights (sum > 0). */
int rng_weighted(struct rng *r, const int *weights, int n);

#endif
