/* codes.h: the code lists (enumerations) of the family record, shared by the
 * CLI, CSV files, the store and (later) the web pages. Each list is
 * NULL-terminated; docs/csv.md documents every one. */
#ifndef DYAD_CORE_CODES_H
#define DYAD_CORE_CODES_H

extern const char *const code_role[];             /* caregiver, infant */
extern const char *const code_relationship[];     /* mother, father, partner, ... */
extern const char *const code_sex[];              /* female, male, indeterminate, unknown */
extern const char *const code_ethnicity[];        /* NHS ethnic category letters A..Z */
extern const char *const code_ethnicity_label[];  /* labels, same order */
extern const char *const code_source[];           /* referral sources */
extern const char *const code_decision[];         /* accepted, declined, signposted, pending */
extern const char *const code_contact_kind[];     /* assessment, intervention, review, ... */
extern const char *const code_location[];         /* home, clinic, gp, ... */
extern const char *const code_attendance[];       /* attended, did_not_attend, ... */
/* Interventions are not a fixed list: the team's catalogue (core/intervention.h). */
extern const char *const code_safeguarding[];     /* none, early_help, child_in_need, ... */
extern const char *const code_discharge_reason[]; /* planned_ending, disengaged, ... */
extern const char *const code_care_status[];      /* with_birth_family, reunited, ..., died */
/* A pregnancy loss (miscarriage, termination, ectopic), a stillbirth, or
 * the death of a born infant: what `dyad person loss` records. */
extern const char *const code_loss[];
extern const char *const code_timepoint[];        /* baseline, review, end, followup */
extern const char *const code_profession[];       /* psychotherapist, clinical_psychologist, ... */
/* The professions of the wider workforce the team trains, consults with and
 * supervises (docs/workforce.md): midwife, health_visitor, ... other. */
extern const char *const code_workforce_profession[];

/* The level of a safeguarding status, lowest first (docs/waiting.md,
 * "Safeguarding first"): none 0, early_help 1, child_in_need 2,
 * child_protection_plan 3, edge_of_care 4, looked_after 5; 0 for "" or an
 * unknown code. A lower level later is a step down (de-escalation). */
int code_safeguarding_level(const char *status);

/* 1 when a family with this status is listed first by `dyad waiting
 * --order safeguarding`: a child protection plan, edge of care or looked
 * after (level 3 or more). */
int code_safeguarding_first(const char *status);

/* Plain-English label for a code ("did_not_attend" -> "did not attend"):
 * the code with underscores as spaces, written into out (size n). */
void code_label(const char *code, char *out, unsigned n);

#endif
