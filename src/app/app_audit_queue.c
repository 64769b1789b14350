/* app_audit_queue.c: the writer thread of read audit entries: batches,
 * one transaction each, crash-safe commits made power-safe by checkpoints
 * (see app_audit_queue.h for why). */
#include "app/app_audit_queue.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app_audit.h"
#include "util/err.h"
#include "util/str.h"

#define IDLE_SYNC_MS 100   /* queue idle this long after a commit: checkpoint */
#define BUSY_SYNC_MS 1000  /* under continuous load, checkpoint this often */
#define BATCH_MAX 64       /* requests in one transaction at most */

/* One request waiting for its entry (on the request's stack). */
struct audit_wait {
	struct audit_row **rows;
	int n;
	struct audit_wait *next;
	int done;
	int rc;
	struct dy_err err;
};

struct audit_queue {
	pthread_mutex_t lock;
	pthread_cond_t work; /* an entry arrived, or stop */
	pthread_cond_t done; /* a batch finished */
	struct audit_wait *head, **tail;
	int stop;
	pthread_t thread;
	db_t *db;
};

static long ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)(t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Chains the batch (the entries of the waits in list) into the log in one
 * transaction. */
static int write_batch(struct audit_queue *q, struct audit_wait *list, struct dy_err *e)
{
	int n = 0;
	for (struct audit_wait *w = list; w; w = w->next)
		n += w->n;
	struct audit_row **rows = xcalloc((size_t)n, sizeof *rows);
	int i = 0;
	for (struct audit_wait *w = list; w; w = w->next)
		for (int k = 0; k < w->n; k++)
			rows[i++] = w->rows[k];
	int rc = db_begin(q->db, e);
	if (!rc) {
		rc = app_audit_chain(q->db, rows, n, e);
		if (!rc)
			rc = db_commit(q->db, e);
		if (rc)
			db_rollback(q->db);
	}
	free(rows);
	return rc;
}

/* Makes the commits so far power-safe; 1 when they all are. */
static int sync_log(struct audit_queue *q)
{
	struct dy_err e;
	dy_err_clear(&e);
	int complete = 0;
	return db_checkpoint(q->db, &complete, &e) == 0 && complete;
}

static void *writer(void *arg)
{
	struct audit_queue *q = arg;
	int unsynced = 0; /* commits not yet made power-safe */
	struct timespec synced;
	clock_gettime(CLOCK_MONOTONIC, &synced);
	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (!q->head && !q->stop) {
			if (!unsynced) {
				pthread_cond_wait(&q->work, &q->lock);
				continue;
			}
			struct timespec until;
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_nsec += IDLE_SYNC_MS * 1000000L;
			if (until.tv_nsec >= 1000000000L) {
				until.tv_sec++;
				until.tv_nsec -= 1000000000L;
			}
			if (pthread_cond_timedwait(&q->work, &q->lock, &until) == ETIMEDOUT && !q->head) {
				pthread_mutex_unlock(&q->lock);
				if (sync_log(q)) {
					unsynced = 0;
					clock_gettime(CLOCK_MONOTONIC, &synced);
				}
				pthread_mutex_lock(&q->lock);
			}
		}
		if (!q->head)
			break; /* stopping, and nothing left */
		/* Take up to BATCH_MAX entries from the front. */
		struct audit_wait *batch = q->head, *last = batch;
		int n = 1;
		while (last->next && n < BATCH_MAX) {
			last = last->next;
			n++;
		}
		q->head = last->next;
		if (!q->head)
			q->tail = &q->head;
		last->next = NULL;
		pthread_mutex_unlock(&q->lock);

		struct dy_err e;
		dy_err_clear(&e);
		int rc = write_batch(q, batch, &e);
		if (!rc)
			unsynced = 1;

		pthread_mutex_lock(&q->lock);
		for (struct audit_wait *w = batch, *next; w; w = next) {
			next = w->next; /* w lives on its request's stack: gone once done */
			w->rc = rc;
			w->err = e;
			w->done = 1;
		}
		pthread_cond_broadcast(&q->done);
		if (unsynced && ms_since(&synced) >= BUSY_SYNC_MS) {
			pthread_mutex_unlock(&q->lock);
			if (sync_log(q)) {
				unsynced = 0;
				clock_gettime(CLOCK_MONOTONIC, &synced);
			}
			pthread_mutex_lock(&q->lock);
		}
	}
	pthread_mutex_unlock(&q->lock);
	/* Stopping: make everything written power-safe (a few tries while
	 * other connections' readers finish). */
	for (int i = 0; unsynced && i < 50 && !sync_log(q); i++) {
		struct timespec ts = {0, 20 * 1000000L};
		nanosleep(&ts, NULL);
	}
	return NULL;
}

int app_audit_queue_start(struct app_proc *p, struct dy_err *e)
{
	struct audit_queue *q = xcalloc(1, sizeof *q);
	int rc = db_open(p->url, &q->db, e);
	if (!rc && (rc = db_commit_safety(q->db, DB_SAFE_CRASH, e)))
		db_close(q->db);
	if (rc) {
		free(q);
		return rc;
	}
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->done, NULL);
	q->tail = &q->head;
	if (pthread_create(&q->thread, NULL, writer, q) != 0) {
		db_close(q->db);
		pthread_mutex_destroy(&q->lock);
		pthread_cond_destroy(&q->work);
		pthread_cond_destroy(&q->done);
		free(q);
		return dy_fail(e, DY_EINTERNAL, "audit", "the audit writer could not start");
	}
	p->audit = q;
	return 0;
}

void app_audit_queue_stop(struct app_proc *p)
{
	struct audit_queue *q = p->audit;
	if (!q)
		return;
	pthread_mutex_lock(&q->lock);
	q->stop = 1;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->lock);
	pthread_join(q->thread, NULL);
	p->audit = NULL;
	db_close(q->db);
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->work);
	pthread_cond_destroy(&q->done);
	free(q);
}

int app_audit_queue_append(struct audit_queue *q, struct audit_row **rows, int n, struct dy_err *e)
{
	if (n <= 0)
		return 0;
	struct audit_wait w = {.rows = rows, .n = n};
	pthread_mutex_lock(&q->lock);
	if (q->stop) {
		pthread_mutex_unlock(&q->lock);
		return dy_fail(e, DY_EINTERNAL, "audit", "the server is stopping");
	}
	*q->tail = &w;
	q->tail = &w.next;
	pthread_cond_signal(&q->work);
	while (!w.done)
		pthread_cond_wait(&q->done, &q->lock);
	pthread_mutex_unlock(&q->lock);
	if (w.rc)
		*e = w.err;
	return w.rc;
}
