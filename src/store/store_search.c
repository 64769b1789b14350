/* store_search.c: SQL of the name index and the search look-ups (see
 * store_search.h).
 *
 * Words are stored as keys: a byte below 0x7F as itself, any other byte as
 * 0x7F and its two hex digits (upper case). A folded word keeps letters
 * outside Latin as UTF-8, and its byte-wise reverse (or a prefix cut inside
 * a character) is no valid UTF-8, which PostgreSQL refuses as text; a key is
 * always ASCII. The keys sort as their words do, byte by byte (0x7F sorts
 * above every byte kept, and the hex digits in byte order), and a word
 * starts with a prefix exactly when its key starts with the prefix's key,
 * so the range scans are unchanged and both stores hold the same rows. */
#include "store/store_search.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_family.h"

#define KEY_MAX (3 * NAME_WORD_MAX)

/* The key of word (NUL-terminated, at most NAME_WORD_MAX - 1 bytes). */
static void word_key(const char *word, char out[KEY_MAX])
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)word; *p && o + 4 <= KEY_MAX; p++) {
		if (*p < 0x7F) {
			out[o++] = (char)*p;
		} else {
			out[o++] = 0x7F;
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
		}
	}
	out[o] = '\0';
}

static int hex_value(char c) { return c <= '9' ? c - '0' : c - 'A' + 10; }

/* The word of key (the inverse of word_key). */
static void key_word(const char *key, char out[NAME_WORD_MAX])
{
	size_t o = 0;
	for (const char *p = key; *p && o + 1 < NAME_WORD_MAX; p++) {
		if (*p == 0x7F && p[1] && p[2]) {
			out[o++] = (char)(hex_value(p[1]) << 4 | hex_value(p[2]));
			p += 2;
		} else {
			out[o++] = *p;
		}
	}
	out[o] = '\0';
}

