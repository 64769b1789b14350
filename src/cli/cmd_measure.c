/* cmd_measure.c: outcome measures from the command line: measure
 * add/acknowledge/list, score, instruments list/show/load-text/load-table,
 * measures rescore/change, goal add/rate/list. Definitions come from
 * --instruments DIR, else $DYAD_INSTRUMENTS, else the built-in folder. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_files.h"
#include "app/app_measure.h"
#include "cli/alerts.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/list.h"
#include "cli/out.h"
#include "util/date.h"
#include "util/str.h"

/* A score as people read it: "12", "3.25". */
static const char *fmt_score(char out[32], double v)
{
	if (!isfinite(v)) {
		snprintf(out, 32, "%s", "");
		return out;
	}
	if (fabs(v - round(v)) < 1e-9) {
		snprintf(out, 32, "%.0f", v);
		return out;
	}
	snprintf(out, 32, "%.2f", v);
	size_t n = strlen(out);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
	return out;
}

/* "12 (moderate; case)" into out. */
static void describe(char *out, size_t n, const char *score, const char *band, int clinical, const char *case_label)
{
	const char *cl = clinical == 1 ? (case_label && *case_label ? case_label : "clinical range") : NULL;
	if (band && cl)
		snprintf(out, n, "%s (%s; %s)", score, band, cl);
	else if (band || cl)
		snprintf(out, n, "%s (%s)", score, band ? band : cl);
	else
		snprintf(out, n, "%s", score);
}

static const char *yes_no(int v) { return v > 0 ? "yes" : v == 0 ? "no" : ""; }

/* ---- measure add / acknowledge / list ---------------------------------------- */

int cmd_measure_record(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct measure_entry me;
	memset(&me, 0, sizeof me);
	if (cli_id(a, "referral", &me.episode_id, &e) || cli_id(a, "respondent", &me.respondent_id, &e) ||
	    cli_id(a, "practitioner", &me.practitioner_id, &e) || cli_id(a, "caregiver", &me.caregiver_id, &e) ||
	    cli_id(a, "infant", &me.infant_id, &e) ||
	    cli_text(a, "subject", me.subject, sizeof me.subject, &e) ||
	    cli_text(a, "instrument", me.instrument, sizeof me.instrument, &e) ||
	    cli_text(a, "timepoint", me.timepoint, sizeof me.timepoint, &e) || cli_date(a, "date", &me.date, &e) ||
	    cli_text(a, "responses", me.responses, sizeof me.responses, &e))
		return cli_fail(&e);
	if (!me.respondent_id && cli_id(a, "person", &me.respondent_id, &e))
		return cli_fail(&e);
	struct measure_record rec;
	struct score_result res;
	if (app_measure_record(app, &me, &rec, &res, &e)) {
		int code = cli_fail(&e);
		if (strcmp(e.field, "table") == 0) /* a licensed table not loaded (app_measure.c) */
			fprintf(stderr, "dyad: the service loads its licensed table once: `dyad instruments load-table %s TABLE"
			                " FILE` (the tables are named by `dyad instruments show %s`)\n",
			        me.instrument, me.instrument);
		return code;
	}
	const struct instrument *in = res.in;
	printf("Recorded %s (%s) as measure %lld.\n", in->short_name, rec.m.timepoint, (long long)rec.m.id);
	for (int i = 0; i < res.nscales; i++) {
		const struct score_scale *s = &res.scales[i];
		char v[32];
		if (!s->present) {
			char why[200];
			score_null_text(&res, i, why, sizeof why);
			printf("  %s: no score (%s)\n", in->scales[i].name, why);
			continue;
		}
		char line[200], unv[96];
		describe(line, sizeof line, fmt_score(v, s->value), score_band_label(&res, i), s->clinical,
		         in->scales[i].cutoff_label);
		instrument_unverified_text(in, i, unv, sizeof unv);
		printf("  %s: %s%s%s%s\n", in->scales[i].name, line, unv[0] ? " [" : "", unv, unv[0] ? "]" : "");
	}
	for (int k = 0; k < res.nrisks; k++) {
		const struct instr_risk *r = &in->risks[res.risks[k]];
		printf("RISK: %s. A clinician must acknowledge it, recording the action taken:"
		       " `dyad measure acknowledge --measure %lld --action TEXT`.\n",
		       r->label, (long long)rec.m.id);
		fprintf(stderr, "dyad: RISK flag raised on measure %lld (%s): a clinician must acknowledge it\n",
		        (long long)rec.m.id, r->label);
	}
	return 0;
}

struct list_ctx {
	struct out_list *l;
	const struct instrument_set *set; /* NULL when the definitions could not be loaded */
};

