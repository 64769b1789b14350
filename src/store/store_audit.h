/* store_audit.h: the audit log: who did what to which record, when. Written
 * only by app/, once per user action. Details never hold identifiable values. */
#ifndef DYAD_STORE_AUDIT_H
#define DYAD_STORE_AUDIT_H

#include <stdint.h>

#include "store/db.h"

/* Appends one entry stamped with the current UTC time. */
int store_audit_add(db_t *db, const char *actor, const char *action, const char *entity, int64_t entity_id,
                    const char *detail, struct dy_err *e);

#endif
