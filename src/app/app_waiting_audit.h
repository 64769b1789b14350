/* app_waiting_audit.h: the waiting list names the babies waiting, so a
 * list shown is a look at each of their families: this logs the rows a
 * caller is about to show. */
#ifndef DYAD_APP_WAITING_AUDIT_H
#define DYAD_APP_WAITING_AUDIT_H

#include "app/app_pathway.h"

/* Logs that the acting user was shown rows [from, from + n) of l (cut to
 * the list's end): one 'list' entry for each family among them, once each,
 * all in one audit write, committed before it returns. A caller shows
 * those rows only when it returns 0. */
int app_waiting_shown(struct app *a, const struct waiting_list *l, size_t from, size_t n, struct dy_err *e);

#endif
