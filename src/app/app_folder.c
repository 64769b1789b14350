/* app_folder.c: a new folder of files, all or nothing (app_folder.h).
 *
 * Every file is written unnamed (O_TMPFILE) beside the target folder, mode
 * 0600, and fsynced by its writer; only when all of them are complete are
 * they linked into a fresh private folder (mkdtemp, 0700) that is renamed
 * into place in one step. A failed or killed writer leaves nothing behind:
 * the unnamed files vanish with the process. An existing target is refused
 * unless `replace`, which swaps it atomically (RENAME_EXCHANGE). Where the
 * file system has no O_TMPFILE the files are written by name into the
 * private folder instead (O_EXCL | O_NOFOLLOW). A writer killed in the
 * microseconds between making the private folder and renaming it leaves
 * that folder (named with its process id); the next export into the same
 * parent removes such folders of processes that no longer run. */
#define _GNU_SOURCE /* O_TMPFILE, renameat2, linkat */
#include "app/app_folder.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/str.h"

static int sys_fail(struct dy_err *e, const char *what)
{
	return dy_fail(e, DY_EINVAL, "dir", "%s: %s", what, strerror(errno));
}

/* What names a private folder, before its writer's process id. */
#define FOLDER_MARK ".dyad-export-"

/* Makes the private folder the files are linked (or written) into. */
static int make_tmpdir(struct folder *j)
{
	/* mkdtemp(3) replaces the name's last six characters, which must be 'X'. */
	enum { UNIQUE = 6 };
	int n = snprintf(j->tmpdir, sizeof j->tmpdir, "%s/.%s" FOLDER_MARK "%ld-", j->parent, j->base, (long)getpid());
	if (n >= 0 && (size_t)n + UNIQUE < sizeof j->tmpdir) {
		memset(j->tmpdir + n, 'X', UNIQUE);
		j->tmpdir[n + UNIQUE] = '\0';
	} else {
		j->tmpdir[0] = '\0';
		errno = ENAMETOOLONG;
		return sys_fail(j->e, "cannot create a private folder beside the target");
	}
	if (!mkdtemp(j->tmpdir)) {
		j->tmpdir[0] = '\0';
		return sys_fail(j->e, "cannot create a private folder beside the target");
	}
	return 0;
}

/* Opens the next file: unnamed in the parent when the file system allows,
 * else by name in the private folder, never following a link. */
int folder_file(struct folder *j, const char *name, struct dy_err *e)
{
	int fd = -1;
	if (j->nfiles == FOLDER_FILES_MAX) {
		dy_fail(e, DY_EINTERNAL, "dir", "too many export files");
		return -1;
	}
	if (j->nfiles == 0 || j->unnamed) {
		fd = open(j->parent, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
		j->unnamed = fd >= 0;
	}
	if (fd < 0) {
		if (!j->tmpdir[0] && make_tmpdir(j))
			return -1;
		char path[sizeof j->tmpdir + 64];
		snprintf(path, sizeof path, "%s/%s", j->tmpdir, name);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0) {
			sys_fail(e, "cannot create an export file");
			return -1;
		}
	}
	j->fds[j->nfiles] = fd;
	j->names[j->nfiles] = name;
	j->nfiles++;
	return fd;
}

/* Links the unnamed files into the private folder by name. */
static int link_all(struct folder *j)
{
	if (!j->tmpdir[0] && make_tmpdir(j))
		return DY_EINVAL;
	for (int i = 0; i < j->nfiles; i++) {
		char proc[64], to[sizeof j->tmpdir + 64];
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", j->fds[i]);
		snprintf(to, sizeof to, "%s/%s", j->tmpdir, j->names[i]);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, to, AT_SYMLINK_FOLLOW) &&
		    linkat(j->fds[i], "", AT_FDCWD, to, AT_EMPTY_PATH))
			return sys_fail(j->e, "cannot name an export file");
	}
	return 0;
}

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* Removes a folder of plain files (a failed export, or the one replaced). */
static void remove_flat(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		int dfd = dirfd(d);
		struct dirent *de;
		while ((de = readdir(d)))
			if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
				unlinkat(dfd, de->d_name, 0);
		closedir(d);
	}
	rmdir(dir);
}

