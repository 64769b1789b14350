/* duplicate.c: likely duplicate people (see duplicate.h). */
#include "core/duplicate.h"

#include <string.h>

#include "core/name_key.h"
#include "util/date.h"

/* Appends name's folded words to out (used bytes *len), space separated. */
static void append_words(const char *name, char *out, size_t *len)
{
	char words[NAME_WORDS_MAX][NAME_WORD_MAX];
	int n = name_words(name, words, NAME_WORDS_MAX);
	for (int i = 0; i < n; i++) {
		size_t w = strlen(words[i]);
		if (*len + w + 2 > DUPLICATE_KEY_MAX)
			return;
		if (*len)
			out[(*len)++] = ' ';
		memcpy(out + *len, words[i], w);
		*len += w;
		out[*len] = '\0';
	}
}

void duplicate_name_key(const struct person *p, char *out)
{
	size_t len = 0;
	out[0] = '\0';
	append_words(p->given_name, out, &len);
	append_words(p->family_name, out, &len);
}

void duplicate_keys(const struct person *p, struct duplicate_keys *k)
{
	duplicate_name_key(p, k->name);
	size_t len = 0; /* the names swapped: "Smith Anna" for "Anna Smith" */
	k->swapped[0] = '\0';
	append_words(p->family_name, k->swapped, &len);
	append_words(p->given_name, k->swapped, &len);
}

enum duplicate_reason duplicate_check_subject(const struct duplicate_subject *a, const struct duplicate_subject *b)
{
	if (a->id && a->id == b->id)
		return DUPLICATE_NONE;
	if (a->nhs_number[0] && strcmp(a->nhs_number, b->nhs_number) == 0)
		return DUPLICATE_NHS_NUMBER;
	if (a->date_of_birth == DATE_NONE || a->date_of_birth != b->date_of_birth || !a->name[0] || !b->name[0])
		return DUPLICATE_NONE;
	if (strcmp(a->name, b->name) == 0)
		return DUPLICATE_NAME_DOB;
	if (!a->postcode[0] || strcmp(a->postcode, b->postcode) != 0)
		return DUPLICATE_NONE;
	return name_one_slip(a->name, b->name) || strcmp(a->name, b->swapped) == 0 ? DUPLICATE_SIMILAR_NAME
	                                                                           : DUPLICATE_NONE;
}

enum duplicate_reason duplicate_check_keyed(const struct person *a, const struct duplicate_keys *ka,
                                            const struct person *b, const struct duplicate_keys *kb)
{
	struct duplicate_subject x = {a->id, a->date_of_birth, a->nhs_number, a->postcode, ka->name, ka->swapped};
	struct duplicate_subject y = {b->id, b->date_of_birth, b->nhs_number, b->postcode, kb->name, kb->swapped};
	return duplicate_check_subject(&x, &y);
}

enum duplicate_reason duplicate_check(const struct person *a, const struct person *b)
{
	struct duplicate_keys ka, kb;
	duplicate_keys(a, &ka);
	duplicate_keys(b, &kb);
	return duplicate_check_keyed(a, &ka, b, &kb);
}

const char *duplicate_reason_code(enum duplicate_reason r)
{
	switch (r) {
	case DUPLICATE_NHS_NUMBER:
		return "same_nhs_number";
	case DUPLICATE_NAME_DOB:
		return "same_name_dob";
	case DUPLICATE_SIMILAR_NAME:
		return "similar_name_postcode_dob";
	case DUPLICATE_NONE:
		break;
	}
	return "";
}

int duplicate_same_person(const struct person *a, const struct person *b)
{
	if (strcmp(a->role, b->role) != 0)
		return 0;
	enum duplicate_reason r = duplicate_check(a, b);
	return r == DUPLICATE_NHS_NUMBER || r == DUPLICATE_NAME_DOB;
}
