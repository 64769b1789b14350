/* app_correction.c: correcting a person's details with history, undoing a
 * correction, and the history (see app_correction.h). */
#include "app/app_correction.h"

#include <stdio.h>
#include <string.h>

#include "app/app_audit.h"
#include "app/app_correction_record.h"
#include "app/app_merge.h"
#include "app/app_scope.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"

int app_correction_distinct(const struct correction_change *ch, int n, struct dy_err *e)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < i; j++)
			if (strcmp(ch[i].field, ch[j].field) == 0)
				return dy_fail(e, DY_EINVAL, ch[i].field, "is given twice");
	return 0;
}

/* Applies the changes to p (loaded in the open transaction), checks it as
 * on entry, writes it and one correction row per changed field. */
static int apply(struct app *a, const struct person *before, const struct correction_change *ch, int n,
                 const char *reason, int64_t reverts, int64_t *first_id, char *fields, size_t fields_n,
                 struct dy_err *e)
{
	struct person p = *before;
	if (app_correction_distinct(ch, n, e))
		return DY_EINVAL;
	for (int i = 0; i < n; i++) {
		if (correction_person_set(&p, ch[i].field, ch[i].value ? ch[i].value : "", e))
			return DY_EINVAL;
	}
	if (record_person_check(&p, a->today, 0, e))
		return DY_EINVAL;
	struct correction c;
	memset(&c, 0, sizeof c);
	strcpy(c.entity, "person");
	c.entity_id = p.id;
	c.family_id = p.family_id;
	str_copy(c.reason, sizeof c.reason, reason);
	str_copy(c.corrected_by, sizeof c.corrected_by, a->actor);
	date_now_utc(c.corrected_at);
	c.reverts = reverts;
	int changed = 0, rc = 0;
	fields[0] = '\0';
	for (int i = 0; !rc && correction_person_fields[i]; i++) {
		const char *f = correction_person_fields[i];
		if ((rc = correction_person_get(before, f, c.old_value, e)) || (rc = correction_person_get(&p, f, c.new_value, e)))
			break;
		if (strcmp(c.old_value, c.new_value) == 0)
			continue;
		c.id = 0;
		str_copy(c.field, sizeof c.field, f);
		if ((rc = store_correction_insert(a->db, &c, e)))
			break;
		if (!changed && first_id)
			*first_id = c.id;
		size_t used = strlen(fields);
		snprintf(fields + used, fields_n - used, "%s%s", used ? "," : "", f);
		changed++;
	}
	if (!rc && !changed)
		rc = dy_fail(e, DY_EINVAL, "field", "nothing would change: the record already holds these values");
	if (!rc) {
		rc = store_person_update(a->db, before, &p, e);
		if (rc == DY_ECONFLICT)
			rc = dy_fail(e, DY_ECONFLICT, "nhs_number", "another person already has this NHS number");
	}
	return rc;
}

int app_person_correct(struct app *a, int64_t id, const struct correction_change *ch, int n, const char *reason,
                       int64_t *first_id, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_PERSON, id, SCOPE_BOOKING_WRITE, NULL, e);
	if (rc)
		return rc;
	if (correction_check_reason(reason, e))
		return DY_EINVAL;
	if (n < 1)
		return dy_fail(e, DY_EINVAL, "field", "name at least one field to correct");
	if ((rc = app_begin(a, e)))
		return rc;
	struct person p;
	char fields[256] = "";
	rc = store_person_get(a->db, id, &p, e);
	if (!rc)
		rc = apply(a, &p, ch, n, reason, 0, first_id, fields, sizeof fields, e);
	return app_end(a, rc, "person.correct", "person", id, rc ? NULL : fields, e);
}

int app_correction_revert(struct app *a, int64_t id, const char *reason, int64_t *new_id, struct dy_err *e)
{
	if (correction_check_reason(reason, e))
		return DY_EINVAL;
	struct correction c;
	int rc = app_begin_read(a, e);
	if (rc)
		return rc;
	rc = app_end_read(a, store_correction_get(a->db, id, &c, e));
	/* A referral's, contact's or measure's (app_correction_record.h). */
	if (!rc && strcmp(c.entity, "person") != 0)
		return app_record_revert(a, &c, reason, new_id, e);
	/* The scope is the corrected record's. */
	if (!rc)
		rc = app_scope_record(a, SCOPE_OF_PERSON, c.entity_id, SCOPE_BOOKING_WRITE, NULL, e);
	if (rc || (rc = app_begin(a, e)))
		return rc;
	int done = store_correction_reverted(a->db, id, e);
	if (done < 0)
		rc = done;
	else if (done)
		rc = dy_fail(e, DY_ECONFLICT, "correction", "correction %lld has been undone already", (long long)id);
	struct person p;
	char now[CORRECTION_VALUE_MAX];
	if (!rc)
		rc = store_person_get(a->db, c.entity_id, &p, e);
	if (!rc)
		rc = correction_person_get(&p, c.field, now, e);
	if (!rc && strcmp(now, c.new_value) != 0)
		rc = dy_fail(e, DY_ECONFLICT, "correction", "%s has been changed since correction %lld: correct it directly",
		             c.field, (long long)id);
	char fields[256] = "";
	struct correction_change ch = {c.field, c.old_value};
	if (!rc)
		rc = apply(a, &p, &ch, 1, reason, id, new_id, fields, sizeof fields, e);
	return app_end(a, rc, "correction.revert", "correction", id, rc ? NULL : fields, e);
}

int app_history(struct app *a, int64_t person_id, int64_t family_id, store_correction_fn fn, void *ctx,
                struct dy_err *e)
{
	int rc = person_id ? app_scope_record(a, SCOPE_OF_PERSON, person_id, SCOPE_IDENTITY, NULL, e)
	                   : app_scope_family(a, family_id, SCOPE_IDENTITY, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	rc = person_id ? store_correction_list(a->db, "person", person_id, fn, ctx, e)
	               : store_correction_list(a->db, NULL, family_id, fn, ctx, e);
	if (!rc && !person_id)
		rc = app_merge_history(a, family_id, fn, ctx, e);
	rc = app_end_read(a, rc);
	if (!rc)
		rc = app_audit_read(a, person_id ? "person_history" : "family_history", person_id ? person_id : family_id, e);
	return rc;
}

int app_person_get(struct app *a, int64_t id, struct person *p, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_PERSON, id, SCOPE_IDENTITY, NULL, e);
	if (rc || (rc = app_begin_read(a, e)))
		return rc;
	rc = app_end_read(a, store_person_get(a->db, id, p, e));
	return rc ? rc : app_audit_read(a, "person", id, e);
}

int app_correction_get(struct app *a, int64_t id, struct correction *c, struct dy_err *e)
{
	int rc = app_begin_read(a, e);
	if (rc)
		return rc;
	rc = app_end_read(a, store_correction_get(a->db, id, c, e));
	return rc ? rc : app_scope_family(a, c->family_id, SCOPE_IDENTITY, e);
}
