/* page_correction_choices.c: the choices of a correction form's fields
 * (see page_correction_choices.h). */
#include "http/page_correction_choices.h"

#include <stdio.h>
#include <string.h>

#include "app/app_correction.h"
#include "app/app_files.h"
#include "app/app_pathway.h"
#include "core/codes.h"
#include "http/page_family.h"
#include "util/str.h"

void correction_sources_load(struct app *a, const char *kind, int64_t family_id, struct correction_sources *s)
{
	memset(s, 0, sizeof *s);
	s->kind = kind;
	struct dy_err e;
	int referral = strcmp(kind, "referral") == 0, contact = strcmp(kind, "contact") == 0;
	if ((referral || contact || strcmp(kind, "measure") == 0) && family_id > 0)
		s->have_fv = app_family_view(a, family_id, &s->fv, &e) == 0;
	if (contact) {
		s->have_cat = intervention_load_file(NULL, &s->cat, &e) == 0;
		if (!s->have_cat)
			intervention_catalogue_free(&s->cat);
		page_practitioners(a, &s->prac, &e);
	}
	if (referral) {
		char source[256];
		s->have_rules = app_rules_load(NULL, &s->rules, source, sizeof source, &e) == 0;
		if (!s->have_rules)
			eligibility_config_free(&s->rules);
	}
}

void correction_sources_free(struct correction_sources *s)
{
	if (s->have_fv)
		app_family_view_free(&s->fv);
	if (s->have_cat)
		intervention_catalogue_free(&s->cat);
	if (s->have_rules)
		eligibility_config_free(&s->rules);
	s->have_fv = s->have_cat = s->have_rules = 0;
}

static void add(struct correction_choices *c, const char *value, const char *label)
{
	if (c->n >= CORRECTION_CHOICES_MAX)
		return;
	str_copy(c->values[c->n], sizeof c->values[0], value);
	str_copy(c->labels[c->n], sizeof c->labels[0], label);
	c->o[c->n] = (struct form_option){c->values[c->n], c->labels[c->n], NULL};
	c->n++;
}

static void add_codes(struct correction_choices *c, const char *const *codes)
{
	for (int i = 0; codes[i]; i++) {
		char label[48];
		page_code(codes[i], 1, label, sizeof label);
		add(c, codes[i], label);
	}
}

/* The family's people of role (NULL: everyone), "Name (id)". */
static void add_people(struct correction_choices *c, const struct correction_sources *s, const char *role)
{
	for (int i = 0; s->have_fv && i < s->fv.npeople; i++) {
		const struct person *p = &s->fv.people[i];
		if (role && strcmp(p->role, role) != 0)
			continue;
		char name[2 * NAME_BYTES + 2], id[24];
		page_person_name(p, name, sizeof name);
		snprintf(id, sizeof id, "%lld", (long long)p->id);
		add(c, id, name);
	}
}

int correction_choices(const struct correction_sources *s, const char *field, const char *held,
                       struct correction_choices *c)
{
	c->n = 0;
	c->multiple = 0;
	int contact = strcmp(s->kind, "contact") == 0;
	if (strcmp(field, "source") == 0)
		add_codes(c, code_source);
	else if (strcmp(field, "kind") == 0 && contact)
		add_codes(c, code_contact_kind);
	else if (strcmp(field, "location") == 0)
		add_codes(c, code_location);
	else if (strcmp(field, "attendance") == 0)
		add_codes(c, code_attendance);
	else if (strcmp(field, "status") == 0)
		add_codes(c, code_safeguarding);
	else if (strcmp(field, "first_time_parent") == 0) {
		add(c, "yes", "Yes");
		add(c, "no", "No");
	} else if (strcmp(field, "programme") == 0) {
		for (size_t i = 0; s->have_rules && i < s->rules.n_programmes; i++)
			add(c, s->rules.programmes[i].name,
			    s->rules.programmes[i].label[0] ? s->rules.programmes[i].label : s->rules.programmes[i].name);
	} else if (strcmp(field, "intervention") == 0) {
		for (size_t i = 0; s->have_cat && i < s->cat.n; i++)
			add(c, s->cat.defs[i].code, s->cat.defs[i].name);
	} else if (strcmp(field, "infant_id") == 0)
		add_people(c, s, "infant");
	else if (strcmp(field, "caregiver_id") == 0)
		add_people(c, s, "caregiver");
	else if (strcmp(field, "respondent") == 0)
		add_people(c, s, NULL);
	else if (strcmp(field, "attendees") == 0) {
		add_people(c, s, NULL);
		c->multiple = 1;
	} else if (strcmp(field, "practitioners") == 0) {
		for (int i = 0; i < s->prac.n; i++)
			add(c, s->prac.o[i].value, s->prac.o[i].label);
		c->multiple = 1;
	} else
		return 0;
	/* A value held that the lists no longer offer stays choosable (each id
	 * of a list). */
	char rest[CORRECTION_VALUE_MAX];
	str_copy(rest, sizeof rest, held);
	for (char *save = NULL, *v = c->multiple ? strtok_r(rest, ",", &save) : rest; v && *v;
	     v = c->multiple ? strtok_r(NULL, ",", &save) : NULL) {
		int found = 0;
		for (int i = 0; !found && i < c->n; i++)
			found = strcmp(c->values[i], v) == 0;
		if (found)
			continue;
		if (c->n == CORRECTION_CHOICES_MAX)
			c->n--;
		add(c, v, v);
	}
	return 1;
}
