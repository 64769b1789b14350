/* store_scope.h: which family (and so which team) a record belongs to, for
 * app/'s scope checks. */
#ifndef DYAD_STORE_SCOPE_H
#define DYAD_STORE_SCOPE_H

#include <stdint.h>

#include "store/db.h"

enum scope_kind { SCOPE_OF_FAMILY, SCOPE_OF_EPISODE, SCOPE_OF_PERSON, SCOPE_OF_MEASURE, SCOPE_OF_GOAL, SCOPE_OF_NOTE,
                 SCOPE_OF_APPOINTMENT };

/* The family and team of record id of the given kind; DY_ENOTFOUND when
 * there is no such record. */
int store_scope_of(db_t *db, enum scope_kind kind, int64_t id, int64_t *family_id, int64_t *team_id,
                   struct dy_err *e);

#endif
