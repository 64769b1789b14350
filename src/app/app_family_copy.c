/* app_family_copy.c: reading a family's whole record for its own copy, and
 * writing the copy (see app_family_copy.h). Every list is asked for by the
 * family's own ids (its people, its referrals), so nothing of another
 * family can come in; the audit log is never read. */
#include "app/app_family_copy.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/app_folder.h"
#include "app/app_scope.h"
#include "core/episode_state.h"
#include "store/store_appointment.h"
#include "store/store_careplan.h"
#include "store/store_correction.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_goal.h"
#include "store/store_letter.h"
#include "store/store_measure.h"
#include "store/store_note.h"
#include "store/store_pathway.h"
#include "store/store_safeguarding.h"
#include "store/store_score.h"
#include "util/date.h"

#define COPY_MAX_BYTES (64u << 20)

/* The copy being read: its sections, and what the lists need. */
struct copy {
	struct app *a;
	json_t *doc;
	json_t *people, *referrals, *contacts, *appointments, *safeguarding, *measures, *goals, *careplans, *notes,
	    *letters, *feedback, *history, *corrections;
	json_t *staff;     /* practitioner id (as text) -> name */
	int64_t *episodes; /* the family's referrals */
	size_t n_episodes;
	json_t *cur;       /* the record whose nested list is being read */
	struct dy_err *e;
};

static void put_text(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, v && v[0] ? json_string(v) : json_null());
}

static void put_id(json_t *o, const char *k, int64_t v)
{
	json_object_set_new(o, k, v ? json_integer(v) : json_null());
}

static void put_int(json_t *o, const char *k, int v, int absent)
{
	json_object_set_new(o, k, v != absent ? json_integer(v) : json_null());
}

static void put_date(json_t *o, const char *k, int32_t d)
{
	char s[DATE_LEN];
	if (d == DATE_NONE) {
		json_object_set_new(o, k, json_null());
		return;
	}
	date_format(d, s);
	json_object_set_new(o, k, json_string(s));
}

/* The practitioners' names for ids (their ids where a name is not known). */
static void put_staff(struct copy *c, json_t *o, const char *k, const int64_t *ids, int n)
{
	json_t *arr = json_array();
	for (int i = 0; i < n; i++) {
		char key[24];
		snprintf(key, sizeof key, "%lld", (long long)ids[i]);
		json_t *name = json_object_get(c->staff, key);
		json_array_append_new(arr, name ? json_copy(name) : json_string(key));
	}
	json_object_set_new(o, k, arr);
}

static void put_ids(json_t *o, const char *k, const int64_t *ids, int n)
{
	json_t *arr = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(arr, json_integer(ids[i]));
	json_object_set_new(o, k, arr);
}

static int on_staff(void *ctx, const struct practitioner *p)
{
	struct copy *c = ctx;
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)p->id);
	json_object_set_new(c->staff, key, json_string(p->name));
	return 0;
}

static int on_person(void *ctx, const struct person *p)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_id(o, "person_id", p->id);
	put_text(o, "role", p->role);
	put_text(o, "relationship", p->relationship);
	put_text(o, "given_name", p->given_name);
	put_text(o, "family_name", p->family_name);
	put_text(o, "nhs_number", p->nhs_number);
	put_date(o, "date_of_birth", p->date_of_birth);
	put_date(o, "edd", p->edd);
	put_text(o, "sex", p->sex);
	put_text(o, "ethnicity", p->ethnicity);
	put_text(o, "postcode", p->postcode);
	put_int(o, "gestation_weeks", p->gestation_weeks, 0);
	put_text(o, "loss", p->loss);
	put_date(o, "loss_on", p->loss[0] ? p->loss_on : DATE_NONE);
	json_array_append_new(c->people, o);
	return 0;
}

static int on_safeguarding(void *ctx, const struct safeguarding *s)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_id(o, "infant_id", s->infant_id);
	put_text(o, "status", s->status);
	put_date(o, "started_on", s->started_on);
	put_date(o, "ended_on", s->ended_on);
	json_array_append_new(c->safeguarding, o);
	return 0;
}

