/* err.h: the one error type every layer fills in.
 *
 * Functions that can fail return an int status (0 ok, a negative DY_E* code)
 * and fill a caller-owned struct dy_err naming the field and the reason.
 * Messages never carry person-identifiable values (names, NHS numbers, dates
 * of birth, postcodes): they say what is wrong, not what was typed. */
#ifndef DYAD_UTIL_ERR_H
#define DYAD_UTIL_ERR_H

#include <stddef.h>

enum dy_code {
	DY_OK = 0,
	DY_EUSAGE = -1,    /* the call itself is wrong (unknown option) */
	DY_EINVAL = -2,    /* input refused: names a field and a reason */
	DY_ENOTFOUND = -3, /* the thing asked for does not exist */
	DY_ECONFLICT = -4, /* duplicate key, or a state that forbids the action */
	DY_ESTORE = -5,    /* the database failed */
	DY_EINTERNAL = -6, /* a bug or an unexpected system failure */
	DY_EFORBIDDEN = -7, /* the acting user may not do this (role or team) */
	DY_EBUSY = -8       /* another program held the database too long: try again */
};

struct dy_err {
	int code;          /* one of enum dy_code */
	char where[128];   /* optional location: "people.csv line 12" */
	char field[64];    /* the field at fault, or "" */
	char msg[320];     /* plain-English reason */
	int index;         /* 1-based position within field (an item of "responses"), 0: none */
};

/* Clears e to "no error". */
void dy_err_clear(struct dy_err *e);

/* Fills e (may be NULL) with code, field (may be NULL) and a printf-style
 * message (index 0); returns code so callers can `return dy_fail(...)`. */
int dy_fail(struct dy_err *e, int code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Sets e->where (printf-style), keeping code, field and message. */
void dy_err_where(struct dy_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Writes "where: field: message" (parts present only) into out (size n). */
void dy_err_format(const struct dy_err *e, char *out, size_t n);

/* The CLI exit code for an error code: 0 ok, 1 usage, 2 invalid input,
 * 3 not found / conflict / forbidden / busy (try again), 4 storage or internal
 * error. */
int dy_exit_code(int code);

/* Prints "dyad: out of memory" and aborts; called by the x* allocators. */
_Noreturn void dy_oom(void);

/* malloc/calloc/realloc/strdup that abort on failure (never return NULL). */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);

/* Appends item to arr, an array of n elements, growing it by one (xrealloc:
 * aborts when memory runs out) and counting it in n. */
#define XAPPEND(arr, n, item) \
	((arr) = xrealloc((arr), ((size_t)(n) + 1) * sizeof *(arr)), (arr)[(n)++] = (item))

/* Defines `static int fn(void *ctx, const row_type *row)`, a list callback
 * that appends *row to ((ctx_type *)ctx)->arr, counted in ->n, and goes on. */
#define XCOLLECTOR(fn, ctx_type, row_type, arr, n)       \
	static int fn(void *ctx, const row_type *row)        \
	{                                                    \
		ctx_type *collector_ = ctx;                      \
		XAPPEND(collector_->arr, collector_->n, *row);   \
		return 0;                                        \
	}
char *xstrdup(const char *s);

#endif
