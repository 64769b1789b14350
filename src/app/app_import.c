/* app_import.c: CSV import of a whole team's data, in one transaction.
 *
 * Files are read in dependency order (practitioners, people, referrals,
 * contacts, safeguarding, outcomes, measures, goals, goal ratings, notes,
 * care plans and groups (app_import_programme.c), video cycles);
 * measures are scored as they are imported. Ids seen in this import are
 * kept in memory maps so that cross-file checks (an infant in the referral's
 * family, a contact within its episode's dates) cost no database read;
 * ids already in the database are looked up there. */
#include "app/app_transfer.h"
#include "app/app_import_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app_files.h"
#include "app/app_import_workforce.h"
#include "app/app_manifest.h"
#include "app/app_pathway.h"
#include "core/codes.h"
#include "core/episode_state.h"
#include "core/goal.h"
#include "core/note.h"
#include "core/record.h"
#include "core/validate.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "app/app_measure.h"
#include "store/store_goal.h"
#include "store/store_measure.h"
#include "store/store_note.h"
#include "store/store_bulk.h"
#include "store/store_pathway.h"
#include "store/store_score.h"
#include "store/store_summary.h"
#include "store/store_video.h"
#include "app/app_import_feedback.h"
#include "app/app_import_corrections.h"
#include "app/app_import_merge.h"
#include "store/store_safeguarding.h"
#include "store/store_scope.h"
#include "util/csvtab.h"
#include "util/date.h"
#include "util/idmap.h"
#include "util/str.h"
#include "util/text.h"

static int person_info(struct import *im, int64_t id, struct person_info *out, struct dy_err *e)
{
	uint32_t i;
	if (idmap_get(&im->people, id, &i)) {
		*out = im->pinfo[i];
		return 0;
	}
	struct person p;
	int rc = store_person_get(im->a->db, id, &p, e);
	if (rc)
		return rc;
	out->family_id = p.family_id;
	out->infant = strcmp(p.role, "infant") == 0;
	return 0;
}

static int episode_info(struct import *im, int64_t id, struct episode_info *out, struct dy_err *e)
{
	uint32_t i;
	if (idmap_get(&im->episodes, id, &i)) {
		*out = im->einfo[i];
		return 0;
	}
	struct episode ep;
	int rc = store_episode_get(im->a->db, id, &ep, e);
	if (rc)
		return rc;
	out->family_id = ep.family_id;
	out->received_on = ep.received_on;
	out->discharged_on = ep.discharged_on;
	out->caregiver_id = ep.caregiver_id;
	out->infant_id = ep.infant_id;
	return 0;
}

/* Fails with "<what> N does not exist" on column k. */
int import_missing(struct csvtab *t, int k, const char *what, int64_t id, struct dy_err *e)
{
	dy_fail(e, DY_EINVAL, NULL, "%s %lld does not exist", what, (long long)id);
	return csvtab_fail(t, k, e);
}

/* Checks that person id (column k) exists, is in family_id, and has the role
 * (infant 1, caregiver 0, any -1). */
int import_check_member(struct import *im, struct csvtab *t, int k, int64_t id, int64_t family_id, int infant,
                        struct dy_err *e)
{
	struct person_info pi;
	int rc = person_info(im, id, &pi, e);
	if (rc == DY_ENOTFOUND)
		return import_missing(t, k, "person", id, e);
	if (rc)
		return rc;
	if (pi.family_id != family_id) {
		dy_fail(e, DY_EINVAL, NULL, "person %lld is not in family %lld", (long long)id, (long long)family_id);
		return csvtab_fail(t, k, e);
	}
	if (infant >= 0 && pi.infant != infant) {
		dy_fail(e, DY_EINVAL, NULL, "person %lld is not %s", (long long)id, infant ? "an infant" : "a caregiver");
		return csvtab_fail(t, k, e);
	}
	return 0;
}

/* Turns a store conflict on column k into "<column> N already exists". */
static int conflict(struct csvtab *t, int k, int64_t id, struct dy_err *e)
{
	dy_fail(e, DY_ECONFLICT, NULL, "%lld already exists (has this file been imported already?)", (long long)id);
	return csvtab_fail(t, k, e);
}

int import_date_col(struct csvtab *t, int k, int optional, int32_t *out, struct dy_err *e)
{
	const char *v = csvtab_get(t, k);
	int rc = optional ? validate_date_opt(t->cols[k].name, v, out, e) : validate_date(t->cols[k].name, v, out, e);
	return rc ? csvtab_fail(t, k, e) : 0;
}

/* ---- practitioners.csv ------------------------------------------------ */

enum { PR_ID, PR_NAME, PR_PROF };
/* ---- team.csv ----------------------------------------------------------- */

enum { TE_CODE, TE_NAME, TE_DEMO };
static const struct csvtab_col te_cols[] = {{"code", 1}, {"name", 1}, {"demo", 0}};

/* The team: a database without a team, or with nothing recorded yet, takes
 * the files' team (code, name and demo mark; a default team when there is
 * no team.csv); a database with records keeps its own team, marked as a
 * demo when the files are a demo's. */
static int import_team(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	struct team file = {.code = "team", .name = "Parent-infant relationship team"};
	int rows = 0;
	int rc = csvtab_open(&t, im->dir, "team.csv", te_cols, 3, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		char demo[8];
		if (++rows > 1) {
			dy_fail(e, DY_EINVAL, NULL, "holds more than one team");
			rc = csvtab_fail(&t, -1, e);
			break;
		}
		rc = csvtab_copy(&t, TE_CODE, file.code, sizeof file.code, e);
		if (!rc)
			rc = csvtab_copy(&t, TE_NAME, file.name, sizeof file.name, e);
		if (!rc)
			rc = csvtab_copy(&t, TE_DEMO, demo, sizeof demo, e);
		if (!rc && (str_empty(file.code) || str_empty(file.name))) {
			dy_fail(e, DY_EINVAL, str_empty(file.code) ? "code" : "name", "must not be empty");
			rc = csvtab_fail(&t, -1, e);
		}
		if (!rc && demo[0] && strcmp(demo, "yes") != 0 && strcmp(demo, "no") != 0) {
			dy_fail(e, DY_EINVAL, "demo", "must be yes or no");
			rc = csvtab_fail(&t, TE_DEMO, e);
		}
		if (!rc) {
			file.demo = strcmp(demo, "yes") == 0;
			str_copy(im->n->team, sizeof im->n->team, file.name);
		}
	}
	csvtab_close(&t);
	if (rc < 0)
		return rc;
	struct app *a = im->a;
	int empty = 0;
	if (!a->team_id) {
		struct team mine = file;
		if ((rc = store_team_ensure(a->db, &mine, e)))
			return rc;
		im->new_team = 1;
		a->team_id = mine.id;
	} else if (rows && !(rc = store_record_empty(a->db, &empty, e)) && empty) {
		file.id = a->team_id; /* nothing recorded yet: the files' team is the team */
		rc = store_team_update(a->db, &file, e);
		im->new_team = 1;
	}
	if (rc)
		return rc;
	if (im->new_team)
		str_copy(a->team_name, sizeof a->team_name, file.name);
	if (file.demo && !a->demo) {
		struct team cur;
		if ((rc = store_team_get(a->db, a->team_id, &cur, e)))
			return rc;
		cur.demo = 1;
		if ((rc = store_team_update(a->db, &cur, e)))
			return rc;
		im->marked_demo = 1;
	}
	return 0;
}

static const struct csvtab_col pr_cols[] = {{"practitioner_id", 1}, {"name", 1}, {"profession", 1}};

