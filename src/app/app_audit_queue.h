/* app_audit_queue.h: the audit of reads in a server, written by one thread
 * in batches (group commit).
 *
 * Every look at a person-identifiable record is logged before the record
 * is shown. Done one transaction per read, each look would wait for the
 * database's write lock and for a sync of the disk: reads would queue
 * behind one another. Instead a request hands its entry to the writer
 * thread and waits; the writer takes every entry waiting, chains them into
 * the log in one transaction on its own connection, commits and wakes
 * their requests. A request whose entry did not commit gets the error and
 * shows nothing.
 *
 * The writer's commits are crash-safe, not power-safe, when they return
 * (db_commit_safety DB_SAFE_CRASH): they survive the process dying at any
 * moment, and are made power-safe by a checkpoint as soon as the queue
 * falls idle and at least once a second under continuous load. So a power
 * cut or an operating-system crash can lose at most about the last second
 * of read entries (never a change: changes commit power-safe with their
 * own entry), and the chain stays whole: what survives is a prefix of the
 * log. docs/audit.md says this in full. */
#ifndef DYAD_APP_AUDIT_QUEUE_H
#define DYAD_APP_AUDIT_QUEUE_H

#include "app/app.h"
#include "store/store_audit.h"

/* Starts p's audit writer: a thread with its own connection to p's
 * database. Returns 0 or an error (then p has none). */
int app_audit_queue_start(struct app_proc *p, struct dy_err *e);

/* Writes what is still queued, makes it power-safe, stops the thread and
 * closes its connection; nothing when p has no writer. */
void app_audit_queue_stop(struct app_proc *p);

/* Appends entries rows[0..n) in that order (their ids and hashes are set
 * by the writer) and waits until the batch holding them has committed. 0,
 * or the commit's error. */
int app_audit_queue_append(struct audit_queue *q, struct audit_row **rows, int n, struct dy_err *e);

#endif
