/* app_demo.c: the synthetic demo team (see app_demo.h). The proportions
 * below are plausible for a UK parent-infant team (DOMAIN.md); they are
 * demonstration values, not statistics about any real service. */
#include "app/app_demo.h"
#include "app/app_demo_int.h"
#include "app/app_demo_letters.h"

#include <stdio.h>
#include <string.h>

#include "core/codes.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "app/app_demo_workforce.h"
#include "app/app_measure.h"
#include "store/store_goal.h"
#include "store/store_measure.h"
#include "store/store_pathway.h"
#include "store/store_score.h"
#include "store/store_safeguarding.h"
#include "store/store_summary.h"
#include "store/store_tally.h"
#include "store/store_video.h"
#include "util/date.h"
#include "util/rng.h"
#include "util/str.h"

static const char *const mothers[] = {"Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Grace",
	"Freya", "Sophia", "Aisha", "Zara", "Maryam", "Chloe", "Ella", "Ruby", "Holly", "Jade", "Leah", "Kayla",
	"Priya", "Fatima", "Nadia", "Chantelle", "Ewa", "Agnieszka", "Roxanne", "Tia", "Keira", "Shannon"};
static const char *const fathers[] = {"Jack", "Liam", "Ryan", "Daniel", "Adam", "Mohammed", "Kyle", "Callum",
	"Jordan", "Dean", "Tomasz", "Kwame", "Arjun", "Connor", "Lewis", "Marcus", "Shane", "Ibrahim", "Josh", "Reece"};
static const char *const babies[] = {"Noah", "Oliver", "Arlo", "Theo", "Leo", "Luca", "Freddie", "Alfie",
	"Isabella", "Willow", "Rosie", "Hallie", "Yusuf", "Ezra", "Maya", "Poppy", "Ada", "Nia", "Remi", "Elsie",
	"Kai", "Zain", "Esme", "Orla", "Finn", "Hana", "Idris", "Lyra"};
static const char *const surnames[] = {"Ashdown", "Brierley", "Calloway", "Dunmore", "Eskdale", "Fairholme",
	"Garside", "Hartwell", "Inchley", "Jessop", "Kirkham", "Lowther", "Marchbank", "Netherwood", "Oakley",
	"Pendleton", "Quarmby", "Radcliffe", "Stainton", "Thursby", "Underhill", "Varley", "Whitmore", "Yardley",
	"Ackroyd", "Beeston", "Clifton", "Dovedale", "Elston", "Fenwick", "Okafor", "Nowak", "Begum", "Hussain",
	"Mensah", "Kowalski", "Rahman", "Campbell", "Reid", "Osei"};
int demo_move(struct demo *d, struct trail *t, enum episode_state to, int32_t date, const char *reason,
              const char *service, struct dy_err *e)
{
	if (t->started && date < t->on)
		date = t->on;
	struct pathway_event ev = {.episode_id = t->id, .from = t->started ? (int)t->st : PATHWAY_NO_STATE, .to = to,
	                           .date = date};
	str_copy(ev.actor, sizeof ev.actor, "demo");
	str_copy(ev.reason, sizeof ev.reason, reason);
	str_copy(ev.service, sizeof ev.service, service);
	char day[DATE_LEN];
	date_format(date, day);
	snprintf(ev.recorded_at, sizeof ev.recorded_at, "%sT12:00:00Z", day);
	t->started = 1;
	t->st = to;
	t->on = date;
	d->n->events++;
	return store_pathway_event_insert(d->a->db, &ev, e);
}

/* A valid NHS number in the never-issued 999 range, unique per call; ""
 * once the range's million numbers are used up. */
static void nhs_number(struct demo *d, char out[11])
{
	for (;;) {
		if (d->nhs_seq >= 1000000) {
			out[0] = '\0';
			return;
		}
		int64_t v = 999000000 + d->nhs_seq++;
		char s[24];
		snprintf(s, sizeof s, "%09lld", (long long)v);
		int sum = 0;
		for (int i = 0; i < 9; i++)
			sum += (s[i] - '0') * (10 - i);
		int check = 11 - sum % 11;
		if (check == 11)
			check = 0;
		if (check == 10)
			continue;
		memcpy(out, s, 9);
		out[9] = (char)('0' + check);
		out[10] = '\0';
		return;
	}
}

static void postcode(struct demo *d, char out[9])
{
	snprintf(out, 9, "NG%d %d%c%c", rng_range(&d->r, 1, 11), rng_range(&d->r, 1, 9),
	         "ABDEFGHJLNPQRSTUWXY"[rng_range(&d->r, 0, 18)], "ABDEFGHJLNPQRSTUWXY"[rng_range(&d->r, 0, 18)]);
}

