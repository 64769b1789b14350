/* appfix.h: the small team most app/ tests start from: one family with a
 * mother and an infant, and one referral, on a fresh database; the tests
 * ask for the further people they need. Include after cmocka.h's
 * prerequisites and cmocka.h itself. */
#ifndef DYAD_APPFIX_H
#define DYAD_APPFIX_H

#include <stdint.h>

#include "app/app.h"
#include "store/db.h"

struct app_fixture {
	struct app a;
	char path[700];  /* the database's URL, for reopening it */
	int64_t family, mum, dad, baby, twin, referral, practitioner; /* 0 when not asked for */
};

/* What appfix_open adds to the family beyond mother and infant. */
enum {
	APPFIX_DAD = 1,          /* a father, Al Ex */
	APPFIX_PRETERM = 2,      /* the infant (and twin) born at 34 weeks */
	APPFIX_TWIN = 4,         /* a twin, Cy Ex */
	APPFIX_PRACTITIONER = 8, /* a practitioner, Pat, psychotherapist */
	APPFIX_NHS_NUMBER = 16   /* the mother's NHS number 9434765919 */
};

/* Opens a fresh database (tu_db_url(name)) as user "tester" on 2026-06-01,
 * team "t", with one family: the mother Ann Ex (born 1996-01-01), the
 * infant Bo Ex (born 2026-02-01), what `with` adds, and a referral of the
 * infant and mother received 2026-03-01 from a health visitor. Fails the
 * test on any error. */
void appfix_open(struct app_fixture *f, const char *name, unsigned with);

/* The single integer sql (a COUNT, say) answers on db; fails the test
 * when it answers no row. */
int64_t appfix_count(db_t *db, const char *sql);

#endif