static int on_episode(void *ctx, const struct episode *ep)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_id(o, "referral_id", ep->id);
	put_id(o, "infant_id", ep->infant_id);
	put_id(o, "caregiver_id", ep->caregiver_id);
	put_date(o, "received_on", ep->received_on);
	put_text(o, "source", ep->source);
	put_text(o, "decision", ep->decision);
	put_date(o, "decided_on", ep->decided_on);
	put_date(o, "discharged_on", ep->discharged_on);
	put_text(o, "discharge_reason", ep->discharge_reason);
	json_array_append_new(c->referrals, o);
	c->episodes = xrealloc(c->episodes, (c->n_episodes + 1) * sizeof *c->episodes);
	c->episodes[c->n_episodes++] = ep->id;
	return 0;
}

static int on_event(void *ctx, const struct pathway_event *ev)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_id(o, "referral_id", ev->episode_id);
	put_text(o, "from_state", ev->from == PATHWAY_NO_STATE ? "" : episode_state_code((enum episode_state)ev->from));
	put_text(o, "to_state", episode_state_code(ev->to));
	put_date(o, "date", ev->date);
	put_text(o, "reason", ev->reason);
	put_text(o, "service", ev->service);
	put_text(o, "recorded_by", ev->actor);
	json_array_append_new(c->history, o);
	return 0;
}

static int on_contact(void *ctx, const struct contact *x)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_id(o, "contact_id", x->id);
	put_id(o, "referral_id", x->episode_id);
	put_date(o, "date", x->date);
	put_text(o, "kind", x->kind);
	put_text(o, "intervention", x->intervention);
	put_text(o, "location", x->location);
	put_text(o, "attendance", x->attendance);
	put_int(o, "duration_min", x->duration_min, -1);
	put_staff(c, o, "practitioners", x->practitioners, x->n_practitioners);
	put_ids(o, "attendee_ids", x->attendees, x->n_attendees);
	json_array_append_new(c->contacts, o);
	return 0;
}

static int on_appointment(void *ctx, const struct appointment *ap)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	char time[6];
	appt_format_time(ap->start_min, time);
	put_id(o, "appointment_id", ap->id);
	put_id(o, "referral_id", ap->episode_id);
	put_date(o, "date", ap->date);
	put_text(o, "time", time);
	put_int(o, "duration_min", ap->duration_min, -1);
	put_text(o, "kind", ap->kind);
	put_text(o, "intervention", ap->intervention);
	put_text(o, "location", ap->location);
	put_staff(c, o, "practitioners", ap->practitioners, ap->n_practitioners);
	put_ids(o, "attendee_ids", ap->attendees, ap->n_attendees);
	put_text(o, "status", ap->status);
	put_date(o, "status_on", ap->status_on);
	put_id(o, "contact_id", ap->contact_id);
	put_id(o, "rescheduled_to", ap->rescheduled_to);
	json_array_append_new(c->appointments, o);
	return 0;
}

static int on_score(void *ctx, const struct stored_score *s)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_text(o, "scale", s->scale);
	json_object_set_new(o, "score", s->present ? json_real(s->value) : json_null());
	put_text(o, "band", s->band);
	put_text(o, "no_score_reason", s->reason);
	json_array_append_new(json_object_get(c->cur, "scores"), o);
	return 0;
}

static int on_measure(void *ctx, const struct measure_record *r)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_id(o, "referral_id", r->m.episode_id);
	put_id(o, "person_id", r->m.person_id);
	put_text(o, "instrument", r->m.instrument);
	put_text(o, "timepoint", r->m.timepoint);
	put_date(o, "date", r->m.date);
	put_text(o, "responses", r->m.responses);
	json_object_set_new(o, "scores", json_array());
	json_array_append_new(c->measures, o);
	c->cur = o;
	return store_score_list(c->a->db, r->m.id, on_score, c, c->e);
}

static int on_rating(void *ctx, const struct goal_rating *r)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_date(o, "date", r->date);
	put_int(o, "rating", r->rating, -1);
	json_array_append_new(json_object_get(c->cur, "ratings"), o);
	return 0;
}

