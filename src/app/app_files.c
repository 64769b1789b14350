/* app_files.c: files read from disk, parsed by core/ (see app_files.h). */
#include "app/app_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "util/limits.h"

#define LOCAL_FILE_MAX LIMIT_LOCAL_FILE_BYTES /* tables and text packs */

int instrument_load_file(const char *path, struct instrument **out, struct dy_err *e)
{
	char *text;
	size_t len;
	*out = NULL;
	int rc = file_read_all(path, INSTR_DEF_MAX_BYTES, &text, &len, e);
	if (rc)
		return rc;
	rc = instrument_parse(text, len, path, out, e);
	free(text);
	return rc;
}

int instrument_set_load_dir(struct instrument_set *set, const char *dir, struct dy_err *e)
{
	char **names;
	size_t n;
	int rc = file_list(dir, ".json", &names, &n, e);
	if (rc) {
		dy_fail(e, DY_ENOTFOUND, "", "instrument directory cannot be opened");
		dy_err_where(e, "%.120s", dir);
		return rc;
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		struct instrument *in;
		if ((rc = instrument_load_file(path, &in, e)))
			break;
		size_t len = strlen(names[i]);
		if (strlen(in->id) != len - 5 || strncmp(in->id, names[i], len - 5) != 0)
			rc = dy_fail(e, DY_EINVAL, "id", "must match the file name (%.*s)", (int)(len - 5), names[i]);
		else
			rc = instrument_set_add(set, in, e);
		if (rc) {
			dy_err_where(e, "%s", path);
			instrument_free(in);
		}
	}
	file_names_free(names, n);
	if (rc)
		instrument_set_free(set);
	return rc;
}

int instrument_load_table(struct instrument *in, const char *table, const char *path, struct dy_err *e)
{
	char *text;
	size_t len;
	int rc = file_read_all(path, LOCAL_FILE_MAX, &text, &len, e);
	if (rc)
		return rc;
	rc = instrument_parse_table(in, table, text, len, path, e);
	free(text);
	return rc;
}

int instrument_load_text(struct instrument_set *set, const char *path, struct dy_err *e)
{
	char *text;
	size_t len;
	int rc = file_read_all(path, LOCAL_FILE_MAX, &text, &len, e);
	if (rc)
		return rc;
	rc = instrument_parse_text(set, text, len, path, e);
	free(text);
	return rc;
}

/* Reads a configuration file of at most max bytes; a file that cannot be
 * opened is DY_ENOTFOUND naming what it was ("cannot open PATH"). */
static int read_config(const char *path, size_t max, const char *what, char **text, size_t *len, struct dy_err *e)
{
	int rc = file_read_all(path, max, text, len, e);
	if (rc == DY_EINVAL) /* larger than the cap: said as file_read_all says it */
		return rc;
	if (rc) {
		dy_err_clear(e);
		return dy_fail(e, DY_ENOTFOUND, what, "cannot open %.200s", path);
	}
	return 0;
}

/* Puts the file's path before the parser's "line N" in a refusal; returns rc. */
static int in_file(const char *path, int rc, struct dy_err *e)
{
	if (rc == DY_EINVAL && e) {
		char where[sizeof e->where];
		snprintf(where, sizeof where, "%s", e->where);
		dy_err_where(e, "%.80s%s%s", path, where[0] ? " " : "", where);
	}
	return rc;
}

int eligibility_load_file(const char *path, struct eligibility_config *out, struct dy_err *e)
{
	eligibility_config_init(out);
	char *text;
	size_t len;
	int rc = read_config(path, ELIGIBILITY_MAX_BYTES, "eligibility rules", &text, &len, e);
	if (rc)
		return rc;
	rc = eligibility_parse(text, len, out, e);
	free(text);
	return in_file(path, rc, e);
}

int intervention_load_file(const char *path, struct intervention_catalogue *out, struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	if (!path || !*path)
		path = intervention_default_path();
	char *text;
	size_t len;
	int rc = read_config(path, INTERVENTION_MAX_BYTES, "intervention catalogue", &text, &len, e);
	if (rc)
		return rc;
	rc = intervention_parse(text, len, out, e);
	free(text);
	return in_file(path, rc, e);
}

int retention_load_file(const char *path, struct retention_rules *out, struct dy_err *e)
{
	char *text;
	size_t len;
	int rc = read_config(path, RETENTION_MAX_BYTES, "retention rules", &text, &len, e);
	if (rc)
		return rc;
	rc = retention_parse(text, len, out, e);
	free(text);
	return in_file(path, rc, e);
}

const char *intervention_default_path(void)
{
	const char *env = getenv("DYAD_INTERVENTIONS");
	return env && *env ? env : DYAD_SOURCE_DIR "/config/interventions.ini";
}