static int add_person(struct demo *d, struct person *p, struct dy_err *e)
{
	int rc = store_person_insert(d->a->db, p, e);
	if (!rc)
		d->n->people++;
	return rc;
}

static int add_contact(struct demo *d, struct contact *c, const struct person *who, int nwho, struct dy_err *e)
{
	c->id = 0;
	c->n_practitioners = rng_chance(&d->r, 0.3) ? 2 : 1;
	c->practitioners[0] = d->practitioners[rng_range(&d->r, 0, d->npract - 1)];
	c->practitioners[1] = d->practitioners[rng_range(&d->r, 0, d->npract - 1)];
	if (c->practitioners[1] == c->practitioners[0])
		c->n_practitioners = 1;
	c->n_attendees = 0;
	if (strcmp(c->attendance, "attended") == 0)
		for (int i = 0; i < nwho && c->n_attendees < 8; i++)
			if (i == 0 || rng_chance(&d->r, 0.5))
				c->attendees[c->n_attendees++] = who[i].id;
	int rc = store_contact_insert(d->a->db, c, e);
	if (!rc)
		d->n->contacts++;
	return rc;
}

static void responses(struct demo *d, char *out, size_t n, int items, int lo, int hi, double level)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < items; i++) {
		int v = lo + (int)(level * (hi - lo) + rng_range(&d->r, -1, 1));
		if (v < lo)
			v = lo;
		if (v > hi)
			v = hi;
		used += (size_t)snprintf(out + used, n - used, "%s%d", i ? ";" : "", v);
	}
}

/* The people of the administration, known without a database read. */
struct demo_people {
	const struct person *carer, *infant;
	db_t *db;
};

static int demo_person(void *ctx, int64_t id, int need_birth, struct measure_person *out, struct dy_err *e)
{
	struct demo_people *dp = ctx;
	const struct person *p = id == dp->carer->id ? dp->carer : dp->infant && id == dp->infant->id ? dp->infant : NULL;
	if (!p)
		return app_measure_person_db(dp->db, id, need_birth, out, e);
	out->family_id = p->family_id;
	out->infant = p->role[0] == 'i';
	out->date_of_birth = p->date_of_birth;
	out->gestation_weeks = p->gestation_weeks;
	return 0;
}

/* Scores and stores one administration through the path entry uses. */
static int demo_measure(struct demo *d, struct measure_record *r, const struct episode *ep, struct demo_people *dp,
                        struct dy_err *e)
{
	const struct instrument_set *set;
	int rc = app_instruments(d->a, &set, e);
	if (rc)
		return rc;
	const struct instrument *in = instrument_set_find(set, r->m.instrument);
	if (!in)
		return dy_fail(e, DY_EINVAL, "instrument", "the demo needs the %s definition", r->m.instrument);
	struct measure_episode mep = {ep->family_id, ep->caregiver_id, ep->infant_id, 1};
	struct score_result res;
	r->m.id = 0;
	if ((rc = app_measure_check_score(in, r, &mep, 0, demo_person, dp, &res, e)) ||
	    (rc = store_measure_record_insert(d->a->db, r, e)) || (rc = store_score_save(d->a->db, r->m.id, &res, 1, NULL, e)))
		return rc;
	/* Most flags raised long ago have been reviewed by a clinician. */
	if (res.nrisks && r->m.date < d->today - 14 && rng_chance(&d->r, 0.9)) {
		int n;
		if ((rc = store_risk_acknowledge(d->a->db, r->m.id, 0, "demo", r->m.date + rng_range(&d->r, 0, 2),
		                                 "Reviewed with the caregiver the same week; GP informed", &n, e)))
			return rc;
	}
	d->n->measures++;
	return 0;
}

static const char *const goal_words[] = {"Enjoy bath time together", "Feel confident settling her at night",
	"Understand what his crying is telling me", "Play together every day", "Feel less anxious when she cries",
	"Get out to a baby group", "Feel close to my baby", "Share the night feeds fairly", "Stop shouting when tired",
	"Trust myself as a parent"};

/* Baseline: sets 1-3 goals rated low; end: rates them again, mostly higher. */
/* The ids of an episode's goals, in position order. */
struct goal_ids {
	int64_t id[3];
	int n;
};

static int collect_goal(void *ctx, const struct goal *g)
{
	struct goal_ids *ids = ctx;
	if (ids->n < 3)
		ids->id[ids->n++] = g->id;
	return 0;
}