static int import_practitioners(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "practitioners.csv", pr_cols, 3, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct practitioner p = {.team_id = im->a->team_id};
		rc = csvtab_id(&t, PR_ID, 0, &p.id, e);
		if (!rc)
			rc = csvtab_copy(&t, PR_NAME, p.name, sizeof p.name, e);
		if (!rc)
			rc = csvtab_copy(&t, PR_PROF, p.profession, sizeof p.profession, e);
		if (!rc && (validate_name_fix("name", p.name, sizeof p.name, e) ||
		            validate_code("profession", code_profession, p.profession, e)))
			rc = csvtab_fail(&t, -1, e);
		if (!rc && (rc = store_practitioner_insert(im->a->db, &p, e)) == DY_ECONFLICT)
			rc = conflict(&t, PR_ID, p.id, e);
		if (!rc) {
			idmap_put(&im->practitioners, p.id, 1);
			im->n->practitioners++;
		}
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* ---- people.csv -------------------------------------------------------- */

enum { PE_ID, PE_FAMILY, PE_ROLE, PE_REL, PE_NHS, PE_GIVEN, PE_FAMNAME, PE_DOB, PE_EDD, PE_SEX, PE_ETH,
       PE_POSTCODE, PE_IMD, PE_GEST, PE_LOSS, PE_LOSS_ON, PE_NCOLS };
static const struct csvtab_col pe_cols[] = {
	{"person_id", 1}, {"family_id", 1}, {"role", 1}, {"relationship", 1}, {"nhs_number", 1},
	{"given_name", 1}, {"family_name", 1}, {"date_of_birth", 1}, {"edd", 1}, {"sex", 1},
	{"ethnicity", 1}, {"postcode", 1}, {"imd_decile", 1}, {"gestation_weeks", 0}, {"loss", 0}, {"loss_on", 0}};

/* The optional loss and loss_on of a people.csv row, checked as `dyad
 * person loss` checks them. */
static int read_loss(struct csvtab *t, struct person *p, int32_t today, struct dy_err *e)
{
	int32_t on = DATE_NONE;
	int rc = import_date_col(t, PE_LOSS_ON, 1, &on, e);
	if (rc)
		return rc;
	const char *kind = csvtab_get(t, PE_LOSS);
	if (!*kind) {
		if (on != DATE_NONE) {
			dy_fail(e, DY_EINVAL, NULL, "is given without a loss");
			return csvtab_fail(t, PE_LOSS_ON, e);
		}
		return 0;
	}
	struct person before = *p;
	before.loss[0] = '\0';
	if (record_loss_check(&before, kind, on, today, e))
		return csvtab_fail(t, strcmp(e->field, "date") == 0 ? PE_LOSS_ON : PE_LOSS, e);
	snprintf(p->loss, sizeof p->loss, "%s", kind);
	p->loss_on = on;
	return 0;
}

static int read_person(struct csvtab *t, struct person *p, int32_t today, struct dy_err *e)
{
	memset(p, 0, sizeof *p);
	int rc = csvtab_id(t, PE_ID, 0, &p->id, e);
	if (!rc) rc = csvtab_id(t, PE_FAMILY, 0, &p->family_id, e);
	if (!rc) rc = csvtab_copy(t, PE_ROLE, p->role, sizeof p->role, e);
	if (!rc) rc = csvtab_copy(t, PE_REL, p->relationship, sizeof p->relationship, e);
	char raw[24];
	if (!rc) rc = csvtab_copy(t, PE_NHS, raw, sizeof raw, e);
	if (!rc && raw[0] && validate_nhs_number("nhs_number", raw, p->nhs_number, e))
		rc = csvtab_fail(t, PE_NHS, e);
	if (!rc) rc = csvtab_copy(t, PE_GIVEN, p->given_name, sizeof p->given_name, e);
	if (!rc) rc = csvtab_copy(t, PE_FAMNAME, p->family_name, sizeof p->family_name, e);
	if (!rc) rc = import_date_col(t, PE_DOB, 1, &p->date_of_birth, e);
	if (!rc) rc = import_date_col(t, PE_EDD, 1, &p->edd, e);
	if (!rc) rc = csvtab_copy(t, PE_SEX, p->sex, sizeof p->sex, e);
	if (!rc) rc = csvtab_copy(t, PE_ETH, p->ethnicity, sizeof p->ethnicity, e);
	if (!rc) rc = csvtab_copy(t, PE_POSTCODE, raw, sizeof raw, e);
	if (!rc && raw[0] && validate_postcode("postcode", raw, p->postcode, e))
		rc = csvtab_fail(t, PE_POSTCODE, e);
	if (!rc && *csvtab_get(t, PE_IMD) && validate_int("imd_decile", csvtab_get(t, PE_IMD), 1, 10, &p->imd_decile, e))
		rc = csvtab_fail(t, PE_IMD, e);
	if (!rc && *csvtab_get(t, PE_GEST) &&
	    validate_int("gestation_weeks", csvtab_get(t, PE_GEST), 22, 44, &p->gestation_weeks, e))
		rc = csvtab_fail(t, PE_GEST, e);
	return rc ? rc : read_loss(t, p, today, e);
}

/* Fails the row on the NHS number: the person table's other unique key. */
static int nhs_conflict(struct csvtab *t, struct dy_err *e)
{
	dy_fail(e, DY_ECONFLICT, "nhs_number", "another person already has this NHS number");
	return csvtab_fail(t, PE_NHS, e);
}

/* Checks a person row's two unique keys before it is written, so that a
 * repeat is named by its own field on both stores (PostgreSQL can read
 * nothing more in a transaction a refused insert has broken): the id and
 * the NHS number against the rows read so far (in memory), and, when the
 * database held people before the import, the id against the database. */
static int person_keys_free(struct import *im, struct csvtab *t, const struct person *p, struct idmap *nhs,
                            int populated, struct dy_err *e)
{
	uint32_t v;
	if (idmap_get(&im->people, p->id, &v))
		return conflict(t, PE_ID, p->id, e);
	if (p->nhs_number[0] && idmap_get(nhs, strtoll(p->nhs_number, NULL, 10), &v))
		return nhs_conflict(t, e);
	if (!populated)
		return 0;
	struct person have;
	int rc = store_person_get(im->a->db, p->id, &have, e);
	if (rc == DY_ENOTFOUND) {
		dy_err_clear(e);
		return 0;
	}
	return rc ? rc : conflict(t, PE_ID, p->id, e);
}

static int import_people(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "people.csv", pe_cols, PE_NCOLS, 1, e);
	struct person p;
	/* The families the people's rows create are counted at the end, so
	 * that no row waits to hear whether its family was new. */
	int64_t families_before = 0;
	int have_file = !rc && t.f;
	if (have_file)
		rc = store_family_rows(im->a->db, &families_before, e);
	/* No family, no person: into an empty database the keys are checked in memory alone. */
	int populated = families_before > 0;
	struct idmap nhs;
	idmap_init(&nhs);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		if ((rc = read_person(&t, &p, im->a->today, e)))
			break;
		if (record_person_check(&p, im->a->today, 1, e)) {
			rc = csvtab_fail(&t, -1, e);
			break;
		}
		if ((rc = person_keys_free(im, &t, &p, &nhs, populated, e)))
			break;
		uint32_t seen;
		if (!idmap_get(&im->families, p.family_id, &seen)) {
			/* into a database with no family, each is new: a plain insert
			 * (which a bulk load on PostgreSQL sends by COPY) */
			struct family f = {.id = p.family_id, .team_id = im->a->team_id, .created_on = im->a->today};
			if ((rc = populated ? store_family_ensure(im->a->db, &f, NULL, e)
			                    : store_family_insert(im->a->db, &f, e)))
				break;
			idmap_put(&im->families, p.family_id, 1);
		}
		if ((rc = store_person_insert(im->a->db, &p, e))) {
			/* the id was free: a unique key refused is the NHS number's */
			if (rc == DY_ECONFLICT)
				rc = db_constraint(im->a->db) == DB_CONSTRAINT_UNIQUE && p.nhs_number[0] ? nhs_conflict(&t, e)
				                                                                           : conflict(&t, PE_ID, p.id, e);
			break;
		}
		if (p.nhs_number[0])
			idmap_put(&nhs, strtoll(p.nhs_number, NULL, 10), 1);
		if (im->npinfo == im->cappinfo) {
			im->cappinfo = im->cappinfo ? im->cappinfo * 2 : 4096;
			im->pinfo = xrealloc(im->pinfo, im->cappinfo * sizeof *im->pinfo);
		}
		im->pinfo[im->npinfo] = (struct person_info){p.family_id, p.role[0] == 'i'};
		idmap_put(&im->people, p.id, (uint32_t)im->npinfo++);
		im->n->people++;
	}
	idmap_free(&nhs);
	csvtab_close(&t);
	int64_t families_after = families_before;
	if (rc >= 0 && have_file) {
		int frc = store_family_rows(im->a->db, &families_after, e);
		rc = frc ? frc : rc;
	}
	im->n->families += families_after - families_before;
	return rc < 0 ? rc : 0;
}

/* ---- referrals.csv ----------------------------------------------------- */

/* Parses "3;5" (ids separated by ';') into ids (at most max). */
int import_id_list(struct csvtab *t, int k, int64_t *ids, int max, int *n, struct dy_err *e)
{
	const char *v = csvtab_get(t, k);
	*n = 0;
	while (*v) {
		const char *end = strchr(v, ';');
		size_t len = end ? (size_t)(end - v) : strlen(v);
		char one[24];
		int64_t id;
		if (len == 0 || len >= sizeof one || *n == max) {
			dy_fail(e, DY_EINVAL, NULL, "must be up to %d ids separated by ';'", max);
			return csvtab_fail(t, k, e);
		}
		memcpy(one, v, len);
		one[len] = '\0';
		if (str_parse_i64(one, 1, (int64_t)1 << 53, &id)) {
			dy_fail(e, DY_EINVAL, NULL, "must be up to %d ids separated by ';'", max);
			return csvtab_fail(t, k, e);
		}
		for (int i = 0; i < *n; i++)
			if (ids[i] == id) {
				dy_fail(e, DY_EINVAL, NULL, "names id %lld twice", (long long)id);
				return csvtab_fail(t, k, e);
			}
		ids[(*n)++] = id;
		v += len + (end ? 1 : 0);
		if (end && !*v) {
			dy_fail(e, DY_EINVAL, NULL, "must not end with ';'");
			return csvtab_fail(t, k, e);
		}
	}
	return 0;
}


enum { RE_ID, RE_FAMILY, RE_INFANT, RE_CARER, RE_RECEIVED, RE_SOURCE, RE_DECISION, RE_DECIDED, RE_DISCHARGED,
       RE_REASON, RE_STATE, RE_PROGRAMME, RE_FTP, RE_MORE, RE_TO, RE_PREV, RE_NCOLS };
static const struct csvtab_col re_cols[] = {
	{"referral_id", 1}, {"family_id", 1}, {"infant_id", 1}, {"caregiver_id", 1}, {"received_on", 1},
	{"source", 1}, {"decision", 1}, {"decided_on", 1}, {"discharged_on", 1}, {"discharge_reason", 1},
	{"state", 0}, {"programme", 0}, {"first_time_parent", 0}, {"other_infant_ids", 0},
	{"transferred_to", 0}, {"previous_referral_id", 0}};

/* The optional pathway columns of a referrals.csv row. */
static int read_pathway_cols(struct csvtab *t, int *state, char programme[ELIGIBILITY_NAME_MAX],
                             enum eligibility_answer *ftp, struct dy_err *e)
{
	*state = -1;
	*ftp = ELIGIBILITY_ANSWER_UNKNOWN;
	const char *st = csvtab_get(t, RE_STATE);
	if (*st) {
		enum episode_state s;
		if (episode_state_parse(st, &s, e))
			return csvtab_fail(t, RE_STATE, e);
		*state = (int)s;
	}
	int rc = csvtab_copy(t, RE_PROGRAMME, programme, ELIGIBILITY_NAME_MAX, e);
	if (rc)
		return rc;
	if (app_programme_check(programme, e))
		return csvtab_fail(t, RE_PROGRAMME, e);
	if (eligibility_answer_parse(csvtab_get(t, RE_FTP), ftp)) {
		dy_fail(e, DY_EINVAL, NULL, "must be yes, no or empty (not known)");
		return csvtab_fail(t, RE_FTP, e);
	}
	return 0;
}

