/* store_search.h: SQL for finding a family (issue 12): the index of name
 * words (name_word: each distinct folded word with its reverse, for prefix
 * and suffix range scans; person_word: which person holds which word), kept
 * by store_person_insert, and the look-ups by word, NHS number, date of
 * birth and postcode. Matching rules are core/name_key.h's; app/app_search.c
 * combines the look-ups and checks scope. */
#ifndef DYAD_STORE_SEARCH_H
#define DYAD_STORE_SEARCH_H

#include <stdint.h>

#include "core/name_key.h"
#include "core/record.h"
#include "store/db.h"

/* Indexes the words of a person's given and family names. */
int store_search_index_person(db_t *db, int64_t person_id, const char *given, const char *family, struct dy_err *e);

/* Replaces a person's name words after a correction of their names: the
 * words of the old names leave the index, those of the new ones enter it
 * (nothing when the names are unchanged). */
int store_search_reindex_person(db_t *db, int64_t person_id, const char *old_given, const char *old_family,
                                const char *given, const char *family, struct dy_err *e);

/* Fills the index for every person (migration 12's backfill). */
int store_search_backfill(db_t *db, struct dy_err *e);

typedef int (*store_word_fn)(void *ctx, const char *word);
typedef int (*store_hit_id_fn)(void *ctx, int64_t person_id);

/* Calls fn for each indexed word starting with prefix (reverse set: each
 * word whose reverse starts with prefix, handing the word itself). */
int store_search_words(db_t *db, const char *prefix, int reverse, store_word_fn fn, void *ctx, struct dy_err *e);

/* Calls fn for each person holding word. */
int store_search_word_people(db_t *db, const char *word, store_hit_id_fn fn, void *ctx, struct dy_err *e);

/* Calls fn for each person with this NHS number (10 digits), date of birth,
 * or postcode (normal form "NG7 2UH"). */
int store_search_nhs(db_t *db, const char *nhs, store_hit_id_fn fn, void *ctx, struct dy_err *e);
int store_search_dob(db_t *db, int32_t dob, store_hit_id_fn fn, void *ctx, struct dy_err *e);
int store_search_postcode(db_t *db, const char *postcode, store_hit_id_fn fn, void *ctx, struct dy_err *e);

/* What a search shows of one person. */
struct search_hit {
	struct person p;
	int64_t team_id;
	int64_t episode_id;  /* the family's latest referral, 0 none */
	char state[32];      /* its state code, "" none */
};

/* Loads the hit for person_id; DY_ENOTFOUND when absent. */
int store_search_hit(db_t *db, int64_t person_id, struct search_hit *h, struct dy_err *e);

/* The team of person_id's family into *team_id (0 when absent, or when the
 * family has been merged into another: its tombstone is never found). */
int store_search_team(db_t *db, int64_t person_id, int64_t *team_id, struct dy_err *e);

#endif
