/* cmd_family.c: dyad family add/show/list, person add/birth, caseload. */
#include <stdio.h>
#include <string.h>

#include "app/app_alerts.h"
#include "app/app_family.h"
#include "app/app_loss.h"
#include "app/app_merge.h"
#include "app/app_pathway.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/list.h"
#include "cli/out.h"
#include "cli/view.h"
#include "core/codes.h"
#include "core/record.h"
#include "util/date.h"
#include "util/str.h"

int cmd_family_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	int rc = app_family_add(app, &id, &e);
	if (rc)
		return cli_fail(&e);
	printf("Added family %lld. Next: dyad person add --family %lld ...\n", (long long)id, (long long)id);
	return 0;
}

int cmd_person_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct person p;
	memset(&p, 0, sizeof p);
	if (cli_id(a, "family", &p.family_id, &e) || cli_text(a, "role", p.role, sizeof p.role, &e) ||
	    cli_text(a, "relationship", p.relationship, sizeof p.relationship, &e) ||
	    cli_text(a, "given-name", p.given_name, sizeof p.given_name, &e) ||
	    cli_text(a, "family-name", p.family_name, sizeof p.family_name, &e) ||
	    cli_date(a, "dob", &p.date_of_birth, &e) || cli_date(a, "edd", &p.edd, &e) ||
	    cli_int(a, "gestation-weeks", 22, 44, &p.gestation_weeks, &e) ||
	    cli_text(a, "sex", p.sex, sizeof p.sex, &e) || cli_text(a, "ethnicity", p.ethnicity, sizeof p.ethnicity, &e) ||
	    cli_int(a, "imd-decile", 1, 10, &p.imd_decile, &e))
		return cli_fail(&e);
	char nhs[32], postcode[32];
	if (cli_text(a, "nhs-number", nhs, sizeof nhs, &e) || cli_text(a, "postcode", postcode, sizeof postcode, &e) ||
	    record_person_identifiers(&p, nhs, postcode, &e))
		return cli_fail(&e);
	if (app_person_add(app, &p, &e))
		return cli_fail(&e);
	printf("Added %s %lld to family %lld.\n", p.role, (long long)p.id, (long long)p.family_id);
	return 0;
}

int cmd_person_birth(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	int32_t dob;
	int gest = 0;
	if (cli_id(a, "person", &id, &e) || cli_date(a, "dob", &dob, &e) ||
	    cli_int(a, "gestation-weeks", 22, 44, &gest, &e))
		return cli_fail(&e);
	int weeks, from_edd;
	if (app_person_birth_gestation(app, id, dob, gest, &weeks, &from_edd, &e))
		return cli_fail(&e);
	printf("Recorded the birth of infant %lld; their record and history are kept.\n", (long long)id);
	if (from_edd)
		printf("Gestation at birth: %d weeks, worked out from the EDD (no --gestation-weeks given); corrected age"
		       " uses it.\n", weeks);
	return 0;
}

int cmd_person_loss(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	int32_t on;
	char kind[24];
	if (cli_id(a, "person", &id, &e) || cli_date(a, "date", &on, &e) || cli_text(a, "kind", kind, sizeof kind, &e))
		return cli_fail(&e);
	struct loss_result r;
	if (app_infant_loss(app, id, kind, on, cli_get(a, "care-status"), cli_get(a, "risk-action"), &r, &e))
		return cli_fail(&e);
	printf("Recorded: %s for infant %lld. Nothing more will be asked or measured about the baby, and every view"
	       " of the family shows it first.\n", app_loss_words(kind), (long long)id);
	for (int i = 0; i < r.nended; i++)
		printf("Referral %lld has ended (bereavement); its waiting clocks stopped, neither met nor breached.\n",
		       (long long)r.ended[i]);
	for (int i = 0; i < r.nkept; i++)
		printf("Referral %lld stays open for the other infant it covers.\n", (long long)r.kept_open[i]);
	return 0;
}