static int on_goal(void *ctx, const struct goal *g)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_id(o, "goal_id", g->id);
	put_id(o, "referral_id", g->episode_id);
	put_text(o, "text", g->text);
	put_date(o, "set_on", g->set_on);
	json_object_set_new(o, "ratings", json_array());
	json_array_append_new(c->goals, o);
	c->cur = o;
	return store_goal_rating_list(c->a->db, g->id, on_rating, c, c->e);
}

static int on_careplan(void *ctx, const struct care_plan *p)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_id(o, "careplan_id", p->id);
	put_id(o, "referral_id", p->episode_id);
	put_text(o, "intervention", p->intervention);
	put_date(o, "start_on", p->start_on);
	put_int(o, "planned_sessions", p->planned_sessions, 0);
	put_text(o, "status", careplan_status_code(p->status));
	put_date(o, "status_on", p->status_on);
	put_text(o, "stop_reason", p->stop_reason);
	put_staff(c, o, "practitioners", p->practitioners, p->n_practitioners);
	json_array_append_new(c->careplans, o);
	return 0;
}

static int on_note(void *ctx, const struct note *n)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	const char *state = n->error_at[0] ? "entered in error" : n->signed_at[0] ? "signed" : "draft";
	put_id(o, "note_id", n->id);
	put_id(o, "referral_id", n->episode_id);
	put_id(o, "contact_id", n->contact_id);
	put_text(o, "kind", n->kind);
	put_text(o, "author", n->author);
	put_text(o, "written_at", n->written_at);
	put_text(o, "state", state);
	put_text(o, "signed_at", n->signed_at);
	put_id(o, "addendum_to", n->addendum_to);
	put_text(o, "error_reason", n->error_reason);
	put_text(o, "error_at", n->error_at);
	put_text(o, "text", n->text);
	json_array_append_new(c->notes, o);
	return 0;
}

/* A letter's words without its markup: the body's text, tags dropped,
 * the escapes dyad's templates write turned back into their characters. */
static json_t *letter_text(const char *html)
{
	const char *p = strstr(html, "<body");
	p = p ? p : html;
	struct buf b;
	buf_init(&b, 1u << 20);
	int in_tag = 0, space = 0;
	for (; *p; p++) {
		if (*p == '<') {
			in_tag = 1;
			if (!strncmp(p, "</p", 3) || !strncmp(p, "<br", 3) || !strncmp(p, "</h", 3) || !strncmp(p, "</div", 5))
				buf_putc(&b, '\n'), space = 0;
		} else if (*p == '>') {
			in_tag = 0;
		} else if (!in_tag && *p == '&') {
			static const struct {
				const char *ent;
				char ch;
			} ENT[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&#x27;", '\''}};
			size_t k = 0;
			while (k < sizeof ENT / sizeof ENT[0] && strncmp(p, ENT[k].ent, strlen(ENT[k].ent)))
				k++;
			buf_putc(&b, k < sizeof ENT / sizeof ENT[0] ? ENT[k].ch : '&');
			if (k < sizeof ENT / sizeof ENT[0])
				p += strlen(ENT[k].ent) - 1;
			space = 0;
		} else if (!in_tag) {
			int ws = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
			if (ws && (space || !b.len || b.data[b.len - 1] == '\n'))
				continue;
			buf_putc(&b, ws ? ' ' : *p);
			space = ws;
		}
	}
	json_t *s = json_stringn(b.data ? b.data : "", b.len);
	buf_free(&b);
	return s ? s : json_string("");
}

static int on_letter(void *ctx, const struct letter *l)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_id(o, "letter_id", l->id);
	put_id(o, "referral_id", l->episode_id);
	put_text(o, "kind", l->kind);
	put_text(o, "to", l->recipient);
	put_text(o, "produced_at", l->produced_at);
	put_text(o, "produced_by", l->produced_by);
	json_object_set_new(o, "text", letter_text(l->html ? l->html : ""));
	json_array_append_new(c->letters, o);
	return 0;
}

static int on_feedback(void *ctx, const struct feedback_row *f)
{
	struct copy *c = ctx;
	for (size_t i = 0; i < c->n_episodes; i++)
		if (c->episodes[i] == f->episode_id) {
			json_t *o = json_object();
			put_id(o, "referral_id", f->episode_id);
			put_text(o, "questionnaire", f->questionnaire);
			put_date(o, "answered_on", f->answered_on);
			put_text(o, "answers", f->answers);
			json_array_append_new(c->feedback, o);
		}
	return 0;
}

