/* cmd_note.c: `dyad note add|edit|sign|addendum|error|list|show`: case
 * notes (app/app_note.h). A note's words come from --text or, for a long
 * note, --file; they are printed only by list and show, never in a message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_note.h"
#include "cli/commands.h"
#include "cli/fmt.h"
#include "cli/list.h"
#include "cli/out.h"
#include "util/file.h"

/* The note's words from --text or --file (exactly one); *buf is what the
 * caller frees (NULL for --text). */
static int note_words(const struct cli_args *a, const char **text, char **buf, struct dy_err *e)
{
	const char *t = cli_get(a, "text"), *f = cli_get(a, "file");
	*buf = NULL;
	if (!t == !f)
		return dy_fail(e, DY_EUSAGE, "text", "give the note's words with --text TEXT or --file FILE (one of them)");
	if (t) {
		*text = t;
		return 0;
	}
	size_t len;
	int rc = file_read_all(f, NOTE_TEXT_BYTES, buf, &len, e);
	if (rc == DY_EINVAL)
		return dy_fail(e, DY_EINVAL, "file", "is longer than a note may be (%d characters)", NOTE_TEXT_CHARS);
	if (rc)
		return dy_fail(e, rc, "file", "cannot be read");
	if (strlen(*buf) != len)
		return dy_fail(e, DY_EINVAL, "file", "holds a NUL byte: a note is text");
	*text = *buf;
	return 0;
}

int cmd_note_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	struct note n;
	memset(&n, 0, sizeof n);
	char *buf = NULL;
	if (cli_id(a, "referral", &n.episode_id, &e) || cli_id(a, "contact", &n.contact_id, &e) ||
	    cli_text(a, "kind", n.kind, sizeof n.kind, &e) || note_words(a, &n.text, &buf, &e)) {
		free(buf);
		return cli_fail(&e);
	}
	int sign = cli_get(a, "sign") != NULL;
	int rc = app_note_add(app, &n, sign, &e);
	free(buf);
	if (rc)
		return cli_fail(&e);
	if (sign)
		printf("Added note %lld, signed: it can no longer be changed (only followed by an addendum).\n",
		       (long long)n.id);
	else
		printf("Added note %lld as a draft: sign it with `dyad note sign %lld`.\n", (long long)n.id,
		       (long long)n.id);
	return 0;
}

int cmd_note_edit(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	char kind[32];
	const char *text;
	char *buf = NULL;
	if (cli_id(a, "note", &id, &e) || cli_text(a, "kind", kind, sizeof kind, &e) || note_words(a, &text, &buf, &e)) {
		free(buf);
		return cli_fail(&e);
	}
	int rc = app_note_edit(app, id, kind, text, &e);
	free(buf);
	if (rc)
		return cli_fail(&e);
	printf("Changed draft note %lld.\n", (long long)id);
	return 0;
}

int cmd_note_sign(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (cli_id(a, "note", &id, &e) || app_note_sign(app, id, &e))
		return cli_fail(&e);
	printf("Signed note %lld: it can no longer be changed (only followed by an addendum).\n", (long long)id);
	return 0;
}

int cmd_note_addendum(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id, add = 0;
	const char *text;
	char *buf = NULL;
	if (cli_id(a, "note", &id, &e) || note_words(a, &text, &buf, &e)) {
		free(buf);
		return cli_fail(&e);
	}
	int rc = app_note_addendum(app, id, text, &add, &e);
	free(buf);
	if (rc)
		return cli_fail(&e);
	printf("Added note %lld, a signed addendum to note %lld (which is unchanged).\n", (long long)add, (long long)id);
	return 0;
}

int cmd_note_error(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	(void)g;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	char reason[NOTE_REASON_MAX * 4 + 1];
	if (cli_id(a, "note", &id, &e) || cli_text(a, "reason", reason, sizeof reason, &e) ||
	    app_note_error(app, id, reason, &e))
		return cli_fail(&e);
	printf("Marked note %lld entered in error: kept, and hidden from the notes unless --all.\n", (long long)id);
	return 0;
}

static const char *state_name(const struct note *n)
{
	switch (store_note_state(n)) {
	case NOTE_DRAFT: return "draft";
	case NOTE_SIGNED: return "signed";
	case NOTE_IN_ERROR: return "entered_in_error";
	}
	return "";
}

static int note_line(void *ctx, const struct note *n)
{
	struct out_list *l = ctx;
	char id[24], contact[24], add[24];
	fmt_id(id, n->id);
	fmt_id(contact, n->contact_id);
	fmt_id(add, n->addendum_to);
	const char *row[] = {id, n->written_at, n->author, n->kind, state_name(n), n->signed_at, contact, add,
	                     n->error_reason, n->text, 0};
	out_row(l, row);
	return 0;
}

static const char *const note_cols[] = {"note_id:id", "written_at", "author", "kind", "state", "signed_at",
                                        "contact_id:id", "addendum_to:id", "error_reason", "text", 0};

static int list_all;

static int list_notes(struct app *app, int64_t id, struct out_list *l, struct dy_err *e)
{
	return app_note_list(app, id, list_all, note_line, l, e);
}

int cmd_note_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	list_all = cli_get(a, "all") != NULL;
	return cli_list(g, a, app, "referral", note_cols, "No notes on this referral yet.", list_notes);
}

int cmd_note_show(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (cli_id(a, "note", &id, &e))
		return cli_fail(&e);
	struct out_list *l = out_begin(g->format, note_cols);
	if (!l)
		return 1;
	struct note n;
	char *text = malloc(NOTE_TEXT_BYTES + 1);
	int rc = text ? app_note_get(app, id, &n, text, NOTE_TEXT_BYTES + 1, &e) : dy_fail(&e, DY_ESTORE, NULL, "out of memory");
	if (rc) {
		free(text);
		out_discard(l);
		return cli_fail(&e);
	}
	note_line(l, &n);
	out_end(l, NULL);
	free(text);
	return 0;
}
