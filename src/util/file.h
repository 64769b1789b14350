/* file.h: reading whole files and listing folders, with size caps. The
 * only file-system helpers; callers above core/ use them to feed parsers that
 * work on bytes in memory. */
#ifndef DYAD_UTIL_FILE_H
#define DYAD_UTIL_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "util/err.h"

/* Reads the whole file at path into a malloc'd, NUL-terminated buffer
 * (caller frees *out) of *len bytes. Refused, with e->where the path:
 * DY_ENOTFOUND when the file cannot be opened or read (missing, no
 * permission, an I/O error), DY_EINVAL only when it is larger than max bytes
 * (so callers tell the two apart by code, never by message). */
int file_read_all(const char *path, size_t max, char **out, size_t *len, struct dy_err *e);

/* The names in folder dir that end in suffix (hidden files skipped), sorted;
 * *names is a malloc'd array of malloc'd strings (free with file_names_free).
 * DY_ENOTFOUND when the folder cannot be opened. */
int file_list(const char *dir, const char *suffix, char ***names, size_t *n, struct dy_err *e);

/* Opens dir/name for reading only if it is a regular file: a symbolic link
 * (dangling or not), folder, FIFO, device or socket is refused with DY_EINVAL
 * and a plain reason, without blocking (a FIFO is never waited on). An
 * absent file gives *out = NULL and 0 when optional, else DY_ENOTFOUND.
 * e->where is name. */
int file_open_in(const char *dir, const char *name, int optional, FILE **out, struct dy_err *e);

/* Frees what file_list returned. */
void file_names_free(char **names, size_t n);

#endif