/* Removes the private folders in parent left by writers killed before
 * their rename: those whose process no longer runs. */
static void remove_orphans(const char *parent)
{
	DIR *d = opendir(parent);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] != '.')
			continue;
		const char *m = NULL;
		for (const char *at = strstr(de->d_name, FOLDER_MARK); at; at = strstr(at + 1, FOLDER_MARK))
			m = at;
		char *end;
		long pid = m ? strtol(m + strlen(FOLDER_MARK), &end, 10) : 0;
		if (pid <= 0 || *end != '-' || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		char path[PATH_MAX];
		if (snprintf(path, sizeof path, "%s/%s", parent, de->d_name) < (int)sizeof path)
			remove_flat(path);
	}
	closedir(d);
}

/* Splits target into parent folder and last name; refuses a target that
 * exists (unless replace, and then only a real folder). */
int folder_init(struct folder *j, const char *dir, int replace, struct dy_err *e)
{
	memset(j, 0, sizeof *j);
	j->e = e;
	size_t len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		len--;
	if (len == 0 || len >= sizeof j->target - 64)
		return dy_fail(e, DY_EUSAGE, "dir", "give the folder to export into");
	memcpy(j->target, dir, len);
	j->target[len] = '\0';
	char *slash = strrchr(j->target, '/');
	const char *base = slash ? slash + 1 : j->target;
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || strlen(base) > NAME_MAX - 32)
		return dy_fail(e, DY_EUSAGE, "dir", "name a new folder to export into (not . or ..)");
	str_copy(j->base, sizeof j->base, base);
	if (!slash)
		str_copy(j->parent, sizeof j->parent, ".");
	else if (slash == j->target)
		str_copy(j->parent, sizeof j->parent, "/");
	else
		snprintf(j->parent, sizeof j->parent, "%.*s", (int)(slash - j->target), j->target);
	struct stat st;
	if (lstat(j->target, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			return dy_fail(e, DY_ECONFLICT, "dir", "the target exists and is not a folder: choose a new folder name");
		if (!replace)
			return dy_fail(e, DY_ECONFLICT, "dir",
			               "the folder already exists: export into a new folder, or add --replace to swap it"
			               " for a fresh export");
	} else if (errno != ENOENT) {
		return sys_fail(e, "cannot look at the target folder");
	}
	remove_orphans(j->parent);
	return 0;
}

/* Everything written: name the files, fsync, move the folder into place. */
int folder_commit(struct folder *j, int replace)
{
	/* The files' data are already synced; naming them and the rename take
	 * microseconds, so a kill almost never finds the private folder. The
	 * folder's entries are synced after the rename (metadata journals keep
	 * the links before the rename that follows them). */
	int rc = j->unnamed ? link_all(j) : 0;
	if (rc)
		return rc;
	if (renameat2(AT_FDCWD, j->tmpdir, AT_FDCWD, j->target, RENAME_NOREPLACE) == 0) {
		j->tmpdir[0] = '\0';
	} else if (errno == EEXIST && replace) {
		if (renameat2(AT_FDCWD, j->tmpdir, AT_FDCWD, j->target, RENAME_EXCHANGE))
			return sys_fail(j->e, "cannot swap the new export for the old");
		remove_flat(j->tmpdir); /* now the previous export */
		j->tmpdir[0] = '\0';
	} else if (errno == EEXIST || errno == ENOTEMPTY) {
		return dy_fail(j->e, DY_ECONFLICT, "dir",
		               "the folder already exists: export into a new folder, or add --replace to swap it");
	} else {
		return sys_fail(j->e, "cannot move the export into place");
	}
	if (fsync_dir(j->target) || fsync_dir(j->parent))
		return sys_fail(j->e, "cannot sync the export folder");
	return 0;
}

void folder_free(struct folder *j)
{
	for (int i = 0; i < j->nfiles; i++)
		close(j->fds[i]);
	if (j->tmpdir[0])
		remove_flat(j->tmpdir);
}

