/* app_export.c: CSV export of a whole team's data (the files app_import
 * reads), all or nothing.
 *
 * Every file is written unnamed (O_TMPFILE) beside the target folder, mode
 * 0600, hashed (BLAKE2b) as it is written and fsynced; only when all of them
 * and manifest.csv (each file's rows and checksum) are complete are they
 * linked into a fresh private folder (mkdtemp, 0700) that is renamed into
 * place in one step. A failed or killed export leaves nothing behind: the
 * unnamed files vanish with the process. An existing target is refused
 * unless `replace`, which swaps it atomically (RENAME_EXCHANGE). Where the
 * file system has no O_TMPFILE the files are written by name into the
 * private folder instead (O_EXCL | O_NOFOLLOW). The files hold identifiable
 * data: they are a backup and a transfer format, not an analyst extract. */
#define _GNU_SOURCE /* O_TMPFILE, renameat2, linkat */
#include "app/app_transfer.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/app_manifest.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_goal.h"
#include "store/store_measure.h"
#include "store/store_note.h"
#include "store/store_pathway.h"
#include "store/store_safeguarding.h"
#include "util/buf.h"
#include "util/csv.h"
#include "util/date.h"
#include "util/str.h"

#define NFILES 16 /* the data files (13 now) and the manifest */

/* The export being written: where, and the files so far. */
struct job {
	char parent[PATH_MAX], base[NAME_MAX + 1], target[PATH_MAX];
	char tmpdir[PATH_MAX + NAME_MAX + 32]; /* the private folder, once made ("" before) */
	int unnamed;           /* files are O_TMPFILE, linked at the end */
	int fds[NFILES];
	const char *names[NFILES];
	int nfiles;
	struct manifest man;
	struct dy_err *e;
};

struct out {
	struct job *job;
	FILE *f;
	struct buf row;
	int64_t *count;
	struct manifest_hash hash;
	const char *name;
	struct dy_err *e;
	int first;      /* the next cell starts the row */
};

static int sys_fail(struct dy_err *e, const char *what)
{
	return dy_fail(e, DY_EINVAL, "dir", "%s: %s", what, strerror(errno));
}

/* Makes the private folder the files are linked (or written) into. */
static int make_tmpdir(struct job *j)
{
	snprintf(j->tmpdir, sizeof j->tmpdir, "%s/.%s.dyad-export-XXXXXX", j->parent, j->base);
	if (!mkdtemp(j->tmpdir)) {
		j->tmpdir[0] = '\0';
		return sys_fail(j->e, "cannot create a private folder beside the target");
	}
	return 0;
}

/* Opens the next file: unnamed in the parent when the file system allows,
 * else by name in the private folder, never following a link. */
