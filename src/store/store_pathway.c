/* store_pathway.c: SQL for episode states and transitions, overrides, the
 * duplicate check, the clock query and the derivation of states from data. */
#include "store/store_pathway.h"

#include <string.h>

#include "store/store_episode.h"
#include "util/date.h"
#include "util/str.h"

#define OPEN_STATES "('received','awaiting_assessment','assessed','awaiting_intervention','in_intervention')"

static enum episode_state state_of(const char *code)
{
	int i = str_index(episode_state_codes, code);
	return i < 0 ? EPISODE_RECEIVED : (enum episode_state)i;
}

/* A stored answer (NULL, "yes" or "no") to its enum. */
static enum eligibility_answer answer_of(const char *v)
{
	enum eligibility_answer a = ELIGIBILITY_ANSWER_UNKNOWN;
	eligibility_answer_parse(v, &a);
	return a;
}

/* An answer to store: its code, NULL when not known. */
static const char *answer_code(enum eligibility_answer a)
{
	const char *c = eligibility_answer_code(a);
	return c[0] ? c : NULL;
}

int store_pathway_get(db_t *db, int64_t id, struct pathway_referral *p, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db,
	                    "SELECT e.state, e.programme, e.first_time_parent,"
	                    " (SELECT v.date FROM episode_event v WHERE v.episode_id = e.id ORDER BY v.id DESC LIMIT 1)"
	                    " FROM episode e WHERE e.id = ?",
	                    id, "referral", &s, e);
	if (rc)
		return rc;
	memset(p, 0, sizeof *p);
	p->episode_id = id;
	p->state = state_of(db_col_text(s, 0));
	db_col_copy(s, 1, p->programme, sizeof p->programme);
	p->first_time_parent = answer_of(db_col_text(s, 2));
	p->state_on = db_col_date(s, 3);
	return 0;
}

int store_pathway_set_state(db_t *db, int64_t id, enum episode_state st, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE episode SET state = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, episode_state_code(st));
	db_bind_int(s, 2, id);
	return db_run_one(db, s, "referral", id, e);
}

int store_pathway_set_facts(db_t *db, int64_t id, const char *programme, enum eligibility_answer ftp,
                            struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE episode SET programme = ?, first_time_parent = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text_opt(s, 1, programme);
	db_bind_text_opt(s, 2, answer_code(ftp));
	db_bind_int(s, 3, id);
	return db_run_one(db, s, "referral", id, e);
}

