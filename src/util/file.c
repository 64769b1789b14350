/* file.c: capped whole-file reads and sorted folder listings. */
#include "util/file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int file_open_in(const char *dir, const char *name, int optional, FILE **out, struct dy_err *e)
{
	*out = NULL;
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	int code = 0;
	if (fd < 0) {
		if (errno == ENOENT && optional)
			return 0;
		code = errno == ENOENT ? DY_ENOTFOUND : DY_EINVAL;
		if (errno == ELOOP)
			dy_fail(e, code, NULL, "is a symbolic link: import reads only plain files; copy the file itself here");
		else if (errno == ENOENT)
			dy_fail(e, code, NULL, "is missing");
		else
			dy_fail(e, code, NULL, "cannot be opened: %s", strerror(errno));
	} else {
		struct stat st;
		if (fstat(fd, &st))
			code = dy_fail(e, DY_EINVAL, NULL, "cannot be read: %s", strerror(errno));
		else if (S_ISDIR(st.st_mode))
			code = dy_fail(e, DY_EINVAL, NULL, "is a folder, not a file");
		else if (!S_ISREG(st.st_mode))
			code = dy_fail(e, DY_EINVAL, NULL, "is not a plain file (a FIFO, device or socket): import reads only"
			                                   " plain files");
		else if (fcntl(fd, F_SETFL, 0) || !(*out = fdopen(fd, "rb")))
			code = dy_fail(e, DY_EINVAL, NULL, "cannot be read: %s", strerror(errno));
		if (code)
			close(fd);
	}
	if (code)
		dy_err_where(e, "%.120s", name);
	return code;
}

int file_read_all(const char *path, size_t max, char **out, size_t *len, struct dy_err *e)
{
	*out = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		dy_fail(e, DY_ENOTFOUND, "", "cannot be opened: %s", strerror(errno));
		dy_err_where(e, "%.120s", path);
		return DY_ENOTFOUND;
	}
	size_t cap = 8192, n = 0;
	char *b = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap >= max + 1)
				break;
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			b = xrealloc(b, cap + 1);
		}
		size_t got = fread(b + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad || n > max) {
		free(b);
		int code = bad ? DY_ENOTFOUND : DY_EINVAL;
		dy_fail(e, code, "", bad ? "cannot be read" : "is larger than %zu bytes", max);
		dy_err_where(e, "%.120s", path);
		return code;
	}
	b[n] = '\0';
	*out = b;
	*len = n;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int file_list(const char *dir, const char *suffix, char ***names, size_t *n, struct dy_err *e)
{
	*names = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d) {
		dy_fail(e, DY_ENOTFOUND, "", "the folder cannot be opened: %s", strerror(errno));
		dy_err_where(e, "%.120s", dir);
		return DY_ENOTFOUND;
	}
	size_t cap = 0, slen = strlen(suffix);
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (len <= slen || de->d_name[0] == '.' || strcmp(de->d_name + len - slen, suffix) != 0)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*names = xrealloc(*names, cap * sizeof **names);
		}
		(*names)[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n)
		qsort(*names, *n, sizeof **names, cmp_str);
	return 0;
}

void file_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
