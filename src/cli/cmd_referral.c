/* cmd_referral.c: dyad referral add/list/show, contact add/list,
 * practitioner add/list, safeguarding set/history, discharge, measure add. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_episode.h"
#include "app/app_measure.h"
#include "app/app_family.h"
#include "app/app_pathway.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/list.h"
#include "cli/out.h"
#include "cli/view.h"
#include "util/date.h"
#include "util/str.h"

int cmd_referral_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct episode ep;
	memset(&ep, 0, sizeof ep);
	ep.decided_on = ep.discharged_on = DATE_NONE;
	char programme[64];
	struct referral_extra x = {.programme = programme, .allow_duplicate = cli_get(a, "allow-duplicate") != NULL};
	const char *ftp = cli_get(a, "first-time-parent");
	if (cli_id(a, "family", &ep.family_id, &e) || cli_id(a, "infant", &ep.infant_id, &e) ||
	    cli_ids(a, "other-infants", ep.more_infants, EPISODE_INFANTS_MAX - 1, &ep.n_more_infants, &e) ||
	    cli_id(a, "previous", &ep.previous_id, &e) ||
	    cli_id(a, "caregiver", &ep.caregiver_id, &e) || cli_date(a, "received", &ep.received_on, &e) ||
	    cli_text(a, "source", ep.source, sizeof ep.source, &e) ||
	    cli_text(a, "programme", programme, sizeof programme, &e))
		return cli_fail(&e);
	if (ftp && strcmp(ftp, "yes") == 0)
		x.first_time_parent = ELIGIBILITY_ANSWER_YES;
	else if (ftp && strcmp(ftp, "no") == 0)
		x.first_time_parent = ELIGIBILITY_ANSWER_NO;
	else if (ftp)
		return cli_fail(&(struct dy_err){.code = DY_EINVAL, .field = "first-time-parent", .msg = "must be yes or no"});
	struct referral_duplicates dups;
	int rc = app_referral_add_with(app, &ep, &x, &dups, &e);
	if (rc) {
		rc = cli_fail(&e);
		if (dups.n && !x.allow_duplicate)
			fputs("dyad: check with `dyad referral show ID`; to log it anyway, add --allow-duplicate\n", stderr);
		return rc;
	}
	printf("Logged referral %lld for family %lld (received; awaiting triage).\n", (long long)ep.id,
	       (long long)ep.family_id);
	if (ep.previous_id)
		printf("It is a re-referral: it follows referral %lld.\n", (long long)ep.previous_id);
	if (ep.n_more_infants)
		printf("It covers %d infants: one referral, one set of waiting clocks; measures and safeguarding per infant.\n",
		       1 + ep.n_more_infants);
	if (dups.n) {
		printf("Note: the infant or caregiver also has %s:", dups.n == 1 ? "an open referral" : "open referrals");
		for (size_t i = 0; i < dups.n; i++)
			printf(" %lld", (long long)dups.ids[i]);
		printf("\n");
	}
	return 0;
}

/* A referral as a row: the episode and its state. */
static void referral_cells(struct app *app, const struct episode *ep, const char *state, struct out_list *l)
{
	(void)app;
	char id[24], fam[24], inf[24], car[24], rec[11], dec[11], dis[11], more[EPISODE_INFANTS_MAX * 24] = "", prev[24];
	for (int i = 0, u = 0; i < ep->n_more_infants; i++)
		u += snprintf(more + u, sizeof more - (size_t)u, "%s%lld", i ? ";" : "", (long long)ep->more_infants[i]);
	const char *row[] = {fmt_id(id, ep->id), fmt_id(fam, ep->family_id), fmt_id(inf, ep->infant_id),
	                     fmt_id(car, ep->caregiver_id), fmt_date(rec, ep->received_on), ep->source, ep->decision,
	                     fmt_date(dec, ep->decided_on), state, fmt_date(dis, ep->discharged_on),
	                     ep->discharge_reason, more, ep->transferred_to, fmt_id(prev, ep->previous_id)};
	out_row(l, row);
}

static const char *const ep_cols[] = {"referral_id:id", "family_id:id", "infant_id:id", "caregiver_id:id",
                                      "received_on:date", "source", "decision", "decided_on:date", "state",
                                      "discharged_on:date", "discharge_reason", "other_infant_ids:ids",
                                      "transferred_to", "previous_referral_id:id", 0};

