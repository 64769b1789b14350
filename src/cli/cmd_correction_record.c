/* cmd_correction_record.c: `dyad referral|contact|measure|safeguarding|family
 * correct` and `dyad referral|contact|measure|safeguarding|family error`
 * (app/app_correction_record.h; docs/corrections.md). */
#include <stdio.h>
#include <string.h>

#include "app/app_correction_record.h"
#include "cli/commands.h"

struct opt_field {
	const char *opt, *field;
};

static const struct opt_field referral_opts[] = {{"received", "received_on"},
                                                 {"source", "source"},
                                                 {"programme", "programme"},
                                                 {"first-time-parent", "first_time_parent"},
                                                 {"infant", "infant_id"},
                                                 {"caregiver", "caregiver_id"},
                                                 {0, 0}};
static const struct opt_field contact_opts[] = {{"date", "date"},
                                                {"kind", "kind"},
                                                {"intervention", "intervention"},
                                                {"location", "location"},
                                                {"attendance", "attendance"},
                                                {"duration", "duration_min"},
                                                {"practitioners", "practitioners"},
                                                {"attendees", "attendees"},
                                                {0, 0}};
static const struct opt_field measure_opts[] = {
	{"date", "date"}, {"respondent", "respondent"}, {"responses", "responses"}, {0, 0}};
static const struct opt_field family_opts[] = {{"created-on", "created_on"}, {0, 0}};
static const struct opt_field safeguarding_opts[] = {
	{"status", "status"}, {"from", "started_on"}, {"to", "ended_on"}, {0, 0}};

static int correct(struct cli_args *a, struct app *app, const char *kind, const struct opt_field *opts)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id, first = 0;
	if (cli_id(a, kind, &id, &e))
		return cli_fail(&e);
	struct correction_change ch[CORRECTION_RECORD_FIELDS_MAX];
	int n = 0;
	for (int i = 0; opts[i].opt; i++) {
		const char *v = cli_get(a, opts[i].opt);
		if (v)
			ch[n++] = (struct correction_change){opts[i].field, v};
	}
	if (!n) {
		dy_fail(&e, DY_EUSAGE, "field", "name a field to correct, e.g. --%s ...", opts[0].opt);
		return cli_fail(&e);
	}
	if (app_record_correct(app, kind, id, ch, n, cli_get(a, "reason"), &first, &e))
		return cli_fail(&e);
	printf("Corrected %s %lld; the earlier values are kept: dyad history --family ID.\n", kind, (long long)id);
	return 0;
}

static int error(struct cli_args *a, struct app *app, const char *kind)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id, cid = 0;
	if (cli_id(a, kind, &id, &e) || app_record_error(app, kind, id, cli_get(a, "reason"), &cid, &e))
		return cli_fail(&e);
	printf("Marked %s %lld entered in error: kept, hidden and left out of figures (undo: dyad correction revert"
	       " %lld).\n",
	       kind, (long long)id, (long long)cid);
	return 0;
}

int cmd_referral_correct(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	return correct(a, app, "referral", referral_opts);
}

int cmd_contact_correct(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	return correct(a, app, "contact", contact_opts);
}

int cmd_measure_correct(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	return correct(a, app, "measure", measure_opts);
}

int cmd_referral_error(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	return error(a, app, "referral");
}

int cmd_contact_error(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	return error(a, app, "contact");
}

int cmd_measure_error(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	return error(a, app, "measure");
}

int cmd_safeguarding_correct(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	return correct(a, app, "safeguarding", safeguarding_opts);
}

int cmd_safeguarding_error(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	return error(a, app, "safeguarding");
}

int cmd_family_correct(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	return correct(a, app, "family", family_opts);
}

int cmd_family_error(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	return error(a, app, "family");
}
