/* page_correction.h: the web pages of corrections with history shared
 * between their files (page_correction.c, page_correction_family.c). */
#ifndef DYAD_HTTP_PAGE_CORRECTION_H
#define DYAD_HTTP_PAGE_CORRECTION_H

#include "http/page.h"

/* The history of every correction of family id's records (people,
 * referrals, contacts, measures, safeguarding periods), oldest first, each
 * with a form to undo it; fe the errors of an undo refused (NULL: none). */
int page_family_history(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe);

#endif
