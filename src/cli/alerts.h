/* alerts.h: the warning lines printed at the top of every table view of a
 * family (family show, referral show, measure list): safeguarding status
 * and risk flags not yet acknowledged, in words (app/app_alerts.h). */
#ifndef DYAD_CLI_ALERTS_H
#define DYAD_CLI_ALERTS_H

#include "app/app.h"
#include "app/app_alerts.h"

/* Prints f's warning lines (as cli_print_alerts does). */
void cli_alerts_print(const struct family_alerts *f);

/* Prints the family's alerts ("  ! SAFEGUARDING: ...", "  ! RISK not
 * acknowledged: ...") to stdout, nothing when there are none. Returns 0 or
 * the error (e filled). */
int cli_print_alerts(struct app *a, int64_t family_id, struct dy_err *e);

/* As cli_print_alerts for the family of a referral. */
int cli_print_referral_alerts(struct app *a, int64_t episode_id, struct dy_err *e);

#endif