int cmd_family_show(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	int64_t into = 0;
	if (cli_id(a, "family", &id, &e) || app_family_merged_into(app, id, &into, &e))
		return cli_fail(&e);
	struct out_doc *d = out_doc_begin(g->format);
	if (!d)
		return 1;
	if (into) { /* a tombstone: only where its records are now */
		char fid[24], iid[24];
		if (out_doc_table(d))
			printf("Family %s has been merged into family %s (dyad family show %s; dyad history --family %s).\n",
			       fmt_id(fid, id), fmt_id(iid, into), iid, iid);
		out_doc_fact(d, "family_id:id", fmt_id(fid, id));
		out_doc_fact(d, "merged_into:id", fmt_id(iid, into));
		out_doc_end(d);
		return 0;
	}
	struct family_view v;
	if (app_family_view(app, id, &v, &e)) {
		out_doc_end_silent(d);
		return cli_fail(&e);
	}
	int table = out_doc_table(d);
	char fid[24];
	fmt_id(fid, id);
	if (table)
		printf("Family %s (%s)\n", fid, app->team_name);
	if (table && v.family.in_error)
		printf("Its record was entered in error: kept, hidden from finding and the lists (undo: dyad history"
		       " --family %s).\n", fid);
	out_doc_fact(d, "family_id:id", fid);
	out_doc_fact(d, "team", app->team_name);
	if (v.family.in_error)
		out_doc_fact(d, "entered_in_error", "yes");
	if (view_alerts(d, app, id, &e)) {
		out_doc_end_silent(d);
		app_family_view_free(&v);
		return cli_fail(&e);
	}
	static const char *const cols[] = {"person_id:id", "role", "relationship", "given_name", "family_name",
	                                   "date_of_birth:date", "edd:date", "age", "nhs_number", "postcode",
	                                   "safeguarding", 0};
	struct out_list *l = out_doc_list(d, "people", cols, 1);
	for (int i = 0; i < v.npeople; i++) {
		const struct person *p = &v.people[i];
		char idb[24], born[11], edd[11], age[64] = "", nhs[13];
		char lost_on[11];
		if (p->role[0] == 'i' && p->loss[0]) /* no age prompt after a loss: what happened, and when */
			snprintf(age, sizeof age, "%s on %s", app_loss_words(p->loss), fmt_date(lost_on, p->loss_on));
		else if (p->role[0] == 'i')
			fmt_infant_age(age, sizeof age, p->date_of_birth, p->edd, p->gestation_weeks, app->today);
		const char *row[] = {fmt_id(idb, p->id), p->role, p->relationship, p->given_name, p->family_name,
		                     fmt_date(born, p->date_of_birth), fmt_date(edd, p->edd), age,
		                     table ? fmt_nhs(nhs, p->nhs_number) : p->nhs_number, p->postcode,
		                     v.current[i].status};
		out_row(l, row);
	}
	out_end(l, "No people recorded yet.");
	if (table)
		putchar('\n');
	static const char *const rcols[] = {"referral_id:id", "received_on:date", "source", "decision", "state",
	                                    "discharged_on:date", "discharge_reason", 0};
	struct out_list *r = out_doc_list(d, "referrals", rcols, 0);
	for (int i = 0; i < v.nepisodes; i++) {
		const struct episode *ep = &v.episodes[i];
		struct pathway_referral path;
		char idb[24], rec[11], dis[11];
		const char *state = app_referral_pathway(app, ep->id, &path, &e) ? "" : episode_state_code(path.state);
		const char *row[] = {fmt_id(idb, ep->id), fmt_date(rec, ep->received_on), ep->source, ep->decision,
		                     state, fmt_date(dis, ep->discharged_on), ep->discharge_reason};
		out_row(r, row);
	}
	out_end(r, "No referrals yet.");
	app_family_view_free(&v);
	out_doc_end(d);
	return 0;
}

struct list_ctx {
	struct out_list *l;
	struct app *app;
	int32_t today;
	int caseload;
	int words;
	int64_t last; /* the last family listed */
	struct dy_err *e;
};

static int list_row(void *ctx, const struct family_summary *s)
{
	struct list_ctx *c = ctx;
	char fid[24], iid[24], rid[24], age[64] = "", name[2 * NAME_BYTES], rec[11], last[11], wks[16], sg[120], risk[200];
	struct family_alerts al;
	int rc = app_family_alerts(c->app, s->family_id, &al, c->e);
	if (rc)
		return rc;
	app_alerts_safeguarding_text(&al, c->words, sg, sizeof sg);
	app_alerts_risk_text(&al, risk, sizeof risk);
	snprintf(name, sizeof name, "%s%s%s", s->caregiver_given, s->caregiver_given[0] ? " " : "", s->caregiver_family);
	if (s->infant_id)
		fmt_infant_age(age, sizeof age, s->infant_dob, s->infant_edd, s->infant_gestation, c->today);
	c->last = s->family_id;
	fmt_id(fid, s->family_id);
	fmt_id(iid, s->infant_id);
	fmt_id(rid, s->episode_id);
	if (c->caseload) {
		snprintf(wks, sizeof wks, "%d", (c->today - s->received_on) / 7);
		const char *row[] = {fid, name, s->relationship, iid, s->infant_given, age, rid, s->state, s->key_worker,
		                     wks, fmt_date(last, s->last_contact), sg, risk};
		out_row(c->l, row);
	} else {
		const char *row[] = {fid, name, iid, s->infant_given, age, rid, fmt_date(rec, s->received_on), s->state,
		                     sg, risk};
		out_row(c->l, row);
	}
	return 0;
}

