/* app_ops.c: backup (over db_backup, audited) and the doctor's file checks. */
#include "app/app_ops.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int app_backup(struct app *a, const char *path, struct db_backup_report *r, struct dy_err *e)
{
	int rc = db_backup(a->db, path, r, e);
	if (rc)
		return rc;
	char detail[64];
	snprintf(detail, sizeof detail, "%lld rows in %d tables", (long long)r->rows, r->ntables);
	if ((rc = app_begin(a, e))) /* who copied identifiable data, and when */
		return rc;
	return app_end(a, 0, "backup", "team", a->team_id, detail, e);
}

struct doctor {
	app_doctor_fn fn;
	void *ctx;
	int found;
};

static void finding(struct doctor *d, const char *line)
{
	d->fn(d->ctx, line);
	d->found++;
}

/* One file or folder: private means no permission for group or others. */
static void check_mode(struct doctor *d, const char *path, const char *what)
{
	struct stat st;
	if (lstat(path, &st))
		return;
	unsigned mode = st.st_mode & 0777;
	if (!(mode & 077))
		return;
	char line[9000];
	snprintf(line, sizeof line, "%s %s can be %s by others (mode %03o): chmod %s %s", what, path,
	         mode & 044 ? "read" : "used", mode, S_ISDIR(st.st_mode) ? "700" : "600", path);
	finding(d, line);
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* An export folder: the folder and every file in it. */
static void check_export(struct doctor *d, const char *dir)
{
	check_mode(d, dir, "the export folder");
	DIR *h = opendir(dir);
	if (!h)
		return;
	struct dirent *de;
	while ((de = readdir(h))) {
		if (de->d_name[0] == '.')
			continue;
		char path[4700];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		check_mode(d, path, "the export file");
	}
	closedir(h);
}

static int is_export(const char *dir)
{
	char path[4600];
	snprintf(path, sizeof path, "%s/manifest.csv", dir);
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int app_doctor(const char *db_path, const char *extra, app_doctor_fn fn, void *ctx)
{
	struct doctor d = {fn, ctx, 0};
	char path[4400];
	check_mode(&d, db_path, "the database");
	snprintf(path, sizeof path, "%s-wal", db_path);
	check_mode(&d, path, "the database journal");
	snprintf(path, sizeof path, "%s-shm", db_path);
	check_mode(&d, path, "the database journal");
	/* Exports and backups kept beside the database. */
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", db_path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	const char *base = strrchr(db_path, '/') ? strrchr(db_path, '/') + 1 : db_path;
	DIR *h = opendir(dir);
	if (h) {
		struct dirent *de;
		while ((de = readdir(h))) {
			const char *n = de->d_name;
			if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0 || strncmp(n, base, strlen(base)) == 0)
				continue;
			snprintf(path, sizeof path, "%s/%s", dir, n);
			struct stat st;
			if (lstat(path, &st))
				continue;
			if (S_ISDIR(st.st_mode) && n[0] == '.' && strstr(n, ".dyad-export-")) {
				char line[9000];
				snprintf(line, sizeof line, "%s is an unfinished export's private folder: remove it (rm -r %s)", path,
				         path);
				finding(&d, line);
			} else if (S_ISDIR(st.st_mode) && is_export(path)) {
				check_export(&d, path);
			} else if (S_ISREG(st.st_mode) && (has_suffix(n, ".db") || has_suffix(n, ".backup") ||
			                                   has_suffix(n, ".db-wal") || has_suffix(n, ".db-shm"))) {
				check_mode(&d, path, "the database or backup");
			}
		}
		closedir(h);
	}
	if (extra && *extra) {
		struct stat st;
		if (stat(extra, &st) == 0 && S_ISDIR(st.st_mode))
			check_export(&d, extra);
		else
			check_mode(&d, extra, "the file");
	}
	return d.found;
}
