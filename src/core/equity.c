/* equity.c: the groups of the equity report (equity.h). */
#include "core/equity.h"

#include <string.h>

const char *const equity_decile_name[EQUITY_DECILES] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "unknown"};
const char *const equity_quintile_name[EQUITY_QUINTILES] = {"1", "2", "3", "4", "5", "unknown"};
const char *const equity_ethnic_name[EQUITY_ETHNIC] = {"white", "mixed", "asian_or_asian_british",
                                                       "black_or_black_british", "other_ethnic_group",
                                                       "not_stated", "not_recorded"};
const char *const equity_relation_name[EQUITY_RELATION] = {"mothers", "fathers", "other_carers", "not_recorded"};

int equity_decile_index(int d)
{
	return d >= 1 && d <= 10 ? d - 1 : 10;
}

int equity_quintile_index(int d)
{
	return d >= 1 && d <= 10 ? (d - 1) / 2 : 5;
}

int equity_ethnic_index(const char *letter)
{
	if (!letter || strlen(letter) != 1)
		return 6;
	switch (letter[0]) {
	case 'A': case 'B': case 'C': return 0;
	case 'D': case 'E': case 'F': case 'G': return 1;
	case 'H': case 'J': case 'K': case 'L': return 2;
	case 'M': case 'N': case 'P': return 3;
	case 'R': case 'S': return 4;
	case 'Z': return 5;
	default: return 6;
	}
}

int equity_relation_index(const char *relationship)
{
	if (!relationship || !relationship[0])
		return 3;
	if (strcmp(relationship, "mother") == 0)
		return 0;
	if (strcmp(relationship, "father") == 0)
		return 1;
	return 2;
}

void equity_add(struct equity_counts *a, const struct equity_counts *b)
{
	a->referrals += b->referrals;
	a->decided += b->decided;
	a->accepted += b->accepted;
	a->eligible += b->eligible;
	a->complete += b->complete;
	a->pairs += b->pairs;
	a->reliable += b->reliable;
}
