/* name_key.h: names as a search matches them, once: each name split into
 * words and folded (lower case, accents taken off Latin letters, so
 * "Zoë O'Brien-Núñez" is the words zoe, o, brien, nunez), and whether two
 * folded words are one typing slip apart (one letter wrong, missing, extra,
 * or two neighbours swapped). The search index (store/store_search.c) and
 * the query (app/app_search.c) both use these, so they agree. Pure. */
#ifndef DYAD_CORE_NAME_KEY_H
#define DYAD_CORE_NAME_KEY_H

#include <stddef.h>

#define NAME_WORD_MAX 64  /* bytes of one folded word, with its NUL (longer words are cut) */
#define NAME_WORDS_MAX 8  /* words kept from one name */

/* Splits name into folded words (at most max, each NAME_WORD_MAX bytes);
 * returns how many. Letters and digits make words; anything else
 * separates them. Letters outside Latin are kept as they are. */
int name_words(const char *name, char (*words)[NAME_WORD_MAX], int max);

/* 1 when folded words a and b are equal or one slip apart (Damerau-
 * Levenshtein distance 1, counted in bytes), else 0. */
int name_one_slip(const char *a, const char *b);

/* Writes word's bytes in reverse order into out (NAME_WORD_MAX bytes). */
void name_word_reverse(const char *word, char *out);

#endif
