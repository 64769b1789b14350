/* name_key.c: folding names into search words (see name_key.h). */
#include "core/name_key.h"

#include <string.h>

/* The plain letter of a Latin-1 / Latin Extended-A letter U+00C0..U+017F, or
 * 0 when it has none (lower case). */
static char plain_latin(unsigned cp)
{
	static const char l1[] = /* U+00C0 .. U+00FF */
		"aaaaaaaceeeeiiii" "dnooooo ouuuuyts" "aaaaaaaceeeeiiii" "dnooooo ouuuuyty";
	static const char ext[] = /* U+0100 .. U+017F */
		"aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "iiiijjkkklllllll"
		"lllnnnnnnnnnoooo" "oooorrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";
	char c = 0;
	if (cp >= 0xC0 && cp <= 0xFF)
		c = l1[cp - 0xC0];
	else if (cp >= 0x100 && cp <= 0x17F)
		c = ext[cp - 0x100];
	return c == ' ' ? 0 : c;
}

int name_words(const char *name, char (*words)[NAME_WORD_MAX], int max)
{
	int n = 0;
	size_t len = 0;
	const unsigned char *s = (const unsigned char *)name;
	while (*s) {
		unsigned cp = *s;
		int k = 1;
		if (cp >= 0xC0 && (s[1] & 0xC0) == 0x80) {
			if (cp < 0xE0) {
				cp = ((cp & 0x1F) << 6) | (s[1] & 0x3F);
				k = 2;
			} else {
				/* Three- and four-byte characters: kept whole, as a letter. */
				k = cp < 0xF0 ? 3 : 4;
				for (int i = 1; i < k; i++)
					if ((s[i] & 0xC0) != 0x80)
						k = 1;
			}
		}
		char plain = 0;
		int letter = 0;
		if (cp < 0x80) {
			plain = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
			letter = (plain >= 'a' && plain <= 'z') || (plain >= '0' && plain <= '9');
		} else if (k == 2) {
			plain = plain_latin(cp);
			letter = plain != 0 || cp >= 0x180;
		} else {
			letter = k > 1;
		}
		if (!letter) {
			if (len && n < max)
				n++;
			len = 0;
		} else if (n < max) {
			const char *add = plain ? &plain : (const char *)s;
			size_t m = plain ? 1 : (size_t)k;
			if (len + m < NAME_WORD_MAX) {
				memcpy(words[n] + len, add, m);
				len += m;
				words[n][len] = '\0';
			}
		}
		s += k;
	}
	if (len && n < max)
		n++;
	return n;
}

int name_one_slip(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > lb + 1 || lb > la + 1)
		return 0;
	size_t i = 0;
	while (i < la && i < lb && a[i] == b[i])
		i++;
	if (i == la && i == lb)
		return 1;
	if (la == lb) {
		/* One letter wrong, or two neighbours swapped. */
		if (strcmp(a + i + 1, b + i + 1) == 0)
			return 1;
		return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp(a + i + 2, b + i + 2) == 0;
	}
	/* One letter missing or extra. */
	return la > lb ? strcmp(a + i + 1, b + i) == 0 : strcmp(a + i, b + i + 1) == 0;
}

void name_word_reverse(const char *word, char *out)
{
	size_t n = strlen(word);
	if (n >= NAME_WORD_MAX)
		n = NAME_WORD_MAX - 1;
	for (size_t i = 0; i < n; i++)
		out[i] = word[n - 1 - i];
	out[n] = '\0';
}