static int demo_goals(struct demo *d, const struct episode *ep, int32_t on, int baseline, double severity,
                      struct dy_err *e)
{
	int rc = 0;
	if (baseline) {
		int n = rng_range(&d->r, 1, 3), first = rng_range(&d->r, 0, COUNT(goal_words) - 1);
		for (int i = 0; !rc && i < n; i++) {
			struct goal g = {.episode_id = ep->id, .position = i + 1, .set_on = on};
			str_copy(g.text, sizeof g.text, goal_words[(first + i * 3) % COUNT(goal_words)]);
			if (!(rc = store_goal_insert(d->a->db, &g, e))) {
				struct goal_rating gr = {g.id, on, (int)(8 - severity * 8) + rng_range(&d->r, -1, 1)};
				gr.rating = gr.rating < 0 ? 0 : gr.rating;
				rc = store_goal_rating_insert(d->a->db, &gr, e);
				d->n->goals++;
				d->n->goal_ratings++;
			}
		}
		return rc;
	}
	struct goal_ids ids = {0};
	if ((rc = store_goal_list(d->a->db, ep->id, collect_goal, &ids, e)))
		return rc;
	struct goal_rating later[3];
	int nl = 0;
	for (int i = 0; i < ids.n; i++) {
		int v = (int)(10 - severity * 9) + rng_range(&d->r, -2, 2);
		later[nl++] = (struct goal_rating){ids.id[i], on, v < 0 ? 0 : v > 10 ? 10 : v};
	}
	rc = 0;
	for (int i = 0; !rc && i < nl; i++) {
		rc = store_goal_rating_insert(d->a->db, &later[i], e);
		d->n->goal_ratings++;
	}
	return rc;
}

/* One administration of the demo's measures: PHQ-9, GAD-7 and EPDS by the
 * caregiver, PIR-GAS for the caregiver with the infant (once born) rated by
 * a practitioner, and the family's goals. `severity` (0-1) sets how unwell
 * the answers are; the end administration is given a lower one. Risk items
 * (PHQ-9 item 9, EPDS item 10) are positive for a small share of the
 * most unwell. */
static int add_measures(struct demo *d, const struct episode *ep, const struct person *carer,
                        const struct person *infant, int32_t on, const char *timepoint, double severity,
                        struct dy_err *e)
{
	struct measure_record r;
	memset(&r, 0, sizeof r);
	r.m.episode_id = ep->id;
	r.m.date = on;
	str_copy(r.m.timepoint, sizeof r.m.timepoint, timepoint);
	struct demo_people dp = {carer, infant, d->a->db};
	static const struct { const char *id; int items, lo, hi, risk_item; } set[] = {
		{"phq9", 9, 0, 3, 9}, {"gad7", 7, 0, 3, 0}, {"epds", 10, 0, 3, 10}};
	int rc = 0;
	for (int i = 0; !rc && i < 3; i++) {
		r.m.person_id = carer->id;
		r.subject[0] = '\0';
		r.subject_caregiver_id = r.subject_infant_id = r.practitioner_id = 0;
		str_copy(r.m.instrument, sizeof r.m.instrument, set[i].id);
		responses(d, r.m.responses, sizeof r.m.responses, set[i].items, set[i].lo, set[i].hi, severity);
		if (set[i].risk_item) {
			/* The last item is the risk item: answered 0 unless at risk. */
			int at_risk = severity > 0.6 && rng_chance(&d->r, 0.08);
			char *last = strrchr(r.m.responses, ';');
			snprintf(last + 1, sizeof r.m.responses - (size_t)(last + 1 - r.m.responses), "%d",
			         at_risk ? rng_range(&d->r, 1, 2) : 0);
		}
		rc = demo_measure(d, &r, ep, &dp, e);
	}
	if (!rc && infant && infant->date_of_birth != DATE_NONE && infant->date_of_birth <= on && d->npract) {
		r.m.person_id = carer->id;
		r.subject[0] = '\0';
		r.subject_caregiver_id = carer->id;
		r.subject_infant_id = infant->id;
		r.practitioner_id = d->practitioners[rng_range(&d->r, 0, d->npract - 1)];
		str_copy(r.m.instrument, sizeof r.m.instrument, "pirgas");
		snprintf(r.m.responses, sizeof r.m.responses, "%d", 85 - (int)(severity * 50) + rng_range(&d->r, -5, 5));
		rc = demo_measure(d, &r, ep, &dp, e);
	}
	if (!rc && rng_chance(&d->r, 0.5))
		rc = demo_goals(d, ep, on, strcmp(timepoint, "baseline") == 0, severity, e);
	return rc;
}

/* Video feedback cycles of a family seen for Video Interaction Guidance or
 * VIPP-SD: its attended contacts of that intervention, in date order, taken
 * in pairs, a filming and then its review, each pair a cycle with the
 * helping question the family chose (a last contact on its own is a
 * filming not yet reviewed). */
