/* server.c: `dyad serve` on libmicrohttpd.
 *
 * A pool of worker threads (epoll), each with its own database connection
 * (opened on its first request, closed at exit). A request is read within
 * limits (header bytes, the route's body limit, connections, idle time),
 * dispatched through frame.c, answered with the security headers, and
 * logged as one line: time, method, route pattern, status, duration, user
 * id. Never the raw path (it may hold ids), a query or a body. SIGTERM and
 * SIGINT stop accepting, let the requests in flight finish, then return. */
#include "http/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <malloc.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "app/app_audit_queue.h"
#include "http/frame.h"
#include "http/page.h"
#include "util/file.h"
#include "util/str.h"

struct worker {
	struct app app;
	struct worker *next;
};

struct server {
	const struct http_serve_opts *o;
	struct app_proc proc;   /* migrations once, definitions shared */
	struct MHD_Daemon *d;
	atomic_int inflight;
	pthread_mutex_t lock;
	struct worker *workers; /* every worker's app, closed at exit */
	int tls;
};

static _Thread_local struct worker *tl_worker;

/* This thread's app context (its own connection), opened on first use.
 * The one place that decides how a worker gets its database. */
static struct app *worker_app(struct server *s, struct dy_err *e)
{
	if (tl_worker)
		return &tl_worker->app;
	struct worker *w = xcalloc(1, sizeof *w);
	if (app_request_open(&w->app, &s->proc, "web", e)) {
		free(w);
		return NULL;
	}
	app_act_as(&w->app, NULL, NULL);
	pthread_mutex_lock(&s->lock);
	w->next = s->workers;
	s->workers = w;
	pthread_mutex_unlock(&s->lock);
	tl_worker = w;
	return &w->app;
}

/* One request's state, from its request line to its completion. */
struct reqstate {
	struct frame_req f;
	int started;
	int answered;
	size_t discarded;
	struct timespec t0;
};

static double since_ms(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct server *s = cls;
	struct reqstate *st = xcalloc(1, sizeof *st);
	clock_gettime(CLOCK_MONOTONIC, &st->t0);
	frame_req_init(&st->f, uri);
	atomic_fetch_add(&s->inflight, 1);
	return st;
}

static enum MHD_Result collect_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct frame_req *f = cls;
	if (strcasecmp(key, "Content-Type") == 0)
		f->content_type = value;
	else if (strcasecmp(key, "Cookie") == 0)
		f->cookie = value;
	else if (strcasecmp(key, "Authorization") == 0)
		f->authorization = value;
	else if (strcasecmp(key, "X-CSRF-Token") == 0)
		f->csrf_header = value;
	else if (strcasecmp(key, "Content-Length") == 0)
		f->content_length = value;
	return MHD_YES;
}