static int list_measure(void *ctx, const struct measure_view *v)
{
	struct list_ctx *c = ctx;
	struct out_list *l = c->l;
	const struct measure_record *r = &v->rec;
	const struct instrument *in = c->set ? instrument_set_find(c->set, r->m.instrument) : NULL;
	char id[24], d[11], resp[24], cg[24], inf[24], risk[800] = "";
	size_t used = 0;
	for (int k = 0; k < v->nrisks && used < sizeof risk; k++) {
		char on[11];
		const struct stored_risk *x = &v->risks[k];
		int w = x->acknowledged_on == DATE_NONE
			? snprintf(risk + used, sizeof risk - used, "%sRISK NOT ACKNOWLEDGED (%s)", k ? "; " : "", x->label)
			: snprintf(risk + used, sizeof risk - used, "%sacknowledged %s by %s (%s); action taken: %s",
			           k ? "; " : "", fmt_date(on, x->acknowledged_on), x->acknowledged_by, x->label,
			           x->action[0] ? x->action : "not recorded");
		if (w < 0)
			break;
		used += (size_t)w;
	}
	fmt_id(id, r->m.id);
	fmt_date(d, r->m.date);
	fmt_id(resp, r->m.person_id);
	fmt_id(cg, r->subject_caregiver_id);
	fmt_id(inf, r->subject_infant_id);
	if (!v->nscores) {
		const char *row[] = {id, d, r->m.instrument, r->m.timepoint, resp, r->subject, cg, inf, "", "",
		                     "", "", "not scored: run `dyad measures rescore`", r->version, risk, "", 0};
		out_row(l, row);
	}
	for (int i = 0; i < v->nscores; i++) {
		const struct stored_score *s = &v->scores[i];
		char val[32], unv[96] = "";
		int k = in && strcmp(r->version, in->version) == 0 ? instrument_scale_index(in, s->scale) : -1;
		if (k >= 0)
			instrument_unverified_text(in, k, unv, sizeof unv);
		const char *row[] = {id, d, r->m.instrument, r->m.timepoint, resp, r->subject, cg, inf, s->scale,
		                     s->present ? fmt_score(val, s->value) : "", s->band, yes_no(s->clinical),
		                     s->reason, r->version, i == 0 ? risk : "", unv, 0};
		out_row(l, row);
	}
	return 0;
}

static int list_measures(struct app *app, int64_t id, struct out_list *l, struct dy_err *e)
{
	struct list_ctx c = {l, NULL};
	struct dy_err ignore;
	if (app_instruments(app, &c.set, &ignore))
		c.set = NULL;
	return app_measure_list(app, id, list_measure, &c, e);
}

int cmd_measure_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	static const char *const cols[] = {"measure_id:id", "date:date", "instrument", "timepoint", "person_id:id",
	                                   "subject", "subject_caregiver_id:id", "subject_infant_id:id", "scale",
	                                   "score:num", "band", "clinical:bool", "no_score_because", "version",
	                                   "risks:list", "unverified", 0};
	if (strcmp(g->format, "table") == 0) {
		/* Safeguarding and open risk flags first, as on every view of a family. */
		struct dy_err e;
		dy_err_clear(&e);
		int64_t id;
		if (cli_id(a, "referral", &id, &e))
			return cli_fail(&e);
		if (cli_print_referral_alerts(app, id, &e))
			return cli_fail(&e);
	}
	return cli_list(g, a, app, "referral", cols, "No measures recorded on this referral yet.", list_measures);
}

/* ---- score, instruments -------------------------------------------------------- */

static int load_set(struct cli_args *a, struct instrument_set *set)
{
	struct dy_err e;
	dy_err_clear(&e);
	if (app_instruments_load_dir(set, cli_get(a, "instruments"), &e))
		return cli_fail(&e);
	return 0;
}

