/* cmd_correction.c: `dyad person correct`, `dyad correction revert` and
 * `dyad history` (app/app_correction.h; docs/corrections.md). A value
 * given empty (--postcode "") clears a field that may be empty. */
#include <stdio.h>
#include <string.h>

#include "app/app_correction.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/out.h"

/* The command's options and the person fields they correct. */
static const struct {
	const char *opt, *field;
} person_opts[] = {{"given-name", "given_name"}, {"family-name", "family_name"}, {"dob", "dob"},
                   {"edd", "edd"},               {"gestation-weeks", "gestation_weeks"},
                   {"nhs-number", "nhs_number"}, {"sex", "sex"},     {"ethnicity", "ethnicity"},
                   {"postcode", "postcode"},     {"imd-decile", "imd_decile"},
                   {"relationship", "relationship"}};

#define N_PERSON_OPTS (int)(sizeof person_opts / sizeof person_opts[0])

int cmd_person_correct(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id, first = 0;
	if (cli_id(a, "person", &id, &e))
		return cli_fail(&e);
	struct correction_change ch[N_PERSON_OPTS];
	int n = 0;
	for (int i = 0; i < N_PERSON_OPTS; i++) {
		const char *v = cli_get(a, person_opts[i].opt);
		if (v)
			ch[n++] = (struct correction_change){person_opts[i].field, v};
	}
	if (!n) {
		dy_fail(&e, DY_EUSAGE, "field", "name a field to correct, e.g. --dob 2025-03-04");
		return cli_fail(&e);
	}
	if (app_person_correct(app, id, ch, n, cli_get(a, "reason"), &first, &e))
		return cli_fail(&e);
	printf("Corrected person %lld; the earlier values are kept: dyad history --person %lld.\n", (long long)id,
	       (long long)id);
	return 0;
}

int cmd_correction_revert(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id, nw = 0;
	if (cli_id(a, "correction", &id, &e) || app_correction_revert(app, id, cli_get(a, "reason"), &nw, &e))
		return cli_fail(&e);
	printf("Undid correction %lld: the earlier value is back (correction %lld).\n", (long long)id, (long long)nw);
	return 0;
}

static const char *const history_cols[] = {"correction_id:id", "corrected_at", "corrected_by", "record", "record_id:id",
                                           "field", "old_value", "new_value", "reason", "reverts:id", 0};

static int history_row(void *ctx, const struct correction *c)
{
	char id[24], rid[24], rv[24];
	const char *row[] = {fmt_id(id, c->id),    c->corrected_at, c->corrected_by, c->entity, fmt_id(rid, c->entity_id),
	                     c->field,            c->old_value,    c->new_value,    c->reason, fmt_id(rv, c->reverts),
	                     0};
	out_row(ctx, row);
	return 0;
}

int cmd_history(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t person = 0, family = 0;
	if (cli_id(a, "person", &person, &e) || cli_id(a, "family", &family, &e))
		return cli_fail(&e);
	if (!person == !family) {
		dy_fail(&e, DY_EUSAGE, "person", "give --person ID or --family ID (one of them)");
		return cli_fail(&e);
	}
	struct out_list *l = out_begin(g->format, history_cols);
	if (!l)
		return 1;
	if (app_history(app, person, family, history_row, l, &e)) {
		out_discard(l);
		return cli_fail(&e);
	}
	out_end(l, "No corrections: the record is as entered.");
	return 0;
}
