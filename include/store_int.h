/*
 * store_int.h - what the store's rooms share, and nothing outside them
 * includes: the connection, the statement cache, transactions, and the
 * note ids that several rooms give out.
 *
 * The store speaks SQL in these rooms only (tests/docs/manual_and_rooms.t
 * checks it):
 *	store.c		the connection, statements and transactions
 *	store_schema.c	the schema and its history, read from 0 to now
 *	store_ids.c	a note's place in date order, serials and numbers
 *	store_dossier.c	dossiers
 *	store_note.c	notes, their printing and their purge
 *	store_search.c	the full-text search
 *	store_draft.c	drafts
 *	store_backup.c	the record of backups made
 */
#ifndef CARNET_STORE_INT_H
#define CARNET_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

struct store {
	struct notebook	*nb;
	sqlite3		*db;
	int		 depth;		/* transactions open: >1 nests */
	time_t		 last_when;	/* ids_place()'s last answer */
	long long	 last_place;
	/* Prepared statements are kept and reused: parsing the SQL again
	 * for every note would cost more than running it.  Every SQL
	 * string is a literal, so its address identifies it, and the
	 * cache holds each one the session uses: it grows to the number
	 * of statements in the rooms, and no further. */
	struct {
		const char	*sql;
		sqlite3_stmt	*stmt;
	}		*cache;
	size_t		 cached, room;
};

/* SQLite's error RC as ERR; returns -1. */
int	 sql_fail(struct store *, int rc, struct error *);
/* SQL (a literal), prepared once and kept; give it back with
 * sql_release() or sql_finish(). */
int	 sql_prepare(struct store *, const char *sql, sqlite3_stmt **,
	    struct error *);
void	 sql_release(sqlite3_stmt *);
/* Statements that return no rows. */
int	 sql_run(struct store *, const char *sql, struct error *);
/* Step a statement that returns no row, then release it. */
int	 sql_finish(struct store *, sqlite3_stmt *, struct error *);
/* Transactions: they nest as savepoints inside a batch.  sql_rollback()
 * returns -1 for its caller to pass on. */
int	 sql_begin(struct store *, struct error *);
int	 sql_rollback(struct store *);
int	 sql_commit(struct store *, struct error *);
/* The end of a destruction, inside its transaction: the indexes without
 * the deleted words (OPTIMIZE, the SQL given), the commit, a checkpoint. */
int	 sql_forget(struct store *, const char *optimize, struct error *);
/* A copy of a text column, in wiped memory (util.h). */
char	*sql_text(sqlite3_stmt *, int col, size_t *len);

/* Bring the schema to STORE_VERSION (store_schema.c). */
int	 schema_migrate(struct store *, struct error *);

/* A note's place is counted in steps of ten minutes (store_ids.c). */
#define NOTE_STEP	600
long long ids_step(long long when);
/* The place for a new note dated WHEN, room made after it. */
int	 ids_place(struct store *, time_t when, long long *place,
	    struct error *);
/* The next number of the serial NAME ("note", "dossier", "draft"). */
int	 ids_serial(struct store *, const char *name, long long *,
	    struct error *);
/* The number a note arriving in DOSSIER takes there. */
int	 ids_number(struct store *, long long dossier, long long *,
	    struct error *);

/* The user's words as an FTS4 query (store_search.c); NULL when none. */
char	*search_query(const char *text, int prefix);

/* Note place FROM goes to place TO (free), with its entry in the index. */
int	 ids_move(struct store *, long long from, long long to,
	    struct error *);

/* Draft ID goes, inside the caller's transaction (store_draft.c). */
int	 draft_delete(struct store *, long long id, struct error *);

#endif
