/* page_assets.h: the static files dyad serve serves at /assets/: the
 * nhsuk-frontend CSS and JS, the favicon and web/dyad.css, copied into
 * build/assets by scripts/assets (npm ci from the committed lockfile).
 *
 * They are read once into memory. Each is served at
 * /assets/<fingerprint>/<name>, the fingerprint being a hash of its bytes,
 * so a response can be cached for a year and a new build is fetched anew. */
#ifndef DYAD_HTTP_PAGE_ASSETS_H
#define DYAD_HTTP_PAGE_ASSETS_H

#include <stddef.h>

#include "util/err.h"

/* Where the assets are read from: $DYAD_ASSETS when set and not empty, else
 * the source tree's build/assets. */
const char *page_assets_dir(void);

/* Reads every asset from dir (NULL: page_assets_dir()) once; later calls do
 * nothing. Thread-safe. Returns 0, or DY_ENOTFOUND naming the first missing
 * file (the pages then link to assets that answer 404: run scripts/assets). */
int page_assets_load(const char *dir, struct dy_err *e);

/* One asset: its bytes, type and fingerprint; NULL when name is not one or
 * was not loaded. */
struct page_asset {
	const char *name;
	const char *type;
	char *data;
	size_t len;
	char fingerprint[17]; /* 16 hex digits */
};
const struct page_asset *page_asset_find(const char *name);

#endif