static int index_word(db_t *db, int64_t person_id, const char *w, struct dy_err *e)
{
	char rev[NAME_WORD_MAX], key[KEY_MAX], rkey[KEY_MAX];
	name_word_reverse(w, rev);
	word_key(w, key);
	word_key(rev, rkey);
	db_stmt_t *s = db_prepare(db, "INSERT INTO name_word (word, rword) VALUES (?, ?) ON CONFLICT DO NOTHING", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, key);
	db_bind_text(s, 2, rkey);
	int rc = db_run(s, e);
	if (rc)
		return rc;
	s = db_prepare(db, "INSERT INTO person_word (word, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, key);
	db_bind_int(s, 2, person_id);
	return db_run(s, e);
}

/* The person's hold on word leaves the index (the word itself stays in
 * name_word: another person may hold it, and a word nobody holds finds
 * nobody). */
static int unindex_word(db_t *db, int64_t person_id, const char *w, struct dy_err *e)
{
	char key[KEY_MAX];
	word_key(w, key);
	db_stmt_t *s = db_prepare(db, "DELETE FROM person_word WHERE word = ? AND person_id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, key);
	db_bind_int(s, 2, person_id);
	return db_run(s, e);
}

/* Calls fn for each word of the given and family names. */
static int each_word(db_t *db, int64_t person_id, const char *given, const char *family,
                     int (*fn)(db_t *, int64_t, const char *, struct dy_err *), struct dy_err *e)
{
	char words[NAME_WORDS_MAX][NAME_WORD_MAX];
	const char *names[] = {given, family};
	for (int k = 0; k < 2; k++) {
		int n = name_words(names[k], words, NAME_WORDS_MAX);
		for (int i = 0; i < n; i++) {
			int rc = fn(db, person_id, words[i], e);
			if (rc)
				return rc;
		}
	}
	return 0;
}

int store_search_index_person(db_t *db, int64_t person_id, const char *given, const char *family, struct dy_err *e)
{
	return each_word(db, person_id, given, family, index_word, e);
}

int store_search_reindex_person(db_t *db, int64_t person_id, const char *old_given, const char *old_family,
                                const char *given, const char *family, struct dy_err *e)
{
	if (strcmp(old_given, given) == 0 && strcmp(old_family, family) == 0)
		return 0;
	int rc = each_word(db, person_id, old_given, old_family, unindex_word, e);
	return rc ? rc : each_word(db, person_id, given, family, index_word, e);
}

/* A chunk of people read before their words are written (no statement is
 * stepped while the index grows). */
#define BACKFILL_CHUNK 512

int store_search_backfill(db_t *db, struct dy_err *e)
{
	struct row {
		int64_t id;
		char given[NAME_BYTES], family[NAME_BYTES];
	} *rows = malloc(BACKFILL_CHUNK * sizeof *rows);
	if (!rows)
		return dy_fail(e, DY_EINTERNAL, NULL, "out of memory");
	int64_t after = 0;
	int rc = 0;
	for (;;) {
		db_stmt_t *s = db_prepare(db, "SELECT id, given_name, family_name FROM person WHERE id > ? ORDER BY id LIMIT 512", e);
		if (!s) {
			rc = DY_ESTORE;
			break;
		}
		db_bind_int(s, 1, after);
		int n = 0, st;
		while (n < BACKFILL_CHUNK && (st = db_step(s, e)) == DB_ROW) {
			rows[n].id = db_col_int(s, 0);
			db_col_copy(s, 1, rows[n].given, sizeof rows[n].given);
			db_col_copy(s, 2, rows[n].family, sizeof rows[n].family);
			n++;
		}
		if (n == BACKFILL_CHUNK)
			st = db_step(s, e); /* finishes the statement */
		if (st < 0) {
			rc = st;
			break;
		}
		for (int i = 0; !rc && i < n; i++)
			rc = store_search_index_person(db, rows[i].id, rows[i].given, rows[i].family, e);
		if (rc || n < BACKFILL_CHUNK)
			break;
		after = rows[n - 1].id;
	}
	free(rows);
	return rc;
}

int store_search_words(db_t *db, const char *prefix, int reverse, store_word_fn fn, void *ctx, struct dy_err *e)
{
	/* [prefix, prefix with its last byte one higher): every word it starts. */
	char hi[NAME_WORD_MAX];
	size_t n = strlen(prefix);
	if (n == 0 || n >= sizeof hi)
		return 0;
	memcpy(hi, prefix, n + 1);
	hi[n - 1] = (char)((unsigned char)hi[n - 1] + 1);
	char lo_key[KEY_MAX], hi_key[KEY_MAX];
	word_key(prefix, lo_key);
	word_key(hi, hi_key);
	db_stmt_t *s = reverse ? db_prepare(db, "SELECT word FROM name_word WHERE rword >= ? AND rword < ?", e)
	                       : db_prepare(db, "SELECT word FROM name_word WHERE word >= ? AND word < ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, lo_key);
	db_bind_text(s, 2, hi_key);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		char w[NAME_WORD_MAX];
		const char *k = db_col_text(s, 0);
		key_word(k ? k : "", w);
		if ((rc = fn(ctx, w)))
			return rc;
	}
	return rc;
}

static int each_id(db_stmt_t *s, store_hit_id_fn fn, void *ctx, struct dy_err *e)
{
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW)
		if ((rc = fn(ctx, db_col_int(s, 0))))
			return rc;
	return rc;
}

int store_search_word_people(db_t *db, const char *word, store_hit_id_fn fn, void *ctx, struct dy_err *e)
{
	char key[KEY_MAX];
	word_key(word, key);
	db_stmt_t *s = db_prepare(db, "SELECT person_id FROM person_word WHERE word = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, key);
	return each_id(s, fn, ctx, e);
}

int store_search_nhs(db_t *db, const char *nhs, store_hit_id_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT id FROM person WHERE nhs_number = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, nhs);
	return each_id(s, fn, ctx, e);
}

int store_search_dob(db_t *db, int32_t dob, store_hit_id_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT id FROM person WHERE date_of_birth = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, dob);
	return each_id(s, fn, ctx, e);
}

int store_search_postcode(db_t *db, const char *postcode, store_hit_id_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT id FROM person WHERE postcode = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, postcode);
	return each_id(s, fn, ctx, e);
}

int store_search_team(db_t *db, int64_t person_id, int64_t *team_id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT f.team_id FROM person p JOIN family f ON f.id = p.family_id"
	                              " WHERE p.id = ? AND " STORE_FAMILY_LIVE("f."), e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, person_id);
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	*team_id = rc == DB_ROW ? db_col_int(s, 0) : 0;
	if (rc == DB_ROW)
		db_step(s, e);
	return 0;
}

int store_search_hit(db_t *db, int64_t person_id, struct search_hit *h, struct dy_err *e)
{
	memset(h, 0, sizeof *h);
	int rc = store_person_get(db, person_id, &h->p, e);
	if (rc)
		return rc;
	db_stmt_t *s = db_prepare(db,
	                          "SELECT f.team_id, e.id, e.state FROM family f LEFT JOIN episode e ON e.id ="
	                          " (SELECT id FROM episode WHERE family_id = f.id ORDER BY received_on DESC, id DESC LIMIT 1)"
	                          " WHERE f.id = ?",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, h->p.family_id);
	rc = db_step(s, e);
	if (rc < 0)
		return rc;
	if (rc == DB_ROW) {
		h->team_id = db_col_int(s, 0);
		h->episode_id = db_col_int(s, 1);
		db_col_copy(s, 2, h->state, sizeof h->state);
		db_step(s, e);
	}
	return 0;
}
