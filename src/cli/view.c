/* view.c: the alerts at the top of a family's or referral's view (see view.h). */
#include "cli/view.h"

#include <stdio.h>
#include <string.h>

#include "cli/fmt.h"
#include "core/codes.h"
#include "util/str.h"

void view_risk_label(struct app *app, const char *risk, char *out, size_t n)
{
	const struct instrument_set *set;
	struct dy_err ignore;
	snprintf(out, n, "%s", risk);
	if (app_instruments(app, &set, &ignore))
		return;
	for (size_t i = 0; i < set->n; i++)
		for (int k = 0; k < set->v[i]->nrisks; k++)
			if (strcmp(set->v[i]->risks[k].id, risk) == 0) {
				snprintf(out, n, "%s", set->v[i]->risks[k].label);
				return;
			}
}

void view_alerts(struct out_doc *d, struct app *app, const struct family_view *v)
{
	int table = out_doc_table(d), any = 0;
	static const char *const sc[] = {"infant_id:id", "given_name", "family_name", "status", "started_on:date", 0};
	struct out_list *sl = table ? NULL : out_doc_list(d, "safeguarding", sc, 0);
	for (int i = 0; i < v->npeople; i++) {
		const struct person *p = &v->people[i];
		const struct safeguarding *s = &v->current[i];
		if (!s->status[0] || strcmp(s->status, "none") == 0)
			continue;
		char id[24], since[11], label[40];
		fmt_id(id, p->id);
		fmt_date(since, s->started_on);
		if (table) {
			code_label(s->status, label, sizeof label);
			printf("! SAFEGUARDING: %s %s (infant %s): %s since %s\n", p->given_name, p->family_name, id, label,
			       since);
		} else {
			const char *row[] = {id, p->given_name, p->family_name, s->status, since};
			out_row(sl, row);
		}
		any = 1;
	}
	if (sl)
		out_end(sl, NULL);
	static const char *const rc[] = {"measure_id:id", "risk", "item:int", "label", 0};
	struct out_list *rl = table ? NULL : out_doc_list(d, "unacknowledged_risks", rc, 0);
	for (int i = 0; i < v->nrisks; i++) {
		const struct stored_risk *r = &v->risks[i];
		char id[24], item[16], label[200];
		fmt_id(id, r->measure_id);
		snprintf(item, sizeof item, "%d", r->item);
		view_risk_label(app, r->risk, label, sizeof label);
		if (table)
			printf("! RISK not yet acknowledged: %s (item %d of measure %s): a clinician reviews it, then"
			       " `dyad measure acknowledge --measure %s`\n",
			       label, r->item, id, id);
		else {
			const char *row[] = {id, r->risk, item, label};
			out_row(rl, row);
		}
		any = 1;
	}
	if (rl)
		out_end(rl, NULL);
	if (table && !any)
		puts("Safeguarding: no current status. No risk flag waits for acknowledgement.");
	if (table)
		putchar('\n');
}