static int demo_video(struct demo *d, const struct episode *ep, const char *intervention, const int64_t *ids,
                      const int32_t *dates, int n, struct dy_err *e)
{
	static const char *const questions[] = {"How can I help her settle when she cries?",
		"What does he enjoy when we play together?", "How do I know when she has had enough?",
		"How can bath time be calmer for both of us?", "What is he telling me when he looks away?",
		"How can I enjoy feeding times more?", "What helps her feel safe when I leave the room?"};
	int rc = 0;
	for (int i = 0; !rc && i < n && i < 8; i += 2) {
		struct video_cycle c = {.episode_id = ep->id, .started_on = dates[i]};
		str_copy(c.intervention, sizeof c.intervention, intervention);
		str_copy(c.question, sizeof c.question, questions[rng_range(&d->rv, 0, COUNT(questions) - 1)]);
		str_copy(c.created_by, sizeof c.created_by, "demo");
		if ((rc = store_video_insert(d->a->db, &c, e)) ||
		    (rc = store_video_link(d->a->db, c.id, ids[i], VIDEO_FILMING, e)))
			return rc;
		if (i + 1 < n)
			rc = store_video_link(d->a->db, c.id, ids[i + 1], VIDEO_REVIEW, e);
		d->n->video_cycles++;
	}
	return rc;
}

/* The work of one accepted episode: assessment, intervention contacts,
 * reviews, measures, and a discharge when its time has come. */
