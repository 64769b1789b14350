/* schema_clock.h: the waiting clocks' SQL (migration 15, contacts
 * entered in error left out since migration 21), shared by the migrations
 * that make the clock triggers (schema_v21.c) and the recompute after a
 * bulk load (schema_v27.c). Private to store/'s schema files. */
#ifndef DYAD_STORE_SCHEMA_CLOCK_H
#define DYAD_STORE_SCHEMA_CLOCK_H

/* The version 15 clock expressions with contacts entered in error left out. */
#define LIVE(c) " AND " c ".error_at IS NULL"
#define CLOCK_ASS(ep)                                                                                               \
	"(SELECT MIN(c.date) FROM contact c WHERE c.episode_id = " ep ".id AND c.kind = 'assessment'"                  \
	" AND c.attendance = 'attended' AND c.date >= " ep ".received_on" LIVE("c")                                    \
	" AND (" ep ".discharged_on IS NULL OR c.date <= " ep ".discharged_on))"
#define CLOCK_IV_FROM(ep, from, extra)                                                                              \
	"(SELECT MIN(c.date) FROM contact c WHERE c.episode_id = " ep ".id AND c.kind IN ('intervention','group')"     \
	" AND c.attendance = 'attended' AND c.date >= " from LIVE("c")                                                 \
	" AND (" ep ".discharged_on IS NULL OR c.date <= " ep ".discharged_on)" extra ")"
#define CLOCK_SET                                                                                                   \
	"UPDATE episode SET clock_assessed = " CLOCK_ASS("episode") ","                                                \
	" clock_intervention = " CLOCK_IV_FROM("episode", CLOCK_ASS("episode"), "") ","                               \
	" clock_direct = " CLOCK_IV_FROM("episode", "episode.received_on",                                            \
	                                 " AND c.date < COALESCE(" CLOCK_ASS("episode") ", '9999-12-31')")
#define CLOCK_STOPS(r) r ".attendance = 'attended' AND " r ".kind IN ('assessment','intervention','group')"
#define CLOCK_IN_EPISODE "NEW.date >= received_on AND (discharged_on IS NULL OR NEW.date <= discharged_on)"
#define CLOCK_NEW_IV_FIRST                                                                                          \
	"clock_assessed IS NOT NULL AND NEW.date >= clock_assessed AND (clock_intervention IS NULL"                    \
	" OR NEW.date < clock_intervention)"
#define CLOCK_NEW_DIRECT_FIRST                                                                                      \
	"(clock_assessed IS NULL OR NEW.date < clock_assessed) AND (clock_direct IS NULL OR NEW.date < clock_direct)"

#endif
