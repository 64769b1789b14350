/* intervention_contact.c: which interventions a contact may record. The
 * codes are the team's catalogue (config/interventions.ini or its own copy),
 * not a list fixed in the program, so a team that adds an intervention to
 * its catalogue can record contacts of it at once. */
#include "core/intervention.h"

#include <string.h>

int intervention_contact_check(const struct intervention_catalogue *c, const char *kind, const char *intervention,
                               struct dy_err *e)
{
	int is_intervention = strcmp(kind, "intervention") == 0, is_group = strcmp(kind, "group") == 0;
	if (!intervention[0])
		return is_intervention ? dy_fail(e, DY_EINVAL, "intervention", "is required for an intervention contact") : 0;
	if (!is_intervention && !is_group)
		return dy_fail(e, DY_EINVAL, "intervention", "is recorded only on an intervention or group contact, not on %s",
		               kind[0] ? "this kind" : "a contact with no kind");
	const struct intervention_def *d = intervention_find(c, intervention);
	if (!d)
		return dy_fail(e, DY_EINVAL, "intervention",
		               "%.40s is not in the team's intervention catalogue (dyad interventions list)",
		               intervention_code_valid(intervention) ? intervention : "the code given");
	if (is_group && d->mode != INTERVENTION_GROUP)
		return dy_fail(e, DY_EINVAL, "intervention", "%s is an intervention of mode %s, not a group programme: record it "
		               "as an intervention contact", d->code, intervention_mode_code(d->mode));
	return 0;
}