int store_pathway_event_insert(db_t *db, const struct pathway_event *ev, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO episode_event (episode_id, from_state, to_state, date, actor,"
	                              " reason, service, recorded_at) VALUES (?,?,?,?,?,?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, ev->episode_id);
	if (ev->from == PATHWAY_NO_STATE)
		db_bind_null(s, 2);
	else
		db_bind_text(s, 2, episode_state_code((enum episode_state)ev->from));
	db_bind_text(s, 3, episode_state_code(ev->to));
	db_bind_date(s, 4, ev->date);
	db_bind_text(s, 5, ev->actor);
	db_bind_text_opt(s, 6, ev->reason);
	db_bind_text_opt(s, 7, ev->service);
	db_bind_text(s, 8, ev->recorded_at);
	return db_run(s, e);
}

#define EVENT_ROW "(?,?,?,?,?,?,?,?,?)"
#define EVENT_ROWS_4 EVENT_ROW "," EVENT_ROW "," EVENT_ROW "," EVENT_ROW
#define EVENT_ROWS_16 EVENT_ROWS_4 "," EVENT_ROWS_4 "," EVENT_ROWS_4 "," EVENT_ROWS_4
#define EVENT_INSERT "INSERT INTO episode_event (id, episode_id, from_state, to_state, date, actor, reason, service," \
                     " recorded_at) VALUES "
static const char event_batch_sql[] = EVENT_INSERT EVENT_ROWS_16 "," EVENT_ROWS_16;

/* Binds event ev, numbered id, as the row whose first parameter is k + 1. */
static void bind_event(db_stmt_t *s, int k, int64_t id, const struct pathway_event *ev)
{
	db_bind_int(s, k + 1, id);
	db_bind_int(s, k + 2, ev->episode_id);
	if (ev->from == PATHWAY_NO_STATE)
		db_bind_null(s, k + 3);
	else
		db_bind_text_ref(s, k + 3, episode_state_code((enum episode_state)ev->from));
	db_bind_text_ref(s, k + 4, episode_state_code(ev->to));
	db_bind_date(s, k + 5, ev->date);
	db_bind_text_ref(s, k + 6, ev->actor);
	db_bind_text_ref_opt(s, k + 7, ev->reason);
	db_bind_text_ref_opt(s, k + 8, ev->service);
	db_bind_text_ref(s, k + 9, ev->recorded_at);
}

int store_pathway_event_flush(db_t *db, struct store_event_batch *b, struct dy_err *e)
{
	int rc = 0;
	if (b->n && !b->numbered) {
		if ((rc = db_query_int(db, "SELECT MAX(id) FROM episode_event", &b->last_id, e)))
			return rc;
		b->numbered = 1;
	}
	if (b->n == STORE_EVENT_BATCH) {
		db_stmt_t *s = db_prepare(db, event_batch_sql, e);
		if (!s)
			return DY_ESTORE;
		for (int i = 0; i < b->n; i++)
			bind_event(s, 9 * i, b->last_id + 1 + i, &b->ev[i]);
		rc = db_run(s, e);
	} else {
		for (int i = 0; !rc && i < b->n; i++) {
			db_stmt_t *s = db_prepare(db, EVENT_INSERT EVENT_ROW, e);
			if (!s)
				return DY_ESTORE;
			bind_event(s, 0, b->last_id + 1 + i, &b->ev[i]);
			rc = db_run(s, e);
		}
	}
	if (!rc)
		b->last_id += b->n;
	b->n = 0;
	return rc;
}

int store_pathway_event_add(db_t *db, struct store_event_batch *b, const struct pathway_event *ev,
                            struct dy_err *e)
{
	b->ev[b->n++] = *ev;
	return b->n == STORE_EVENT_BATCH ? store_pathway_event_flush(db, b, e) : 0;
}

int store_pathway_event_list(db_t *db, int64_t episode_id, store_pathway_event_fn fn, void *ctx,
                             struct dy_err *e)
{
#define EVENT_SELECT "SELECT episode_id, from_state, to_state, date, actor, reason, service, recorded_at FROM episode_event"
	db_stmt_t *s = db_prepare_scoped(db, EVENT_SELECT " WHERE episode_id = ? ORDER BY episode_id, id",
	                                   EVENT_SELECT " ORDER BY episode_id, id", episode_id, e);
#undef EVENT_SELECT
	if (!s)
		return DY_ESTORE;
	int rc;
	struct pathway_event ev;
	while ((rc = db_step(s, e)) == DB_ROW) {
		memset(&ev, 0, sizeof ev);
		ev.episode_id = db_col_int(s, 0);
		ev.from = db_col_is_null(s, 1) ? PATHWAY_NO_STATE : (int)state_of(db_col_text(s, 1));
		ev.to = state_of(db_col_text(s, 2));
		ev.date = db_col_date(s, 3);
		db_col_copy(s, 4, ev.actor, sizeof ev.actor);
		db_col_copy(s, 5, ev.reason, sizeof ev.reason);
		db_col_copy(s, 6, ev.service, sizeof ev.service);
		db_col_copy(s, 7, ev.recorded_at, sizeof ev.recorded_at);
		if ((rc = fn(ctx, &ev)))
			return rc;
	}
	return rc;
}

int store_pathway_override_insert(db_t *db, const struct pathway_override *o, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO eligibility_override (episode_id, rule, reason, actor, date,"
	                              " recorded_at) VALUES (?,?,?,?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, o->episode_id);
	db_bind_text(s, 2, o->rule);
	db_bind_text(s, 3, o->reason);
	db_bind_text(s, 4, o->actor);
	db_bind_date(s, 5, o->date);
	db_bind_text(s, 6, o->recorded_at);
	return db_run(s, e);
}

int store_pathway_override_list(db_t *db, int64_t episode_id, store_pathway_override_fn fn, void *ctx,
                                struct dy_err *e)
{
#define OVERRIDE_SELECT "SELECT episode_id, rule, reason, actor, date, recorded_at FROM eligibility_override"
	db_stmt_t *s = db_prepare_scoped(db, OVERRIDE_SELECT " WHERE episode_id = ? ORDER BY episode_id, id",
	                                   OVERRIDE_SELECT " ORDER BY episode_id, id", episode_id, e);
#undef OVERRIDE_SELECT
	if (!s)
		return DY_ESTORE;
	int rc;
	struct pathway_override o;
	while ((rc = db_step(s, e)) == DB_ROW) {
		memset(&o, 0, sizeof o);
		o.episode_id = db_col_int(s, 0);
		db_col_copy(s, 1, o.rule, sizeof o.rule);
		db_col_copy(s, 2, o.reason, sizeof o.reason);
		db_col_copy(s, 3, o.actor, sizeof o.actor);
		o.date = db_col_date(s, 4);
		db_col_copy(s, 5, o.recorded_at, sizeof o.recorded_at);
		if ((rc = fn(ctx, &o)))
			return rc;
	}
	return rc;
}

int store_pathway_referral_list(db_t *db, store_pathway_referral_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT " STORE_EPISODE_COLS ", e.state, e.programme, e.first_time_parent"
	                              " FROM episode e ORDER BY e.id", e);
	if (!s)
		return DY_ESTORE;
	int rc;
	struct episode ep;
	struct pathway_referral p;
	while ((rc = db_step(s, e)) == DB_ROW) {
		store_episode_read(s, &ep);
		memset(&p, 0, sizeof p);
		p.episode_id = ep.id;
		p.state = state_of(db_col_text(s, STORE_EPISODE_NCOLS));
		db_col_copy(s, STORE_EPISODE_NCOLS + 1, p.programme, sizeof p.programme);
		p.first_time_parent = answer_of(db_col_text(s, STORE_EPISODE_NCOLS + 2));
		p.state_on = DATE_NONE;
		if ((rc = fn(ctx, &ep, &p)))
			return rc;
	}
	return rc;
}

int store_pathway_duplicates(db_t *db, int64_t person_id, const char *nhs, const char *family_name, int32_t dob,
                             int64_t *ids, size_t max, size_t *n, struct dy_err *e)
{
	*n = 0;
	db_stmt_t *s = db_prepare(
		db,
		"WITH m(pid) AS (SELECT ? UNION SELECT id FROM person WHERE nhs_number = ?"
		"  UNION SELECT id FROM person WHERE family_name = ? AND date_of_birth = ?)"
		" SELECT id FROM episode WHERE infant_id IN (SELECT pid FROM m) AND state IN " OPEN_STATES
		" UNION SELECT id FROM episode WHERE caregiver_id IN (SELECT pid FROM m) AND state IN " OPEN_STATES
		" UNION SELECT e.id FROM referral_infant ei JOIN episode e ON e.id = ei.episode_id"
		"  WHERE ei.infant_id IN (SELECT pid FROM m) AND e.state IN " OPEN_STATES
		" ORDER BY 1",
		e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, person_id);
	db_bind_text_opt(s, 2, nhs);
	db_bind_text_opt(s, 3, dob == DATE_NONE ? NULL : family_name);
	db_bind_date(s, 4, dob);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		if (*n < max)
			ids[*n] = db_col_int(s, 0);
		(*n)++;
	}
	return rc;
}

