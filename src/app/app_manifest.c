/* app_manifest.c: writing and checking an export's manifest.csv. */
#include "app/app_manifest.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/csv.h"
#include "util/csvtab.h"
#include "util/file.h"
#include "util/str.h"

void manifest_hash_init(struct manifest_hash *h)
{
	crypto_generichash_init(&h->st, NULL, 0, MANIFEST_HASH_BYTES);
}

void manifest_hash_update(struct manifest_hash *h, const void *data, size_t len)
{
	crypto_generichash_update(&h->st, data, len);
}

void manifest_add(struct manifest *m, const char *file, int64_t rows, struct manifest_hash *h)
{
	if (m->n < 0)
		m->n = 0;
	if (m->n >= MANIFEST_MAX)
		return;
	struct manifest_entry *x = &m->e[m->n++];
	str_copy(x->file, sizeof x->file, file);
	x->rows = rows;
	crypto_generichash_final(&h->st, x->hash, MANIFEST_HASH_BYTES);
}

int manifest_write(const struct manifest *m, int fd, struct dy_err *e)
{
	struct buf b;
	buf_init(&b, 1 << 16);
	csv_put(&b, "file", 1);
	csv_put(&b, "rows", 0);
	csv_put(&b, "blake2b", 0);
	csv_end(&b);
	for (int i = 0; i < m->n; i++) {
		char rows[24], hex[2 * MANIFEST_HASH_BYTES + 1];
		snprintf(rows, sizeof rows, "%lld", (long long)m->e[i].rows);
		sodium_bin2hex(hex, sizeof hex, m->e[i].hash, MANIFEST_HASH_BYTES);
		csv_put(&b, m->e[i].file, 1);
		csv_put(&b, rows, 0);
		csv_put(&b, hex, 0);
		csv_end(&b);
	}
	size_t off = 0;
	int rc = 0;
	while (off < b.len) {
		ssize_t w = write(fd, b.data + off, b.len - off);
		if (w <= 0) {
			rc = dy_fail(e, DY_EINTERNAL, "dir", "writing %s failed", MANIFEST_FILE);
			break;
		}
		off += (size_t)w;
	}
	if (!rc && fsync(fd))
		rc = dy_fail(e, DY_EINTERNAL, "dir", "writing %s failed", MANIFEST_FILE);
	buf_free(&b);
	return rc;
}

/* The checksum of the regular file dir/name. */
static int hash_file(const char *dir, const char *name, unsigned char out[MANIFEST_HASH_BYTES], struct dy_err *e)
{
	FILE *f;
	int rc = file_open_in(dir, name, 0, &f, e);
	if (rc)
		return rc;
	struct manifest_hash h;
	manifest_hash_init(&h);
	char block[65536];
	size_t got;
	while ((got = fread(block, 1, sizeof block, f)) > 0)
		manifest_hash_update(&h, block, got);
	int bad = ferror(f);
	fclose(f);
	crypto_generichash_final(&h.st, out, MANIFEST_HASH_BYTES);
	if (bad) {
		dy_fail(e, DY_EINVAL, NULL, "cannot be read");
		dy_err_where(e, "%s", name);
		return DY_EINVAL;
	}
	return 0;
}

static const struct csvtab_col cols[] = {{"file", 1}, {"rows", 1}, {"blake2b", 1}};

int manifest_check(const char *dir, struct manifest *m, struct dy_err *e)
{
	m->n = -1;
	struct csvtab t;
	int rc = csvtab_open(&t, dir, MANIFEST_FILE, cols, 3, 0, e);
	if (rc || !t.f) {
		csvtab_close(&t);
		return rc;
	}
	m->n = 0;
	while ((rc = csvtab_next(&t, e)) == 1) {
		if (m->n == MANIFEST_MAX) {
			rc = dy_fail(e, DY_EINVAL, NULL, "lists more than %d files", MANIFEST_MAX);
			break;
		}
		struct manifest_entry *x = &m->e[m->n];
		const char *file = csvtab_get(&t, 0), *hex = csvtab_get(&t, 2);
		if (!*file || strchr(file, '/') || file[0] == '.' || strlen(file) >= sizeof x->file) {
			rc = dy_fail(e, DY_EINVAL, "file", "must be the name of a file in the folder");
			break;
		}
		str_copy(x->file, sizeof x->file, file);
		if (str_parse_i64(csvtab_get(&t, 1), 0, INT64_MAX / 2, &x->rows)) {
			rc = dy_fail(e, DY_EINVAL, "rows", "must be a whole number");
			break;
		}
		size_t len = 0;
		if (strlen(hex) != 2 * MANIFEST_HASH_BYTES ||
		    sodium_hex2bin(x->hash, sizeof x->hash, hex, strlen(hex), NULL, &len, NULL) || len != sizeof x->hash) {
			rc = dy_fail(e, DY_EINVAL, "blake2b", "must be 64 hexadecimal digits");
			break;
		}
		m->n++;
	}
	if (rc < 0)
		csvtab_fail(&t, -1, e);
	csvtab_close(&t);
	if (rc < 0)
		return rc;
	for (int i = 0; i < m->n; i++) {
		unsigned char h[MANIFEST_HASH_BYTES];
		struct dy_err fe;
		dy_err_clear(&fe);
		rc = hash_file(dir, m->e[i].file, h, &fe);
		if (rc == DY_ENOTFOUND)
			rc = dy_fail(e, DY_EINVAL, NULL, "lists %s, which is missing: the export is incomplete; export again",
			             m->e[i].file);
		else if (rc)
			*e = fe;
		else if (sodium_memcmp(h, m->e[i].hash, MANIFEST_HASH_BYTES) != 0)
			rc = dy_fail(e, DY_EINVAL, NULL,
			             "%s does not match its checksum: it is incomplete or was changed (export again;"
			             " after a deliberate edit, delete manifest.csv)",
			             m->e[i].file);
		if (rc) {
			if (!e->where[0])
				dy_err_where(e, "%s", MANIFEST_FILE);
			return rc;
		}
	}
	return 0;
}

int64_t manifest_rows(const struct manifest *m, const char *file)
{
	for (int i = 0; i < m->n; i++)
		if (strcmp(m->e[i].file, file) == 0)
			return m->e[i].rows;
	return -1;
}
