/* store_audit.h: the audit log: who did what to which record, when, from
 * where. Written only by app/ (app_audit.c computes each entry's chain
 * hash); rows are never updated or deleted (triggers refuse it). Details
 * never hold identifiable values. */
#ifndef DYAD_STORE_AUDIT_H
#define DYAD_STORE_AUDIT_H

#include <stdint.h>

#include "store/db.h"

#define AUDIT_HASH_HEX 65 /* 64 hex digits of BLAKE2b-256 and a NUL */

struct audit_row {
	int64_t id;
	char at[21];          /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	char actor[64];       /* user name, "cli:<login>", "import" */
	int64_t user_id;      /* app_user.id, 0 for the command line */
	char action[48];
	char entity[32];
	int64_t entity_id;    /* 0 when none */
	char address[64];     /* client address, "local", or "" (before the web) */
	char detail[256];
	char hash[AUDIT_HASH_HEX]; /* "" for a row not yet sealed into the chain */
};

/* The last entry's id and hash from audit_head; *found 0 when the chain has
 * not been started (then id and hash are zero). */
int store_audit_head(db_t *db, int64_t *last_id, char hash[AUDIT_HASH_HEX], int *found,
                     struct dy_err *e);

/* Inserts rows[0..n) (in chain order) with their explicit ids and hashes,
 * and moves audit_head to the last of them (nothing when n is 0). */
int store_audit_insert(db_t *db, struct audit_row *const *rows, int n, struct dy_err *e);

/* Sets the hash of a legacy row written before the chain (hash NULL). */
int store_audit_seal_row(db_t *db, int64_t id, const char *hash, struct dy_err *e);

/* The largest audit id, 0 when empty. */
int store_audit_max_id(db_t *db, int64_t *out, struct dy_err *e);

typedef int (*store_audit_fn)(void *ctx, const struct audit_row *r);

/* Calls fn for every entry in id order (fn returning non-zero stops and is
 * returned). */
int store_audit_each(db_t *db, store_audit_fn fn, void *ctx, struct dy_err *e);

/* Calls fn for the entries about one record (entity, id), newest first, at
 * most limit. */
int store_audit_for(db_t *db, const char *entity, int64_t entity_id, int limit, store_audit_fn fn, void *ctx,
                    struct dy_err *e);

#endif