static int episode_work(struct demo *d, struct episode *ep, struct trail *tr, const struct person *who, int nwho,
                        const struct person *infants, int ninf, struct dy_err *e)
{
	struct contact c = {.episode_id = ep->id, .duration_min = 60};
	/* Most families are seen within the 2 weeks; a busy spell makes some wait longer. */
	int32_t day = ep->received_on + (rng_chance(&d->r, 0.25) ? rng_range(&d->r, 12, 40) : rng_range(&d->r, 3, 18));
	if (day <= ep->decided_on)
		day = ep->decided_on + rng_range(&d->r, 1, 4);
	int rc = 0;
	/* Sometimes the first assessment is missed. */
	if (rng_chance(&d->r, 0.12) && day <= d->today) {
		c.date = day;
		strcpy(c.kind, "assessment");
		c.intervention[0] = '\0';
		strcpy(c.location, "home");
		strcpy(c.attendance, rng_chance(&d->r, 0.6) ? "did_not_attend" : "cancelled_by_family");
		if ((rc = add_contact(d, &c, who, nwho, e)))
			return rc;
		day += rng_range(&d->r, 5, 12);
	}
	if (day > d->today)
		return 0;
	c.date = day;
	strcpy(c.kind, "assessment");
	strcpy(c.location, rng_chance(&d->r, 0.7) ? "home" : "clinic");
	strcpy(c.attendance, "attended");
	c.duration_min = 90;
	if ((rc = add_contact(d, &c, who, nwho, e)) || (rc = demo_move(d, tr, EPISODE_ASSESSED, day, NULL, NULL, e)))
		return rc;
	double severity = 0.35 + rng_unit(&d->r) * 0.5;
	if (rng_chance(&d->r, 0.85) && (rc = add_measures(d, ep, &who[0], ninf ? &infants[0] : NULL, day, "baseline", severity, e)))
		return rc;
	/* Entries of the shipped catalogue (config/interventions.ini). */
	static const char *const iv[] = {"parent_infant_psychotherapy", "video_interaction_guidance", "vipp_sd",
	                                 "circle_of_security", "mellow_babies", "baby_massage",
	                                 "newborn_behavioural_observation", "watch_wait_wonder", "baby_steps",
	                                 "minding_the_baby", "systemic_family_therapy", "parenting_support"};
	static const int iw[] = {25, 20, 8, 8, 6, 6, 8, 5, 2, 2, 6, 4};
	const char *intervention = iv[rng_weighted(&d->r, iw, COUNT(iw))];
	int sessions = rng_range(&d->r, 4, 20);
	int disengage = rng_chance(&d->r, 0.12);
	int32_t assessed = day;
	day += rng_range(&d->r, 7, 45);
	/* Most families go on the intervention waiting list once the plan is made. */
	if (rng_chance(&d->r, 0.7)) {
		int32_t listed = assessed + rng_range(&d->r, 0, 4);
		if (listed < day && listed <= d->today &&
		    (rc = demo_move(d, tr, EPISODE_AWAITING_INTERVENTION, listed, NULL, NULL, e)))
			return rc;
	}
	int held = 0;
	const struct intervention_def *def = intervention_find(&d->cat, intervention);
	int32_t first = day; /* the plan's start: its first session */
	if (def && def->mode == INTERVENTION_GROUP) {
		if ((rc = demo_group_course(d, ep, tr, &who[0], def, disengage, &day, &first, &held, e)))
			return rc;
		sessions = 0;
	}
	int video = strcmp(intervention, "video_interaction_guidance") == 0 || strcmp(intervention, "vipp_sd") == 0;
	int64_t filmed[8];
	int32_t filmed_on[8];
	int nfilmed = 0;
	for (int s = 0; s < sessions && day <= d->today; s++) {
		c.date = day;
		strcpy(c.kind, (s == sessions / 2) ? "review" : "intervention");
		str_copy(c.intervention, sizeof c.intervention, strcmp(c.kind, "intervention") == 0 ? intervention : "");
		static const char *const locs[] = {"home", "clinic", "childrens_centre", "gp", "video", "phone"};
		static const int lw[] = {45, 25, 12, 6, 8, 4};
		strcpy(c.location, locs[rng_weighted(&d->r, lw, 6)]);
		if (def && def->mode == INTERVENTION_HOME_VISITING)
			strcpy(c.location, "home");
		static const int aw[] = {82, 9, 6, 3};
		strcpy(c.attendance, code_attendance[rng_weighted(&d->r, aw, 4)]);
		if (disengage && s > 2)
			strcpy(c.attendance, "did_not_attend");
		c.duration_min = rng_chance(&d->r, 0.1) ? -1 : 50 + 10 * rng_range(&d->r, 0, 4);
		if ((rc = add_contact(d, &c, who, nwho, e)))
			return rc;
		held += strcmp(c.attendance, "attended") == 0;
		if (video && nfilmed < 8 && strcmp(c.kind, "intervention") == 0 && strcmp(c.attendance, "attended") == 0) {
			filmed[nfilmed] = c.id;
			filmed_on[nfilmed++] = c.date;
		}
		if (strcmp(c.kind, "intervention") == 0 && strcmp(c.attendance, "attended") == 0 &&
		    tr->st != EPISODE_IN_INTERVENTION && (rc = demo_move(d, tr, EPISODE_IN_INTERVENTION, c.date, NULL, NULL, e)))
			return rc;
		day += rng_range(&d->r, 6, 16);
		if (def && def->visit_every_days) /* intensive home visiting: at home, on its planned rhythm */
			day = c.date + def->visit_every_days;
		if (disengage && s > 5)
			break;
	}
	if (nfilmed && (rc = demo_video(d, ep, intervention, filmed, filmed_on, nfilmed, e)))
		return rc;
	int32_t end = day;
	if (end > d->today - 14) /* still being seen */
		return demo_careplan(d, ep, intervention, first, sessions, NULL, DATE_NONE, e);
	/* Discharge: few sessions attended means the family drifted away. */
	if (held < 3)
		disengage = 1;
	const char *reason = disengage ? "disengaged" : "planned_ending";
	if (!disengage && rng_chance(&d->r, 0.12))
		reason = code_discharge_reason[rng_range(&d->r, 2, 4)];
	if (strcmp(reason, "planned_ending") == 0 && rng_chance(&d->r, 0.8) &&
	    (rc = add_measures(d, ep, &who[0], ninf ? &infants[0] : NULL, end - 1, "end",
	                              severity * (0.4 + rng_unit(&d->r) * 0.6), e)))
		return rc;
	ep->discharged_on = end;
	str_copy(ep->discharge_reason, sizeof ep->discharge_reason, reason);
	if (strcmp(reason, "transferred") == 0) /* a transfer names where the family went */
		str_copy(ep->transferred_to, sizeof ep->transferred_to, "A neighbouring parent-infant team");
	if ((rc = store_episode_update(d->a->db, ep, e)) || (rc = demo_move(d, tr, EPISODE_DISCHARGED, end, reason, NULL, e)))
		return rc;
	for (int i = 0; i < ninf; i++) {
		struct discharge_outcome o = {.episode_id = ep->id, .infant_id = infants[i].id};
		static const int cw[] = {88, 4, 6, 1, 1};
		str_copy(o.care_status, sizeof o.care_status, code_care_status[rng_weighted(&d->r, cw, 5)]);
		if ((rc = store_outcome_insert(d->a->db, &o, e)))
			return rc;
		d->n->outcomes++;
	}
	return demo_careplan(d, ep, intervention, first, sessions, reason, end, e);
}