static enum MHD_Result queue(struct MHD_Connection *c, struct reqstate *st)
{
	struct http_resp *rs = &st->f.resp;
	size_t len = rs->body.len;
	void *data = rs->body.data;
	rs->body.data = NULL; /* MHD frees it */
	buf_init(&rs->body, 0);
	struct MHD_Response *r =
	    data ? MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE)
	         : MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	if (!r) {
		free(data);
		return MHD_NO;
	}
	const struct http_header *h;
	int n;
	frame_headers(&st->f, &h, &n);
	for (int i = 0; i < n; i++)
		MHD_add_response_header(r, h[i].name, h[i].value);
	st->answered = 1;
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)rs->status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct server *s = cls;
	struct reqstate *st = *con_cls;
	if (!st)
		return MHD_NO;
	struct frame_req *f = &st->f;
	if (!st->started) {
		st->started = 1;
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		frame_set_peer(f, ci ? ci->client_addr : NULL, s->tls);
		MHD_get_connection_values(c, MHD_HEADER_KIND, collect_header, f);
		/* Route, method and declared length are known now: refuse early
		 * what will be refused anyway, before reading any body. */
		if (frame_begin(f, method))
			return queue(c, st);
		return MHD_YES;
	}
	if (*upload_size) {
		if (st->answered) {
			*upload_size = 0;
			return MHD_YES;
		}
		if (frame_body(f, upload, *upload_size)) {
			/* Too large with no declared length (chunked): discard up to the
			 * hard ceiling so that the 413 can be sent, then give up. */
			st->discarded += *upload_size;
			if (st->discarded > HTTP_BODY_MAX)
				return MHD_NO;
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (st->answered)
		return MHD_YES;
	struct dy_err e;
	dy_err_clear(&e);
	struct app *app = worker_app(s, &e);
	frame_run(f, app);
	return queue(c, st);
}

static void log_line(const struct reqstate *st, enum MHD_RequestTerminationCode why)
{
	char when[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	char status[8];
	if (st->answered)
		snprintf(status, sizeof status, "%d", st->f.resp.status);
	else
		str_copy(status, sizeof status, "-");
	char line[384];
	int n = snprintf(line, sizeof line, "time=%s method=%s route=%s status=%s ms=%.3f user=%lld%s\n", when,
	                 frame_method_name(&st->f), frame_route_pattern(&st->f), status, since_ms(&st->t0),
	                 (long long)st->f.user.id,
	                 why == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " end=aborted");
	if (n > 0) {
		ssize_t w = write(STDERR_FILENO, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
		(void)w;
	}
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode why)
{
	struct server *s = cls;
	struct reqstate *st = *con_cls;
	if (!st)
		return;
	if (!s->o->quiet)
		log_line(st, why);
	frame_req_free(&st->f);
	free(st);
	*con_cls = NULL;
	atomic_fetch_sub(&s->inflight, 1);
}

/* Parses "host:port" / "[v6]:port" into a socket address. */
static int parse_listen(const char *s, struct sockaddr_storage *ss, int *v6, struct dy_err *e)
{
	memset(ss, 0, sizeof *ss);
	char host[64];
	const char *colon;
	*v6 = 0;
	if (s[0] == '[') {
		const char *close = strchr(s, ']');
		if (!close || close[1] != ':' || (size_t)(close - s - 1) >= sizeof host)
			return dy_fail(e, DY_EUSAGE, "listen", "must be HOST:PORT or [IPV6]:PORT");
		memcpy(host, s + 1, (size_t)(close - s - 1));
		host[close - s - 1] = '\0';
		colon = close + 1;
		*v6 = 1;
	} else {
		colon = strrchr(s, ':');
		if (!colon || (size_t)(colon - s) >= sizeof host)
			return dy_fail(e, DY_EUSAGE, "listen", "must be HOST:PORT or [IPV6]:PORT");
		memcpy(host, s, (size_t)(colon - s));
		host[colon - s] = '\0';
	}
	int port;
	if (str_parse_int(colon + 1, 0, 65535, &port))
		return dy_fail(e, DY_EUSAGE, "listen", "the port must be a number from 0 to 65535");
	if (*v6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host, &a->sin6_addr) != 1)
			return dy_fail(e, DY_EUSAGE, "listen", "not an IPv6 address");
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)ss;
		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)port);
		if (strcmp(host, "localhost") == 0)
			str_copy(host, sizeof host, "127.0.0.1");
		if (inet_pton(AF_INET, host, &a->sin_addr) != 1)
			return dy_fail(e, DY_EUSAGE, "listen", "not an IPv4 address (use [::1]:PORT for IPv6)");
	}
	return 0;
}

static char *read_pem(const char *path, const char *field, struct dy_err *e)
{
	char *data = NULL;
	size_t len = 0;
	if (file_read_all(path, 1024 * 1024, &data, &len, e)) {
		str_copy(e->field, sizeof e->field, field);
		return NULL;
	}
	return data;
}