int cmd_score(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int age = SCORE_NO_AGE;
	if (cli_int(a, "age-months", 0, 120, &age, &e))
		return cli_fail(&e);
	struct instrument_set set;
	int rc = load_set(a, &set);
	if (rc)
		return rc;
	const char *table = cli_get(a, "table");
	if (table) {
		char name[32];
		const char *eq = strchr(table, '=');
		struct instrument *in = instrument_set_get(&set, a->pos[0]);
		if (!eq || (size_t)(eq - table) >= sizeof name || !in) {
			instrument_set_free(&set);
			dy_fail(&e, in ? DY_EINVAL : DY_ENOTFOUND, in ? "table" : "instrument",
			        in ? "must be NAME=FILE, e.g. intervals=asqse2-intervals.csv" : "no such instrument is loaded");
			return cli_fail(&e);
		}
		memcpy(name, table, (size_t)(eq - table));
		name[eq - table] = '\0';
		if (instrument_load_table(in, name, eq + 1, &e)) {
			instrument_set_free(&set);
			return cli_fail(&e);
		}
	}
	struct score_result r;
	rc = app_score(&set, a->pos[0], cli_get(a, "responses"), age, &r, &e);
	if (rc == DY_ENOTFOUND) {
		instrument_set_free(&set);
		return cli_fail(&e);
	}
	char *json = score_to_json(&r);
	puts(json);
	free(json);
	if (rc) {
		for (int i = 0; i < r.nerrors; i++) {
			char msg[200];
			score_error_text(&r, &r.errors[i], msg, sizeof msg);
			fprintf(stderr, "dyad: %s%s\n", strncmp(msg, "item ", 5) == 0 ? "responses: " : "", msg);
		}
	}
	instrument_set_free(&set);
	return rc ? 2 : 0;
}

int cmd_instruments_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct instrument_set set;
	int rc = load_set(a, &set);
	if (rc)
		return rc;
	static const char *const cols[] = {"instrument", "name", "completed_by", "subject", "version", 0};
	struct out_list *l = out_begin(g->format, cols);
	for (size_t i = 0; i < set.n; i++) {
		const struct instrument *in = set.v[i];
		const char *row[] = {in->id, in->name, instrument_role_name(in->completed_by),
		                     instrument_subject_name(in->subject), in->version, 0};
		out_row(l, row);
	}
	out_end(l, "No instruments are loaded.");
	instrument_set_free(&set);
	return 0;
}

static void values_text(const struct instr_item *it, char *out, size_t n)
{
	if (!it->nvalues) {
		snprintf(out, n, "%d-%d", it->min, it->max);
		return;
	}
	size_t used = 0;
	out[0] = '\0';
	for (int k = 0; k < it->nvalues && used < n; k++) {
		char sc[32] = "";
		if (it->has_scores)
			snprintf(sc, sizeof sc, "=%g", it->scores[k]);
		used += (size_t)snprintf(out + used, n - used, "%s%d%s", k ? ", " : "", it->values[k], sc);
	}
}

