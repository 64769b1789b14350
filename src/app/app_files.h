/* app_files.h: reading the files a service keeps beside dyad (instrument
 * definitions, their licensed tables and text packs, eligibility rules) and
 * handing their bytes to core/'s parsers. The only file reading of those
 * kinds: core/ itself does no I/O. */
#ifndef DYAD_APP_FILES_H
#define DYAD_APP_FILES_H

#include "core/eligibility.h"
#include "core/instrument.h"
#include "core/intervention.h"
#include "core/retention.h"

/* Reads and parses one definition file (at most INSTR_DEF_MAX_BYTES); same
 * result as instrument_parse. */
int instrument_load_file(const char *path, struct instrument **out, struct dy_err *e);

/* Loads every `*.json` in dir into set, in name order. The file name must
 * be `<id>.json`. On the first bad file returns DY_EINVAL (or DY_ENOTFOUND
 * when dir cannot be opened) with e naming the file, field and reason; set
 * is then left empty. */
int instrument_set_load_dir(struct instrument_set *set, const char *dir, struct dy_err *e);

/* Reads a local table file and parses it (instrument_parse_table). */
int instrument_load_table(struct instrument *in, const char *table, const char *path, struct dy_err *e);

/* Reads a text pack file and attaches it (instrument_parse_text). */
int instrument_load_text(struct instrument_set *set, const char *path, struct dy_err *e);

/* Reads the rules file at path (at most ELIGIBILITY_MAX_BYTES) and parses it
 * like eligibility_parse; e->where becomes "PATH line N". Returns 0,
 * DY_ENOTFOUND when the file cannot be read, or DY_EINVAL. */
int eligibility_load_file(const char *path, struct eligibility_config *out, struct dy_err *e);

/* Reads the intervention catalogue at path (at most INTERVENTION_MAX_BYTES)
 * and parses it like intervention_parse; e->where becomes "PATH line N".
 * Returns 0, DY_ENOTFOUND when the file cannot be read, or DY_EINVAL. */
int intervention_load_file(const char *path, struct intervention_catalogue *out, struct dy_err *e);

/* Reads the retention rules at path (at most RETENTION_MAX_BYTES) and
 * parses them like retention_parse; e->where becomes "PATH line N". Returns
 * 0, DY_ENOTFOUND when the file cannot be read, or DY_EINVAL. */
int retention_load_file(const char *path, struct retention_rules *out, struct dy_err *e);

/* The catalogue file used when none is named: $DYAD_INTERVENTIONS when set
 * and not empty, else the source tree's config/interventions.ini. */
const char *intervention_default_path(void);

#endif