static int on_correction(void *ctx, const struct correction *x)
{
	struct copy *c = ctx;
	json_t *o = json_object();
	put_text(o, "record", x->entity);
	put_id(o, "record_id", x->entity_id);
	put_text(o, "field", x->field);
	put_text(o, "old_value", x->old_value);
	put_text(o, "new_value", x->new_value);
	put_text(o, "reason", x->reason);
	put_text(o, "corrected_by", x->corrected_by);
	put_text(o, "corrected_at", x->corrected_at);
	json_array_append_new(c->corrections, o);
	return 0;
}

static json_t *section(json_t *doc, const char *name)
{
	json_t *arr = json_array();
	json_object_set_new(doc, name, arr);
	return arr;
}

/* Every list of the family, in the open read transaction. */
static int read_all(struct copy *c, int64_t family_id, struct dy_err *e)
{
	db_t *db = c->a->db;
	struct family f;
	int rc = store_family_get(db, family_id, &f, e);
	if (!rc) rc = store_practitioner_list(db, on_staff, c, e);
	if (!rc) rc = store_person_list(db, family_id, on_person, c, e);
	if (!rc) rc = store_episode_list(db, family_id, on_episode, c, e);
	for (size_t i = 0; !rc && i < json_array_size(c->people); i++) {
		json_t *p = json_array_get(c->people, i);
		if (!strcmp(json_string_value(json_object_get(p, "role")), "infant"))
			rc = store_safeguarding_list(db, json_integer_value(json_object_get(p, "person_id")), on_safeguarding,
			                             c, e);
	}
	for (size_t i = 0; !rc && i < c->n_episodes; i++) {
		int64_t ep = c->episodes[i];
		rc = store_pathway_event_list(db, ep, on_event, c, e);
		if (!rc) rc = store_contact_list(db, ep, on_contact, c, e);
		if (!rc) rc = store_appointment_list(db, ep, on_appointment, c, e);
		if (!rc) rc = store_measure_record_list(db, ep, on_measure, c, e);
		if (!rc) rc = store_goal_list(db, ep, on_goal, c, e);
		if (!rc) rc = store_careplan_list(db, ep, on_careplan, c, e);
		if (!rc) rc = store_note_list(db, ep, on_note, c, e);
		if (!rc) rc = store_letter_list(db, ep, 1, on_letter, c, e);
	}
	if (!rc && c->n_episodes)
		rc = store_feedback_list(db, DATE_NONE, DATE_NONE, on_feedback, c, e);
	if (!rc) rc = store_correction_list(db, NULL, family_id, on_correction, c, e);
	return rc;
}

int app_family_copy_read(struct app *a, int64_t family_id, json_t **doc, struct dy_err *e)
{
	*doc = NULL;
	int rc = app_scope_family(a, family_id, SCOPE_CLINICAL, e);
	if (rc)
		return rc;
	struct copy c = {.a = a, .doc = json_object(), .staff = json_object(), .e = e};
	char today[DATE_LEN];
	date_format(a->today, today);
	json_object_set_new(c.doc, "family_id", json_integer(family_id));
	json_object_set_new(c.doc, "team", json_string(a->team_name));
	json_object_set_new(c.doc, "made_on", json_string(today));
	c.people = section(c.doc, "people");
	c.referrals = section(c.doc, "referrals");
	c.history = section(c.doc, "referral_history");
	c.contacts = section(c.doc, "contacts");
	c.appointments = section(c.doc, "appointments");
	c.safeguarding = section(c.doc, "safeguarding");
	c.measures = section(c.doc, "measures");
	c.goals = section(c.doc, "goals");
	c.careplans = section(c.doc, "care_plans");
	c.notes = section(c.doc, "notes");
	c.letters = section(c.doc, "letters");
	c.feedback = section(c.doc, "feedback");
	c.corrections = section(c.doc, "corrections");
	if (!(rc = app_begin_read(a, e)))
		rc = app_end_read(a, read_all(&c, family_id, e));
	free(c.episodes);
	json_decref(c.staff);
	if (rc)
		json_decref(c.doc);
	else
		*doc = c.doc;
	return rc;
}