struct ref_list {
	struct app *app;
	struct out_list *l;
	int has_state, open;
	enum episode_state state;
	int64_t limit, offset, matched;
	struct dy_err *e;
};

static int referral_list_row(void *ctx, const struct episode *ep)
{
	struct ref_list *c = ctx;
	struct pathway_referral path;
	int rc = app_referral_pathway(c->app, ep->id, &path, c->e);
	if (rc)
		return rc;
	if ((c->has_state && path.state != c->state) || (c->open && !episode_state_is_open(path.state)))
		return 0;
	int64_t k = c->matched++;
	if (k >= c->offset && k < c->offset + c->limit)
		referral_cells(c->app, ep, episode_state_code(path.state), c->l);
	return 0;
}

int cmd_referral_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t family;
	int limit, offset;
	struct ref_list c = {.app = app, .e = &e, .open = cli_get(a, "open") != NULL};
	const char *state = cli_get(a, "state");
	if (cli_id(a, "family", &family, &e) || cli_page(a, 50, &limit, &offset, &e) ||
	    (state && episode_state_parse(state, &c.state, &e)))
		return cli_fail(&e);
	c.has_state = state != NULL;
	c.limit = limit;
	c.offset = offset;
	if (!(c.l = out_begin(g->format, ep_cols)))
		return 1;
	if (app_referral_list(app, family, referral_list_row, &c, &e)) {
		out_discard(c.l);
		return cli_fail(&e);
	}
	out_total(c.l, c.matched, offset);
	out_end(c.l, "No referrals.");
	return 0;
}

/* One row per measure: its scores ("total 19 moderately severe (clinical)")
 * and its risk flags, acknowledged or not, as lists. */
struct measure_ctx {
	struct app *app;
	struct out_list *l;
};