static int job_open(struct job *j, const char *name, struct dy_err *e)
{
	int fd = -1;
	if (j->nfiles == NFILES) {
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

static void out_write(struct out *o, const char *data, size_t len)
{
	fwrite(data, 1, len, o->f);
	manifest_hash_update(&o->hash, data, len);
}

static int out_open(struct out *o, struct job *j, const char *name, const char *const *header, int64_t *count,
                    struct dy_err *e)
{
	memset(o, 0, sizeof *o);
	o->job = j;
	o->count = count;
	o->name = name;
	o->e = e;
	int fd = job_open(j, name, e);
	if (fd < 0)
		return DY_EINVAL;
	/* The FILE writes through a duplicate: the job keeps fd for linking. */
	int dup_fd = dup(fd);
	o->f = dup_fd < 0 ? NULL : fdopen(dup_fd, "wb");
	if (!o->f) {
		if (dup_fd >= 0)
			close(dup_fd);
		return sys_fail(e, "cannot write an export file");
	}
	setvbuf(o->f, NULL, _IOFBF, 1 << 16);
	manifest_hash_init(&o->hash);
	buf_init(&o->row, 1 << 20);
	for (int i = 0; header[i]; i++)
		csv_put(&o->row, header[i], i == 0);
	csv_end(&o->row);
	out_write(o, o->row.data, o->row.len);
	buf_reset(&o->row);
	o->first = 1;
	return 0;
}

/* Flushes, fsyncs and closes the file, and notes it in the manifest. */
static int out_close(struct out *o, int rc)
{
	int werr = fflush(o->f) || ferror(o->f) || fsync(fileno(o->f));
	if (fclose(o->f) || werr) {
		if (!rc)
			rc = dy_fail(o->e, DY_EINTERNAL, "dir", "writing %s failed: %s", o->name, strerror(errno));
	}
	if (!rc)
		manifest_add(&o->job->man, o->name, *o->count, &o->hash);
	buf_free(&o->row);
	return rc;
}

/* Appends one cell to the row being built (the comma comes by itself). */
static void cell(struct out *o, const char *v)
{
	csv_put(&o->row, v, o->first);
	o->first = 0;
}

static void cell_id(struct out *o, int64_t v)
{
	char s[24] = "";
	if (v)
		snprintf(s, sizeof s, "%lld", (long long)v);
	cell(o, s);
}

static void cell_int(struct out *o, int v, int absent)
{
	char s[16] = "";
	if (v != absent)
		snprintf(s, sizeof s, "%d", v);
	cell(o, s);
}

static void cell_date(struct out *o, int32_t d)
{
	char s[DATE_LEN];
	date_format(d, s);
	cell(o, s);
}

static void cell_ids(struct out *o, const int64_t *ids, int n)
{
	char s[8 * 21] = "";
	size_t used = 0;
	for (int i = 0; i < n; i++)
		used += (size_t)snprintf(s + used, sizeof s - used, "%s%lld", i ? ";" : "", (long long)ids[i]);
	cell(o, s);
}

static int row_end(struct out *o)
{
	csv_end(&o->row);
	out_write(o, o->row.data, o->row.len);
	buf_reset(&o->row);
	o->first = 1;
	(*o->count)++;
	return 0;
}

static int put_team(struct out *o, const struct team *t)
{
	cell(o, t->code);
	cell(o, t->name);
	cell(o, t->demo ? "yes" : "no");
	return row_end(o);
}

static int put_practitioner(void *ctx, const struct practitioner *p)
{
	struct out *o = ctx;
	cell_id(o, p->id);
	cell(o, p->name);
	cell(o, p->profession);
	return row_end(o);
}

static int put_person(void *ctx, const struct person *p)
{
	struct out *o = ctx;
	cell_id(o, p->id);
	cell_id(o, p->family_id);
	cell(o, p->role);
	cell(o, p->relationship);
	cell(o, p->nhs_number);
	cell(o, p->given_name);
	cell(o, p->family_name);
	cell_date(o, p->date_of_birth);
	cell_date(o, p->edd);
	cell(o, p->sex);
	cell(o, p->ethnicity);
	cell(o, p->postcode);
	cell_int(o, p->imd_decile, 0);
	cell_int(o, p->gestation_weeks, 0);
	return row_end(o);
}

static int put_episode(void *ctx, const struct episode *ep, const struct pathway_referral *p)
{
	struct out *o = ctx;
	cell_id(o, ep->id);
	cell_id(o, ep->family_id);
	cell_id(o, ep->infant_id);
	cell_id(o, ep->caregiver_id);
	cell_date(o, ep->received_on);
	cell(o, ep->source);
	cell(o, ep->decision);
	cell_date(o, ep->decided_on);
	cell_date(o, ep->discharged_on);
	cell(o, ep->discharge_reason);
	cell(o, episode_state_code(p->state));
	cell(o, p->programme);
	cell(o, p->first_time_parent == ELIGIBILITY_ANSWER_YES  ? "yes"
	        : p->first_time_parent == ELIGIBILITY_ANSWER_NO ? "no"
	                                                        : "");
	return row_end(o);
}

static int put_event(void *ctx, const struct pathway_event *ev)
{
	struct out *o = ctx;
	cell_id(o, ev->episode_id);
	cell(o, ev->from == PATHWAY_NO_STATE ? "" : episode_state_code((enum episode_state)ev->from));
	cell(o, episode_state_code(ev->to));
	cell_date(o, ev->date);
	cell(o, ev->actor);
	cell(o, ev->reason);
	cell(o, ev->service);
	cell(o, ev->recorded_at);
	return row_end(o);
}

static int put_override(void *ctx, const struct pathway_override *ov)
{
	struct out *o = ctx;
	cell_id(o, ov->episode_id);
	cell(o, ov->rule);
	cell(o, ov->reason);
	cell(o, ov->actor);
	cell_date(o, ov->date);
	cell(o, ov->recorded_at);
	return row_end(o);
}

static int put_contact(void *ctx, const struct contact *c)
{
	struct out *o = ctx;
	cell_id(o, c->id);
	cell_id(o, c->episode_id);
	cell_date(o, c->date);
	cell(o, c->kind);
	cell(o, c->intervention);
	cell(o, c->location);
	cell(o, c->attendance);
	cell_int(o, c->duration_min, -1);
	cell_ids(o, c->practitioners, c->n_practitioners);
	cell_ids(o, c->attendees, c->n_attendees);
	return row_end(o);
}

static int put_safeguarding(void *ctx, const struct safeguarding *s)
{
	struct out *o = ctx;
	cell_id(o, s->infant_id);
	cell(o, s->status);
	cell_date(o, s->started_on);
	cell_date(o, s->ended_on);
	return row_end(o);
}

static int put_outcome(void *ctx, const struct discharge_outcome *d)
{
	struct out *o = ctx;
	cell_id(o, d->episode_id);
	cell_id(o, d->infant_id);
	cell(o, d->care_status);
	return row_end(o);
}

static int put_measure(void *ctx, const struct measure_record *r)
{
	struct out *o = ctx;
	const struct measure *m = &r->m;
	cell_id(o, m->episode_id);
	cell_id(o, m->person_id);
	cell(o, m->instrument);
	cell(o, m->timepoint);
	cell_date(o, m->date);
	cell(o, m->responses);
	cell_id(o, r->subject_caregiver_id);
	cell_id(o, r->subject_infant_id);
	cell_id(o, r->practitioner_id);
	cell(o, r->risk_acknowledged_by);
	cell_date(o, r->risk_acknowledged_on);
	cell(o, r->risk_action);
	return row_end(o);
}

static int put_goal(void *ctx, const struct goal *g)
{
	struct out *o = ctx;
	cell_id(o, g->id);
	cell_id(o, g->episode_id);
	cell_int(o, g->position, 0);
	cell(o, g->text);
	cell_date(o, g->set_on);
	return row_end(o);
}

static int put_goal_rating(void *ctx, const struct goal_rating *r)
{
	struct out *o = ctx;
	cell_id(o, r->goal_id);
	cell_date(o, r->date);
	cell_int(o, r->rating, -1);
	return row_end(o);
}

static int put_note(void *ctx, const struct note *n)
{
	struct out *o = ctx;
	cell_id(o, n->id);
	cell_id(o, n->episode_id);
	cell_id(o, n->contact_id);
	cell(o, n->kind);
	cell(o, n->author);
	cell(o, n->written_at);
	cell(o, n->text);
	cell(o, n->signed_at);
	cell_id(o, n->addendum_to);
	cell(o, n->error_reason);
	cell(o, n->error_by);
	cell(o, n->error_at);
	return row_end(o);
}

static const char *const h_team[] = {"code", "name", "demo", 0};
static const char *const h_pract[] = {"practitioner_id", "name", "profession", 0};
static const char *const h_people[] = {"person_id", "family_id", "role", "relationship", "nhs_number",
                                       "given_name", "family_name", "date_of_birth", "edd", "sex", "ethnicity",
                                       "postcode", "imd_decile", "gestation_weeks", 0};
static const char *const h_ref[] = {"referral_id", "family_id", "infant_id", "caregiver_id", "received_on",
                                    "source", "decision", "decided_on", "discharged_on", "discharge_reason",
                                    "state", "programme", "first_time_parent", 0};
static const char *const h_event[] = {"referral_id", "from_state", "to_state", "date", "actor", "reason", "service",
                                      "recorded_at", 0};
static const char *const h_override[] = {"referral_id", "rule", "reason", "actor", "date", "recorded_at", 0};
static const char *const h_contact[] = {"contact_id", "referral_id", "date", "kind", "intervention", "location",
                                        "attendance", "duration_min", "practitioner_ids", "attendee_ids", 0};
static const char *const h_sg[] = {"infant_id", "status", "started_on", "ended_on", 0};
static const char *const h_out[] = {"referral_id", "infant_id", "care_status", 0};
static const char *const h_meas[] = {"referral_id", "person_id", "instrument", "timepoint", "date", "responses",
                                     "subject_caregiver_id", "subject_infant_id", "practitioner_id",
                                     "risk_acknowledged_by", "risk_acknowledged_on", "risk_action", 0};
static const char *const h_goal[] = {"goal_id", "referral_id", "position", "text", "set_on", 0};
static const char *const h_rating[] = {"goal_id", "date", "rating", 0};
static const char *const h_note[] = {"note_id", "referral_id", "contact_id", "kind", "author", "written_at", "text",
                                     "signed_at", "addendum_to", "error_reason", "error_by", "error_at", 0};

/* Links the unnamed files into the private folder by name. */
static int link_all(struct job *j)
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

/* Splits target into parent folder and last name; refuses a target that
 * exists (unless replace, and then only a real folder). */
static int job_init(struct job *j, const char *dir, int replace, struct dy_err *e)
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
	return 0;
}

/* Everything written: name the files, fsync, move the folder into place. */
static int job_commit(struct job *j, int replace)
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

static void job_free(struct job *j)
{
	for (int i = 0; i < j->nfiles; i++)
		close(j->fds[i]);
	if (j->tmpdir[0])
		remove_flat(j->tmpdir);
}

int app_export(struct app *a, const char *dir, int replace, struct transfer_counts *n, struct dy_err *e)
{
	memset(n, 0, sizeof *n);
	struct job j;
	int rc = job_init(&j, dir, replace, e);
	if (rc)
		return rc;
	/* One read transaction: every file shows the same moment. */
	if ((rc = db_begin_read(a->db, e)))
		return rc;
	struct out o;
	struct team team;
	int64_t teams = 0;
	if (!(rc = store_team_get(a->db, a->team_id, &team, e)) && !(rc = out_open(&o, &j, "team.csv", h_team, &teams, e)))
		rc = out_close(&o, put_team(&o, &team));
	if (!rc && !(rc = out_open(&o, &j, "practitioners.csv", h_pract, &n->practitioners, e)))
		rc = out_close(&o, store_practitioner_list(a->db, put_practitioner, &o, e));
	if (!rc && !(rc = out_open(&o, &j, "people.csv", h_people, &n->people, e)))
		rc = out_close(&o, store_person_list(a->db, 0, put_person, &o, e));
	if (!rc && !(rc = out_open(&o, &j, "referrals.csv", h_ref, &n->referrals, e)))
		rc = out_close(&o, store_pathway_referral_list(a->db, put_episode, &o, e));
	if (!rc && !(rc = out_open(&o, &j, "contacts.csv", h_contact, &n->contacts, e)))
		rc = out_close(&o, store_contact_list(a->db, 0, put_contact, &o, e));
	if (!rc && !(rc = out_open(&o, &j, "safeguarding.csv", h_sg, &n->safeguarding, e)))
		rc = out_close(&o, store_safeguarding_list(a->db, 0, put_safeguarding, &o, e));
	if (!rc && !(rc = out_open(&o, &j, "outcomes.csv", h_out, &n->outcomes, e)))
		rc = out_close(&o, store_outcome_list(a->db, 0, put_outcome, &o, e));
	if (!rc && !(rc = out_open(&o, &j, "measures.csv", h_meas, &n->measures, e)))
		rc = out_close(&o, store_measure_record_list(a->db, 0, put_measure, &o, e));
	if (!rc && !(rc = out_open(&o, &j, "episode_events.csv", h_event, &n->events, e)))
		rc = out_close(&o, store_pathway_event_list(a->db, 0, put_event, &o, e));
	if (!rc && !(rc = out_open(&o, &j, "eligibility_overrides.csv", h_override, &n->overrides, e)))
		rc = out_close(&o, store_pathway_override_list(a->db, 0, put_override, &o, e));
	if (!rc && !(rc = out_open(&o, &j, "goals.csv", h_goal, &n->goals, e)))
		rc = out_close(&o, store_goal_list(a->db, 0, put_goal, &o, e));
	if (!rc && !(rc = out_open(&o, &j, "goal_ratings.csv", h_rating, &n->goal_ratings, e)))
		rc = out_close(&o, store_goal_rating_list(a->db, 0, put_goal_rating, &o, e));
	if (!rc && !(rc = out_open(&o, &j, "notes.csv", h_note, &n->notes, e)))
		rc = out_close(&o, store_note_list(a->db, 0, put_note, &o, e));
	db_rollback(a->db);
	if (!rc) {
		int fd = job_open(&j, MANIFEST_FILE, e);
		rc = fd < 0 ? DY_EINVAL : manifest_write(&j.man, fd, e);
	}
	if (!rc)
		rc = job_commit(&j, replace);
	job_free(&j);
	if (!rc && !(rc = app_begin(a, e))) /* who exported identifiable data, and when */
		rc = app_end(a, 0, "export", "team", a->team_id, NULL, e);
	return rc;
}
