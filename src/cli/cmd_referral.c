/* cmd_referral.c: dyad referral add/list/show, contact add/list,
 * practitioner add/list, safeguarding set/history, discharge, measure add. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_episode.h"
#include "app/app_measure.h"
#include "app/app_family.h"
#include "app/app_pathway.h"
#include "cli/alerts.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/list.h"
#include "cli/out.h"
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
	if (dups.n) {
		printf("Note: the infant or caregiver also has open referral(s):");
		for (size_t i = 0; i < dups.n; i++)
			printf(" %lld", (long long)dups.ids[i]);
		printf("\n");
	}
	return 0;
}

static int episode_row(void *ctx, const struct episode *ep)
{
	char id[24], fam[24], inf[24], car[24], rec[11], dec[11], dis[11];
	const char *row[] = {fmt_id(id, ep->id), fmt_id(fam, ep->family_id), fmt_id(inf, ep->infant_id),
	                     fmt_id(car, ep->caregiver_id), fmt_date(rec, ep->received_on), ep->source, ep->decision,
	                     fmt_date(dec, ep->decided_on), fmt_date(dis, ep->discharged_on), ep->discharge_reason};
	out_row(ctx, row);
	return 0;
}

static const char *const ep_cols[] = {"referral", "family", "infant", "caregiver", "received", "source", "decision",
                                      "decided", "discharged", "discharge_reason", 0};

static int list_referrals(struct app *app, int64_t family, struct out_list *l, struct dy_err *e)
{
	return app_referral_list(app, family, episode_row, l, e);
}

int cmd_referral_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	return cli_list(g, a, app, "family", ep_cols, "No referrals.", list_referrals);
}

/* One line per measure: "total 19 moderately severe (clinical)", and any
 * risk flag still to be acknowledged. */
static int measure_summary_row(void *ctx, const struct measure_view *mv)
{
	char id[24], d[11], scores[400] = "", risk[600] = "";
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
	for (int i = 0, u = 0; i < mv->nrisks && u >= 0 && (size_t)u < sizeof risk; i++)
		u += snprintf(risk + u, sizeof risk - (size_t)u, "%s%s (%s)", i ? "; " : "",
		              mv->risks[i].acknowledged_by[0] ? "acknowledged" : "RISK NOT ACKNOWLEDGED", mv->risks[i].label);
	const char *row[] = {fmt_id(id, mv->rec.m.id), fmt_date(d, mv->rec.m.date), mv->rec.m.instrument,
	                     mv->rec.m.timepoint, scores, risk};
	out_row(ctx, row);
	return 0;
}

int cmd_referral_show(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (str_parse_i64(a->pos[0], 1, (int64_t)1 << 53, &id))
		return cli_fail(&(struct dy_err){.code = DY_EUSAGE, .field = "ID", .msg = "must be a referral number"});
	struct referral_view v;
	struct pathway_referral path;
	int rc = app_referral_view(app, id, &v, &e);
	if (!rc && (rc = app_referral_pathway(app, id, &path, &e)))
		app_referral_view_free(&v);
	if (!rc && strcmp(g->format, "table") == 0) {
		printf("Referral %lld (family %lld)\n", (long long)id, (long long)v.episode.family_id);
		if ((rc = cli_print_referral_alerts(app, id, &e)))
			app_referral_view_free(&v);
	}
	if (rc)
		return cli_fail(&e);
	struct out_list *el = out_begin(g->format, ep_cols);
	if (!el) {
		app_referral_view_free(&v);
		return 1;
	}
	episode_row(el, &v.episode);
	out_end(el, NULL);
	if (strcmp(g->format, "table") == 0) {
		char since[11];
		printf("\nState: %s (since %s)%s%s. History: dyad referral history --referral %lld\n",
		       episode_state_label(path.state), fmt_date(since, path.state_on),
		       path.programme[0] ? "; programme " : "", path.programme, (long long)id);
		printf("\nContacts (%d)\n", v.ncontacts);
		static const char *const cc[] = {"contact", "date", "kind", "intervention", "location", "attendance",
		                                 "minutes", 0};
		struct out_list *l = out_begin(g->format, cc);
		for (int i = 0; i < v.ncontacts; i++) {
			const struct contact *k = &v.contacts[i];
			char cid[24], d[11], m[16];
			const char *row[] = {fmt_id(cid, k->id), fmt_date(d, k->date), k->kind, k->intervention,
			                     k->location, k->attendance, fmt_int(m, k->duration_min, -1)};
			out_row(l, row);
		}
		out_end(l, "No contacts yet.");
		printf("\nMeasures (%d): details with dyad measure list --referral %lld\n", v.nmeasures, (long long)id);
		static const char *const mc[] = {"measure", "date", "instrument", "timepoint", "scores", "risk", 0};
		struct out_list *ml = out_begin(g->format, mc);
		if (app_measure_list(app, id, measure_summary_row, ml, &e))
			cli_fail(&e);
		out_end(ml, "No measures yet.");
		if (v.noutcomes) {
			printf("\nCare status at discharge\n");
			static const char *const oc[] = {"infant", "care_status", 0};
			l = out_begin(g->format, oc);
			for (int i = 0; i < v.noutcomes; i++) {
				char p[24];
				const char *row[] = {fmt_id(p, v.outcomes[i].infant_id), v.outcomes[i].care_status};
				out_row(l, row);
			}
			out_end(l, NULL);
		}
	}
	app_referral_view_free(&v);
	return 0;
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
	if (app_contact_add(app, &c, &e))
		return cli_fail(&e);
	printf("Recorded contact %lld on referral %lld.\n", (long long)c.id, (long long)c.episode_id);
	return 0;
}

static int contact_row(void *ctx, const struct contact *k)
{
	char cid[24], d[11], m[16], pr[200] = "", at[200] = "";
	for (int i = 0, u = 0; i < k->n_practitioners; i++)
		u += snprintf(pr + u, sizeof pr - (size_t)u, "%s%lld", i ? "," : "", (long long)k->practitioners[i]);
	for (int i = 0, u = 0; i < k->n_attendees; i++)
		u += snprintf(at + u, sizeof at - (size_t)u, "%s%lld", i ? "," : "", (long long)k->attendees[i]);
	const char *row[] = {fmt_id(cid, k->id), fmt_date(d, k->date), k->kind, k->intervention, k->location,
	                     k->attendance, fmt_int(m, k->duration_min, -1), pr, at};
	out_row(ctx, row);
	return 0;
}

static int list_contacts(struct app *app, int64_t id, struct out_list *l, struct dy_err *e)
{
	return app_contact_list(app, id, contact_row, l, e);
}

int cmd_contact_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	static const char *const cols[] = {"contact", "date", "kind", "intervention", "location", "attendance",
	                                   "minutes", "practitioners", "attendees", 0};
	return cli_list(g, a, app, "referral", cols, "No contacts yet.", list_contacts);
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
	char id[24], st[11], en[11];
	const char *row[] = {fmt_id(id, s->infant_id), s->status, fmt_date(st, s->started_on),
	                     s->ended_on == DATE_NONE ? "current" : fmt_date(en, s->ended_on)};
	out_row(ctx, row);
	return 0;
}

static int list_safeguarding(struct app *app, int64_t id, struct out_list *l, struct dy_err *e)
{
	return app_safeguarding_history(app, id, sg_row, l, e);
}

int cmd_safeguarding_history(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	static const char *const cols[] = {"infant", "status", "from", "to", 0};
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
	                              &e))
		return cli_fail(&e);
	printf("Discharged referral %lld.\n", (long long)ref);
	return 0;
}
