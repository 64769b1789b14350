/* auth.h: who is asking: the session cookie (pages), a bearer token (API
 * scripts) or nobody; and the CSRF token every state-changing form carries.
 *
 * The CSRF token is a keyed BLAKE2b of the session token (or, before sign
 * in, of a random anonymous cookie), so it is never stored and cannot be
 * made without the cookie the browser holds. */
#ifndef DYAD_HTTP_AUTH_H
#define DYAD_HTTP_AUTH_H

#include "http/frame.h"

/* Fills f->req.user / csrf / session_id from the request's cookie or bearer
 * token (an unknown or expired one is simply nobody). Returns 0, or an
 * error code when the database fails. */
int auth_identify(struct frame_req *f, struct app *app);

/* 1 when the request carries the right CSRF token: the form field "csrf",
 * or the X-CSRF-Token header for API calls made with the session cookie;
 * bearer-token calls need none. */
int auth_csrf_ok(const struct frame_req *f);

#endif
