/* group.h: the rules of group programmes, once. A run of a group
 * intervention (one of the catalogue's `mode = group`) has a start date, a
 * number of sessions (the catalogue's planned_sessions unless set), a
 * venue, a place code, a capacity and one to GROUP_MAX_FACILITATORS
 * facilitators. Sessions are numbered 1..sessions, dated on or after the
 * start and not in the future. A caregiver completes the run when the
 * sessions attended meet the catalogue's completion rule
 * (intervention_completed). Pure. */
#ifndef DYAD_CORE_GROUP_H
#define DYAD_CORE_GROUP_H

#include <stdint.h>

#include "core/intervention.h"
#include "util/err.h"

#define GROUP_MAX_FACILITATORS 4
#define GROUP_VENUE_MAX 120
#define GROUP_MAX_SESSIONS 100
#define GROUP_MAX_CAPACITY 100

/* A new run: def from the catalogue (NULL: DY_EINVAL "intervention"; not a
 * group intervention: DY_EINVAL "intervention"); *sessions 0 takes
 * def->planned_sessions, then 1..GROUP_MAX_SESSIONS ("sessions"); capacity
 * 1..GROUP_MAX_CAPACITY ("capacity"); starts_on given ("starts"); venue
 * 1..GROUP_VENUE_MAX bytes ("venue"); location a contact place code
 * ("location"); 1..GROUP_MAX_FACILITATORS facilitators, none twice
 * ("facilitators"). */
int group_check_run(const struct intervention_def *def, int *sessions, int capacity, int32_t starts_on,
                    const char *venue, const char *location, const int64_t *facilitators, int n_facilitators,
                    struct dy_err *e);

/* A session: number 1..sessions ("number"); date on or after the run's
 * start and not after today ("date"). */
int group_check_session(int number, int sessions, int32_t date, int32_t starts_on, int32_t today, struct dy_err *e);

/* 0 when the run has room for one more (enrolled < capacity), else
 * DY_ECONFLICT naming "run" and pointing to the waiting list. */
int group_check_room(int enrolled, int capacity, struct dy_err *e);

#endif