static int safeguarding(struct demo *d, const struct person *infant, int32_t from, struct dy_err *e)
{
	static const int w[] = {65, 15, 10, 7, 3};
	int k = rng_weighted(&d->r, w, 5);
	if (k == 0)
		return 0;
	struct safeguarding s = {.infant_id = infant->id, .started_on = from - rng_range(&d->r, 0, 60),
	                         .ended_on = DATE_NONE};
	str_copy(s.status, sizeof s.status, code_safeguarding[k]);
	if (infant->date_of_birth != DATE_NONE && s.started_on < infant->date_of_birth)
		s.started_on = infant->date_of_birth;
	int32_t step = s.started_on + rng_range(&d->r, 60, 300);
	if (k >= 2 && step < d->today && rng_chance(&d->r, 0.5)) {
		s.ended_on = step;
		int rc = store_safeguarding_insert(d->a->db, &s, e);
		if (rc)
			return rc;
		d->n->safeguarding++;
		s.started_on = step;
		s.ended_on = DATE_NONE;
		str_copy(s.status, sizeof s.status, code_safeguarding[k - 1]);
	}
	int rc = store_safeguarding_insert(d->a->db, &s, e);
	if (!rc)
		d->n->safeguarding++;
	return rc;
}

static int one_family(struct demo *d, struct dy_err *e)
{
	struct rng *r = &d->r;
	struct family f = {.team_id = d->a->team_id, .created_on = d->today};
	int rc = store_family_insert(d->a->db, &f, e);
	if (rc)
		return rc;
	d->n->families++;
	const char *surname = surnames[rng_range(r, 0, COUNT(surnames) - 1)];
	int32_t received = d->today - rng_range(r, 0, 730);

	/* Caregivers: mostly the mother, often with the father or a partner. */
	struct person who[3];
	int nwho = 0;
	static const int lw[] = {82, 6, 3, 5, 2, 2};
	static const char *const lead_rel[] = {"mother", "father", "grandparent", "foster_carer", "kinship_carer",
	                                       "adoptive_parent"};
	int lead = rng_weighted(r, lw, 6);
	int pregnant = rng_chance(r, 0.2);
	if (pregnant && lead >= 2)
		lead = 0; /* a pregnancy is referred with the expectant mother */
	struct person p;
	memset(&p, 0, sizeof p);
	p.family_id = f.id;
	p.edd = DATE_NONE;
	strcpy(p.role, "caregiver");
	strcpy(p.relationship, lead_rel[lead]);
	int male = lead == 1;
	str_copy(p.given_name, sizeof p.given_name,
	         male ? fathers[rng_range(r, 0, COUNT(fathers) - 1)] : mothers[rng_range(r, 0, COUNT(mothers) - 1)]);
	str_copy(p.family_name, sizeof p.family_name, surname);
	int age_years = lead == 2 ? rng_range(r, 40, 60) : rng_range(r, 17, 42);
	p.date_of_birth = received - age_years * 365 - rng_range(r, 0, 364);
	nhs_number(d, p.nhs_number);
	strcpy(p.sex, male ? "male" : "female");
	static const int ew[] = {62, 3, 8, 3, 1, 2, 2, 3, 5, 3, 2, 2, 3, 1, 1, 2, 2};
	str_copy(p.ethnicity, sizeof p.ethnicity, code_ethnicity[rng_weighted(r, ew, 17)]);
	postcode(d, p.postcode);
	static const int iw[] = {22, 16, 12, 10, 9, 8, 7, 6, 5, 5};
	p.imd_decile = 1 + rng_weighted(r, iw, 10);
	char home[9], eth[2];
	memcpy(home, p.postcode, sizeof home);
	memcpy(eth, p.ethnicity, sizeof eth);
	int imd = p.imd_decile;
	if ((rc = add_person(d, &p, e)))
		return rc;
	who[nwho++] = p;
	if (lead == 0 && rng_chance(r, 0.45)) {
		memset(&p, 0, sizeof p);
		p.family_id = f.id;
		p.edd = DATE_NONE;
		strcpy(p.role, "caregiver");
		strcpy(p.relationship, rng_chance(r, 0.85) ? "father" : "partner");
		str_copy(p.given_name, sizeof p.given_name, fathers[rng_range(r, 0, COUNT(fathers) - 1)]);
		str_copy(p.family_name, sizeof p.family_name, rng_chance(r, 0.6) ? surname : surnames[rng_range(r, 0, COUNT(surnames) - 1)]);
		p.date_of_birth = received - rng_range(r, 18, 45) * 365;
		if (rng_chance(r, 0.9))
			nhs_number(d, p.nhs_number);
		strcpy(p.sex, "male");
		memcpy(p.ethnicity, eth, sizeof eth);
		memcpy(p.postcode, home, sizeof home);
		p.imd_decile = imd;
		if ((rc = add_person(d, &p, e)))
			return rc;
		who[nwho++] = p;
	}

	/* The infant(s): 20% referred in pregnancy; 2% twins. */
	struct person inf[2];
	int ninf = rng_chance(r, 0.02) ? 2 : 1;
	int32_t edd = received + rng_range(r, 3, 22) * 7;
	int32_t dob = pregnant ? edd + rng_range(r, -14, 10) : received - (rng_chance(r, 0.04) ? rng_range(r, 730, 900) : rng_range(r, 0, 600));
	int gest = 0;
	if (dob <= d->today)
		gest = rng_chance(r, 0.08) ? rng_range(r, 28, 36) : rng_range(r, 37, 41);
	if (pregnant && gest && gest < 37)
		dob = edd - (40 - gest) * 7;
	for (int i = 0; i < ninf; i++) {
		memset(&p, 0, sizeof p);
		p.family_id = f.id;
		strcpy(p.role, "infant");
		str_copy(p.given_name, sizeof p.given_name, babies[rng_range(r, 0, COUNT(babies) - 1)]);
		str_copy(p.family_name, sizeof p.family_name, surname);
		p.date_of_birth = dob <= d->today ? dob : DATE_NONE;
		p.edd = pregnant ? edd : DATE_NONE;
		p.gestation_weeks = p.date_of_birth == DATE_NONE ? 0 : gest;
		strcpy(p.sex, rng_chance(r, 0.5) ? "female" : "male");
		memcpy(p.ethnicity, eth, sizeof eth);
		nhs_number(d, p.nhs_number);
		if (p.date_of_birth == DATE_NONE)
			p.nhs_number[0] = '\0';
		memcpy(p.postcode, home, sizeof home);
		p.imd_decile = imd;
		if ((rc = add_person(d, &p, e)))
			return rc;
		inf[i] = p;
	}

	/* The referral and its decision. */
	struct episode ep = {.family_id = f.id, .infant_id = inf[0].id, .caregiver_id = who[0].id,
	                     .received_on = received, .decided_on = DATE_NONE, .discharged_on = DATE_NONE};
	static const int sw[] = {15, 30, 10, 12, 15, 5, 5, 5, 3};
	str_copy(ep.source, sizeof ep.source, code_source[rng_weighted(r, sw, 9)]);
	int too_old = !pregnant && date_months_between(dob, received) >= 24;
	if (received > d->today - 5) {
		strcpy(ep.decision, "pending");
	} else {
		ep.decided_on = received + rng_range(r, 1, 5);
		if (ep.decided_on > d->today)
			ep.decided_on = d->today;
		double x = rng_unit(r);
		strcpy(ep.decision, too_old || x < 0.07 ? "declined" : x < 0.14 ? "signposted" : "accepted");
	}
	if ((rc = store_episode_insert(d->a->db, &ep, e)))
		return rc;
	d->n->referrals++;
	struct trail tr = {.id = ep.id};
	if ((rc = demo_move(d, &tr, EPISODE_RECEIVED, received, NULL, NULL, e)))
		return rc;
	if (strcmp(ep.decision, "declined") == 0) {
		static const char *const why[] = {"concern is not about the parent-infant relationship",
		                                  "family already receiving a similar service", "outside the area served",
		                                  "family declined the offer of help"};
		rc = demo_move(d, &tr, EPISODE_DECLINED, ep.decided_on,
		          too_old ? "infant over the age limit" : why[rng_range(r, 0, COUNT(why) - 1)], NULL, e);
	} else if (strcmp(ep.decision, "signposted") == 0) {
		static const char *const where[] = {"Health visiting team", "Perinatal mental health service",
		                                    "Children's centre parenting group", "Family Nurse Partnership",
		                                    "Talking therapies"};
		rc = demo_move(d, &tr, EPISODE_SIGNPOSTED, ep.decided_on, NULL, where[rng_range(r, 0, COUNT(where) - 1)], e);
	} else if (strcmp(ep.decision, "accepted") == 0) {
		rc = demo_move(d, &tr, EPISODE_AWAITING_ASSESSMENT, ep.decided_on, NULL, NULL, e);
	}
	for (int i = 0; !rc && i < ninf; i++)
		rc = safeguarding(d, &inf[i], received, e);
	if (!rc && strcmp(ep.decision, "accepted") == 0) {
		struct person attendees[4];
		int na = 0;
		for (int i = 0; i < nwho; i++)
			attendees[na++] = who[i];
		if (inf[0].date_of_birth != DATE_NONE)
			attendees[na++] = inf[0];
		rc = episode_work(d, &ep, &tr, attendees, na, inf, ninf, e);
	}
	if (!rc && tr.st != EPISODE_RECEIVED)
		rc = store_pathway_set_state(d->a->db, ep.id, tr.st, e);
	return rc;
}