static int list_families(const struct cli_global *g, struct cli_args *a, struct app *app, int caseload)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct list_page pg;
	if (cli_keyset(a, 50, &pg, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"family_id:id", "caregiver_name", "infant_id:id", "infant_name", "age",
	                                   "referral_id:id", "received_on:date", "state", "safeguarding",
	                                   "risk", 0};
	static const char *const ccols[] = {"family_id:id", "caregiver_name", "relationship", "infant_id:id",
	                                    "infant_name", "age", "referral_id:id", "state", "key_worker",
	                                    "weeks_since_referral:int", "last_contact_on:date", "safeguarding",
	                                    "risk", 0};
	int64_t total = 0;
	if (app_family_count(app, caseload, &total, &e))
		return cli_fail(&e);
	struct list_ctx c = {.l = out_begin(g->format, caseload ? ccols : cols), .app = app, .today = app->today,
	                     .caseload = caseload, .words = strcmp(g->format, "table") == 0, .e = &e};
	if (!c.l)
		return 1;
	if (caseload && strcmp(g->format, "table") == 0)
		printf("Caseload of %s: %lld famil%s accepted and not yet discharged\n\n", app->team_name,
		       (long long)total, total == 1 ? "y" : "ies");
	int more = 0;
	int rc = app_family_list(app, caseload, &pg, list_row, &c, &more, &e);
	if (rc) {
		out_discard(c.l);
		return cli_fail(&e);
	}
	out_next(c.l, total, more ? c.last : 0);
	out_end(c.l, caseload ? "No families are open to the team." : "No families recorded yet.");
	return 0;
}

int cmd_family_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return list_families(g, a, app, cli_get(a, "open") != NULL);
}

int cmd_caseload(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return list_families(g, a, app, 1);
}

int cmd_practitioner_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct practitioner p;
	memset(&p, 0, sizeof p);
	if (cli_text(a, "name", p.name, sizeof p.name, &e) || cli_text(a, "profession", p.profession, sizeof p.profession, &e))
		return cli_fail(&e);
	if (app_practitioner_add(app, &p, &e))
		return cli_fail(&e);
	printf("Added practitioner %lld.\n", (long long)p.id);
	return 0;
}

static int practitioner_row(void *ctx, const struct practitioner *p)
{
	char id[24];
	const char *row[] = {fmt_id(id, p->id), p->name, p->profession};
	out_row(ctx, row);
	return 0;
}

static int list_practitioners(struct app *app, int64_t unused, struct out_list *l, struct dy_err *e)
{
	(void)unused;
	return app_practitioner_list(app, practitioner_row, l, e);
}

int cmd_practitioner_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	static const char *const cols[] = {"practitioner_id:id", "name", "profession", 0};
	return cli_list(g, a, app, NULL, cols, "No practitioners yet: add one with `dyad practitioner add`.", list_practitioners);
}

struct overdue_ctx {
	struct out_list *l;
	int32_t today;
};

static int overdue_row(void *ctx, const struct person *p)
{
	struct overdue_ctx *c = ctx;
	char fid[24], pid[24], edd[11], days[16], name[sizeof p->given_name + sizeof p->family_name + 1];
	str_full_name(name, sizeof name, p->given_name, p->family_name);
	const char *row[] = {fmt_id(fid, p->family_id), fmt_id(pid, p->id), name, fmt_date(edd, p->edd),
	                     fmt_int(days, c->today - p->edd, INT32_MIN)};
	out_row(c->l, row);
	return 0;
}

int cmd_pregnancies_overdue(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int days = 1;
	if (cli_int(a, "overdue-by", 0, 3650, &days, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"family", "infant", "name", "edd", "days_past_edd", 0};
	if (strcmp(g->format, "table") == 0)
		printf("Pregnancies past their due date (EDD %d or more days ago): record the birth with"
		       " `dyad person birth`, or a loss.\n\n", days);
	struct overdue_ctx c = {.l = out_begin(g->format, cols), .today = app->today};
	if (!c.l)
		return 1;
	if (app_overdue_pregnancies(app, days, overdue_row, &c, &e)) {
		out_discard(c.l);
		return cli_fail(&e);
	}
	out_end(c.l, "No pregnancy is past its due date.");
	return 0;
}
