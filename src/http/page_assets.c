/* page_assets.c: the asset files in memory and their fingerprinted hrefs
 * (page_assets.h, page_html.h). */
#include "http/page_assets.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/page_html.h"
#include "http/routes.h"
#include "util/file.h"

#define ASSET_MAX (4u * 1024u * 1024u)

static struct page_asset assets[] = {
	{"nhsuk.min.css", "text/css; charset=utf-8", NULL, 0, ""},
	{"nhsuk.min.js", "text/javascript; charset=utf-8", NULL, 0, ""},
	{"dyad.css", "text/css; charset=utf-8", NULL, 0, ""},
	{"favicon.svg", "image/svg+xml", NULL, 0, ""},
	{"favicon.ico", "image/x-icon", NULL, 0, ""},
	{"apple-touch-icon.png", "image/png", NULL, 0, ""},
};
#define NASSETS (sizeof assets / sizeof *assets)

/* The hrefs, built once with the fingerprints. */
static char hrefs[NASSETS][96];

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *load_dir;
static int load_rc;
static struct dy_err load_err;

const char *page_assets_dir(void)
{
	static char dir[600];
	const char *env = getenv("DYAD_ASSETS");
	if (env && *env)
		return env;
	if (!dir[0])
		snprintf(dir, sizeof dir, "%s/build/assets", DYAD_SOURCE_DIR);
	return dir;
}

static void load_all(void)
{
	const char *dir = load_dir ? load_dir : page_assets_dir();
	dy_err_clear(&load_err);
	if (sodium_init() < 0)
		load_rc = dy_fail(&load_err, DY_EINTERNAL, NULL, "libsodium could not start");
	for (size_t i = 0; i < NASSETS; i++) {
		char path[800];
		snprintf(path, sizeof path, "%s/%s", dir, assets[i].name);
		struct dy_err e;
		int rc = load_rc ? load_rc : file_read_all(path, ASSET_MAX, &assets[i].data, &assets[i].len, &e);
		if (rc) {
			if (!load_rc) {
				load_rc = dy_fail(&load_err, DY_ENOTFOUND, "assets",
				                  "%s is missing from %s: run scripts/assets (make does)", assets[i].name, dir);
			}
			snprintf(hrefs[i], sizeof hrefs[i], "/assets/missing/%s", assets[i].name);
			continue;
		}
		unsigned char h[8];
		crypto_generichash(h, sizeof h, (const unsigned char *)assets[i].data, assets[i].len, NULL, 0);
		for (size_t k = 0; k < sizeof h; k++)
			snprintf(assets[i].fingerprint + 2 * k, 3, "%02x", h[k]);
		snprintf(hrefs[i], sizeof hrefs[i], "/assets/%s/%s", assets[i].fingerprint, assets[i].name);
	}
}

int page_assets_load(const char *dir, struct dy_err *e)
{
	load_dir = dir;
	pthread_once(&once, load_all);
	if (load_rc && e)
		*e = load_err;
	return load_rc;
}

const struct page_asset *page_asset_find(const char *name)
{
	page_assets_load(NULL, NULL);
	for (size_t i = 0; i < NASSETS; i++)
		if (strcmp(assets[i].name, name) == 0)
			return assets[i].data ? &assets[i] : NULL;
	return NULL;
}

const char *page_asset_href(const char *name)
{
	page_assets_load(NULL, NULL);
	for (size_t i = 0; i < NASSETS; i++)
		if (strcmp(assets[i].name, name) == 0)
			return hrefs[i];
	return "/assets/missing";
}

/* GET /assets/{fp}/{name}: the asset (the frame adds the year-long cache
 * header to HTTP_CACHE routes); an old fingerprint (a page from before a
 * rebuild) is sent on to the current one. */
static int asset_get(struct http_req *rq, struct http_resp *rs)
{
	const char *fp = http_param(rq, "fp"), *name = http_param(rq, "name");
	const struct page_asset *a = name ? page_asset_find(name) : NULL;
	if (!a)
		return http_not_found(rs);
	if (!fp || strcmp(fp, a->fingerprint) != 0)
		return http_redirect(rs, page_asset_href(name));
	http_type(rs, a->type);
	return http_write(rs, a->data, a->len) ? DY_EINTERNAL : 0;
}

const struct http_route page_assets_routes[] = {
	{HTTP_GET, "/assets/{fp}/{name}", asset_get, 0, 0, HTTP_PUBLIC | HTTP_CACHE},
	{0}};
