/* server.h: `dyad serve`: the HTTP server on libmicrohttpd (a thread pool,
 * each worker with its own database connection), its limits, TLS, the
 * access log and a graceful stop on SIGTERM/SIGINT. */
#ifndef DYAD_HTTP_SERVER_H
#define DYAD_HTTP_SERVER_H

#include <stddef.h>

#include "util/err.h"

struct http_serve_opts {
	const char *db_url;          /* the database every worker opens */
	const char *listen;          /* "127.0.0.1:8080" (IPv4 or [IPv6]:port) */
	const char *tls_cert;        /* PEM files for TLS, or NULL for plain HTTP */
	const char *tls_key;
	const char *instruments_dir; /* NULL for the default */
	unsigned threads;            /* worker threads (0: 4) */
	unsigned max_connections;    /* open connections at once (0: 512) */
	unsigned idle_timeout;       /* seconds a connection may sit idle (0: 30) */
	size_t max_header;           /* bytes for the request line and headers (0: 16 KiB) */
	int quiet;                   /* 1: no access log */
	/* Called once the server listens (the address is printed by then). */
	void (*on_ready)(const char *url, void *ctx);
	void *ctx;
};

/* Serves until SIGTERM or SIGINT, then stops accepting, lets the requests
 * in flight finish (up to 10 s) and returns 0. Returns an error when the
 * address cannot be bound or the files cannot be read. */
int http_serve(const struct http_serve_opts *o, struct dy_err *e);

#endif
