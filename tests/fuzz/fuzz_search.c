/* Fuzz target: any bytes as the text of a search (`dyad find`, the search
 * box, GET /api/v1/search): folded into name words, each pair of words
 * checked for a slip, then searched for in a small database of people.
 * Must never crash, leak, overrun or fail with anything but a refusal. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_family.h"
#include "app/app_search.h"
#include "core/name_key.h"
#include "util/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int ignore(void *ctx, const struct search_hit *h, enum find_match m)
{
	(void)ctx;
	(void)h;
	(void)m;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct app a;
	static int opened;
	struct dy_err e;
	if (!opened) {
		int created;
		int64_t fam;
		if (app_open(&a, ":memory:", "fuzz", &e) || app_init(&a, "t", "Team", &created, &e) ||
		    app_family_add(&a, &fam, &e))
			abort();
		struct person p = {.family_id = fam, .role = "caregiver", .relationship = "mother", .given_name = "Zoë",
		                   .family_name = "Núñez-O'Brien", .date_of_birth = 9000, .edd = DATE_NONE};
		if (app_person_add(&a, &p, &e))
			abort();
		opened = 1;
	}
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	char w[NAME_WORDS_MAX][NAME_WORD_MAX];
	int n = name_words(text, w, NAME_WORDS_MAX);
	for (int i = 0; i + 1 < n; i++)
		name_one_slip(w[i], w[i + 1]);
	int64_t total;
	int rc = app_find(&a, text, 10, 0, ignore, NULL, &total, &e);
	if (rc && rc != DY_EINVAL)
		abort();
	free(text);
	return 0;
}
