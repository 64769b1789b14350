/* family_copy.h: the family page's way to the family's own copy
 * (family_copy.c; docs/subject-access.md). */
#ifndef DYAD_HTTP_FAMILY_COPY_H
#define DYAD_HTTP_FAMILY_COPY_H

#include "app/app.h"
#include "util/buf.h"

/* Appends the "A copy for the family" section with its download link to b
 * when a's user may make the copy (a role that sees notes); nothing
 * otherwise. 0, or DY_EINVAL when b is full. */
int page_family_copy_link(struct buf *b, struct app *a, int64_t family_id, struct dy_err *e);

#endif
