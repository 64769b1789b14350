/* page_merge.h: the page of a family merged into another (page_merge.c),
 * shown by the family page in its place. */
#ifndef DYAD_HTTP_PAGE_MERGE_H
#define DYAD_HTTP_PAGE_MERGE_H

#include "http/http.h"

/* Answers GET /families/{id} for family id, merged into family into: a
 * short page saying so, linking to it. Returns 0 or an error. */
int page_merged_family(struct http_req *rq, struct http_resp *rs, int64_t id, int64_t into);

#endif
