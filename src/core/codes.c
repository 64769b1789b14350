/* codes.c: the code lists. Changing a list changes the CSV contract: update
 * docs/csv.md in the same commit. */
#include "core/codes.h"

#include <string.h>

const char *const code_role[] = {"caregiver", "infant", 0};
const char *const code_relationship[] = {"mother", "father", "partner", "grandparent", "foster_carer",
                                         "kinship_carer", "adoptive_parent", "other", 0};
const char *const code_sex[] = {"female", "male", "indeterminate", "unknown", 0};
/* NHS Data Dictionary "Ethnic Category" (2001 census) letters; Z = not stated. */
const char *const code_ethnicity[] = {"A", "B", "C", "D", "E", "F", "G", "H", "J", "K",
                                      "L", "M", "N", "P", "R", "S", "Z", 0};
const char *const code_ethnicity_label[] = {
	"White British", "White Irish", "Any other White background", "White and Black Caribbean",
	"White and Black African", "White and Asian", "Any other mixed background", "Indian",
	"Pakistani", "Bangladeshi", "Any other Asian background", "Caribbean", "African",
	"Any other Black background", "Chinese", "Any other ethnic group", "Not stated", 0};
const char *const code_source[] = {"midwife", "health_visitor", "gp", "social_care",
                                   "perinatal_mental_health", "family_nurse", "childrens_centre",
                                   "self", "other", 0};
const char *const code_decision[] = {"accepted", "declined", "signposted", "pending", 0};
const char *const code_contact_kind[] = {"assessment", "intervention", "review", "group",
                                         "consultation", "other", 0};
const char *const code_location[] = {"home", "clinic", "gp", "childrens_centre", "video", "phone", 0};
const char *const code_attendance[] = {"attended", "did_not_attend", "cancelled_by_family",
                                       "cancelled_by_service", 0};
/* edge_of_care (at risk of entering care) is listed last so that stored
 * positions of the others never change; its level is code_safeguarding_level. */
const char *const code_safeguarding[] = {"none", "early_help", "child_in_need",
                                         "child_protection_plan", "looked_after", "edge_of_care", 0};
const char *const code_discharge_reason[] = {"planned_ending", "disengaged", "moved_away",
                                             "transferred", "other", "signposted", "bereavement", 0};
const char *const code_care_status[] = {"with_birth_family", "reunited", "in_care", "adopted",
                                        "other", "died", 0};
const char *const code_loss[] = {"pregnancy_loss", "stillbirth", "infant_death", 0};
const char *const code_timepoint[] = {"baseline", "review", "end", "followup", 0};
const char *const code_profession[] = {"psychotherapist", "clinical_psychologist",
                                       "specialist_health_visitor", "health_visitor", "nurse", "midwife",
                                       "nursery_nurse", "social_worker", "family_therapist", "admin", "other", 0};
const char *const code_workforce_profession[] = {"midwife", "health_visitor", "family_nurse", "nurse",
                                                 "social_worker", "gp", "perinatal_mental_health",
                                                 "early_years", "childrens_centre", "psychologist", "other", 0};

int code_safeguarding_level(const char *status)
{
	static const char *const order[] = {"none", "early_help", "child_in_need", "child_protection_plan",
	                                    "edge_of_care", "looked_after", 0};
	for (int i = 0; status && order[i]; i++)
		if (strcmp(order[i], status) == 0)
			return i;
	return 0;
}

int code_safeguarding_first(const char *status)
{
	return code_safeguarding_level(status) >= 3;
}

void code_label(const char *code, char *out, unsigned n)
{
	unsigned i = 0;
	if (!n)
		return;
	for (; code && code[i] && i + 1 < n; i++)
		out[i] = code[i] == '_' ? ' ' : code[i];
	out[i] = '\0';
}