int app_demo(struct app *a, int families, uint64_t seed, int into_existing, struct transfer_counts *n,
             struct dy_err *e)
{
	memset(n, 0, sizeof *n);
	if (families < 1 || families > 10000000)
		return dy_fail(e, DY_EINVAL, "families", "must be from 1 to 10,000,000");
	int empty = 0;
	int rc = store_record_empty(a->db, &empty, e);
	if (rc)
		return rc;
	if (!into_existing && !empty)
		return dy_fail(e, DY_ECONFLICT, "demo",
		               "this database already holds families or practitioners: demo data goes only into a new,"
		               " empty database (give a new --db PATH), or add --into-existing to mix made-up families"
		               " into this one");
	if (!into_existing && a->team_id && !a->demo)
		return dy_fail(e, DY_ECONFLICT, "demo",
		               "this database is set up for a real team (%s): demo data goes only into a new database"
		               " (give a new --db PATH), or add --into-existing to mark this one as a demo",
		               a->team_name);
	struct demo d = {.a = a, .n = n, .today = a->today};
	rng_seed(&d.r, seed);
	rng_seed(&d.rv, seed ^ 0x766964656fULL);
	rng_seed(&d.rp, seed ^ 0x706c616e73ULL);
	if ((rc = demo_programmes_begin(&d, families, e)))
		return rc;
	rc = db_bulk(a->db, DB_BULK_LARGE, e);
	if (!rc)
		rc = app_begin(a, e);
	if (rc) {
		demo_programmes_end(&d);
		return rc;
	}
	/* A new database gets a demo team; either way the database is marked. */
	struct team team = {.code = "demo", .name = "Demo parent-infant team"};
	int new_team = !a->team_id;
	/* The report tallies are made once at the end rather than by a trigger
	 * a row (store_tally.h): at 100,000 families 25.8 s against 86 s. */
	rc = store_tally_aside(a->db, e);
	if (!rc)
		rc = a->team_id ? store_team_get(a->db, a->team_id, &team, e) : store_team_ensure(a->db, &team, e);
	if (!rc) {
		team.demo = 1;
		rc = store_team_update(a->db, &team, e);
	}
	if (!rc && !a->team_id) {
		a->team_id = team.id;
		str_copy(a->team_name, sizeof a->team_name, team.name);
	}
	/* Continue NHS numbers after any earlier demo in this database. */
	struct store_counts counts;
	if (!rc && !(rc = store_counts(a->db, &counts, e)))
		d.nhs_seq = counts.people * 2;
	static const char *const staff[] = {"Alex Morgan", "Sam Patel", "Jo Whitfield", "Ruth Adeyemi", "Kate Lindqvist",
		"Mo Farouk", "Ellie Brennan", "Tariq Shah", "Hannah Cole", "Priti Desai", "Gemma Rowe", "Nell Ambrose"};
	static const char *const prof[] = {"psychotherapist", "clinical_psychologist", "specialist_health_visitor",
		"nursery_nurse", "social_worker", "psychotherapist", "family_therapist", "clinical_psychologist",
		"specialist_health_visitor", "psychotherapist", "nurse", "social_worker"};
	int want = families / 40 < 12 ? 12 : families / 40 > 64 ? 64 : families / 40;
	for (int i = 0; !rc && i < want; i++) {
		struct practitioner p = {.team_id = a->team_id};
		if (i < 12)
			str_copy(p.name, sizeof p.name, staff[i]);
		else
			snprintf(p.name, sizeof p.name, "Practitioner %d", i + 1);
		str_copy(p.profession, sizeof p.profession, prof[i % 12]);
		rc = store_practitioner_insert(a->db, &p, e);
		d.practitioners[d.npract++] = p.id;
		n->practitioners++;
	}
	int64_t last_before = 0;
	if (!rc)
		rc = db_query_int(a->db, "SELECT COALESCE(MAX(id), 0) FROM episode", &last_before, e);
	for (int i = 0; !rc && i < families; i++)
		rc = one_family(&d, e);
	if (!rc)
		rc = app_demo_workforce(a, d.practitioners, d.npract, seed, n, e);
	if (!rc)
		rc = app_demo_letters(a, last_before, seed, n, e);
	if (!rc)
		rc = store_tally_end(a->db, a->team_id, e);
	char detail[64];
	snprintf(detail, sizeof detail, "%d families, seed %llu", families, (unsigned long long)seed);
	rc = app_end(a, rc, "demo", "team", a->team_id, detail, e);
	demo_programmes_end(&d);
	struct dy_err after;
	int rc_after = db_bulk(a->db, DB_BULK_END, &after);
	if (!rc && rc_after) {
		*e = after;
		rc = rc_after;
	}
	if (rc) {
		memset(n, 0, sizeof *n);
		if (new_team) { /* rolled back with everything else */
			a->team_id = 0;
			a->team_name[0] = '\0';
		}
	}
	else
		a->demo = 1;
	return rc;
}
