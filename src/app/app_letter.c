/* app_letter.c: letter use cases (see app_letter.h). */
#include "app/app_letter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_files.h"
#include "app/app_scope.h"
#include "core/codes.h"
#include "core/episode_state.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_pathway.h"
#include "util/date.h"
#include "util/file.h"
#include "util/str.h"

const char *app_letter_default_dir(void)
{
	const char *env = getenv("DYAD_LETTERS");
	return env && *env ? env : DYAD_SOURCE_DIR "/config/letters";
}

int app_letter_template(const char *dir, enum letter_kind kind, char **text, size_t *len, struct dy_err *e)
{
	if (!dir || !*dir)
		dir = app_letter_default_dir();
	char path[APP_DIR_MAX + 32];
	snprintf(path, sizeof path, "%s/%s.html", dir, letter_kind_code(kind));
	*text = NULL;
	int rc = file_read_all(path, LETTER_MAX_BYTES, text, len, e);
	if (rc == DY_ENOTFOUND)
		return dy_fail(e, DY_ENOTFOUND, "template", "cannot read the letter template %s", path);
	if (rc)
		return rc;
	if ((rc = letter_check(*text, *len, path, e))) {
		free(*text);
		*text = NULL;
	}
	return rc;
}

static void full_name(const struct person *p, char *out, size_t n)
{
	snprintf(out, n, "%s%s%s", p->given_name, p->given_name[0] && p->family_name[0] ? " " : "", p->family_name);
}

struct decision_event {
	int found;
	char reason[PATHWAY_TEXT_MAX];
	char service[PATHWAY_TEXT_MAX];
};

static int on_event(void *ctx, const struct pathway_event *ev)
{
	struct decision_event *d = ctx;
	if (ev->to == EPISODE_AWAITING_ASSESSMENT || ev->to == EPISODE_DECLINED || ev->to == EPISODE_SIGNPOSTED) {
		/* The latest decision wins (a reopened referral is decided again). */
		d->found = 1;
		str_copy(d->reason, sizeof d->reason, ev->reason);
		str_copy(d->service, sizeof d->service, ev->service);
	}
	return 0;
}

struct delivered {
	int attended;
	char code[16][INTERVENTION_CODE_MAX];
	int sessions[16];
	int n;
};

static int on_contact(void *ctx, const struct contact *c)
{
	struct delivered *d = ctx;
	if (strcmp(c->attendance, "attended") != 0)
		return 0;
	d->attended++;
	if (!c->intervention[0])
		return 0;
	for (int i = 0; i < d->n; i++)
		if (strcmp(d->code[i], c->intervention) == 0) {
			d->sessions[i]++;
			return 0;
		}
	if (d->n < 16) {
		str_copy(d->code[d->n], sizeof d->code[0], c->intervention);
		d->sessions[d->n++] = 1;
	}
	return 0;
}

int app_letter_values(struct app *a, const struct episode *ep, enum letter_to to,
                      char storage[LETTER_FIELD_COUNT][LETTER_VALUE_MAX], const char *vals[LETTER_FIELD_COUNT],
                      struct dy_err *e)
{
	for (int i = 0; i < LETTER_FIELD_COUNT; i++) {
		storage[i][0] = '\0';
		vals[i] = storage[i];
	}
#define SET(f, ...) snprintf(storage[f], LETTER_VALUE_MAX, __VA_ARGS__)
	SET(LF_TEAM_NAME, "%s", a->team_name);
	date_format_long(a->today, storage[LF_LETTER_DATE], LETTER_VALUE_MAX);
	SET(LF_RECIPIENT, "%s", letter_to_words(to));
	SET(LF_REFERRAL_ID, "%lld", (long long)ep->id);
	SET(LF_PRODUCED_BY, "%s", a->actor);
	struct person p;
	int rc;
	if (ep->caregiver_id) {
		if ((rc = store_person_get(a->db, ep->caregiver_id, &p, e)))
			return rc;
		full_name(&p, storage[LF_CAREGIVER_NAME], LETTER_VALUE_MAX);
	}
	if (ep->infant_id) {
		if ((rc = store_person_get(a->db, ep->infant_id, &p, e)))
			return rc;
		full_name(&p, storage[LF_INFANT_NAME], LETTER_VALUE_MAX);
		date_format_long(p.date_of_birth, storage[LF_INFANT_DOB], LETTER_VALUE_MAX);
		if (p.date_of_birth == DATE_NONE)
			date_format_long(p.edd, storage[LF_INFANT_EDD], LETTER_VALUE_MAX);
	}
	if (!storage[LF_INFANT_NAME][0])
		SET(LF_INFANT_NAME, "the baby");
	date_format_long(ep->received_on, storage[LF_REFERRAL_DATE], LETTER_VALUE_MAX);
	if (strcmp(ep->source, "gp") == 0)
		SET(LF_REFERRER, "GP");
	else if (strcmp(ep->source, "self") == 0)
		SET(LF_REFERRER, "self-referral");
	else
		code_label(ep->source, storage[LF_REFERRER], LETTER_VALUE_MAX);
	if (ep->decision[0] && strcmp(ep->decision, "pending") != 0) {
		SET(LF_DECISION, "%s", ep->decision);
		date_format_long(ep->decided_on, storage[LF_DECISION_DATE], LETTER_VALUE_MAX);
		struct decision_event d;
		memset(&d, 0, sizeof d);
		if ((rc = store_pathway_event_list(a->db, ep->id, on_event, &d, e)))
			return rc;
		SET(LF_DECISION_REASON, "%s", d.reason);
		SET(LF_SIGNPOSTED_TO, "%s", d.service);
	}
	if (ep->discharged_on != DATE_NONE) {
		date_format_long(ep->discharged_on, storage[LF_DISCHARGE_DATE], LETTER_VALUE_MAX);
		code_label(ep->discharge_reason, storage[LF_DISCHARGE_REASON], LETTER_VALUE_MAX);
	}
	struct delivered d;
	memset(&d, 0, sizeof d);
	if ((rc = store_contact_list(a->db, ep->id, on_contact, &d, e)))
		return rc;
	SET(LF_CONTACTS_ATTENDED, "%d", d.attended);
	struct intervention_catalogue cat;
	struct dy_err ignored;
	int have_cat = intervention_load_file(NULL, &cat, &ignored) == 0;
	size_t u = 0;
	for (int i = 0; i < d.n && u < LETTER_VALUE_MAX; i++) {
		const struct intervention_def *def = have_cat ? intervention_find(&cat, d.code[i]) : NULL;
		u += (size_t)snprintf(storage[LF_INTERVENTIONS] + u, LETTER_VALUE_MAX - u, "%s%s: %d session%s",
		                      i ? "; " : "", def ? def->name : d.code[i], d.sessions[i], d.sessions[i] == 1 ? "" : "s");
	}
	intervention_catalogue_free(&cat);
#undef SET
	return 0;
}

