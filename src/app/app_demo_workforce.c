/* app_demo_workforce.c: synthetic workforce activity for the demo team (see
 * app_demo_workforce.h). The mixes are plausible for a UK parent-infant
 * team; they are demonstration values, not statistics about any service. */
#include "app/app_demo_workforce.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_workforce.h"
#include "util/date.h"
#include "util/rng.h"
#include "util/str.h"

#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

static const char *const courses[] = {"Circle of Security awareness", "Infant mental health foundations",
	"Understanding babies' cues", "Perinatal mental health and the baby", "Video Interaction Guidance taster",
	"Fathers and infants", "Trauma-informed practice with new parents"};
/* Who comes: a profession and the organisations it comes from. */
static const struct {
	const char *profession;
	const char *org[3];
	int weight;
} whom[] = {
	{"health_visitor", {"Northtown Health Visiting", "Southtown Health Visiting", "Riverside Health Visiting"}, 30},
	{"midwife", {"City Hospital Maternity", "Riverside Birth Centre", "Community Midwifery"}, 20},
	{"family_nurse", {"Family Nurse Partnership", "Family Nurse Partnership", "Family Nurse Partnership"}, 6},
	{"social_worker", {"County Children's Social Care", "County Early Help", "County Children's Social Care"}, 14},
	{"early_years", {"Meadows Children's Centre", "Hillside Nursery", "Brook Family Hub"}, 12},
	{"perinatal_mental_health", {"Perinatal Mental Health Team", "Perinatal Mental Health Team",
	                             "Maternal Mental Health Service"}, 8},
	{"gp", {"Northtown Medical Practice", "Riverside Surgery", "Park Lane Practice"}, 5},
	{"nurse", {"Neonatal Unit", "Children's Ward", "Neonatal Unit"}, 5},
};
static const char *const advice[] = {
	"Talked through the baby's cues and the mother's low mood; suggested a referral to the team.",
	"Reflected on the father's worries about bonding; advised a joint home visit.",
	"Discussed a baby who is hard to settle; shared ideas for watching and wondering together.",
	"Considered whether the family meets the referral criteria; advised a referral with consent.",
	"Thought about the impact of the parents' conflict on the baby; suggested safety planning.",
	"Advised on keeping the baby in mind at the child protection conference."};

static int weight_of(struct rng *r)
{
	int w[COUNT(whom)];
	for (int i = 0; i < COUNT(whom); i++)
		w[i] = whom[i].weight;
	return rng_weighted(r, w, COUNT(whom));
}

static int64_t pick(struct rng *r, const int64_t *v, int n)
{
	return v[rng_range(r, 0, n - 1)];
}

static int one_training(struct app *a, struct rng *r, const int64_t *pr, int np, int32_t day, struct dy_err *e)
{
	struct wf_training *t = xcalloc(1, sizeof *t);
	t->team_id = a->team_id;
	str_copy(t->course, sizeof t->course, courses[rng_range(r, 0, COUNT(courses) - 1)]);
	t->date = day;
	t->hours_x10 = 10 * rng_range(r, 2, 6) + (rng_chance(r, 0.3) ? 5 : 0);
	if (t->hours_x10 > 60)
		t->hours_x10 = 60;
	t->trainers[0] = pick(r, pr, np);
	t->n_trainers = 1;
	if (np > 1 && rng_chance(r, 0.5)) {
		t->trainers[1] = pick(r, pr, np);
		t->n_trainers = t->trainers[1] == t->trainers[0] ? 1 : 2;
	}
	int people = rng_range(r, 5, 30);
	while (people > 0) {
		int k = weight_of(r), o = rng_range(r, 0, 2), n = rng_range(r, 1, people < 8 ? people : 8);
		int found = -1;
		for (int i = 0; i < t->n_att; i++)
			if (strcmp(t->att[i].profession, whom[k].profession) == 0 &&
			    strcmp(t->att[i].organisation, whom[k].org[o]) == 0)
				found = i;
		if (found < 0 && t->n_att == WF_MAX_ATTENDEE_ROWS)
			break;
		if (found < 0) {
			found = t->n_att++;
			str_copy(t->att[found].profession, sizeof t->att[found].profession, whom[k].profession);
			str_copy(t->att[found].organisation, sizeof t->att[found].organisation, whom[k].org[o]);
		}
		t->att[found].count += n;
		people -= n;
	}
	str_copy(t->created_by, sizeof t->created_by, "demo");
	int rc = store_training_insert(a->db, t, e);
	free(t);
	return rc;
}

