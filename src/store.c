/*
 * store.c - the notebook's content: the connection, its statements and
 * its transactions.  The store is the only part of carnet that speaks
 * SQL; its rooms by subject are listed in store_int.h, and the schema,
 * with its history, is in store_schema.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store_int.h"

int
sql_fail(struct store *st, int rc, struct error *err)
{
	return notebook_sql_error(st->nb, rc, err);
}

int
sql_prepare(struct store *st, const char *sql, sqlite3_stmt **out,
    struct error *err)
{
	size_t i;
	int rc;

	for (i = 0; i < st->cached; i++)
		if (st->cache[i].sql == sql) {
			*out = st->cache[i].stmt;
			return 0;
		}
	if ((rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL)) != SQLITE_OK)
		return sql_fail(st, rc, err);
	if (st->cached == st->room) {
		st->room = st->room > 0 ? st->room * 2 : 64;
		st->cache = xreallocarray(st->cache, st->room,
		    sizeof(*st->cache));
	}
	st->cache[st->cached].sql = sql;
	st->cache[st->cached++].stmt = *out;
	return 0;
}

/* Done with a statement: ready for next time, holding no lock and no
 * pointer to the caller's text.  Every statement is in the cache. */
void
sql_release(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Run SQL statements that return no rows. */
int
sql_run(struct store *st, const char *sql, struct error *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : sql_fail(st, rc, err);
}

/* Step a prepared statement that returns no row, then give it back to
 * the cache (sql_release()). */
int
sql_finish(struct store *st, sqlite3_stmt *s, struct error *err)
{
	int rc = sqlite3_step(s);

	sql_release(s);
	return rc == SQLITE_DONE ? 0 : sql_fail(st, rc, err);
}

/* IMMEDIATE: take the write lock now (waiting for another writer up to
 * the busy timeout) rather than fail halfway through. */
/*
 * Inside a batch (an import), each change is a savepoint of the one
 * transaction: a change that fails is undone alone, and the batch goes
 * on or is rolled back whole by its caller.  (Measured: FTS4 flushing its
 * pending terms at each savepoint makes an import faster, not slower.)
 */
int
sql_begin(struct store *st, struct error *err)
{
	if (notebook_readonly(st->nb))
		return error_set(err, EXIT_ERROR, _("the notebook is read-only "
		    "(look at the file's permissions): nothing was saved"));
	if (sql_run(st, st->depth > 0 ? "SAVEPOINT step;" : "BEGIN IMMEDIATE;",
	    err) == -1)
		return -1;
	st->depth++;
	return 0;
}

/* Give up the transaction; returns -1 for the caller to pass on. */
int
sql_rollback(struct store *st)
{
	if (st->depth > 1)
		sqlite3_exec(st->db, "ROLLBACK TO step; RELEASE step;", NULL,
		    NULL, NULL);
	else
		sqlite3_exec(st->db, "ROLLBACK;", NULL, NULL, NULL);
	if (st->depth > 0)
		st->depth--;
	st->last_place = 0;
	return -1;
}

int
sql_commit(struct store *st, struct error *err)
{
	if (sql_run(st, st->depth > 1 ? "RELEASE step;" : "COMMIT;", err) == 0) {
		/* ids_place()'s last answer holds only inside one
		 * transaction: another process may write after it. */
		if (--st->depth == 0)
			st->last_place = 0;
		return 0;
	}
	return sql_rollback(st);
}

/*
 * The end of a destruction, inside its transaction: OPTIMIZE rewrites the
 * indexes without the deleted rows' words, then the commit, then a
 * checkpoint that empties the WAL of the old pages.
 */
int
sql_forget(struct store *st, const char *optimize, struct error *err)
{
	if (sql_run(st, optimize, err) == -1)
		return sql_rollback(st);
	if (sql_commit(st, err) == -1)
		return -1;
	sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL,
	    NULL);
	return 0;
}

int
store_snapshot_begin(struct store *st, struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (st->depth > 0)
		return error_set(err, EXIT_ERROR, "store_snapshot_begin: "
		    "inside a transaction");
	/* A deferred transaction takes its snapshot at its first read:
	 * made at once, here. */
	if (sql_run(st, "BEGIN;", err) == -1)
		return -1;
	if (sql_prepare(st, "SELECT count(*) FROM dossier;", &s, err) == -1) {
		sqlite3_exec(st->db, "ROLLBACK;", NULL, NULL, NULL);
		return -1;
	}
	rc = sqlite3_step(s);
	sql_release(s);
	if (rc != SQLITE_ROW) {
		sqlite3_exec(st->db, "ROLLBACK;", NULL, NULL, NULL);
		return sql_fail(st, rc, err);
	}
	st->depth++;
	return 0;
}

void
store_snapshot_end(struct store *st)
{
	if (st->depth != 1)
		return;
	/* Nothing was written: the end of a read. */
	sqlite3_exec(st->db, "COMMIT;", NULL, NULL, NULL);
	st->depth--;
}

/* A batch writes many pages: a larger cache keeps them from being
 * encrypted out to the WAL and read back again and again.  Measured on
 * 100,000 notes: 128 MiB imports 8% faster than 32 MiB, for 120 MiB
 * more memory while the import lasts. */
int
store_batch_begin(struct store *st, struct error *err)
{
	sqlite3_exec(st->db, "PRAGMA cache_size = -131072;", NULL, NULL, NULL);
	return sql_begin(st, err);
}

int
store_batch_end(struct store *st, int keep, struct error *err)
{
	int rc;

	if (st->depth != 1)
		return error_set(err, EXIT_ERROR, "store_batch_end: no batch");
	rc = keep ? sql_commit(st, err) : sql_rollback(st);
	sqlite3_exec(st->db, "PRAGMA cache_size = -2000;", NULL, NULL, NULL);
	return rc;
}

/* A copy of a text column: note text or a name, so wiped when freed
 * (util.h), over its whole block. */
char *
sql_text(sqlite3_stmt *s, int col, size_t *len)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	size_t n = (size_t)sqlite3_column_bytes(s, col);

	if (len != NULL)
		*len = n;
	return wipe_dup(t != NULL ? (const char *)t : "", t != NULL ? n : 0);
}

struct store *
store_attach(struct notebook *nb, struct error *err)
{
	struct store *st = xcalloc(1, sizeof(*st));

	st->nb = nb;
	st->db = notebook_db(nb);
	if (schema_migrate(st, err) == -1) {
		store_close(st);
		return NULL;
	}
	return st;
}

struct notebook *
store_detach(struct store *st)
{
	struct notebook *nb;
	size_t i;

	if (st == NULL)
		return NULL;
	for (i = 0; i < st->cached; i++)
		sqlite3_finalize(st->cache[i].stmt);
	free(st->cache);
	nb = st->nb;
	free(st);
	return nb;
}

void
store_close(struct store *st)
{
	notebook_close(store_detach(st));
}

struct notebook *
store_notebook(struct store *st)
{
	return st->nb;
}