static int measure_summary_row(void *ctx, const struct measure_view *mv)
{
	struct measure_ctx *c = ctx;
	char id[24], d[11], scores[600] = "", risk[600] = "";
	size_t used = 0;
	for (int i = 0; i < mv->nscores && used < sizeof scores; i++) {
		const struct stored_score *sc = &mv->scores[i];
		char val[32];
		if (sc->present)
			snprintf(val, sizeof val, "%g", sc->value);
		else
			snprintf(val, sizeof val, "no score");
		used += (size_t)snprintf(scores + used, sizeof scores - used, "%s%s %s%s%s%s", i ? "; " : "", sc->scale,
		                         val, sc->band[0] ? " " : "", sc->band, sc->clinical == 1 ? " (clinical)" : "");
	}
	used = 0;
	for (int i = 0; i < mv->nrisks && used < sizeof risk; i++) {
		char on[11];
		int w = mv->risks[i].acknowledged_on != DATE_NONE
			? snprintf(risk + used, sizeof risk - used, "%s%s: acknowledged %s", i ? "; " : "", mv->risks[i].label,
			           fmt_date(on, mv->risks[i].acknowledged_on))
			: snprintf(risk + used, sizeof risk - used, "%s%s: NOT ACKNOWLEDGED", i ? "; " : "", mv->risks[i].label);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	const char *row[] = {fmt_id(id, mv->rec.m.id), fmt_date(d, mv->rec.m.date), mv->rec.m.instrument,
	                     mv->rec.m.timepoint, scores, risk};
	out_row(c->l, row);
	return 0;
}

static const char *const contact_cols[] = {"contact_id:id", "date:date", "kind", "intervention", "location",
                                           "attendance", "duration_min:int", "practitioner_ids:ids",
                                           "attendee_ids:ids", 0};

static void contact_cells(struct out_list *l, const struct contact *k)
{
	char cid[24], d[11], m[16], pr[200], at[200];
	const char *row[] = {fmt_id(cid, k->id), fmt_date(d, k->date), k->kind, k->intervention, k->location,
	                     k->attendance, fmt_int(m, k->duration_min, -1),
	                     fmt_ids(pr, sizeof pr, k->practitioners, k->n_practitioners),
	                     fmt_ids(at, sizeof at, k->attendees, k->n_attendees)};
	out_row(l, row);
}

int cmd_referral_reopen(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	int32_t on;
	int window;
	if (cli_id(a, "referral", &id, &e) || cli_date(a, "date", &on, &e) || app_reopen_window(&window, &e))
		return cli_fail(&e);
	enum episode_state to;
	if (app_referral_reopen(app, id, on, cli_get(a, "reason"), window, &to, &e))
		return cli_fail(&e);
	printf("Reopened referral %lld: %s again, its discharge undone; the reason is in its history.\n", (long long)id,
	       episode_state_label(to));
	return 0;
}

int cmd_referral_show(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (cli_id(a, "referral", &id, &e))
		return cli_fail(&e);
	struct referral_view v;
	struct pathway_referral path;
	int rc = app_referral_view(app, id, &v, &e);
	if (!rc && (rc = app_referral_pathway(app, id, &path, &e)))
		app_referral_view_free(&v);
	if (rc)
		return cli_fail(&e);
	struct out_doc *d = out_doc_begin(g->format);
	if (!d) {
		app_referral_view_free(&v);
		return 1;
	}
	int table = out_doc_table(d);
	char rid[24], fid[24], since[11];
	fmt_id(rid, id);
	fmt_id(fid, v.episode.family_id);
	fmt_date(since, path.state_on);
	if (table)
		printf("Referral %s of family %s (%s)\n", rid, fid, app->team_name);
	out_doc_fact(d, "referral_id:id", rid);
	out_doc_fact(d, "team", app->team_name);
	if (view_alerts(d, app, v.episode.family_id, &e)) {
		out_doc_end_silent(d);
		app_referral_view_free(&v);
		return cli_fail(&e);
	}
	/* The referral itself: the main part of CSV output. */
	struct out_list *el = out_doc_record(d, "referral", ep_cols, 1);
	referral_cells(app, &v.episode, episode_state_code(path.state), el);
	out_end(el, NULL);
	out_doc_fact(d, "state", episode_state_code(path.state));
	out_doc_fact(d, "state_since:date", since);
	out_doc_fact(d, "programme", path.programme);
	if (table) {
		if (v.episode.n_more_infants) {
			printf("\nInfants covered (%d): %lld", 1 + v.episode.n_more_infants, (long long)v.episode.infant_id);
			for (int i = 0; i < v.episode.n_more_infants; i++)
				printf(", %lld", (long long)v.episode.more_infants[i]);
			printf(" (measures and safeguarding are each infant's own)\n");
		}
		if (v.episode.previous_id)
			printf("\nRe-referral: it follows referral %lld of this family.\n", (long long)v.episode.previous_id);
		if (v.episode.transferred_to[0])
			printf("\nTransferred to: %s\n", v.episode.transferred_to);
		printf("\nState: %s (since %s)%s%s. History: dyad referral history %s\n",
		       episode_state_label(path.state), since, path.programme[0] ? "; programme " : "", path.programme, rid);
		printf("\nContacts (%d)\n", v.ncontacts);
	}
	struct out_list *l = out_doc_list(d, "contacts", contact_cols, 0);
	for (int i = 0; i < v.ncontacts; i++)
		contact_cells(l, &v.contacts[i]);
	out_end(l, "No contacts yet.");
	if (table)
		printf("\nMeasures (%d): details with dyad measure list %s\n", v.nmeasures, rid);
	static const char *const mc[] = {"measure_id:id", "date:date", "instrument", "timepoint", "scores:list",
	                                 "risks:list", 0};
	struct measure_ctx mx = {.app = app, .l = out_doc_list(d, "measures", mc, 0)};
	rc = app_measure_list(app, id, measure_summary_row, &mx, &e);
	if (rc)
		out_discard(mx.l);
	else
		out_end(mx.l, "No measures yet.");
	if (!rc && table && v.noutcomes)
		printf("\nCare status at discharge\n");
	static const char *const oc[] = {"infant_id:id", "care_status", 0};
	l = out_doc_list(d, "outcomes", oc, 0);
	for (int i = 0; i < v.noutcomes; i++) {
		char p[24];
		const char *row[] = {fmt_id(p, v.outcomes[i].infant_id), v.outcomes[i].care_status};
		out_row(l, row);
	}
	if (!table || v.noutcomes)
		out_end(l, NULL);
	else
		out_discard(l);
	if (rc)
		out_doc_end_silent(d);
	else
		out_doc_end(d);
	app_referral_view_free(&v);
	return rc ? cli_fail(&e) : 0;
}

int cmd_contact_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct contact c;
	memset(&c, 0, sizeof c);
	c.duration_min = -1;
	if (cli_id(a, "referral", &c.episode_id, &e) || cli_date(a, "date", &c.date, &e) ||
	    cli_text(a, "kind", c.kind, sizeof c.kind, &e) ||
	    cli_text(a, "intervention", c.intervention, sizeof c.intervention, &e) ||
	    cli_text(a, "location", c.location, sizeof c.location, &e) ||
	    cli_text(a, "attendance", c.attendance, sizeof c.attendance, &e) ||
	    cli_int(a, "duration", 0, 600, &c.duration_min, &e) ||
	    cli_ids(a, "practitioners", c.practitioners, 8, &c.n_practitioners, &e) ||
	    cli_ids(a, "attendees", c.attendees, 8, &c.n_attendees, &e))
		return cli_fail(&e);
	if (app_contact_add(app, &c, cli_get(a, "interventions"), &e))
		return cli_fail(&e);
	printf("Recorded contact %lld on referral %lld.\n", (long long)c.id, (long long)c.episode_id);
	return 0;
}