static int one_consultation(struct app *a, struct rng *r, const int64_t *pr, int np, const int64_t *fam, size_t nf,
                            int32_t day, struct dy_err *e)
{
	struct wf_consultation *c = xcalloc(1, sizeof *c);
	c->team_id = a->team_id;
	c->date = day;
	c->practitioner_id = pick(r, pr, np);
	int k = weight_of(r);
	str_copy(c->profession, sizeof c->profession, whom[k].profession);
	str_copy(c->organisation, sizeof c->organisation, whom[k].org[rng_range(r, 0, 2)]);
	if (nf && rng_chance(r, 1.0 / 3.0))
		c->family_id = fam[rng_range(r, 0, (int)nf - 1)];
	str_copy(c->advice, sizeof c->advice, advice[rng_range(r, 0, COUNT(advice) - 1)]);
	c->follow_up_on = DATE_NONE;
	if (rng_chance(r, 0.4)) {
		str_copy(c->follow_up, sizeof c->follow_up, "Speak again after the next visit.");
		c->follow_up_on = day + rng_range(r, 7, 28);
	}
	str_copy(c->created_by, sizeof c->created_by, "demo");
	int rc = store_consultation_insert(a->db, c, e);
	free(c);
	return rc;
}

static int one_supervision(struct app *a, int64_t practitioner, int k, int group, int32_t day, struct rng *r,
                           struct dy_err *e)
{
	static const char *const services[] = {"Health visiting", "Midwifery", "Family Nurse Partnership",
		"Children's social care", "Early years", "Perinatal mental health", "General practice", "Neonatal care"};
	struct wf_supervision s = {.team_id = a->team_id, .date = day, .practitioner_id = practitioner,
	                           .mode = group ? WF_GROUP : WF_INDIVIDUAL, .supervised = group ? rng_range(r, 3, 8) : 1,
	                           .duration_min = group ? 90 : 60};
	str_copy(s.profession, sizeof s.profession, whom[k].profession);
	str_copy(s.organisation, sizeof s.organisation, whom[k].org[rng_range(r, 0, 2)]);
	str_copy(s.service, sizeof s.service, services[k]);
	str_copy(s.created_by, sizeof s.created_by, "demo");
	return store_supervision_insert(a->db, &s, e);
}

/* one_supervision, counted in *n. */
static int counted_supervision(struct app *a, int64_t practitioner, int k, int group, int32_t day, struct rng *r,
                               struct transfer_counts *n, struct dy_err *e)
{
	int rc = one_supervision(a, practitioner, k, group, day, r, e);
	if (!rc)
		n->supervision++;
	return rc;
}

int app_demo_workforce(struct app *a, const int64_t *pr, int np, uint64_t seed, struct transfer_counts *n,
                       struct dy_err *e)
{
	if (np < 1)
		return 0;
	struct rng r;
	rng_seed(&r, seed ^ 0x776f726b666f7263ULL);
	int64_t *fam = NULL;
	size_t nf = 0;
	int rc = store_workforce_family_ids(a->db, a->team_id, &fam, &nf, e);
	const int32_t today = a->today, start = today - 730;
	/* Training: about two events a month, on weekdays spread over it. */
	for (int32_t day = start + rng_range(&r, 0, 14); !rc && day <= today; day += rng_range(&r, 8, 22))
		if (!(rc = one_training(a, &r, pr, np, day, e)))
			n->trainings++;
	/* Consultations: about ten a month. */
	for (int32_t day = start + rng_range(&r, 0, 3); !rc && day <= today; day += rng_range(&r, 1, 5))
		if (!(rc = one_consultation(a, &r, pr, np, fam, nf, day, e)))
			n->consultations++;
	/* Supervision: a weekly group for health visitors, a fortnightly one
	 * for the family nurses, fortnightly individual supervision of a
	 * social worker and of a perinatal mental health worker. */
	int64_t sup = pr[0], sup2 = np > 1 ? pr[1] : pr[0];
	for (int32_t day = start; !rc && day <= today; day += 7) {
		int week = (int)((day - start) / 7);
		if (rng_chance(&r, 0.9))
			rc = counted_supervision(a, sup, 0, 1, day, &r, n, e);
		if (!rc && week % 2 == 0 && rng_chance(&r, 0.9))
			rc = counted_supervision(a, sup2, 2, 1, day + 1, &r, n, e);
		if (!rc && week % 2 == 1 && rng_chance(&r, 0.85))
			rc = counted_supervision(a, sup2, 3, 0, day + 2, &r, n, e);
		if (!rc && week % 2 == 1 && rng_chance(&r, 0.85))
			rc = counted_supervision(a, sup, 5, 0, day + 3, &r, n, e);
	}
	free(fam);
	return rc;
}
