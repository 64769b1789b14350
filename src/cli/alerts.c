/* alerts.c: the warning lines at the top of a family's views (see alerts.h). */
#include "cli/alerts.h"

#include <stdio.h>

#include "app/app_alerts.h"
#include "app/app_loss.h"
#include "cli/fmt.h"
#include "core/codes.h"

void cli_alerts_print(const struct family_alerts *f)
{
	for (int i = 0; i < f->nlosses; i++) {
		char on[11];
		printf("  ! BEREAVEMENT: %s: %s on %s. Please take care in every contact; nothing more is asked or"
		       " measured about the baby.\n",
		       f->losses[i].name, app_loss_words(f->losses[i].kind), fmt_date(on, f->losses[i].on));
	}
	for (int i = 0; i < f->ninfants; i++) {
		char label[40], since[11];
		code_label(f->infants[i].status, label, sizeof label);
		printf("  ! SAFEGUARDING: %s: %s since %s\n", f->infants[i].name, label,
		       fmt_date(since, f->infants[i].since));
	}
	for (int i = 0; i < f->nrisks && i < ALERTS_MAX_RISKS; i++) {
		char d[11];
		const struct stored_risk *r = &f->risks[i];
		printf("  ! RISK not acknowledged: %s (measure %lld of %s, referral %lld): a clinician reviews it, then"
		       " `dyad measure acknowledge --measure %lld --action TEXT`\n",
		       r->label, (long long)r->measure_id, fmt_date(d, r->measure_date), (long long)r->episode_id,
		       (long long)r->measure_id);
	}
	if (f->nrisks > ALERTS_MAX_RISKS)
		printf("  ! and %d more risk flags not acknowledged: see `dyad risks --older-than 0`\n",
		       f->nrisks - ALERTS_MAX_RISKS);
	if (f->nsafeguarding_notes)
		printf("  ! SAFEGUARDING NOTES: %d signed safeguarding note%s on this family's referrals: see `dyad note"
		       " list --referral ID`\n",
		       f->nsafeguarding_notes, f->nsafeguarding_notes == 1 ? "" : "s");
	if (f->ninfants || f->nrisks || f->nlosses || f->nsafeguarding_notes)
		putchar('\n');
}

int cli_print_alerts(struct app *a, int64_t family_id, struct dy_err *e)
{
	struct family_alerts f;
	int rc = app_family_alerts(a, family_id, &f, e);
	if (!rc)
		cli_alerts_print(&f);
	return rc;
}

int cli_print_referral_alerts(struct app *a, int64_t episode_id, struct dy_err *e)
{
	struct family_alerts f;
	int rc = app_referral_alerts(a, episode_id, &f, e);
	if (!rc)
		cli_alerts_print(&f);
	return rc;
}
