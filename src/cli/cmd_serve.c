/* cmd_serve.c: `dyad serve`: the web application and JSON API (http/). */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "http/server.h"

static void ready(const char *url, void *ctx)
{
	const char *db = ctx;
	printf("dyad: serving %s on %s (stop with Ctrl-C)\n", cli_db_shown(db), url);
	fflush(stdout);
}

int cmd_serve(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int threads = 4, maxconn = 512, idle = 30;
	if (cli_int(a, "threads", 1, 64, &threads, &e) || cli_int(a, "max-connections", 1, 100000, &maxconn, &e) ||
	    cli_int(a, "idle-timeout", 1, 3600, &idle, &e))
		return cli_fail(&e);
	struct http_serve_opts o = {
		.db_url = g->db,
		.listen = cli_get(a, "listen") ? cli_get(a, "listen") : "127.0.0.1:8080",
		.tls_cert = cli_get(a, "tls-cert"),
		.tls_key = cli_get(a, "tls-key"),
		.instruments_dir = cli_get(a, "instruments"),
		.threads = (unsigned)threads,
		.max_connections = (unsigned)maxconn,
		.idle_timeout = (unsigned)idle,
		.quiet = cli_get(a, "quiet") != NULL,
		.on_ready = ready,
		.ctx = (void *)g->db,
	};
	if (http_serve(&o, &e))
		return cli_fail(&e);
	return 0;
}
