/* fuzz_dir.h: shared by the whole-folder fuzz targets. Splits the fuzz input
 * at NUL bytes into the files of an export folder (in the order below; an
 * empty part means the file is absent) and writes them into a scratch
 * folder, on /dev/shm when there is one so that fsync costs nothing. */
#ifndef DYAD_FUZZ_DIR_H
#define DYAD_FUZZ_DIR_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const fuzz_files[] = {"people.csv", "referrals.csv", "contacts.csv", "episode_events.csv",
                                         "practitioners.csv", "team.csv", "safeguarding.csv", "outcomes.csv",
                                         "measures.csv", "goals.csv", "goal_ratings.csv",
                                         "eligibility_overrides.csv", "manifest.csv", "video_cycles.csv",
                                         "notes.csv", "careplans.csv", "group_runs.csv", "group_enrolments.csv",
                                         "group_attendance.csv", "group_waiting.csv",
                                         "training.csv", "training_attendees.csv", "consultations.csv",
                                         "supervision.csv", "letters.csv", "feedback.csv", "appointments.csv"};
#define FUZZ_NFILES (sizeof fuzz_files / sizeof fuzz_files[0])

/* A fresh scratch folder made once per process: base/tag-XXXXXX. */
static inline const char *fuzz_scratch(char *out, size_t n, const char *tag)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(out, n, "%s/dyad-%s-XXXXXX", base, tag);
	if (!mkdtemp(out))
		abort();
	return out;
}

/* Writes the parts of data into dir as the folder's files. */
static inline void fuzz_write_dir(const char *dir, const uint8_t *data, size_t size)
{
	size_t start = 0;
	for (size_t k = 0; k < FUZZ_NFILES; k++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, fuzz_files[k]);
		size_t end = start;
		while (end < size && data[end] != 0)
			end++;
		unlink(path);
		if (start < size && end > start) {
			FILE *f = fopen(path, "wb");
			if (!f)
				abort();
			fwrite(data + start, 1, end - start, f);
			fclose(f);
		}
		start = end < size ? end + 1 : size;
	}
}

/* Removes a folder of plain files (an export). */
static inline void fuzz_rm_dir(const char *dir)
{
	for (size_t k = 0; k < FUZZ_NFILES; k++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, fuzz_files[k]);
		unlink(path);
	}
	rmdir(dir);
}

#endif