static int import_referrals(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "referrals.csv", re_cols, RE_NCOLS, 0, e);
	struct episode ep;
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		memset(&ep, 0, sizeof ep);
		rc = csvtab_id(&t, RE_ID, 0, &ep.id, e);
		if (!rc) rc = csvtab_id(&t, RE_FAMILY, 0, &ep.family_id, e);
		if (!rc) rc = csvtab_id(&t, RE_INFANT, 0, &ep.infant_id, e);
		if (!rc) rc = csvtab_id(&t, RE_CARER, 1, &ep.caregiver_id, e);
		if (!rc) rc = import_date_col(&t, RE_RECEIVED, 0, &ep.received_on, e);
		if (!rc) rc = csvtab_copy(&t, RE_SOURCE, ep.source, sizeof ep.source, e);
		if (!rc) rc = csvtab_copy(&t, RE_DECISION, ep.decision, sizeof ep.decision, e);
		if (!rc) rc = import_date_col(&t, RE_DECIDED, 1, &ep.decided_on, e);
		if (!rc) rc = import_date_col(&t, RE_DISCHARGED, 1, &ep.discharged_on, e);
		if (!rc) rc = csvtab_copy(&t, RE_REASON, ep.discharge_reason, sizeof ep.discharge_reason, e);
		if (!rc) rc = import_id_list(&t, RE_MORE, ep.more_infants, EPISODE_INFANTS_MAX - 1, &ep.n_more_infants, e);
		if (!rc) rc = csvtab_copy(&t, RE_TO, ep.transferred_to, sizeof ep.transferred_to, e);
		if (!rc) rc = csvtab_id(&t, RE_PREV, 1, &ep.previous_id, e);
		int given_state = -1;
		char programme[ELIGIBILITY_NAME_MAX] = "";
		enum eligibility_answer ftp = ELIGIBILITY_ANSWER_UNKNOWN;
		if (!rc)
			rc = read_pathway_cols(&t, &given_state, programme, &ftp, e);
		if (!rc && record_episode_check(&ep, im->a->today, e))
			rc = csvtab_fail(&t, -1, e);
		if (!rc)
			rc = import_check_member(im, &t, RE_INFANT, ep.infant_id, ep.family_id, 1, e);
		for (int i = 0; !rc && i < ep.n_more_infants; i++)
			rc = import_check_member(im, &t, RE_MORE, ep.more_infants[i], ep.family_id, 1, e);
		if (!rc && ep.previous_id) {
			/* the earlier referral: an earlier row or already in the database, the same family */
			struct episode_info pi;
			rc = episode_info(im, ep.previous_id, &pi, e);
			if (rc == DY_ENOTFOUND)
				rc = import_missing(&t, RE_PREV, "referral", ep.previous_id, e);
			else if (!rc && pi.family_id != ep.family_id) {
				dy_fail(e, DY_EINVAL, NULL, "referral %lld is another family's", (long long)ep.previous_id);
				rc = csvtab_fail(&t, RE_PREV, e);
			}
		}
		if (!rc && ep.caregiver_id)
			rc = import_check_member(im, &t, RE_CARER, ep.caregiver_id, ep.family_id, 0, e);
		/* A given state is stored at once; the history read next must end in it. */
		if (!rc && (rc = given_state >= 0
		                     ? store_episode_insert_in_state(im->a->db, &ep,
		                                                     episode_state_code((enum episode_state)given_state), e)
		                     : store_episode_insert(im->a->db, &ep, e)) == DY_ECONFLICT)
			rc = conflict(&t, RE_ID, ep.id, e);
		if (!rc && (programme[0] || ftp != ELIGIBILITY_ANSWER_UNKNOWN))
			rc = store_pathway_set_facts(im->a->db, ep.id, programme, ftp, e);
		if (rc)
			break;
		if (im->neinfo == im->capeinfo) {
			im->capeinfo = im->capeinfo ? im->capeinfo * 2 : 4096;
			im->einfo = xrealloc(im->einfo, im->capeinfo * sizeof *im->einfo);
		}
		im->einfo[im->neinfo] = (struct episode_info){ep.id, ep.family_id, ep.received_on, ep.discharged_on,
		                                              (signed char)str_index(code_decision, ep.decision),
		                                              (signed char)given_state, -1, DATE_NONE,
		                                              ep.caregiver_id, ep.infant_id};
		idmap_put(&im->episodes, ep.id, (uint32_t)im->neinfo++);
		im->n->referrals++;
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* Loads the episode named in column k into a struct episode for the
 * record_*_check rules. */
int import_episode_for(struct import *im, struct csvtab *t, int k, int64_t id, struct episode *ep,
                       struct dy_err *e)
{
	struct episode_info ei;
	int rc = episode_info(im, id, &ei, e);
	if (rc == DY_ENOTFOUND)
		return import_missing(t, k, "referral", id, e);
	if (rc)
		return rc;
	memset(ep, 0, sizeof *ep);
	ep->id = id;
	ep->family_id = ei.family_id;
	ep->received_on = ei.received_on;
	ep->discharged_on = ei.discharged_on;
	ep->caregiver_id = ei.caregiver_id;
	ep->infant_id = ei.infant_id;
	return 0;
}


/* ---- contacts.csv ------------------------------------------------------ */

enum { CO_ID, CO_REF, CO_DATE, CO_KIND, CO_INTERVENTION, CO_LOCATION, CO_ATTENDANCE, CO_DURATION, CO_PRACT,
       CO_ATTENDEES, CO_NCOLS };
static const struct csvtab_col co_cols[] = {
	{"contact_id", 1}, {"referral_id", 1}, {"date", 1}, {"kind", 1}, {"intervention", 1}, {"location", 1},
	{"attendance", 1}, {"duration_min", 1}, {"practitioner_ids", 0}, {"attendee_ids", 0}};

/* Checks that practitioner id exists (in this import or the database). */
int import_check_practitioner(struct import *im, struct csvtab *t, int k, int64_t id, struct dy_err *e)
{
	uint32_t v;
	if (idmap_get(&im->practitioners, id, &v))
		return 0;
	int rc = store_practitioner_exists(im->a->db, id, e);
	if (rc < 0)
		return rc;
	if (!rc)
		return import_missing(t, k, "practitioner", id, e);
	idmap_put(&im->practitioners, id, 1);
	return 0;
}

struct contact_info *import_contact(struct import *im, int64_t id)
{
	uint32_t i;
	return idmap_get(&im->contacts, id, &i) ? &im->cinfo[i] : NULL;
}

const char *import_contact_intervention(const struct import *im, const struct contact_info *c)
{
	return c->intervention < im->ninterventions ? im->interventions[c->intervention] : "";
}

const char *import_episode_decision(const struct import *im, int64_t id)
{
	uint32_t i;
	if (!idmap_get(&im->episodes, id, &i) || im->einfo[i].decision < 0)
		return NULL;
	return code_decision[im->einfo[i].decision];
}

/* Keeps what the group marks and video cycles will check of contact c. */
static void keep_contact(struct import *im, const struct contact *c)
{
	if (!im->interventions) {
		im->interventions = xcalloc(IMPORT_INTERVENTIONS_MAX, sizeof *im->interventions);
		im->ninterventions = 1; /* 0 is "" */
	}
	size_t iv = 0;
	while (iv < im->ninterventions && strcmp(im->interventions[iv], c->intervention) != 0)
		iv++;
	if (iv == IMPORT_INTERVENTIONS_MAX)
		return; /* not kept: read from the database when asked */
	if (iv == im->ninterventions)
		str_copy(im->interventions[im->ninterventions++], INTERVENTION_CODE_MAX, c->intervention);
	if (im->ncinfo == im->capcinfo) {
		im->capcinfo = im->capcinfo ? im->capcinfo * 2 : 16384;
		im->cinfo = xrealloc(im->cinfo, im->capcinfo * sizeof *im->cinfo);
	}
	im->cinfo[im->ncinfo] = (struct contact_info){.episode_id = c->episode_id, .date = c->date,
	                                              .intervention = (uint16_t)iv,
	                                              .group = strcmp(c->kind, "group") == 0,
	                                              .attended = strcmp(c->attendance, "attended") == 0};
	idmap_put(&im->contacts, c->id, (uint32_t)im->ncinfo++);
}