int cmd_instruments_show(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	if (strcmp(g->format, "table") != 0) {
		struct dy_err e;
		dy_fail(&e, DY_EUSAGE, "format",
		        "instruments show prints a table only; the definition as data is the file instruments/%s.json",
		        a->pos[0]);
		return cli_fail(&e);
	}
	struct instrument_set set;
	int rc = load_set(a, &set);
	if (rc)
		return rc;
	const struct instrument *in = instrument_set_find(&set, a->pos[0]);
	if (!in) {
		instrument_set_free(&set);
		struct dy_err e;
		dy_fail(&e, DY_ENOTFOUND, "instrument", "no instrument with this id is loaded (see `dyad instruments list`)");
		return cli_fail(&e);
	}
	printf("%s (%s), version %s\n", in->name, in->id, in->version);
	printf("Completed by the %s, about the %s. %d items%s.\n", instrument_role_name(in->completed_by),
	       instrument_subject_name(in->subject), in->nitems,
	       in->interval_table >= 0 ? " at most (the form depends on the infant's corrected age)" : "");
	printf("Licence: %s\n", in->licence);
	if (in->not_observed[0])
		printf("Not observed: enter %s (counted as missing).\n", in->not_observed);
	if (in->modifier[0])
		printf("Modifier: a value followed by '%s' adds %d.\n", in->modifier, in->modifier_add);

	printf("\nItems\n");
	static const char *const ic[] = {"item", "label", "values", "reverse", 0};
	struct out_list *l = out_begin("table", ic);
	for (int i = 0; i < in->nitems; i++) {
		char num[16], vals[200];
		snprintf(num, sizeof num, "%d", i + 1);
		values_text(&in->items[i], vals, sizeof vals);
		const char *row[] = {num, in->items[i].label, vals, in->items[i].reverse ? "yes" : "", 0};
		out_row(l, row);
	}
	out_end(l, NULL);

	printf("\nScales\n");
	static const char *const sc[] = {"scale", "name", "range", "direction", "bands", "clinical", "reliable_change",
	                                 "unverified", 0};
	l = out_begin("table", sc);
	for (int i = 0; i < in->nscales; i++) {
		const struct instr_scale *s = &in->scales[i];
		char range[48], bands[400] = "", cut[96] = "", rci[96] = "";
		char lo[32], hi[32];
		snprintf(range, sizeof range, "%s-%s", fmt_score(lo, s->lo), fmt_score(hi, s->hi));
		size_t used = 0;
		for (int b = 0; b < s->nbands && used < sizeof bands; b++)
			used += (size_t)snprintf(bands + used, sizeof bands - used, "%s%s-%s %s", b ? ", " : "",
			                         fmt_score(lo, s->bands[b].min), fmt_score(hi, s->bands[b].max),
			                         s->bands[b].label);
		if (s->cutoff_from_interval)
			snprintf(cut, sizeof cut, "%s the age interval's cut-off", instrument_op_name(s->cutoff_op));
		else if (s->has_cutoff)
			snprintf(cut, sizeof cut, "%s %s (%s)", instrument_op_name(s->cutoff_op), fmt_score(lo, s->cutoff),
			         s->cutoff_label);
		if (s->has_rci && s->rci_sem > 0)
			snprintf(rci, sizeof rci, "%s points (SEM %g, z %g)", fmt_score(lo, s->rci_points), s->rci_sem, s->z);
		else if (s->has_rci && s->reliability > 0)
			snprintf(rci, sizeof rci, "%s points (r %g, SD %g, z %g)", fmt_score(lo, s->rci_points), s->reliability,
			         s->rci_sd, s->z);
		else if (s->has_rci)
			snprintf(rci, sizeof rci, "%s points", fmt_score(lo, s->rci_points));
		char unv[96];
		instrument_unverified_text(in, i, unv, sizeof unv);
		const char *row[] = {s->id, s->name, range, instrument_direction_name(s->direction), bands, cut, rci, unv, 0};
		out_row(l, row);
	}
	out_end(l, NULL);

	if (in->nrisks) {
		printf("\nRisk items (a flag for the clinician at entry)\n");
		static const char *const rc2[] = {"risk", "item", "when", "label", 0};
		l = out_begin("table", rc2);
		for (int i = 0; i < in->nrisks; i++) {
			const struct instr_risk *r = &in->risks[i];
			char item[16], when[48], v[32];
			snprintf(item, sizeof item, "%d", r->item + 1);
			snprintf(when, sizeof when, "%s %s", instrument_op_name(r->op), fmt_score(v, r->value));
			const char *row[] = {r->id, item, when, r->label, 0};
			out_row(l, row);
		}
		out_end(l, NULL);
	}
	if (in->nunverified) {
		printf("\nUnverified values (configuration, not constants: check before relying on them)\n");
		static const char *const uc[] = {"path", "note", 0};
		l = out_begin("table", uc);
		for (int i = 0; i < in->nunverified; i++) {
			const char *row[] = {in->unverified[i].path, in->unverified[i].note, 0};
			out_row(l, row);
		}
		out_end(l, NULL);
	}
	for (int t = 0; t < in->ntables; t++)
		printf("\nTable %s: loaded by the service (`dyad instruments load-table %s %s FILE`).\n",
		       in->tables[t].name, in->id, in->tables[t].name);
	instrument_set_free(&set);
	return 0;
}

int cmd_instruments_load_text(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int n = 0;
	int rc = app_instruments_load_text(app, a->pos[0], &n, &e);
	if (rc)
		return cli_fail(&e);
	printf("Stored the wording of %d items in the database (never exported).\n", n);
	return 0;
}

int cmd_instruments_load_table(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int rc = app_instruments_load_table(app, a->pos[0], a->pos[1], a->pos[2], &e);
	if (rc)
		return cli_fail(&e);
	printf("Stored the %s table of %s in the database (never exported).\n", a->pos[1], a->pos[0]);
	return 0;
}

/* ---- measures rescore / change ----------------------------------------------- */

int cmd_measures_rescore(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct rescore_counts n;
	int rc = app_measures_rescore(app, &n, &e);
	if (rc)
		return cli_fail(&e);
	printf("Rescored %d of %d measures", n.rescored, n.checked);
	if (n.refused)
		printf("; %d refused by the current definitions (stored without scores, with the reason)", n.refused);
	if (n.unknown)
		printf("; %d of instruments not loaded, left as they were", n.unknown);
	printf(".\n");
	return 0;
}