/* The copy in both forms: 0, or DY_EINVAL when one is too large. */
static int render(struct app *a, int64_t family_id, struct buf *html, char **json, struct dy_err *e)
{
	json_t *doc;
	int rc = app_family_copy_read(a, family_id, &doc, e);
	if (rc)
		return rc;
	if (html)
		rc = app_family_copy_html(doc, html, e);
	if (!rc && json) {
		*json = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		if (!*json)
			rc = dy_fail(e, DY_EINTERNAL, "family", "the copy could not be written as JSON");
	}
	json_decref(doc);
	return rc;
}

static int audit(struct app *a, int64_t family_id, struct dy_err *e)
{
	int rc = app_begin(a, e);
	return rc ? rc : app_end(a, 0, "family.copy", "family", family_id, NULL, e);
}

/* 1 when dir exists and is an empty folder, 0 when it does not exist;
 * DY_ECONFLICT otherwise. */
static int dir_state(const char *dir, struct dy_err *e)
{
	struct stat st;
	if (lstat(dir, &st) != 0)
		return errno == ENOENT ? 0 : dy_fail(e, DY_ECONFLICT, "dir", "cannot be read: %s", strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return dy_fail(e, DY_ECONFLICT, "dir", "exists and is not a folder: choose a new folder name");
	DIR *d = opendir(dir);
	if (!d)
		return dy_fail(e, DY_ECONFLICT, "dir", "cannot be read: %s", strerror(errno));
	int empty = 1;
	struct dirent *en;
	while (empty && (en = readdir(d)))
		empty = !strcmp(en->d_name, ".") || !strcmp(en->d_name, "..");
	closedir(d);
	return empty ? 1 : dy_fail(e, DY_ECONFLICT, "dir", "exists and is not empty: choose a new or empty folder");
}

static int write_file(struct folder *j, const char *name, const char *data, size_t len, struct dy_err *e)
{
	int fd = folder_file(j, name, e);
	if (fd < 0)
		return DY_EINVAL;
	while (len) {
		ssize_t w = write(fd, data, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return dy_fail(e, DY_EINTERNAL, "dir", "writing %s failed: %s", name, strerror(errno));
		data += w;
		len -= (size_t)w;
	}
	if (fsync(fd))
		return dy_fail(e, DY_EINTERNAL, "dir", "writing %s failed: %s", name, strerror(errno));
	return 0;
}

int app_family_copy(struct app *a, int64_t family_id, const char *dir, struct dy_err *e)
{
	int exists = dir_state(dir, e);
	if (exists < 0)
		return exists;
	struct buf html;
	buf_init(&html, COPY_MAX_BYTES);
	char *json = NULL;
	int rc = render(a, family_id, &html, &json, e);
	struct folder j;
	int have_folder = 0;
	if (!rc) {
		/* An empty folder is swapped for the finished one. */
		rc = folder_init(&j, dir, exists, e);
		have_folder = !rc;
	}
	char hname[48], jname[48];
	snprintf(hname, sizeof hname, "family-%lld.html", (long long)family_id);
	snprintf(jname, sizeof jname, "family-%lld.json", (long long)family_id);
	if (!rc) rc = write_file(&j, hname, html.data, html.len, e);
	if (!rc) rc = write_file(&j, jname, json, strlen(json), e);
	if (!rc) rc = folder_commit(&j, exists);
	if (have_folder)
		folder_free(&j);
	buf_free(&html);
	free(json);
	return rc ? rc : audit(a, family_id, e);
}

int app_family_copy_get(struct app *a, int64_t family_id, int html, struct buf *out, struct dy_err *e)
{
	char *json = NULL;
	int rc = render(a, family_id, html ? out : NULL, html ? NULL : &json, e);
	if (!rc && json && buf_puts(out, json))
		rc = dy_fail(e, DY_EINVAL, "family", "the copy is too large to send");
	free(json);
	return rc ? rc : audit(a, family_id, e);
}
