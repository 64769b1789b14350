/* schema.h: the SQL of each migration, in order (schema.c). */
#ifndef DYAD_STORE_SCHEMA_H
#define DYAD_STORE_SCHEMA_H

struct migration {
	int version;
	const char *name;
	const char *sql;
};

/* The web application's tables (schema_web.c). */
extern const char schema_v5_web[];

extern const struct migration schema_migrations[];
extern const int schema_migration_count;

#endif
