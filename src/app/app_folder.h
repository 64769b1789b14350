/* app_folder.h: writing a new folder of files all or nothing (app_folder.c):
 * the files appear together, complete and synced, or not at all. Used by
 * the export writers. */
#ifndef DYAD_APP_FOLDER_H
#define DYAD_APP_FOLDER_H

#include <limits.h>

#include "util/err.h"

#define FOLDER_FILES_MAX 40

/* A folder being written: where, and the files so far. */
struct folder {
	char parent[PATH_MAX], base[NAME_MAX + 1], target[PATH_MAX];
	char tmpdir[PATH_MAX + NAME_MAX + 32]; /* the private folder, once made ("" before) */
	int unnamed;                           /* files are O_TMPFILE, linked at the end */
	int fds[FOLDER_FILES_MAX];
	const char *names[FOLDER_FILES_MAX]; /* not copied: the caller's strings outlive j */
	int nfiles;
	struct dy_err *e;
};

/* Starts j for the folder dir: refuses (DY_EUSAGE) ".", ".." or an empty
 * name, and (DY_ECONFLICT) an existing dir unless replace and it is a real
 * folder. Nothing is created yet. */
int folder_init(struct folder *j, const char *dir, int replace, struct dy_err *e);

/* Opens the next file, named name in the finished folder, for writing
 * (mode 0600, never through a link): its descriptor, or -1 with e filled.
 * The caller writes and fsyncs it; j closes it. */
int folder_file(struct folder *j, const char *name, struct dy_err *e);

/* Every file written: names them, moves the folder into place (swapping an
 * existing one when replace) and syncs the folders: 0 or an error in j->e. */
int folder_commit(struct folder *j, int replace);

/* Closes j's files and removes whatever was not committed. */
void folder_free(struct folder *j);

#endif