static int import_contacts(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "contacts.csv", co_cols, CO_NCOLS, 0, e);
	struct contact c;
	struct episode ep;
	/* Interventions are the team's catalogue ($DYAD_INTERVENTIONS or the
	 * shipped file), as for a contact recorded by hand. */
	struct intervention_catalogue cat;
	if (!rc && t.f)
		rc = intervention_load_file(NULL, &cat, e);
	else
		memset(&cat, 0, sizeof cat);
	struct store_link_batch *links = xcalloc(1, sizeof *links);
	/* Into an empty contact table, with every id checked against the ids
	 * already read, no insert can conflict: rows may then go in batches. */
	struct idmap seen;
	idmap_init(&seen);
	if (!rc && t.f) {
		int empty = store_contact_table_empty(im->a->db, e);
		if (empty < 0)
			rc = empty;
		links->rows_are_new = empty == 1;
	}
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		memset(&c, 0, sizeof c);
		c.duration_min = -1;
		rc = csvtab_id(&t, CO_ID, 0, &c.id, e);
		if (!rc) rc = csvtab_id(&t, CO_REF, 0, &c.episode_id, e);
		if (!rc) rc = import_date_col(&t, CO_DATE, 0, &c.date, e);
		if (!rc) rc = csvtab_copy(&t, CO_KIND, c.kind, sizeof c.kind, e);
		if (!rc) rc = csvtab_copy(&t, CO_INTERVENTION, c.intervention, sizeof c.intervention, e);
		if (!rc) rc = csvtab_copy(&t, CO_LOCATION, c.location, sizeof c.location, e);
		if (!rc) rc = csvtab_copy(&t, CO_ATTENDANCE, c.attendance, sizeof c.attendance, e);
		if (!rc && *csvtab_get(&t, CO_DURATION) &&
		    validate_int("duration_min", csvtab_get(&t, CO_DURATION), 0, 600, &c.duration_min, e))
			rc = csvtab_fail(&t, CO_DURATION, e);
		if (!rc) rc = import_id_list(&t, CO_PRACT, c.practitioners, 8, &c.n_practitioners, e);
		if (!rc) rc = import_id_list(&t, CO_ATTENDEES, c.attendees, 8, &c.n_attendees, e);
		if (!rc) rc = import_episode_for(im, &t, CO_REF, c.episode_id, &ep, e);
		if (!rc && record_contact_check(&c, &ep, e))
			rc = csvtab_fail(&t, -1, e);
		if (!rc && intervention_contact_check(&cat, c.kind, c.intervention, e))
			rc = csvtab_fail(&t, CO_INTERVENTION, e);
		for (int i = 0; !rc && i < c.n_attendees; i++)
			rc = import_check_member(im, &t, CO_ATTENDEES, c.attendees[i], ep.family_id, -1, e);
		for (int i = 0; !rc && i < c.n_practitioners; i++)
			rc = import_check_practitioner(im, &t, CO_PRACT, c.practitioners[i], e);
		uint32_t dup;
		if (!rc && links->rows_are_new && idmap_get(&seen, c.id, &dup))
			rc = conflict(&t, CO_ID, c.id, e);
		if (!rc && links->rows_are_new)
			idmap_put(&seen, c.id, 1);
		if (!rc && (rc = store_contact_insert_batched(im->a->db, &c, links, e)) == DY_ECONFLICT)
			rc = conflict(&t, CO_ID, c.id, e);
		if (!rc) {
			keep_contact(im, &c);
			im->n->contacts++;
		}
	}
	if (rc >= 0) {
		int frc = store_link_flush(im->a->db, links, e);
		rc = frc ? frc : rc;
	}
	idmap_free(&seen);
	free(links);
	intervention_catalogue_free(&cat);
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* ---- episode_events.csv (the pathway history) --------------------------- */

enum { EV_REF, EV_FROM, EV_TO, EV_DATE, EV_ACTOR, EV_REASON, EV_SERVICE, EV_RECORDED, EV_NCOLS };
static const struct csvtab_col ev_cols[] = {
	{"referral_id", 1}, {"from_state", 1}, {"to_state", 1}, {"date", 1}, {"actor", 1},
	{"reason", 0},      {"service", 0},    {"recorded_at", 1}};

/* The imported episode named in column k, or an error: history can only be
 * imported with its referral. */
static int imported_episode(struct import *im, struct csvtab *t, int k, int64_t id, struct episode_info **out,
                            struct dy_err *e)
{
	uint32_t i;
	if (!idmap_get(&im->episodes, id, &i)) {
		dy_fail(e, DY_EINVAL, NULL, "referral %lld is not in this import's referrals.csv", (long long)id);
		return csvtab_fail(t, k, e);
	}
	*out = &im->einfo[i];
	return 0;
}

static int stamp_col(struct csvtab *t, int k, char out[PATHWAY_STAMP_LEN], struct dy_err *e)
{
	const char *v = csvtab_get(t, k);
	int32_t day;
	char date[DATE_LEN];
	if (strlen(v) != PATHWAY_STAMP_LEN - 1 || v[10] != 'T' || v[19] != 'Z' ||
	    (memcpy(date, v, 10), date[10] = '\0', date_parse(date, &day))) {
		dy_fail(e, DY_EINVAL, NULL, "must be a UTC time like 2025-03-01T09:30:00Z");
		return csvtab_fail(t, k, e);
	}
	memcpy(out, v, PATHWAY_STAMP_LEN);
	return 0;
}

static int import_events(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "episode_events.csv", ev_cols, EV_NCOLS, 0, e);
	struct pathway_event ev;
	struct store_event_batch *batch = xcalloc(1, sizeof *batch);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		memset(&ev, 0, sizeof ev);
		struct episode_info *ei = NULL;
		enum episode_state from = EPISODE_RECEIVED, to;
		rc = csvtab_id(&t, EV_REF, 0, &ev.episode_id, e);
		if (!rc) rc = imported_episode(im, &t, EV_REF, ev.episode_id, &ei, e);
		if (!rc && *csvtab_get(&t, EV_FROM) && episode_state_parse(csvtab_get(&t, EV_FROM), &from, e))
			rc = csvtab_fail(&t, EV_FROM, e);
		if (!rc && episode_state_parse(csvtab_get(&t, EV_TO), &to, e))
			rc = csvtab_fail(&t, EV_TO, e);
		if (!rc) rc = import_date_col(&t, EV_DATE, 0, &ev.date, e);
		if (!rc) rc = csvtab_copy(&t, EV_ACTOR, ev.actor, sizeof ev.actor, e);
		if (!rc) rc = csvtab_copy(&t, EV_REASON, ev.reason, sizeof ev.reason, e);
		if (!rc) rc = csvtab_copy(&t, EV_SERVICE, ev.service, sizeof ev.service, e);
		if (!rc) rc = stamp_col(&t, EV_RECORDED, ev.recorded_at, e);
		if (rc)
			break;
		int first = ei->last_state < 0;
		if (first != !*csvtab_get(&t, EV_FROM) || (first && to != EPISODE_RECEIVED)) {
			dy_fail(e, DY_EINVAL, NULL, first ? "a referral's first event must be from nothing (blank) to received"
			                                  : "is blank but this is not the referral's first event");
			rc = csvtab_fail(&t, first ? EV_TO : EV_FROM, e);
			break;
		}
		if (!first && (int)from != ei->last_state) {
			dy_fail(e, DY_EINVAL, NULL, "is %s but the referral's previous event left it %s", episode_state_code(from),
			        episode_state_code((enum episode_state)ei->last_state));
			rc = csvtab_fail(&t, EV_FROM, e);
			break;
		}
		if (first && ev.date != ei->received_on) {
			dy_fail(e, DY_EINVAL, NULL, "the received event must be dated the referral's received_on");
			rc = csvtab_fail(&t, EV_DATE, e);
			break;
		}
		if (!first) {
			struct episode_transition tr = {.from = from, .to = to, .date = ev.date, .since = ei->last_on,
			                                .user = ev.actor, .reason = ev.reason, .service = ev.service,
			                                .discharge_reason = ev.reason,
			                                /* a move out of discharged is a reopening (with its reason) */
			                                .reopen = from == EPISODE_DISCHARGED};
			if (episode_state_check(&tr, e)) {
				rc = csvtab_fail(&t, -1, e);
				break;
			}
		} else if (!ev.actor[0]) {
			dy_fail(e, DY_EINVAL, NULL, "is required: every move names who made it");
			rc = csvtab_fail(&t, EV_ACTOR, e);
			break;
		}
		ev.from = first ? PATHWAY_NO_STATE : (int)from;
		ev.to = to;
		if ((rc = store_pathway_event_add(im->a->db, batch, &ev, e)))
			break;
		ei->last_state = (signed char)to;
		ei->last_on = ev.date;
		im->n->events++;
	}
	if (rc >= 0) {
		int frc = store_pathway_event_flush(im->a->db, batch, e);
		rc = frc ? frc : rc;
	}
	free(batch);
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* Sets the state of every imported episode: from its events, checked
 * against its decision, discharge and `state` column; or, with no events,
 * derived from its data (store_pathway_derive) and checked against `state`. */
static int finish_states(struct import *im, struct dy_err *e)
{
	char now[PATHWAY_STAMP_LEN];
	date_now_utc(now);
	int64_t derived = 0;
	int rc = store_pathway_derive(im->a->db, "import", now, &derived, e);
	for (size_t i = 0; !rc && i < im->neinfo; i++) {
		struct episode_info *ei = &im->einfo[i];
		if (ei->last_state < 0 && ei->given_state < 0)
			continue;
		int64_t id = ei->id;
		if (ei->last_state >= 0) {
			enum episode_state st = (enum episode_state)ei->last_state;
			if (episode_state_matches_record(st, code_decision[ei->decision], ei->discharged_on != DATE_NONE, e) ||
			    (ei->given_state >= 0 && ei->given_state != ei->last_state &&
			     dy_fail(e, DY_EINVAL, "state", "is %s but the referral's events in episode_events.csv end in %s",
			             episode_state_code((enum episode_state)ei->given_state), episode_state_code(st)))) {
				dy_err_where(e, "referral %lld", (long long)id);
				return DY_EINVAL;
			}
			int stored = ei->given_state >= 0 ? ei->given_state : (int)EPISODE_RECEIVED;
			if ((int)st != stored)
				rc = store_pathway_set_state(im->a->db, id, st, e);
		} else {
			struct pathway_referral p;
			if ((rc = store_pathway_get(im->a->db, id, &p, e)))
				break;
			if ((int)p.state != ei->given_state) {
				dy_fail(e, DY_EINVAL, "state",
				        "is %s but the referral's data give %s; add its history to episode_events.csv",
				        episode_state_code((enum episode_state)ei->given_state), episode_state_code(p.state));
				dy_err_where(e, "referrals.csv, referral %lld", (long long)id);
				return DY_EINVAL;
			}
		}
	}
	return rc;
}

/* ---- eligibility_overrides.csv ------------------------------------------ */

enum { OV_REF, OV_RULE, OV_REASON, OV_ACTOR, OV_DATE, OV_RECORDED, OV_NCOLS };
static const struct csvtab_col ov_cols[] = {{"referral_id", 1}, {"rule", 1}, {"reason", 1},
                                            {"actor", 1},       {"date", 1}, {"recorded_at", 1}};

