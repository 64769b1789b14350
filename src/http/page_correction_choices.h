/* page_correction_choices.h: what a correction form offers for each field
 * of a record (page_correction_record.c): a code list, the family's people
 * of a role, the team's practitioners, the intervention catalogue or the
 * eligibility rules' programmes, so that a code is chosen, not typed. */
#ifndef DYAD_HTTP_PAGE_CORRECTION_CHOICES_H
#define DYAD_HTTP_PAGE_CORRECTION_CHOICES_H

#include "app/app_family.h"
#include "core/eligibility.h"
#include "core/intervention.h"
#include "http/page.h"

#define CORRECTION_CHOICES_MAX 64

/* Where the choices come from, loaded once per form for a record of kind
 * ("referral", "contact", ...) of family family_id. */
struct correction_sources {
	const char *kind;
	struct family_view fv;
	int have_fv;
	struct intervention_catalogue cat;
	int have_cat;
	struct eligibility_config rules;
	int have_rules;
	struct page_prac_opts prac;
};

/* The choices of one field; multiple when the field is a list of ids
 * (ticked boxes), else one of them (a select). */
struct correction_choices {
	struct form_option o[CORRECTION_CHOICES_MAX];
	char labels[CORRECTION_CHOICES_MAX][2 * NAME_BYTES + 2];
	char values[CORRECTION_CHOICES_MAX][48];
	int n;
	int multiple;
};

/* Loads what the fields of a record of kind need (the family's people for
 * a referral, contact or measure; the catalogue and practitioners for a
 * contact; the rules for a referral); a source that cannot be read offers
 * nothing. Free with correction_sources_free. */
void correction_sources_load(struct app *a, const char *kind, int64_t family_id, struct correction_sources *s);
void correction_sources_free(struct correction_sources *s);

/* Fills *c with field's choices, the value held (held) always among them
 * (a single choice) so that saving the form unchanged changes nothing;
 * returns 0 when the field is typed instead (c->n 0). */
int correction_choices(const struct correction_sources *s, const char *field, const char *held,
                       struct correction_choices *c);

#endif