int store_pathway_clock_rows(db_t *db, int32_t active_from, int32_t until, store_pathway_clock_fn fn, void *ctx,
                             struct dy_err *e)
{
	return store_pathway_clock_rows_team(db, active_from, until, NULL, fn, ctx, e);
}

/* The referrals that can hold a clock, in two reads, each from the
 * covering index episode_clock_rows (migration 30): the open ones (no
 * discharge date, in id order as the index keeps them) and those
 * discharged on or after a day (a range of the index, sorted: "+id" keeps
 * the planner from scanning every referral for the order instead). */
#define CLOCK_ROWS                                                                                      \
	"SELECT id, family_id, infant_id, received_on, discharged_on, clock_assessed, clock_intervention," \
	"  clock_direct, discharge_reason FROM episode"
#define CLOCK_KEPT                                                                                       \
	" AND received_on <= ? AND decision NOT IN ('declined','signposted') AND error_at IS NULL" \
	STORE_IN_TEAMS("family_id")

static int clock_rows(db_t *db, int32_t discharged_from, int32_t until, const struct store_teams *team,
                      store_pathway_clock_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = discharged_from == DATE_NONE
		? db_prepare(db, CLOCK_ROWS " WHERE discharged_on IS NULL" CLOCK_KEPT " ORDER BY id", e)
		: db_prepare(db, CLOCK_ROWS " WHERE discharged_on >= ?" CLOCK_KEPT " ORDER BY +id", e);
	if (!s)
		return DY_ESTORE;
	int at = 1;
	if (discharged_from != DATE_NONE)
		db_bind_date(s, at++, discharged_from);
	db_bind_date(s, at++, until);
	store_teams_bind(s, at, team);
	int rc;
	struct pathway_clock_row r;
	while ((rc = db_step(s, e)) == DB_ROW) {
		r.episode_id = db_col_int(s, 0);
		r.family_id = db_col_int(s, 1);
		r.infant_id = db_col_int(s, 2);
		r.ev.received = db_col_date(s, 3);
		r.ev.discharged = db_col_date(s, 4);
		r.ev.assessed = db_col_date(s, 5);
		r.ev.intervention = db_col_date(s, 6);
		r.ev.direct = db_col_date(s, 7);
		r.ev.has_direct = r.ev.direct != DATE_NONE;
		char why[24];
		db_col_copy(s, 8, why, sizeof why);
		r.ev.discharge_leaves_path = clock_discharge_leaves_path(why);
		if ((rc = fn(ctx, &r)))
			return rc;
	}
	return rc;
}
#undef CLOCK_KEPT
#undef CLOCK_ROWS

