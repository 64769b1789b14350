/* page_appointment.h: the family page's list of booked appointments
 * (page_appointment.c renders it; the family page places it). */
#ifndef DYAD_HTTP_PAGE_APPOINTMENT_H
#define DYAD_HTTP_PAGE_APPOINTMENT_H

#include "http/http.h"
#include "util/buf.h"

/* The family's appointments still booked, from today on, as a section of
 * its page (nothing when there are none). */
int page_family_appointments(struct buf *b, struct http_req *rq, int64_t family_id, struct dy_err *e);

#endif