static int contact_row(void *ctx, const struct contact *k)
{
	contact_cells(ctx, k);
	return 0;
}

static int list_contacts(struct app *app, int64_t id, struct out_list *l, struct dy_err *e)
{
	return app_contact_list(app, id, contact_row, l, e);
}

int cmd_contact_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return cli_list(g, a, app, "referral", contact_cols, "No contacts yet.", list_contacts);
}

int cmd_safeguarding_set(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t infant;
	int32_t from;
	if (cli_id(a, "infant", &infant, &e) || cli_date(a, "from", &from, &e))
		return cli_fail(&e);
	const char *status = cli_get(a, "status");
	if (app_safeguarding_set(app, infant, status, from, &e))
		return cli_fail(&e);
	printf("Infant %lld: safeguarding status is now %s.\n", (long long)infant, status);
	return 0;
}

static int sg_row(void *ctx, const struct safeguarding *s)
{
	char sid[24], id[24], st[11], en[11];
	const char *row[] = {fmt_id(sid, s->id), fmt_id(id, s->infant_id), s->status, fmt_date(st, s->started_on),
	                     fmt_date(en, s->ended_on)};
	out_row(ctx, row);
	return 0;
}

static int list_safeguarding(struct app *app, int64_t id, struct out_list *l, struct dy_err *e)
{
	return app_safeguarding_history(app, id, sg_row, l, e);
}

int cmd_safeguarding_history(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	static const char *const cols[] = {"safeguarding_id:id", "infant_id:id", "status", "started_on:date",
	                                   "ended_on:date", 0};
	return cli_list(g, a, app, "infant", cols, "No safeguarding status has been recorded for this infant.",
	                list_safeguarding);
}

int cmd_discharge(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t ref;
	int32_t on;
	if (cli_id(a, "referral", &ref, &e) || cli_date(a, "date", &on, &e))
		return cli_fail(&e);
	/* --care-status STATUS (every infant) or ID:STATUS,ID:STATUS */
	const char *cs = cli_get(a, "care-status");
	int64_t ids[16];
	char statuses_buf[16][24];
	const char *statuses[16];
	int n = 0;
	const char *all = NULL;
	if (strchr(cs, ':')) {
		char tmp[512];
		str_copy(tmp, sizeof tmp, cs);
		for (char *save = NULL, *tok = strtok_r(tmp, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			char *colon = strchr(tok, ':');
			if (!colon || n == 16)
				return cli_fail(&(struct dy_err){.code = DY_EINVAL, .field = "care-status",
				                                  .msg = "must be a status, or INFANT:STATUS pairs separated by commas"});
			*colon = '\0';
			if (str_parse_i64(tok, 1, (int64_t)1 << 53, &ids[n]))
				return cli_fail(&(struct dy_err){.code = DY_EINVAL, .field = "care-status",
				                                  .msg = "INFANT must be the infant's record number"});
			str_copy(statuses_buf[n], sizeof statuses_buf[n], colon + 1);
			statuses[n] = statuses_buf[n];
			n++;
		}
	} else {
		all = cs;
	}
	if (app_discharge_with_action(app, ref, on, cli_get(a, "reason"), ids, statuses, n, all, cli_get(a, "risk-action"),
	                              cli_get(a, "transferred-to"), &e))
		return cli_fail(&e);
	printf("Discharged referral %lld.\n", (long long)ref);
	return 0;
}