static int import_overrides(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "eligibility_overrides.csv", ov_cols, OV_NCOLS, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct pathway_override o;
		memset(&o, 0, sizeof o);
		struct episode_info *ei;
		enum eligibility_rule rule;
		rc = csvtab_id(&t, OV_REF, 0, &o.episode_id, e);
		if (!rc) rc = imported_episode(im, &t, OV_REF, o.episode_id, &ei, e);
		if (!rc) rc = csvtab_copy(&t, OV_RULE, o.rule, sizeof o.rule, e);
		if (!rc && eligibility_rule_parse(o.rule, &rule, e))
			rc = csvtab_fail(&t, OV_RULE, e);
		if (!rc) rc = csvtab_copy(&t, OV_REASON, o.reason, sizeof o.reason, e);
		if (!rc && str_empty(o.reason)) {
			dy_fail(e, DY_EINVAL, NULL, "is required: an override needs its reason");
			rc = csvtab_fail(&t, OV_REASON, e);
		}
		if (!rc) rc = csvtab_copy(&t, OV_ACTOR, o.actor, sizeof o.actor, e);
		if (!rc) rc = import_date_col(&t, OV_DATE, 0, &o.date, e);
		if (!rc) rc = stamp_col(&t, OV_RECORDED, o.recorded_at, e);
		if (!rc && (rc = store_pathway_override_insert(im->a->db, &o, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_ECONFLICT, NULL, "this referral's %s rule is already overridden", o.rule);
			rc = csvtab_fail(&t, OV_RULE, e);
		}
		if (!rc)
			im->n->overrides++;
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* ---- safeguarding.csv -------------------------------------------------- */

enum { SG_INFANT, SG_STATUS, SG_START, SG_END, SG_ID };
static const struct csvtab_col sg_cols[] = {{"infant_id", 1}, {"status", 1}, {"started_on", 1}, {"ended_on", 1},
                                            {"safeguarding_id", 0}};

static int import_safeguarding(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "safeguarding.csv", sg_cols, 5, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct safeguarding sg = {0};
		struct person_info pi = {0};
		rc = csvtab_id(&t, SG_INFANT, 0, &sg.infant_id, e);
		if (!rc) rc = csvtab_id(&t, SG_ID, 1, &sg.id, e);
		if (!rc) rc = csvtab_copy(&t, SG_STATUS, sg.status, sizeof sg.status, e);
		if (!rc) rc = import_date_col(&t, SG_START, 0, &sg.started_on, e);
		if (!rc) rc = import_date_col(&t, SG_END, 1, &sg.ended_on, e);
		if (!rc && record_safeguarding_check(&sg, im->a->today, e))
			rc = csvtab_fail(&t, -1, e);
		if (!rc && (rc = person_info(im, sg.infant_id, &pi, e)) == DY_ENOTFOUND)
			rc = import_missing(&t, SG_INFANT, "person", sg.infant_id, e);
		if (!rc && !pi.infant) {
			dy_fail(e, DY_EINVAL, NULL, "person %lld is not an infant", (long long)sg.infant_id);
			rc = csvtab_fail(&t, SG_INFANT, e);
		}
		/* One current period per infant is checked once corrections.csv
		 * has said which periods were entered in error
		 * (app_import_corrections.c). */
		if (!rc && (rc = store_safeguarding_insert(im->a->db, &sg, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_ECONFLICT, NULL, "this infant, status and start date are already recorded");
			rc = csvtab_fail(&t, SG_START, e);
		}
		if (!rc)
			im->n->safeguarding++;
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* ---- outcomes.csv (care status of each infant at discharge) ------------- */

enum { OU_REF, OU_INFANT, OU_STATUS };
static const struct csvtab_col ou_cols[] = {{"referral_id", 1}, {"infant_id", 1}, {"care_status", 1}};

static int import_outcomes(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "outcomes.csv", ou_cols, 3, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct discharge_outcome o = {0};
		struct episode ep;
		rc = csvtab_id(&t, OU_REF, 0, &o.episode_id, e);
		if (!rc) rc = csvtab_id(&t, OU_INFANT, 0, &o.infant_id, e);
		if (!rc) rc = csvtab_copy(&t, OU_STATUS, o.care_status, sizeof o.care_status, e);
		if (!rc && validate_code("care_status", code_care_status, o.care_status, e))
			rc = csvtab_fail(&t, OU_STATUS, e);
		if (!rc) rc = import_episode_for(im, &t, OU_REF, o.episode_id, &ep, e);
		if (!rc && ep.discharged_on == DATE_NONE) {
			dy_fail(e, DY_EINVAL, NULL, "referral %lld has no discharge date", (long long)o.episode_id);
			rc = csvtab_fail(&t, OU_REF, e);
		}
		if (!rc) rc = import_check_member(im, &t, OU_INFANT, o.infant_id, ep.family_id, 1, e);
		if (!rc && (rc = store_outcome_insert(im->a->db, &o, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_ECONFLICT, NULL, "this referral and infant already have a care status");
			rc = csvtab_fail(&t, OU_INFANT, e);
		}
		if (!rc)
			im->n->outcomes++;
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* ---- measures.csv ------------------------------------------------------ */

/* Each row is checked against its instrument's definition and scored as at
 * entry (app_measure_check_score); scores and risk flags are stored with
 * the definition version. The subject and practitioner columns are
 * optional (files from before they existed): blank subjects take the
 * defaults of `dyad measure add`, and a rated measure may name no
 * practitioner. */
enum { ME_REF, ME_PERSON, ME_INSTR, ME_TIME, ME_DATE, ME_RESP, ME_CARER, ME_INFANT, ME_PRACT, ME_ACK_BY, ME_ACK_ON,
       ME_ACK_ACTION, ME_NCOLS };
static const struct csvtab_col me_cols[] = {
	{"referral_id", 1}, {"person_id", 1}, {"instrument", 1}, {"timepoint", 1}, {"date", 1}, {"responses", 1},
	{"subject_caregiver_id", 0}, {"subject_infant_id", 0}, {"practitioner_id", 0},
	{"risk_acknowledged_by", 0}, {"risk_acknowledged_on", 0}, {"risk_action", 0}};

/* Person facts for app_measure_check_score from this import's maps (the
 * database for people imported earlier, and for dates of birth). */
static int measure_person(void *ctx, int64_t id, int need_birth, struct measure_person *out, struct dy_err *e)
{
	struct import *im = ctx;
	if (need_birth)
		return app_measure_person_db(im->a->db, id, 1, out, e);
	struct person_info pi;
	int rc = person_info(im, id, &pi, e);
	if (rc)
		return rc;
	out->family_id = pi.family_id;
	out->infant = pi.infant;
	return 0;
}

/* The column an app_measure_check_score field comes from. */
static int measure_column(const char *field)
{
	static const struct { const char *field; int col; } map[] = {
		{"respondent", ME_PERSON}, {"caregiver", ME_CARER}, {"infant", ME_INFANT}, {"practitioner", ME_PRACT},
		{"responses", ME_RESP}, {"instrument", ME_INSTR}, {"subject", ME_INSTR}, {"date", ME_DATE}};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(field, map[i].field) == 0)
			return map[i].col;
	return -1;
}

/* A measure's key (referral, person, instrument, timepoint, date) as a
 * positive 63-bit FNV-1a hash. */
static uint64_t measure_key(const struct measure_record *r)
{
	uint64_t h = 1469598103934665603ULL;
	const struct measure *m = &r->m;
	int64_t nums[3] = {m->episode_id, m->person_id, m->date};
	const unsigned char *p = (const unsigned char *)nums;
	for (size_t i = 0; i < sizeof nums; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	for (const char *t = m->instrument; *t; t++)
		h = (h ^ (unsigned char)*t) * 1099511628211ULL;
	h = (h ^ '|') * 1099511628211ULL;
	for (const char *t = m->timepoint; *t; t++)
		h = (h ^ (unsigned char)*t) * 1099511628211ULL;
	h &= 0x7fffffffffffffffULL;
	return h ? h : 1;
}

/* A risk flag's acknowledgment read from measures.csv, applied after the
 * file's scores are written (so that, on PostgreSQL, the flags go in by
 * COPY and are updated once, not one update between every two rows). */
struct risk_ack {
	int64_t measure_id;
	const char *risk; /* the instrument definition's own text */
	int32_t on;
	char by[64], action[RISK_ACTION_MAX + 1];
};

static int import_measures(struct import *im, struct dy_err *e)
{
	struct risk_ack *acks = NULL;
	size_t nacks = 0, capacks = 0;
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "measures.csv", me_cols, ME_NCOLS, 0, e);
	const struct instrument_set *set = NULL;
	struct measure_record r;
	struct score_result res;
	struct score_batch *batch = xmalloc(sizeof *batch);
	store_score_batch_init(batch);
	/* measures.csv has no ids: each new measure takes one more than the
	 * largest, as the store would give it (both stores number rows so, and
	 * the import holds the write lock), counted here so that the insert
	 * need not wait for its id (PostgreSQL sends it without a round trip). */
	int64_t last_id = 0;
	if (!rc && t.f)
		rc = store_measure_last_id(im->a->db, &last_id, e);
	/* Into a table with no measure yet, a row whose key (referral, person,
	 * instrument, timepoint, date: at least the unique key's) no earlier
	 * row of the file had cannot conflict, so it need not wait for its
	 * answer; a row whose key hash was seen (a duplicate, or a collision)
	 * is inserted and answered at once, so a duplicate is named by line. */
	struct idmap keys;
	idmap_init(&keys);
	int send = !rc && last_id == 0;
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		memset(&r, 0, sizeof r);
		struct measure *m = &r.m;
		m->id = last_id + 1;
		struct episode ep;
		int32_t ack_on = DATE_NONE;
		char ack_by[64], ack_action[RISK_ACTION_MAX + 1];
		rc = csvtab_id(&t, ME_REF, 0, &m->episode_id, e);
		if (!rc) rc = csvtab_id(&t, ME_PERSON, 0, &m->person_id, e);
		if (!rc) rc = csvtab_copy(&t, ME_INSTR, m->instrument, sizeof m->instrument, e);
		if (!rc) rc = csvtab_copy(&t, ME_TIME, m->timepoint, sizeof m->timepoint, e);
		if (!rc) rc = import_date_col(&t, ME_DATE, 0, &m->date, e);
		if (!rc) rc = csvtab_copy(&t, ME_RESP, m->responses, sizeof m->responses, e);
		if (!rc) rc = csvtab_id(&t, ME_CARER, 1, &r.subject_caregiver_id, e);
		if (!rc) rc = csvtab_id(&t, ME_INFANT, 1, &r.subject_infant_id, e);
		if (!rc) rc = csvtab_id(&t, ME_PRACT, 1, &r.practitioner_id, e);
		if (!rc) rc = csvtab_copy(&t, ME_ACK_BY, ack_by, sizeof ack_by, e);
		if (!rc) rc = import_date_col(&t, ME_ACK_ON, 1, &ack_on, e);
		if (!rc) rc = csvtab_copy(&t, ME_ACK_ACTION, ack_action, sizeof ack_action, e);
		if (!rc) rc = import_episode_for(im, &t, ME_REF, m->episode_id, &ep, e);
		if (!rc && record_measure_check(m, &ep, e))
			rc = csvtab_fail(&t, -1, e);
		if (!rc && !set && (rc = app_instruments(im->a, &set, e)))
			break;
		const struct instrument *in = rc ? NULL : instrument_set_find(set, m->instrument);
		if (!rc && !in) {
			dy_fail(e, DY_EINVAL, NULL, "no instrument with this id is loaded (see `dyad instruments list`)");
			rc = csvtab_fail(&t, ME_INSTR, e);
		}
		if (!rc && r.practitioner_id) {
			uint32_t v;
			if (!idmap_get(&im->practitioners, r.practitioner_id, &v)) {
				int have = store_practitioner_exists(im->a->db, r.practitioner_id, e);
				if (have < 0)
					rc = have;
				else if (!have)
					rc = import_missing(&t, ME_PRACT, "practitioner", r.practitioner_id, e);
				else
					idmap_put(&im->practitioners, r.practitioner_id, 1);
			}
		}
		if (!rc) {
			/* The referral's caregiver and infant (from memory: import_episode_for)
			 * are a blank subject column's default. */
			struct measure_episode mep = {ep.family_id, 0, 0, 0};
			if ((in->subject != SUBJECT_INFANT && !r.subject_caregiver_id) ||
			    (in->subject != SUBJECT_CAREGIVER && !r.subject_infant_id)) {
				mep.caregiver_id = ep.caregiver_id;
				mep.infant_id = ep.infant_id;
			}
			if ((rc = app_measure_check_score(in, &r, &mep, 1, measure_person, im, &res, e))) {
				if (rc == DY_EINVAL) {
					int k = measure_column(e->field);
					if (k >= 0)
						e->field[0] = '\0';
					rc = csvtab_fail(&t, k, e);
				}
				break;
			}
		}
		uint32_t seen = 0;
		uint64_t key = rc ? 0 : measure_key(&r);
		int fast = !rc && send && !idmap_get(&keys, (int64_t)key, &seen);
		if (fast)
			idmap_put(&keys, (int64_t)key, 1);
		if (fast)
			rc = store_measure_record_send(im->a->db, &r, e);
		else if (!rc && (rc = store_measure_record_insert(im->a->db, &r, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_ECONFLICT, NULL,
			        "this measure (referral, person, subject, instrument, timepoint, date) is already recorded");
			rc = csvtab_fail(&t, ME_DATE, e);
		}
		if (!rc)
			last_id = m->id;
		if (!rc)
			rc = store_score_batch_add(im->a->db, batch, m->id, &res, e);
		for (int k = 0; !rc && ack_on != DATE_NONE && k < res.nrisks; k++) {
			if (nacks == capacks) {
				capacks = capacks ? capacks * 2 : 256;
				acks = xrealloc(acks, capacks * sizeof *acks);
			}
			struct risk_ack *a = &acks[nacks++];
			a->measure_id = m->id;
			a->risk = in->risks[res.risks[k]].id;
			a->on = ack_on;
			str_copy(a->by, sizeof a->by, ack_by[0] ? ack_by : "import");
			str_copy(a->action, sizeof a->action, ack_action);
		}
		if (!rc)
			im->n->measures++;
	}
	csvtab_close(&t);
	idmap_free(&keys);
	if (rc >= 0) {
		int frc = store_score_batch_flush(im->a->db, batch, e);
		rc = frc ? frc : rc;
	}
	for (size_t i = 0; rc >= 0 && i < nacks; i++) {
		int arc = store_risk_acknowledge_one(im->a->db, acks[i].measure_id, acks[i].risk, acks[i].by, acks[i].on,
		                                     acks[i].action, e);
		rc = arc ? arc : rc;
	}
	free(acks);
	free(batch);
	return rc < 0 ? rc : 0;
}

/* ---- goals.csv, goal_ratings.csv ---------------------------------------- */

enum { GO_ID, GO_REF, GO_POS, GO_TEXT, GO_SET };
static const struct csvtab_col go_cols[] = {
	{"goal_id", 1}, {"referral_id", 1}, {"position", 1}, {"text", 1}, {"set_on", 1}};

static int import_goals(struct import *im, struct idmap *goals, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "goals.csv", go_cols, 5, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct goal g;
		struct episode ep;
		memset(&g, 0, sizeof g);
		rc = csvtab_id(&t, GO_ID, 0, &g.id, e);
		if (!rc) rc = csvtab_id(&t, GO_REF, 0, &g.episode_id, e);
		if (!rc && validate_int("position", csvtab_get(&t, GO_POS), 1, 3, &g.position, e))
			rc = csvtab_fail(&t, GO_POS, e);
		if (!rc) rc = csvtab_copy(&t, GO_TEXT, g.text, sizeof g.text, e);
		/* core/goal.h's rules; the error names the file's column. */
		if (!rc && goal_check_text(g.text, e)) {
			e->field[0] = '\0';
			rc = csvtab_fail(&t, GO_TEXT, e);
		}
		if (!rc) rc = import_date_col(&t, GO_SET, 0, &g.set_on, e);
		if (!rc) rc = import_episode_for(im, &t, GO_REF, g.episode_id, &ep, e);
		/* A historic goal may postdate a discharge recorded later: not checked. */
		if (!rc && goal_check_set_on(g.set_on, im->a->today, ep.received_on, DATE_NONE, e)) {
			e->field[0] = '\0';
			rc = csvtab_fail(&t, GO_SET, e);
		}
		if (!rc && (rc = store_goal_insert(im->a->db, &g, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_ECONFLICT, NULL, "goal %lld, or goal %d of referral %lld, already exists", (long long)g.id,
			        g.position, (long long)g.episode_id);
			rc = csvtab_fail(&t, GO_ID, e);
		}
		if (!rc) {
			idmap_put(goals, g.id, (uint32_t)g.set_on);
			im->n->goals++;
		}
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

enum { GR_GOAL, GR_DATE, GR_RATING };
static const struct csvtab_col gr_cols[] = {{"goal_id", 1}, {"date", 1}, {"rating", 1}};

static int import_goal_ratings(struct import *im, struct idmap *goals, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "goal_ratings.csv", gr_cols, 3, 0, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct goal_rating r = {0};
		rc = csvtab_id(&t, GR_GOAL, 0, &r.goal_id, e);
		if (!rc) rc = import_date_col(&t, GR_DATE, 0, &r.date, e);
		if (!rc && validate_int("rating", csvtab_get(&t, GR_RATING), 0, GOAL_RATING_MAX, &r.rating, e))
			rc = csvtab_fail(&t, GR_RATING, e);
		uint32_t set_on;
		if (!rc && !idmap_get(goals, r.goal_id, &set_on)) {
			struct goal g;
			int got = store_goal_get(im->a->db, r.goal_id, &g, e);
			if (got == DY_ENOTFOUND)
				rc = import_missing(&t, GR_GOAL, "goal", r.goal_id, e);
			else
				rc = got;
			set_on = (uint32_t)g.set_on;
		}
		if (!rc && goal_check_rating(r.rating, r.date, im->a->today, (int32_t)set_on, e)) {
			e->field[0] = '\0';
			rc = csvtab_fail(&t, GR_DATE, e);
		}
		if (!rc && (rc = store_goal_rating_insert(im->a->db, &r, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_ECONFLICT, NULL, "this goal already has a rating on this date");
			rc = csvtab_fail(&t, GR_DATE, e);
		}
		if (!rc)
			im->n->goal_ratings++;
	}
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

static int import_all_goals(struct import *im, struct dy_err *e)
{
	struct idmap goals;
	idmap_init(&goals);
	int rc = import_goals(im, &goals, e);
	if (!rc)
		rc = import_goal_ratings(im, &goals, e);
	idmap_free(&goals);
	return rc;
}

/* ---- notes.csv ----------------------------------------------------------- */

enum { NO_ID, NO_REF, NO_CONTACT, NO_KIND, NO_AUTHOR, NO_WRITTEN, NO_TEXT, NO_SIGNED, NO_ADD, NO_REASON, NO_BY,
       NO_AT };
static const struct csvtab_col no_cols[] = {
	{"note_id", 1},     {"referral_id", 1}, {"contact_id", 1},  {"kind", 1},         {"author", 1},   {"written_at", 1},
	{"text", 1},        {"signed_at", 1},   {"addendum_to", 1}, {"error_reason", 1}, {"error_by", 1}, {"error_at", 1}};

/* The field's error, as a failure of the row's column k. */
int import_col_fail(struct csvtab *t, int k, struct dy_err *e)
{
	e->field[0] = '\0';
	return csvtab_fail(t, k, e);
}

/* One row of notes.csv into n (its text pointing into the row), checked by
 * core/note.h's rules; references are checked by the caller. */
static int note_row(struct csvtab *t, struct note *n, struct dy_err *e)
{
	memset(n, 0, sizeof *n);
	int rc = csvtab_id(t, NO_ID, 0, &n->id, e);
	if (!rc) rc = csvtab_id(t, NO_REF, 0, &n->episode_id, e);
	if (!rc) rc = csvtab_id(t, NO_CONTACT, 1, &n->contact_id, e);
	if (!rc) rc = csvtab_id(t, NO_ADD, 1, &n->addendum_to, e);
	if (!rc) rc = csvtab_copy(t, NO_KIND, n->kind, sizeof n->kind, e);
	if (!rc && note_check_kind(n->kind, e))
		rc = import_col_fail(t, NO_KIND, e);
	if (!rc) rc = csvtab_copy(t, NO_AUTHOR, n->author, sizeof n->author, e);
	if (!rc && (!n->author[0] || text_check("author", n->author, TEXT_LINE, e)))
		rc = n->author[0] ? import_col_fail(t, NO_AUTHOR, e)
		                  : (dy_fail(e, DY_EINVAL, NULL, "is required"), csvtab_fail(t, NO_AUTHOR, e));
	if (!rc) rc = csvtab_copy(t, NO_WRITTEN, n->written_at, sizeof n->written_at, e);
	if (!rc && note_check_stamp("written_at", n->written_at, e))
		rc = import_col_fail(t, NO_WRITTEN, e);
	n->text = csvtab_get(t, NO_TEXT);
	if (!rc && note_check_text(n->text, e))
		rc = import_col_fail(t, NO_TEXT, e);
	if (!rc) rc = csvtab_copy(t, NO_SIGNED, n->signed_at, sizeof n->signed_at, e);
	if (!rc && n->signed_at[0] && note_check_stamp("signed_at", n->signed_at, e))
		rc = import_col_fail(t, NO_SIGNED, e);
	if (!rc) rc = csvtab_copy(t, NO_REASON, n->error_reason, sizeof n->error_reason, e);
	if (!rc) rc = csvtab_copy(t, NO_BY, n->error_by, sizeof n->error_by, e);
	if (!rc) rc = csvtab_copy(t, NO_AT, n->error_at, sizeof n->error_at, e);
	if (!rc && (n->error_at[0] || n->error_reason[0] || n->error_by[0])) {
		if (!n->signed_at[0]) {
			dy_fail(e, DY_EINVAL, NULL, "only a signed note can be entered in error (signed_at is empty)");
			rc = csvtab_fail(t, NO_AT, e);
		} else if (note_check_reason(n->error_reason, e)) {
			rc = import_col_fail(t, NO_REASON, e);
		} else if (!n->error_by[0] || text_check("error_by", n->error_by, TEXT_LINE, e)) {
			if (!n->error_by[0])
				dy_fail(e, DY_EINVAL, NULL, "is required for a note entered in error");
			rc = import_col_fail(t, NO_BY, e);
		} else if (note_check_stamp("error_at", n->error_at, e)) {
			rc = import_col_fail(t, NO_AT, e);
		}
	}
	if (!rc && n->addendum_to && !n->signed_at[0]) {
		dy_fail(e, DY_EINVAL, NULL, "an addendum is signed as it is written (signed_at is empty)");
		rc = csvtab_fail(t, NO_SIGNED, e);
	}
	return rc;
}

static int import_notes(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "notes.csv", no_cols, 12, 0, e);
	struct idmap notes;
	idmap_init(&notes);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct note n;
		struct episode ep;
		rc = note_row(&t, &n, e);
		if (!rc) rc = import_episode_for(im, &t, NO_REF, n.episode_id, &ep, e);
		if (!rc && n.contact_id) {
			int yes = 0;
			rc = store_note_contact_in_episode(im->a->db, n.contact_id, n.episode_id, &yes, e);
			if (!rc && !yes) {
				dy_fail(e, DY_EINVAL, NULL, "contact %lld is not a contact of referral %lld",
				        (long long)n.contact_id, (long long)n.episode_id);
				rc = csvtab_fail(&t, NO_CONTACT, e);
			}
		}
		if (!rc && n.addendum_to) {
			uint32_t v;
			int64_t fam, team;
			if (!idmap_get(&notes, n.addendum_to, &v) &&
			    store_scope_of(im->a->db, SCOPE_OF_NOTE, n.addendum_to, &fam, &team, e))
				rc = import_missing(&t, NO_ADD, "note", n.addendum_to, e);
		}
		/* A note already held is never overwritten: the row is refused. */
		if (!rc && (rc = store_note_insert(im->a->db, &n, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_ECONFLICT, NULL, "note %lld already exists (a note is never replaced)", (long long)n.id);
			rc = csvtab_fail(&t, NO_ID, e);
		}
		if (!rc) {
			idmap_put(&notes, n.id, 1);
			im->n->notes++;
		}
	}
	idmap_free(&notes);
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

/* ---- video_cycles.csv ---------------------------------------------------- */

enum { VC_ID, VC_REF, VC_NUMBER, VC_IV, VC_QUESTION, VC_START, VC_FILMS, VC_REVIEWS, VC_BY, VC_NCOLS };
static const struct csvtab_col vc_cols[] = {
	{"cycle_id", 1},         {"referral_id", 1},        {"number", 1},         {"intervention", 1},
	{"helping_question", 1}, {"started_on", 1},         {"filming_contact_ids", 1},
	{"review_contact_ids", 1}, {"created_by", 1}};

/* Links contact id (column k) to cycle c as step st by core/video.h's rules,
 * with what the cycle holds so far in *f. */
static int video_row_link(struct import *im, struct csvtab *t, int k, const struct video_cycle *c, int64_t id,
                          enum video_step st, struct video_link_facts *f, struct dy_err *e)
{
	int64_t ep = 0;
	char iv[INTERVENTION_CODE_MAX] = "";
	/* a contact of this import from memory (no cycle but this import's can link it), else the database */
	struct contact_info *ci = import_contact(im, id);
	int rc = 0, linked;
	if (ci) {
		ep = ci->episode_id;
		f->contact_date = ci->date;
		str_copy(iv, sizeof iv, import_contact_intervention(im, ci));
		f->attended = ci->attended;
		linked = ci->filmed;
	} else {
		rc = store_video_contact(im->a->db, id, &ep, &f->contact_date, iv, sizeof iv, &f->attended, e);
		if (rc == DY_ENOTFOUND)
			return import_missing(t, k, "contact", id, e);
		linked = rc ? rc : store_video_linked(im->a->db, id, e);
		if (linked < 0)
			return linked;
	}
	f->same_referral = ep == c->episode_id;
	f->same_intervention = strcmp(iv, c->intervention) == 0;
	f->already_linked = linked;
	if (video_check_link(st, f, e)) {
		char why[sizeof e->msg];
		memcpy(why, e->msg, sizeof why);
		dy_fail(e, e->code, NULL, "contact %lld: %.280s", (long long)id, why);
		return csvtab_fail(t, k, e);
	}
	if ((rc = store_video_link(im->a->db, c->id, id, st, e)))
		return rc;
	if (ci)
		ci->filmed = 1;
	f->n_links++;
	if (st == VIDEO_FILMING && (f->last_filming == DATE_NONE || f->contact_date > f->last_filming))
		f->last_filming = f->contact_date;
	f->has_review |= st == VIDEO_REVIEW;
	return 0;
}

/* Video feedback cycles with their filming and review contacts, checked as
 * `dyad video start` and `video link` check them (the filmings first, then
 * the review); a cycle's start is not checked against a discharge recorded
 * after it. */
static int import_video_cycles(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "video_cycles.csv", vc_cols, VC_NCOLS, 0, e);
	struct intervention_catalogue cat;
	memset(&cat, 0, sizeof cat);
	if (!rc && t.f)
		rc = intervention_load_file(NULL, &cat, e);
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct video_cycle c;
		struct episode ep;
		int64_t ids[2][VIDEO_MAX_LINKS];
		int n[2] = {0, 0};
		memset(&c, 0, sizeof c);
		rc = csvtab_id(&t, VC_ID, 0, &c.id, e);
		if (!rc) rc = csvtab_id(&t, VC_REF, 0, &c.episode_id, e);
		if (!rc && validate_int("number", csvtab_get(&t, VC_NUMBER), 1, 1000000, &c.number, e))
			rc = csvtab_fail(&t, VC_NUMBER, e);
		if (!rc) rc = csvtab_copy(&t, VC_IV, c.intervention, sizeof c.intervention, e);
		if (!rc) rc = csvtab_copy(&t, VC_QUESTION, c.question, sizeof c.question, e);
		if (!rc) rc = import_date_col(&t, VC_START, 0, &c.started_on, e);
		if (!rc) rc = csvtab_copy(&t, VC_BY, c.created_by, sizeof c.created_by, e);
		if (!rc && (!c.created_by[0] || text_check("created_by", c.created_by, TEXT_LINE, e))) {
			if (!c.created_by[0])
				dy_fail(e, DY_EINVAL, NULL, "is required");
			rc = import_col_fail(&t, VC_BY, e);
		}
		if (!rc) rc = import_id_list(&t, VC_FILMS, ids[0], VIDEO_MAX_LINKS, &n[0], e);
		if (!rc) rc = import_id_list(&t, VC_REVIEWS, ids[1], VIDEO_MAX_LINKS, &n[1], e);
		if (!rc && n[0] + n[1] > VIDEO_MAX_LINKS) {
			dy_fail(e, DY_EINVAL, NULL, "a cycle links at most %d contacts", VIDEO_MAX_LINKS);
			rc = csvtab_fail(&t, VC_REVIEWS, e);
		}
		if (!rc) rc = import_episode_for(im, &t, VC_REF, c.episode_id, &ep, e);
		if (!rc && video_check_cycle(intervention_find(&cat, c.intervention), c.question, c.started_on,
		                             ep.received_on, DATE_NONE, im->a->today, e)) {
			int k = strcmp(e->field, "intervention") == 0 ? VC_IV : strcmp(e->field, "question") == 0 ? VC_QUESTION
			                                                                                          : VC_START;
			rc = import_col_fail(&t, k, e);
		}
		if (!rc && (rc = store_video_insert_as(im->a->db, &c, e)) == DY_ECONFLICT) {
			dy_fail(e, DY_ECONFLICT, NULL, "cycle %lld, or cycle %d of referral %lld, already exists",
			        (long long)c.id, c.number, (long long)c.episode_id);
			rc = csvtab_fail(&t, VC_ID, e);
		}
		struct video_link_facts f = {.started_on = c.started_on, .last_filming = DATE_NONE};
		for (int s = 0; s < 2; s++)
			for (int i = 0; !rc && i < n[s]; i++)
				rc = video_row_link(im, &t, s ? VC_REVIEWS : VC_FILMS, &c, ids[s][i], s ? VIDEO_REVIEW : VIDEO_FILMING,
				                    &f, e);
		if (!rc)
			im->n->video_cycles++;
	}
	intervention_catalogue_free(&cat);
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}

static int import_workforce(struct import *im, struct dy_err *e)
{
	return app_import_workforce(im->a, im->dir, im->n, e);
}

/* A referral for letters.csv and feedback.csv: this import's from memory,
 * else the database's (import_referral_fn). */
static int find_referral(void *ctx, int64_t id, struct episode *ep, int *is_new, struct dy_err *e)
{
	struct import *im = ctx;
	uint32_t i;
	*is_new = idmap_get(&im->episodes, id, &i);
	if (!*is_new)
		return store_episode_get(im->a->db, id, ep, e);
	const struct episode_info *ei = &im->einfo[i];
	memset(ep, 0, sizeof *ep);
	ep->id = id;
	ep->family_id = ei->family_id;
	ep->received_on = ei->received_on;
	ep->discharged_on = ei->discharged_on;
	ep->caregiver_id = ei->caregiver_id;
	ep->infant_id = ei->infant_id;
	return 0;
}

/* letters.csv and feedback.csv: app_import_feedback.c. */
static int import_letters_feedback(struct import *im, struct dy_err *e)
{
	return app_import_letters_feedback(im->a, im->dir, im->n, find_referral, im, e);
}

/* corrections.csv: app_import_corrections.c. */
static int import_corrections(struct import *im, struct dy_err *e)
{
	return app_import_corrections(im->a, im->dir, im->n, e);
}

/* family_merges.csv: app_import_merge.c. */
static int import_family_merges(struct import *im, struct dy_err *e)
{
	return app_import_merges(im->a, im->dir, im->n, e);
}

/* Each file's rows as the manifest lists them against the rows imported. */
static int check_rows(const struct manifest *m, const struct transfer_counts *n, struct dy_err *e)
{
	const struct {
		const char *file;
		int64_t got;
	} files[] = {{"practitioners.csv", n->practitioners}, {"people.csv", n->people},
	             {"referrals.csv", n->referrals},         {"contacts.csv", n->contacts},
	             {"safeguarding.csv", n->safeguarding},   {"outcomes.csv", n->outcomes},
	             {"measures.csv", n->measures},           {"episode_events.csv", n->events},
	             {"eligibility_overrides.csv", n->overrides}, {"goals.csv", n->goals},
	             {"goal_ratings.csv", n->goal_ratings}, {"notes.csv", n->notes},
	             {"video_cycles.csv", n->video_cycles}, {"careplans.csv", n->careplans},
	             {"group_runs.csv", n->group_runs}, {"group_enrolments.csv", n->group_enrolments},
	             {"group_attendance.csv", n->group_attendance}, {"group_waiting.csv", n->group_waiting},
	             {"training.csv", n->trainings}, {"training_attendees.csv", n->training_attendees},
	             {"consultations.csv", n->consultations}, {"supervision.csv", n->supervision},
	             {"letters.csv", n->letters}, {"feedback.csv", n->feedback}, {"corrections.csv", n->corrections},
	             {"appointments.csv", n->appointments}, {"family_merges.csv", n->family_merges}};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		int64_t want = manifest_rows(m, files[i].file);
		if (want >= 0 && want != files[i].got) {
			dy_fail(e, DY_EINVAL, NULL, "lists %lld rows in %s but %lld were read: export again",
			        (long long)want, files[i].file, (long long)files[i].got);
			dy_err_where(e, "%s", MANIFEST_FILE);
			return DY_EINVAL;
		}
	}
	return 0;
}

/* DYAD_TIMING=1: a step's time since t0 on stderr (no data, only counts). */
static void step_time(int timing, const char *name, const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (timing)
		fprintf(stderr, "import: %-22s %.3f s\n", name,
		        (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9);
}

/* One run of the whole import in one transaction, its writes declared to
 * the driver as bulk (how: DB_BULK_*). */

static int import_once(struct app *a, const char *dir, const struct manifest *man, unsigned how,
                       struct transfer_counts *n, struct dy_err *e)
{
	memset(n, 0, sizeof *n);
	struct import im = {.a = a, .dir = dir, .n = n};
	idmap_init(&im.families);
	idmap_init(&im.people);
	idmap_init(&im.episodes);
	idmap_init(&im.practitioners);
	idmap_init(&im.contacts);
	static const struct {
		const char *name;
		int (*run)(struct import *, struct dy_err *);
	} steps[] = {{"team", import_team},                     {"practitioners", import_practitioners}, {"people", import_people},
	             {"referrals", import_referrals},         {"contacts", import_contacts},
	             {"episode_events", import_events},       {"states", finish_states},
	             {"safeguarding", import_safeguarding},   {"outcomes", import_outcomes},
	             {"measures", import_measures},           {"eligibility_overrides", import_overrides},
	             {"goals", import_all_goals},             {"notes", import_notes},
	             {"care plans and groups", import_programmes}, {"video_cycles", import_video_cycles},
	             {"workforce", import_workforce}, {"letters_feedback", import_letters_feedback},
	             {"appointments", import_appointments}, {"corrections", import_corrections},
	             {"family_merges", import_family_merges}};
	/* DYAD_TIMING=1 prints each step's time to stderr (no data, only counts). */
	int timing = getenv("DYAD_TIMING") != NULL;
	/* Every reference in the files is checked here, row by row, with its
	 * line (ids of this import from memory, others from the database), so
	 * the database's own foreign-key checks, which would repeat each lookup,
	 * are off for the import's transaction and on again after it. */
	int rc = db_bulk(a->db, how, e);
	if (!rc)
		rc = app_begin(a, e);
	/* The waiting clocks are set once at the end (PostgreSQL; SQLite's
	 * triggers keep them row by row at little cost). Into a database with
	 * no family yet, rows sent by COPY (DB_BULK_ANY_ORDER) go into tables
	 * whose foreign keys and plain indexes are set aside, then checked and
	 * built once, a pass each, before the commit (store_bulk.h). The
	 * import's own reads meanwhile are look-ups by id, whose indexes stay. */
	int aside = 0;
	if (!rc)
		rc = store_bulk_begin(a->db, (how & DB_BULK_ANY_ORDER) != 0, &aside, e);
	for (size_t i = 0; !rc && i < sizeof steps / sizeof steps[0]; i++) {
		struct timespec t0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		rc = steps[i].run(&im, e);
		step_time(timing, steps[i].name, &t0);
	}
	struct timespec k0;
	clock_gettime(CLOCK_MONOTONIC, &k0);
	if (!rc)
		rc = store_bulk_end(a->db, aside, a->team_id, e);
	step_time(timing, "keys and clocks", &k0);
	if (!rc && man->n >= 0)
		rc = check_rows(man, n, e);
	char detail[160];
	snprintf(detail, sizeof detail, "%lld people, %lld referrals, %lld contacts", (long long)n->people,
	         (long long)n->referrals, (long long)n->contacts);
	struct timespec c0;
	clock_gettime(CLOCK_MONOTONIC, &c0);
	rc = app_end(a, rc, "import", "team", a->team_id, detail, e);
	if (rc && im.new_team) { /* rolled back with the rest: read the team again */
		struct team t;
		struct dy_err ignore;
		if (store_team_get(a->db, a->team_id, &t, &ignore)) {
			a->team_id = 0;
			a->team_name[0] = '\0';
		} else {
			str_copy(a->team_name, sizeof a->team_name, t.name);
		}
	}
	if (!rc && im.marked_demo)
		a->demo = 1;
	/* Every check back on, or the import says so (the request then closes
	 * its connection rather than lend it on unchecked). */
	struct dy_err after;
	dy_err_clear(&after);
	int rc_after = db_bulk(a->db, DB_BULK_END, &after);
	if (!rc && rc_after) {
		*e = after;
		rc = rc_after;
	}
	step_time(timing, "commit", &c0);
	idmap_free(&im.families);
	idmap_free(&im.people);
	idmap_free(&im.episodes);
	idmap_free(&im.practitioners);
	idmap_free(&im.contacts);
	free(im.cinfo);
	free(im.interventions);
	free(im.pinfo);
	free(im.einfo);
	if (rc)
		memset(n, 0, sizeof *n);
	return rc;
}

int app_import(struct app *a, const char *dir, struct transfer_counts *n, struct dy_err *e)
{
	memset(n, 0, sizeof *n);
	/* An export's manifest: every file complete and unchanged, checked
	 * before anything is written. */
	struct manifest man;
	int rc = manifest_check(dir, &man, e);
	if (rc)
		return rc;
	/* Writes go out without waiting for each answer (DB_BULK_LATE_ANSWERS:
	 * on PostgreSQL up to 512 in flight), so a refused write is reported
	 * by a later statement than its own, and a later row's message may be
	 * the one given. An import that fails so is rolled back and run once
	 * more, every write answered before the next goes out, so that the
	 * message names the file, line and field of the first bad row exactly
	 * as on SQLite (where the flag changes nothing and no rerun is made). */
	unsigned how = DB_BULK_LARGE | DB_BULK_REFS_CHECKED;
	int late = db_dialect(a->db) == DB_DIALECT_PG;
	rc = import_once(a, dir, &man, how | (late ? DB_BULK_LATE_ANSWERS | DB_BULK_ANY_ORDER : 0), n, e);
	if (rc && late && rc != DY_EBUSY) {
		dy_err_clear(e);
		rc = import_once(a, dir, &man, DB_BULK_REFS_CHECKED, n, e);
	}
	return rc;
}
