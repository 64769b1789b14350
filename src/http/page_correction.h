/* page_correction.h: the web pages of corrections with history shared
 * between their files (page_correction.c, page_correction_family.c). */
#ifndef DYAD_HTTP_PAGE_CORRECTION_H
#define DYAD_HTTP_PAGE_CORRECTION_H

#include "http/page.h"
#include "store/store_correction.h"
#include "util/buf.h"

/* Appends to b one correction's table row: when, (with_record: which
 * record), field, earlier and new value, who and why, and a form to undo
 * it (POST /corrections/{id}/revert). */
int page_correction_row(struct buf *b, const struct http_req *rq, const struct correction *c, int with_record,
                        struct dy_err *e);

/* The history of every correction of family id's records (people,
 * referrals, contacts, measures, safeguarding periods), oldest first, each
 * with a form to undo it; fe the errors of an undo refused (NULL: none). */
int page_family_history(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe);

#endif
