/* app_waiting_audit.c: one audit write for the families a page of the
 * waiting list names (each family once, however many of its clocks wait). */
#include "app/app_waiting_audit.h"

#include <stdlib.h>

#include "app/app_audit.h"

static int by_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

int app_waiting_shown(struct app *a, const struct waiting_list *l, size_t from, size_t n, struct dy_err *e)
{
	if (from >= l->n || n == 0)
		return 0;
	if (n > l->n - from)
		n = l->n - from;
	int64_t *ids = xcalloc(n, sizeof *ids);
	size_t k = 0;
	for (size_t i = from; i < from + n; i++)
		if (l->rows[i].family_id)
			ids[k++] = l->rows[i].family_id;
	if (k > 1)
		qsort(ids, k, sizeof *ids, by_id);
	size_t u = 0;
	for (size_t i = 0; i < k; i++)
		if (!u || ids[u - 1] != ids[i])
			ids[u++] = ids[i];
	int rc = app_audit_list(a, "family", ids, (int)u, e);
	free(ids);
	return rc;
}