int store_pathway_clock_rows_team(db_t *db, int32_t active_from, int32_t until, const struct store_teams *team,
                                  store_pathway_clock_fn fn, void *ctx, struct dy_err *e)
{
	/* The clock dates are kept on the episode by migration 15's triggers. */
	int rc = clock_rows(db, DATE_NONE, until, team, fn, ctx, e);
	return rc ? rc : clock_rows(db, active_from, until, team, fn, ctx, e);
}

/* The derivation over episodes with no event: migration 2's backfill runs
 * this same code (schema.c), an import runs it after loading. Portable SQL:
 * the later of two dates is a CASE, not a two-argument MAX. */
static const char *const derive_sql[] = {
	"DELETE FROM pathway_derive",
	"INSERT INTO pathway_derive (id, rec, dec, dec_on, dis, dis_reason, ass)"
	" SELECT e.id, e.received_on, e.decision,"
	"   CASE WHEN e.decided_on > e.received_on THEN e.decided_on ELSE e.received_on END,"
	"   e.discharged_on, e.discharge_reason,"
	"   CASE WHEN e.decision = 'accepted' THEN (SELECT MIN(c.date) FROM contact c WHERE c.episode_id = e.id"
	"     AND c.kind = 'assessment' AND c.attendance = 'attended' AND c.date >= e.received_on"
	"     AND (e.discharged_on IS NULL OR c.date <= e.discharged_on)) END"
	" FROM episode e WHERE NOT EXISTS (SELECT 1 FROM episode_event v WHERE v.episode_id = e.id)",
	"UPDATE pathway_derive SET iv = (SELECT MIN(c.date) FROM contact c WHERE c.episode_id = pathway_derive.id"
	" AND c.kind IN ('intervention','group') AND c.attendance = 'attended' AND c.date >= pathway_derive.ass"
	" AND (pathway_derive.dis IS NULL OR c.date <= pathway_derive.dis)) WHERE ass IS NOT NULL",
	"UPDATE pathway_derive SET ass = CASE WHEN dec_on > ass THEN dec_on ELSE ass END WHERE ass IS NOT NULL",
	"UPDATE pathway_derive SET iv = CASE WHEN ass > iv THEN ass ELSE iv END WHERE iv IS NOT NULL",
	"INSERT INTO episode_event (episode_id, from_state, to_state, date, actor, recorded_at)"
	" SELECT id, NULL, 'received', rec, ?, ? FROM pathway_derive ORDER BY id",
	"INSERT INTO episode_event (episode_id, from_state, to_state, date, actor, reason, service, recorded_at)"
	" SELECT id, 'received', CASE dec WHEN 'accepted' THEN 'awaiting_assessment' ELSE dec END, dec_on, ?,"
	"   CASE WHEN dec = 'declined' THEN 'not recorded' END, CASE WHEN dec = 'signposted' THEN 'not recorded' END, ?"
	" FROM pathway_derive WHERE dec <> 'pending' ORDER BY id",
	"INSERT INTO episode_event (episode_id, from_state, to_state, date, actor, recorded_at)"
	" SELECT id, 'awaiting_assessment', 'assessed', ass, ?, ? FROM pathway_derive WHERE ass IS NOT NULL ORDER BY id",
	"INSERT INTO episode_event (episode_id, from_state, to_state, date, actor, recorded_at)"
	" SELECT id, 'assessed', 'in_intervention', iv, ?, ? FROM pathway_derive WHERE iv IS NOT NULL ORDER BY id",
	"INSERT INTO episode_event (episode_id, from_state, to_state, date, actor, reason, recorded_at)"
	" SELECT id, CASE WHEN iv IS NOT NULL THEN 'in_intervention' WHEN ass IS NOT NULL THEN 'assessed'"
	"   WHEN dec = 'accepted' THEN 'awaiting_assessment' ELSE 'received' END, 'discharged',"
	"   CASE WHEN dis > COALESCE(iv, ass, CASE WHEN dec = 'pending' THEN rec ELSE dec_on END) THEN dis"
	"   ELSE COALESCE(iv, ass, CASE WHEN dec = 'pending' THEN rec ELSE dec_on END) END, ?, dis_reason, ?"
	" FROM pathway_derive WHERE dis IS NOT NULL AND dec NOT IN ('declined','signposted') ORDER BY id",
	"UPDATE episode SET state = (SELECT CASE WHEN m.dec IN ('declined','signposted') THEN m.dec"
	"   WHEN m.dis IS NOT NULL THEN 'discharged' WHEN m.dec = 'pending' THEN 'received'"
	"   WHEN m.iv IS NOT NULL THEN 'in_intervention' WHEN m.ass IS NOT NULL THEN 'assessed'"
	"   ELSE 'awaiting_assessment' END FROM pathway_derive m WHERE m.id = episode.id)"
	" WHERE id IN (SELECT id FROM pathway_derive)",
	NULL};

int store_pathway_derive(db_t *db, const char *actor, const char *recorded_at, int64_t *n, struct dy_err *e)
{
	*n = 0;
	/* Portable: DATE is PostgreSQL's date and, in this table without
	 * STRICT, ISO text on SQLite; the unqualified name finds the temporary
	 * table first in both. */
	int rc = db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS pathway_derive (id INTEGER PRIMARY KEY, rec DATE,"
	                     " dec TEXT, dec_on DATE, dis DATE, dis_reason TEXT, ass DATE, iv DATE)", e);
	for (int i = 0; !rc && derive_sql[i]; i++) {
		db_stmt_t *s = db_prepare(db, derive_sql[i], e);
		if (!s)
			return DY_ESTORE;
		if (strncmp(derive_sql[i], "INSERT INTO episode_event", 25) == 0) {
			db_bind_text(s, 1, actor);
			db_bind_text(s, 2, recorded_at);
		}
		rc = db_run(s, e);
		if (!rc && i == 1)
			*n = db_changes(db);
	}
	if (!rc) {
		db_stmt_t *s = db_prepare(db, "DELETE FROM pathway_derive", e);
		rc = s ? db_run(s, e) : DY_ESTORE;
	}
	return rc;
}
