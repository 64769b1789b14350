/* note.c: the rules of case notes (see note.h). */
#include "core/note.h"

#include <string.h>

#include "util/date.h"
#include "util/text.h"

static const char *const kinds[] = {"contact", "assessment_formulation", "safeguarding",
                                    "supervision", "telephone", "other", 0};

int note_kind_ok(const char *kind)
{
	for (int i = 0; kinds[i]; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return 1;
	return 0;
}

const char *note_kinds(void)
{
	return "contact, assessment_formulation, safeguarding, supervision, telephone or other";
}

int note_check_kind(const char *kind, struct dy_err *e)
{
	if (!kind || !note_kind_ok(kind))
		return dy_fail(e, DY_EINVAL, "kind", "must be %s", note_kinds());
	return 0;
}

static int blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

int note_check_text(const char *text, struct dy_err *e)
{
	if (!text || blank(text))
		return dy_fail(e, DY_EINVAL, "text", "is required");
	if (text_check("text", text, TEXT_FREE, e))
		return DY_EINVAL;
	if (text_chars(text) > NOTE_TEXT_CHARS)
		return dy_fail(e, DY_EINVAL, "text", "is longer than %d characters", NOTE_TEXT_CHARS);
	return 0;
}

int note_check_reason(const char *reason, struct dy_err *e)
{
	if (!reason || blank(reason))
		return dy_fail(e, DY_EINVAL, "reason", "is required: say why the note was entered in error");
	if (text_check("reason", reason, TEXT_LINE, e))
		return DY_EINVAL;
	if (text_chars(reason) > NOTE_REASON_MAX)
		return dy_fail(e, DY_EINVAL, "reason", "is longer than %d characters", NOTE_REASON_MAX);
	return 0;
}

int note_check_stamp(const char *field, const char *stamp, struct dy_err *e)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	int ok = stamp && strlen(stamp) == sizeof shape - 1;
	for (size_t i = 0; ok && i < sizeof shape - 1; i++)
		ok = shape[i] == 'd' ? (stamp[i] >= '0' && stamp[i] <= '9') : stamp[i] == shape[i];
	char day[11];
	int32_t d;
	if (ok) {
		memcpy(day, stamp, 10);
		day[10] = '\0';
		ok = date_parse(day, &d) == 0 && (stamp[11] - '0') * 10 + (stamp[12] - '0') < 24 &&
		     stamp[14] < '6' && stamp[17] < '6';
	}
	if (!ok)
		return dy_fail(e, DY_EINVAL, field, "must be a UTC time written YYYY-MM-DDTHH:MM:SSZ");
	return 0;
}

int note_check_sign(enum note_state state, const char *author, const char *actor, struct dy_err *e)
{
	if (state != NOTE_DRAFT)
		return dy_fail(e, DY_ECONFLICT, "note", "is signed and can no longer be changed: add an addendum instead");
	if (strcmp(author, actor) != 0)
		return dy_fail(e, DY_ECONFLICT, "note", "is a draft of another author: only its author may change or sign it");
	return 0;
}

int note_check_addendum(enum note_state state, struct dy_err *e)
{
	if (state == NOTE_DRAFT)
		return dy_fail(e, DY_ECONFLICT, "note", "is a draft: change it and sign it rather than add an addendum");
	if (state == NOTE_IN_ERROR)
		return dy_fail(e, DY_ECONFLICT, "note", "was entered in error: write a new note instead");
	return 0;
}

int note_check_error(enum note_state state, struct dy_err *e)
{
	if (state == NOTE_DRAFT)
		return dy_fail(e, DY_ECONFLICT, "note", "is a draft, not part of the record yet: change it instead");
	if (state == NOTE_IN_ERROR)
		return dy_fail(e, DY_ECONFLICT, "note", "is already marked entered in error");
	return 0;
}
