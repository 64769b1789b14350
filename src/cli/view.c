/* view.c: the alerts at the top of a family's or referral's view (see view.h). */
#include "cli/view.h"

#include <stdio.h>

#include "app/app_alerts.h"
#include "cli/alerts.h"
#include "cli/fmt.h"

int view_alerts(struct out_doc *d, struct app *app, int64_t family_id, struct dy_err *e)
{
	struct family_alerts f;
	int rc = app_family_alerts(app, family_id, &f, e);
	if (rc)
		return rc;
	if (out_doc_table(d)) {
		cli_alerts_print(&f);
		if (!f.ninfants && !f.nrisks && !f.nlosses)
			puts("Safeguarding: no current status. No risk flag waits for acknowledgement.\n");
		return 0;
	}
	static const char *const lc[] = {"infant_id:id", "name", "loss", "date:date", 0};
	struct out_list *ll = out_doc_list(d, "bereavements", lc, 0);
	for (int i = 0; i < f.nlosses; i++) {
		char id[24], on[11];
		const char *row[] = {fmt_id(id, f.losses[i].infant_id), f.losses[i].name, f.losses[i].kind,
		                     fmt_date(on, f.losses[i].on)};
		out_row(ll, row);
	}
	out_end(ll, NULL);
	static const char *const sc[] = {"infant_id:id", "name", "status", "started_on:date", 0};
	struct out_list *l = out_doc_list(d, "safeguarding", sc, 0);
	for (int i = 0; i < f.ninfants; i++) {
		char id[24], since[11];
		const char *row[] = {fmt_id(id, f.infants[i].infant_id), f.infants[i].name, f.infants[i].status,
		                     fmt_date(since, f.infants[i].since)};
		out_row(l, row);
	}
	out_end(l, NULL);
	static const char *const rc_cols[] = {"measure_id:id", "referral_id:id", "date:date", "risk", "item:int",
	                                      "label", 0};
	l = out_doc_list(d, "unacknowledged_risks", rc_cols, 0);
	for (int i = 0; i < f.nrisks && i < ALERTS_MAX_RISKS; i++) {
		const struct stored_risk *r = &f.risks[i];
		char mid[24], rid[24], on[11], item[16];
		snprintf(item, sizeof item, "%d", r->item);
		const char *row[] = {fmt_id(mid, r->measure_id), fmt_id(rid, r->episode_id), fmt_date(on, r->measure_date),
		                     r->risk, item, r->label};
		out_row(l, row);
	}
	out_end(l, NULL);
	return 0;
}