static int change_line(void *ctx, const struct change_row *r)
{
	struct out_list *l = ctx;
	char resp[24], cg[24], inf[24], d1[11], d2[11], f[32], s[32], ch[32], th[32];
	const char *reliable = "", *csc = "", *rr = "";
	fmt_id(resp, r->respondent_id);
	fmt_id(cg, r->caregiver_id);
	fmt_id(inf, r->infant_id);
	fmt_date(d1, r->first_date);
	fmt_date(d2, r->last_date);
	f[0] = s[0] = ch[0] = th[0] = '\0';
	if (r->kind == CHANGE_ROW_TALKING_THERAPIES) {
		if (r->assessed) {
			reliable = r->tt.reliable_improvement     ? "reliable improvement"
			           : r->tt.reliable_deterioration ? "reliable deterioration"
			                                          : "no reliable change";
			csc = !r->tt.case_start ? "not a case at start" : r->tt.recovery ? "recovery" : "no recovery";
			rr = yes_no(r->tt.reliable_recovery);
		}
	} else {
		fmt_score(f, r->first);
		fmt_score(s, r->last);
		fmt_score(ch, r->c.change);
		th[0] = '\0';
		if (isfinite(r->c.threshold) && r->assessed)
			fmt_score(th, r->c.threshold);
		reliable = change_class_name(r->c.reliable);
		if (r->c.case_pre >= 0 && r->c.case_post >= 0) {
			csc = yes_no(r->c.clinically_significant);
			rr = yes_no(r->c.reliable_recovery);
		}
	}
	const char *kind = r->kind == CHANGE_ROW_SCALE ? "scale" : r->kind == CHANGE_ROW_GOAL ? "goal" : "talking_therapies";
	char n[16];
	snprintf(n, sizeof n, "%d", r->n);
	const char *row[] = {kind, resp, r->subject, cg, inf, r->instrument, r->scale, n, d1, f, d2, s, ch,
	                     th, reliable, csc, rr, r->note, 0};
	out_row(l, row);
	return 0;
}

int cmd_measures_change(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (cli_id(a, "referral", &id, &e))
		return cli_fail(&e);
	static const char *const cols[] = {"kind", "person_id:id", "subject", "subject_caregiver_id:id",
	                                   "subject_infant_id:id", "instrument", "scale", "n:int", "first_date:date",
	                                   "first:num", "last_date:date", "last:num", "change:num",
	                                   "reliable_threshold:num", "reliable_change", "clinically_significant:bool",
	                                   "reliable_recovery:bool", "note", 0};
	struct out_list *l = out_begin(g->format, cols);
	if (app_measures_change(app, id, change_line, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "No measure or goal has two scored administrations on this referral yet.");
	return 0;
}

/* ---- goals --------------------------------------------------------------------- */

int cmd_goal_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct goal gl;
	memset(&gl, 0, sizeof gl);
	if (cli_id(a, "referral", &gl.episode_id, &e) || cli_text(a, "text", gl.text, sizeof gl.text, &e) ||
	    cli_date(a, "date", &gl.set_on, &e))
		return cli_fail(&e);
	if (app_goal_add(app, &gl, &e))
		return cli_fail(&e);
	printf("Added goal %lld (goal %d of the referral).\n", (long long)gl.id, gl.position);
	return 0;
}

int cmd_goal_rate(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct goal_rating r = {.rating = -1};
	if (cli_id(a, "goal", &r.goal_id, &e) || cli_date(a, "date", &r.date, &e) ||
	    cli_int(a, "rating", 0, 10, &r.rating, &e))
		return cli_fail(&e);
	if (app_goal_rate(app, &r, &e))
		return cli_fail(&e);
	printf("Rated goal %lld: %d out of 10.\n", (long long)r.goal_id, r.rating);
	return 0;
}

static int goal_line(void *ctx, const struct goal *gl, const struct goal_rating *r, int n)
{
	struct out_list *l = ctx;
	char id[24], pos[8], set[11], d1[11] = "", d2[11] = "", f[8] = "", s[8] = "", cnt[8];
	fmt_id(id, gl->id);
	snprintf(pos, sizeof pos, "%d", gl->position);
	fmt_date(set, gl->set_on);
	snprintf(cnt, sizeof cnt, "%d", n);
	if (n) {
		fmt_date(d1, r[0].date);
		snprintf(f, sizeof f, "%d", r[0].rating);
		fmt_date(d2, r[n - 1].date);
		snprintf(s, sizeof s, "%d", r[n - 1].rating);
	}
	const char *row[] = {id, pos, gl->text, set, cnt, d1, f, d2, s, 0};
	out_row(l, row);
	return 0;
}

static int list_goals(struct app *app, int64_t id, struct out_list *l, struct dy_err *e)
{
	return app_goal_list(app, id, goal_line, l, e);
}

int cmd_goal_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	static const char *const cols[] = {"goal_id:id", "position:int", "text", "set_on:date", "ratings:int",
	                                   "first_date:date", "first:int", "last_date:date", "last:int", 0};
	return cli_list(g, a, app, "referral", cols, "No goals set on this referral yet.", list_goals);
}
