/* app_manifest.h: the manifest of an export folder (manifest.csv): each
 * file's name, data rows and BLAKE2b-256 checksum, so that an import can
 * tell a complete, unchanged export from a partial or edited one.
 *
 *   file,rows,blake2b
 *   people.csv,812,6f1c…(64 hex digits)
 */
#ifndef DYAD_APP_MANIFEST_H
#define DYAD_APP_MANIFEST_H

#include <sodium.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define MANIFEST_FILE "manifest.csv"
#define MANIFEST_MAX 48
#define MANIFEST_HASH_BYTES 32

struct manifest_hash {
	crypto_generichash_state st;
};

struct manifest_entry {
	char file[64];
	int64_t rows;
	unsigned char hash[MANIFEST_HASH_BYTES];
};

struct manifest {
	int n; /* entries; -1 when the folder has no manifest */
	struct manifest_entry e[MANIFEST_MAX];
};

/* A running checksum of one file's bytes. */
void manifest_hash_init(struct manifest_hash *h);
void manifest_hash_update(struct manifest_hash *h, const void *data, size_t len);

/* Finishes h and adds (file, rows, checksum) to m. */
void manifest_add(struct manifest *m, const char *file, int64_t rows, struct manifest_hash *h);

/* Writes m as CSV to fd and fsyncs it (fd stays open). */
int manifest_write(const struct manifest *m, int fd, struct dy_err *e);

/* Reads dir/manifest.csv into m (m->n = -1 when there is none) and checks
 * that every file it lists is present, a regular file, and has its
 * checksum: else DY_EINVAL naming the file and what to do. */
int manifest_check(const char *dir, struct manifest *m, struct dy_err *e);

/* The rows m lists for file, or -1 when it does not list it. */
int64_t manifest_rows(const struct manifest *m, const char *file);

#endif