int app_letter_make(struct app *a, int64_t episode_id, enum letter_kind kind, enum letter_to to, const char *dir,
                    int64_t *id, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_BOOKING_WRITE, NULL, e);
	if (rc)
		return rc;
	char *text;
	size_t len;
	if ((rc = app_letter_template(dir, kind, &text, &len, e)))
		return rc;
	if ((rc = app_begin(a, e))) {
		free(text);
		return rc;
	}
	struct episode ep;
	rc = store_episode_get(a->db, episode_id, &ep, e);
	if (!rc && kind == LETTER_DECISION && (!ep.decision[0] || strcmp(ep.decision, "pending") == 0))
		rc = dy_fail(e, DY_ECONFLICT, "kind",
		             "referral %lld has no triage decision yet: a decision letter follows the decision",
		             (long long)episode_id);
	if (!rc && kind == LETTER_DISCHARGE && ep.discharged_on == DATE_NONE)
		rc = dy_fail(e, DY_ECONFLICT, "kind",
		             "referral %lld is not discharged: a discharge letter follows the discharge",
		             (long long)episode_id);
	char(*st)[LETTER_VALUE_MAX] = xmalloc(sizeof(char[LETTER_FIELD_COUNT][LETTER_VALUE_MAX]));
	const char *vals[LETTER_FIELD_COUNT];
	if (!rc)
		rc = app_letter_values(a, &ep, to, st, vals, e);
	struct buf html;
	buf_init(&html, LETTER_HTML_MAX);
	if (!rc)
		rc = letter_render(&html, text, len, vals, e);
	struct letter l;
	memset(&l, 0, sizeof l);
	if (!rc) {
		l.episode_id = episode_id;
		str_copy(l.kind, sizeof l.kind, letter_kind_code(kind));
		str_copy(l.recipient, sizeof l.recipient, letter_to_code(to));
		date_now_utc(l.produced_at);
		str_copy(l.produced_by, sizeof l.produced_by, a->actor);
		l.html = buf_cstr(&html);
		rc = store_letter_insert(a->db, &l, e);
	}
	free(st);
	free(text);
	char detail[64];
	snprintf(detail, sizeof detail, "%s to %s", letter_kind_code(kind), letter_to_code(to));
	rc = app_end(a, rc, "letter.make", "letter", l.id, detail, e);
	buf_free(&html);
	if (!rc && id)
		*id = l.id;
	return rc;
}

int app_letter_list(struct app *a, int64_t episode_id, store_letter_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_IDENTITY, NULL, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_letter_list(a->db, episode_id, 0, fn, ctx, e));
}

int app_letter_get(struct app *a, int64_t id, store_letter_fn fn, void *ctx, struct dy_err *e)
{
	int64_t episode_id = 0;
	int rc = app_begin_read(a, e);
	if (!rc)
		rc = store_letter_episode(a->db, id, &episode_id, e);
	if ((rc = app_end_read(a, rc)))
		return rc;
	if ((rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_IDENTITY, NULL, e)))
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_letter_get(a->db, id, fn, ctx, e));
}