int http_serve(const struct http_serve_opts *o, struct dy_err *e)
{
	struct sockaddr_storage ss;
	int v6;
	int rc = parse_listen(o->listen ? o->listen : "127.0.0.1:8080", &ss, &v6, e);
	if (rc)
		return rc;
	if (!o->tls_cert != !o->tls_key)
		return dy_fail(e, DY_EUSAGE, o->tls_cert ? "tls-key" : "tls-cert", "TLS needs both --tls-cert and --tls-key");

	/* The process context runs migrations before any worker, and a database
	 * that cannot be opened stops the start, not each request. */
	struct server s = {.o = o};
	/* Error pages that come before any page code (no such address, a role
	 * the route does not admit) in the NHS layout, as every other page. */
	http_error_page = page_error;
	/* A request allocates and frees buffers of some hundred kilobytes (a
	 * family page's measures, its body). By default glibc maps each such
	 * block afresh and hands freed memory back at once, so every request
	 * paid for page faults and for flushing the processor's address caches
	 * (a third of a family page's processor time, profiled). Kept instead:
	 * blocks under 4 MB come from the heap, and up to 8 MB of free heap per
	 * thread is kept for the next request. */
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
	if ((rc = app_proc_open(&s.proc, o->db_url, o->instruments_dir, e)))
		return rc;
	pthread_mutex_init(&s.lock, NULL);
	atomic_init(&s.inflight, 0);
	char *cert = NULL, *key = NULL;
	/* Reads are audited through one writer thread (app_audit_queue.h). */
	if ((rc = app_audit_queue_start(&s.proc, e)))
		goto out;
	if (o->tls_cert) {
		if (!MHD_is_feature_supported(MHD_FEATURE_TLS)) {
			rc = dy_fail(e, DY_EUSAGE, "tls-cert", "this libmicrohttpd was built without TLS");
			goto out;
		}
		if (!(cert = read_pem(o->tls_cert, "tls-cert", e)) || !(key = read_pem(o->tls_key, "tls-key", e))) {
			rc = e->code;
			goto out;
		}
		s.tls = 1;
	}

	/* Workers inherit this mask: only the main thread takes the signals. */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);

	unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
	if (v6)
		flags |= MHD_USE_IPv6;
	if (s.tls)
		flags |= MHD_USE_TLS;
	struct MHD_OptionItem tls_opts[] = {
		{s.tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, cert},
		{s.tls ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, key},
		{MHD_OPTION_END, 0, NULL}};
	s.d = MHD_start_daemon(
	    flags, 0, NULL, NULL, on_request, &s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads ? o->threads : 4),
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)(o->max_connections ? o->max_connections : 512),
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(o->idle_timeout ? o->idle_timeout : 30),
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(o->max_header ? o->max_header : 16 * 1024),
	    MHD_OPTION_URI_LOG_CALLBACK, on_uri, &s,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, &s,
	    MHD_OPTION_ARRAY, tls_opts,
	    MHD_OPTION_END);
	if (!s.d) {
		pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);
		rc = dy_fail(e, DY_EUSAGE, "listen", "cannot listen on %s (in use, or not this machine's address)",
		             o->listen ? o->listen : "127.0.0.1:8080");
		goto out;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(s.d, MHD_DAEMON_INFO_BIND_PORT);
	char host[64] = "127.0.0.1";
	if (v6)
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, host, sizeof host);
	else
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, host, sizeof host);
	char url[128];
	snprintf(url, sizeof url, "%s://%s%s%s:%u/", s.tls ? "https" : "http", v6 ? "[" : "", host, v6 ? "]" : "",
	         di ? (unsigned)di->port : 0);
	if (o->on_ready)
		o->on_ready(url, o->ctx);

	int sig = 0;
	while (sigwait(&sigs, &sig) == 0 && sig == SIGPIPE)
		;
	/* Stop accepting; let what is in flight finish (at most 10 s). */
	MHD_socket ls = MHD_quiesce_daemon(s.d);
	if (ls != MHD_INVALID_SOCKET)
		close(ls);
	for (int i = 0; i < 1000 && atomic_load(&s.inflight) > 0; i++) {
		struct timespec ts = {0, 10 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	MHD_stop_daemon(s.d);
	pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);
	rc = 0;
out:
	while (s.workers) {
		struct worker *w = s.workers;
		s.workers = w->next;
		app_request_close(&w->app);
		free(w);
	}
	app_proc_close(&s.proc);
	pthread_mutex_destroy(&s.lock);
	free(cert);
	free(key);
	return rc;
}
