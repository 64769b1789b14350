/* Likely duplicate people: the same NHS number; the same folded name and
 * date of birth; names one slip apart (or swapped) with the same postcode
 * and date of birth; each at its boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/duplicate.h"
#include "util/date.h"

static struct person person(int64_t id, const char *given, const char *family, int32_t dob, const char *postcode,
                            const char *nhs)
{
	struct person p;
	memset(&p, 0, sizeof p);
	p.id = id;
	strcpy(p.role, "caregiver");
	strcpy(p.given_name, given);
	strcpy(p.family_name, family);
	p.date_of_birth = dob;
	p.edd = DATE_NONE;
	strcpy(p.postcode, postcode);
	strcpy(p.nhs_number, nhs);
	return p;
}

static void same_nhs_number(void **state)
{
	(void)state;
	struct person a = person(1, "Anna", "Smith", 9000, "NG7 2UH", "9434765919");
	struct person b = person(2, "Jo", "Brown", 9500, "", "9434765919");
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_NHS_NUMBER);
	assert_string_equal(duplicate_reason_code(DUPLICATE_NHS_NUMBER), "same_nhs_number");
	strcpy(b.nhs_number, "9434765870");
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_NONE);
	/* Two people without an NHS number are not alike by it. */
	a.nhs_number[0] = b.nhs_number[0] = '\0';
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_NONE);
	/* A person is never its own duplicate. */
	assert_int_equal(duplicate_check(&a, &a), DUPLICATE_NONE);
}

static void same_name_and_dob(void **state)
{
	(void)state;
	struct person a = person(1, "Zoë", "O'Brien-Núñez", 9000, "NG7 2UH", "");
	struct person b = person(2, "ZOE", "o brien nunez", 9000, "", "");
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_NAME_DOB);
	assert_string_equal(duplicate_reason_code(DUPLICATE_NAME_DOB), "same_name_dob");
	b.date_of_birth = 9001; /* one day apart: not alike */
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_NONE);
	/* No date of birth (an unborn infant): only the NHS number counts. */
	a.date_of_birth = b.date_of_birth = DATE_NONE;
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_NONE);
}

static void similar_name_needs_postcode_and_dob(void **state)
{
	(void)state;
	struct person a = person(1, "Anna", "Ashdown", 9000, "NG7 2UH", "");
	struct person b = person(2, "Anna", "Ashdwn", 9000, "NG7 2UH", ""); /* one letter missing */
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_SIMILAR_NAME);
	assert_string_equal(duplicate_reason_code(DUPLICATE_SIMILAR_NAME), "similar_name_postcode_dob");
	strcpy(b.family_name, "Ahsdown"); /* neighbours swapped */
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_SIMILAR_NAME);
	strcpy(b.family_name, "Ahsdwn"); /* two slips: not alike */
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_NONE);
	strcpy(b.family_name, "Ashdwn");
	strcpy(b.postcode, "NG7 2UJ"); /* another postcode */
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_NONE);
	a.postcode[0] = b.postcode[0] = '\0'; /* no postcode on either */
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_NONE);
	strcpy(a.postcode, "NG7 2UH");
	strcpy(b.postcode, "NG7 2UH");
	b.date_of_birth = 8999; /* another date of birth */
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_NONE);
	/* Given and family names swapped. */
	struct person c = person(3, "Ashdown", "Anna", 9000, "NG7 2UH", "");
	assert_int_equal(duplicate_check(&a, &c), DUPLICATE_SIMILAR_NAME);
	assert_string_equal(duplicate_reason_code(DUPLICATE_NONE), "");
}

static void a_merge_joins_only_strong_matches_of_one_role(void **state)
{
	(void)state;
	struct person a = person(1, "Anna", "Ashdown", 9000, "NG7 2UH", "");
	struct person b = person(2, "anna", "ASHDOWN", 9000, "", "");
	assert_int_equal(duplicate_same_person(&a, &b), 1);
	strcpy(b.role, "infant");
	assert_int_equal(duplicate_same_person(&a, &b), 0);
	strcpy(b.role, "caregiver");
	strcpy(b.family_name, "Ashdwn");
	strcpy(b.postcode, "NG7 2UH");
	assert_int_equal(duplicate_check(&a, &b), DUPLICATE_SIMILAR_NAME);
	assert_int_equal(duplicate_same_person(&a, &b), 0); /* similar is for a person to judge */
	char key[DUPLICATE_KEY_MAX];
	duplicate_name_key(&a, key);
	assert_string_equal(key, "anna ashdown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_nhs_number),
		cmocka_unit_test(same_name_and_dob),
		cmocka_unit_test(similar_name_needs_postcode_and_dob),
		cmocka_unit_test(a_merge_joins_only_strong_matches_of_one_role),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
