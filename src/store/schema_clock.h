/* schema_clock.h: the waiting clocks' SQL, one definition for the
 * migrations that make the clock triggers (schema.c's version 15,
 * schema_v21.c) and the recompute after a bulk load (schema_v27.c).
 * Private to store/'s schema files.
 *
 * The *_AS forms take `live`, the condition a contact must meet besides
 * (version 15: none, ""; since version 21, CLOCK_LIVE: not entered in
 * error); CLOCK_ASS, CLOCK_IV_FROM and CLOCK_SET are the current rule. */
#ifndef DYAD_STORE_SCHEMA_CLOCK_H
#define DYAD_STORE_SCHEMA_CLOCK_H

#define CLOCK_ASS_AS(ep, live)                                                                                      \
	"(SELECT MIN(c.date) FROM contact c WHERE c.episode_id = " ep ".id AND c.kind = 'assessment'"                  \
	" AND c.attendance = 'attended' AND c.date >= " ep ".received_on" live                                         \
	" AND (" ep ".discharged_on IS NULL OR c.date <= " ep ".discharged_on))"
#define CLOCK_IV_FROM_AS(ep, from, extra, live)                                                                     \
	"(SELECT MIN(c.date) FROM contact c WHERE c.episode_id = " ep ".id AND c.kind IN ('intervention','group')"     \
	" AND c.attendance = 'attended' AND c.date >= " from live                                                      \
	" AND (" ep ".discharged_on IS NULL OR c.date <= " ep ".discharged_on)" extra ")"
#define CLOCK_SET_AS(live)                                                                                          \
	"UPDATE episode SET clock_assessed = " CLOCK_ASS_AS("episode", live) ","                                       \
	" clock_intervention = " CLOCK_IV_FROM_AS("episode", CLOCK_ASS_AS("episode", live), "", live) ","             \
	" clock_direct = " CLOCK_IV_FROM_AS("episode", "episode.received_on",                                         \
	                                    " AND c.date < COALESCE(" CLOCK_ASS_AS("episode", live) ", '9999-12-31')", \
	                                    live)

/* Since version 21: contacts entered in error stop no clock. */
#define CLOCK_LIVE " AND c.error_at IS NULL"
#define CLOCK_ASS(ep) CLOCK_ASS_AS(ep, CLOCK_LIVE)
#define CLOCK_IV_FROM(ep, from, extra) CLOCK_IV_FROM_AS(ep, from, extra, CLOCK_LIVE)
#define CLOCK_SET CLOCK_SET_AS(CLOCK_LIVE)

#define CLOCK_STOPS(r) r ".attendance = 'attended' AND " r ".kind IN ('assessment','intervention','group')"
#define CLOCK_IN_EPISODE "NEW.date >= received_on AND (discharged_on IS NULL OR NEW.date <= discharged_on)"
#define CLOCK_NEW_IV_FIRST                                                                                          \
	"clock_assessed IS NOT NULL AND NEW.date >= clock_assessed AND (clock_intervention IS NULL"                    \
	" OR NEW.date < clock_intervention)"
#define CLOCK_NEW_DIRECT_FIRST                                                                                      \
	"(clock_assessed IS NULL OR NEW.date < clock_assessed) AND (clock_direct IS NULL OR NEW.date < clock_direct)"

#endif
