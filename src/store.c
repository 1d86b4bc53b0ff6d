/*
 * store.c - the notebook's content, and the only room that speaks SQL.
 *
 * Three tables (dossier, note, draft) and two full-text indexes (FTS4,
 * external content, unicode61 without diacritics).  A note's id counts
 * ten-minute steps since 1970 to its date (place_note()), so the
 * index's docid order is date order and a search can walk the newest
 * hits first and stop after a page, building snippets only for the rows
 * it returns.  Start with migrate(), which holds the schema.
 *
 * Longer than the other rooms on purpose: every SQL statement is here
 * (tests/docs.t checks it), so that the schema, its history and every
 * query are read together.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <uninorm.h>
#include <unistr.h>

#include "names.h"
#include "store.h"

/* Prepared statements are kept and reused: parsing the SQL again for
 * every note would cost more than running it.  The SQL strings are
 * literals, so their address identifies them. */
#define CACHE	48

struct store {
	struct notebook	*nb;
	sqlite3		*db;
	int		 depth;		/* transactions open: >1 nests */
	time_t		 last_when;	/* place_note()'s last answer */
	long long	 last_place;
	struct {
		const char	*sql;
		sqlite3_stmt	*stmt;
	}		 cache[CACHE];
};

static int	renumber(struct store *, struct error *);
static int	names_nfc(struct store *, struct error *);
static int	in_date_order(struct store *, struct error *);
static int	schema5(struct store *, struct error *);
static int	serial_next(struct store *, const char *, long long *,
		    struct error *);
static char	*fts_query(const char *, int);

/*
 * Each step brings user_version from its index to the next: its SQL, then
 * its function if it has one.  Never edit a step that has shipped: add
 * one.
 */
static const struct {
	const char	*sql;
	int		(*then)(struct store *, struct error *);
} migrations[STORE_VERSION] = {
	/* 0 -> 1: the first schema. */
	{
	"CREATE TABLE dossier ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  created INTEGER NOT NULL,"
	"  closed INTEGER,"			/* when closed, or NULL */
	/* Kept by the triggers below, so that listing 2,000 dossiers
	 * reads 2,000 rows, not every note. */
	"  notes INTEGER NOT NULL DEFAULT 0,"
	"  unprinted INTEGER NOT NULL DEFAULT 0,"
	"  last INTEGER"			/* the newest note's date */
	");"
	"CREATE TABLE note ("
	"  id INTEGER PRIMARY KEY,"		/* see place_note() */
	"  dossier INTEGER NOT NULL REFERENCES dossier(id),"
	"  created INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL,"
	"  body TEXT NOT NULL,"
	"  printed INTEGER"			/* when, or NULL */
	");"
	"CREATE INDEX note_by_dossier ON note(dossier, id);"
	"CREATE TABLE draft ("
	"  id INTEGER PRIMARY KEY,"
	"  dossier INTEGER NOT NULL REFERENCES dossier(id),"
	"  note INTEGER REFERENCES note(id),"	/* being edited, or NULL */
	"  saved INTEGER NOT NULL,"
	"  body TEXT NOT NULL"
	");"
	"CREATE VIRTUAL TABLE note_fts USING fts4(content=\"note\", body,"
	"  tokenize=unicode61 \"remove_diacritics=1\");"
	"CREATE VIRTUAL TABLE dossier_fts USING fts4(content=\"dossier\","
	"  name, tokenize=unicode61 \"remove_diacritics=1\");"
	/* External-content indexes are kept by triggers (sqlite.org/fts3). */
	"CREATE TRIGGER note_bu BEFORE UPDATE OF body ON note BEGIN"
	"  DELETE FROM note_fts WHERE docid = old.id; END;"
	"CREATE TRIGGER note_bd BEFORE DELETE ON note BEGIN"
	"  DELETE FROM note_fts WHERE docid = old.id; END;"
	"CREATE TRIGGER note_au AFTER UPDATE OF body ON note BEGIN"
	"  INSERT INTO note_fts(docid, body) VALUES (new.id, new.body); END;"
	"CREATE TRIGGER note_ai AFTER INSERT ON note BEGIN"
	"  INSERT INTO note_fts(docid, body) VALUES (new.id, new.body); END;"
	"CREATE TRIGGER dossier_bu BEFORE UPDATE OF name ON dossier BEGIN"
	"  DELETE FROM dossier_fts WHERE docid = old.id; END;"
	"CREATE TRIGGER dossier_bd BEFORE DELETE ON dossier BEGIN"
	"  DELETE FROM dossier_fts WHERE docid = old.id; END;"
	"CREATE TRIGGER dossier_au AFTER UPDATE OF name ON dossier BEGIN"
	"  INSERT INTO dossier_fts(docid, name) VALUES (new.id, new.name);"
	"  END;"
	"CREATE TRIGGER dossier_ai AFTER INSERT ON dossier BEGIN"
	"  INSERT INTO dossier_fts(docid, name) VALUES (new.id, new.name);"
	"  END;"
	"CREATE TRIGGER count_ai AFTER INSERT ON note BEGIN"
	"  UPDATE dossier SET notes = notes + 1,"
	"   unprinted = unprinted + (new.printed IS NULL),"
	"   last = max(coalesce(last, new.created), new.created)"
	"   WHERE id = new.dossier; END;"
	"CREATE TRIGGER count_ad AFTER DELETE ON note BEGIN"
	"  UPDATE dossier SET notes = notes - 1,"
	"   unprinted = unprinted - (old.printed IS NULL),"
	"   last = (SELECT created FROM note WHERE dossier = old.dossier"
	"    ORDER BY id DESC LIMIT 1)"
	"   WHERE id = old.dossier; END;"
	"CREATE TRIGGER count_au AFTER UPDATE OF printed ON note BEGIN"
	"  UPDATE dossier SET unprinted = unprinted"
	"   + (new.printed IS NULL) - (old.printed IS NULL)"
	"   WHERE id = new.dossier; END;",
	NULL },
	/* 1 -> 2: ids count ten minutes, no longer seconds times 1024, and
	 * a dossier's notes are in date order by their index. */
	{
	"DROP INDEX note_by_dossier;"
	"CREATE INDEX note_by_dossier ON note(dossier, created);"
	"DROP TRIGGER count_ad;"
	"CREATE TRIGGER count_ad AFTER DELETE ON note BEGIN"
	"  UPDATE dossier SET notes = notes - 1,"
	"   unprinted = unprinted - (old.printed IS NULL),"
	"   last = (SELECT max(created) FROM note"
	"    WHERE dossier = old.dossier)"
	"   WHERE id = old.dossier; END;",
	renumber },
	/* 2 -> 3: a note counts its revisions, and a draft knows the
	 * session writing it and the revision it began from, so that two
	 * windows never overwrite each other (store_note_save()). */
	{
	"ALTER TABLE note ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE draft ADD COLUMN base INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE draft ADD COLUMN session TEXT;"
	/* What print-then-destroy leaves: how many notes, and when last
	 * (store_purge()): a record without a word of text. */
	"ALTER TABLE dossier ADD COLUMN destroyed INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE dossier ADD COLUMN destroyed_at INTEGER;"
	/* A dossier reviewed and kept is out of the review for one more
	 * retention period (store_dossier_keep()). */
	"ALTER TABLE dossier ADD COLUMN kept INTEGER;"
	/* A note moved to another dossier (store_note_move()) leaves one
	 * count and joins the other. */
	"CREATE TRIGGER count_move AFTER UPDATE OF dossier ON note BEGIN"
	"  UPDATE dossier SET notes = notes - 1,"
	"   unprinted = unprinted - (old.printed IS NULL),"
	"   last = (SELECT max(created) FROM note"
	"    WHERE dossier = old.dossier)"
	"   WHERE id = old.dossier;"
	"  UPDATE dossier SET notes = notes + 1,"
	"   unprinted = unprinted + (new.printed IS NULL),"
	"   last = max(coalesce(last, new.created), new.created)"
	"   WHERE id = new.dossier; END;",
	names_nfc },
	/* 3 -> 4: a note's date is the meeting's, which may be days before
	 * it was written: it keeps when it was written apart (NULL: at its
	 * date, as every note before), and a draft the date chosen for its
	 * note.  Two people may have the same name: the dossier table is
	 * made again without UNIQUE (sqlite.org/lang_altertable.html, "other
	 * kinds of table schema changes"; migrate() turns foreign keys off
	 * around it).  Then in_date_order() makes sure ids follow dates. */
	{
	"ALTER TABLE note ADD COLUMN written INTEGER;"
	"ALTER TABLE draft ADD COLUMN dated INTEGER;"
	"CREATE TABLE dossier4 ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  closed INTEGER,"
	"  notes INTEGER NOT NULL DEFAULT 0,"
	"  unprinted INTEGER NOT NULL DEFAULT 0,"
	"  last INTEGER,"
	"  destroyed INTEGER NOT NULL DEFAULT 0,"
	"  destroyed_at INTEGER,"
	"  kept INTEGER"
	");"
	"INSERT INTO dossier4 SELECT id, name, created, closed, notes,"
	"  unprinted, last, destroyed, destroyed_at, kept FROM dossier;"
	"DROP TABLE dossier;"
	"ALTER TABLE dossier4 RENAME TO dossier;"
	"CREATE INDEX dossier_by_name ON dossier(name);"
	/* Each backup made and checked: when, and where (a path, no
	 * person's name), so that the screens can remind of the next. */
	"CREATE TABLE backup ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  place TEXT NOT NULL"
	");"
	/* The names' index triggers went with the old table. */
	"CREATE TRIGGER dossier_bu BEFORE UPDATE OF name ON dossier BEGIN"
	"  DELETE FROM dossier_fts WHERE docid = old.id; END;"
	"CREATE TRIGGER dossier_bd BEFORE DELETE ON dossier BEGIN"
	"  DELETE FROM dossier_fts WHERE docid = old.id; END;"
	"CREATE TRIGGER dossier_au AFTER UPDATE OF name ON dossier BEGIN"
	"  INSERT INTO dossier_fts(docid, name) VALUES (new.id, new.name);"
	"  END;"
	"CREATE TRIGGER dossier_ai AFTER INSERT ON dossier BEGIN"
	"  INSERT INTO dossier_fts(docid, name) VALUES (new.id, new.name);"
	"  END;",
	in_date_order },
	/* 4 -> 5: a note's identity is fixed at birth.  Until schema 4 its
	 * id was also its place in date order, the index's docid, and moved
	 * when a note was dated again or written among others: a window that
	 * held an id across a question could act on another person's note.
	 * The note table is made again with three keys: sort, the rowid and
	 * the index's docid, keeps date order and may move (place_note());
	 * id, the identity, never changes and is never given again
	 * (serial_next()); number, what people see and type ("#3"), is fixed
	 * while the note stays in its dossier and never given twice there
	 * (dossier.numbered).  Every note keeps its id (sort = id = the old
	 * id, so the index stays as it is) and is numbered in date order,
	 * as it was shown until now (numbered_copy()).  Dossiers and drafts
	 * take their ids from serial too: a destroyed dossier's number is
	 * never another person's. */
	{
	"ALTER TABLE dossier ADD COLUMN numbered INTEGER NOT NULL DEFAULT 0;"
	/* Namesakes are found by one key (names_key()), indexed: the names'
	 * own index goes.  How many others have a dossier's key is kept by
	 * triggers (note5_sql), so that a list of 2,000 dossiers shows the
	 * numbers of namesakes without a lookup more. */
	"ALTER TABLE dossier ADD COLUMN namekey TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE dossier ADD COLUMN namesakes INTEGER NOT NULL DEFAULT 0;"
	"DROP INDEX dossier_by_name;"
	"CREATE INDEX dossier_by_key ON dossier(namekey);"
	"CREATE TABLE serial ("
	"  name TEXT PRIMARY KEY,"
	"  last INTEGER NOT NULL"
	");"
	"INSERT INTO serial SELECT 'note', coalesce(max(id), 0) FROM note;"
	"INSERT INTO serial SELECT 'dossier', coalesce(max(id), 0)"
	"  FROM dossier;"
	"INSERT INTO serial SELECT 'draft', coalesce(max(id), 0) FROM draft;"
	"CREATE TABLE note5 ("
	"  sort INTEGER PRIMARY KEY,"		/* see place_note() */
	"  id INTEGER NOT NULL UNIQUE,"		/* see serial_next() */
	"  dossier INTEGER NOT NULL REFERENCES dossier(id),"
	"  number INTEGER NOT NULL,"		/* in its dossier */
	"  created INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL,"
	"  body TEXT NOT NULL,"
	"  printed INTEGER,"
	"  revision INTEGER NOT NULL DEFAULT 0,"
	"  written INTEGER"
	");",
	schema5 },
};

/* The rest of step 4 -> 5, once note5 holds every note: the table takes
 * the old one's name, its indexes and its triggers, which now follow
 * sort for the index and id for nothing else. */
static const char note5_sql[] =
	"DROP TABLE note;"
	"ALTER TABLE note5 RENAME TO note;"
	"CREATE INDEX note_by_dossier ON note(dossier, created);"
	"CREATE UNIQUE INDEX note_by_number ON note(dossier, number);"
	"UPDATE dossier SET numbered = (SELECT coalesce(max(number), 0)"
	"  FROM note WHERE dossier = dossier.id);"
	"CREATE TRIGGER note_bu BEFORE UPDATE OF body ON note BEGIN"
	"  DELETE FROM note_fts WHERE docid = old.sort; END;"
	"CREATE TRIGGER note_bd BEFORE DELETE ON note BEGIN"
	"  DELETE FROM note_fts WHERE docid = old.sort; END;"
	"CREATE TRIGGER note_au AFTER UPDATE OF body ON note BEGIN"
	"  INSERT INTO note_fts(docid, body) VALUES (new.sort, new.body); END;"
	"CREATE TRIGGER note_ai AFTER INSERT ON note BEGIN"
	"  INSERT INTO note_fts(docid, body) VALUES (new.sort, new.body); END;"
	"CREATE TRIGGER count_ai AFTER INSERT ON note BEGIN"
	"  UPDATE dossier SET notes = notes + 1,"
	"   unprinted = unprinted + (new.printed IS NULL),"
	"   last = max(coalesce(last, new.created), new.created)"
	"   WHERE id = new.dossier; END;"
	"CREATE TRIGGER count_ad AFTER DELETE ON note BEGIN"
	"  UPDATE dossier SET notes = notes - 1,"
	"   unprinted = unprinted - (old.printed IS NULL),"
	"   last = (SELECT max(created) FROM note"
	"    WHERE dossier = old.dossier)"
	"   WHERE id = old.dossier; END;"
	"CREATE TRIGGER count_au AFTER UPDATE OF printed ON note BEGIN"
	"  UPDATE dossier SET unprinted = unprinted"
	"   + (new.printed IS NULL) - (old.printed IS NULL)"
	"   WHERE id = new.dossier; END;"
	"CREATE TRIGGER count_move AFTER UPDATE OF dossier ON note BEGIN"
	"  UPDATE dossier SET notes = notes - 1,"
	"   unprinted = unprinted - (old.printed IS NULL),"
	"   last = (SELECT max(created) FROM note"
	"    WHERE dossier = old.dossier)"
	"   WHERE id = old.dossier;"
	"  UPDATE dossier SET notes = notes + 1,"
	"   unprinted = unprinted + (new.printed IS NULL),"
	"   last = max(coalesce(last, new.created), new.created)"
	"   WHERE id = new.dossier; END;"
	"CREATE TRIGGER namesakes_ai AFTER INSERT ON dossier BEGIN"
	"  UPDATE dossier SET namesakes = (SELECT count(*) - 1 FROM dossier s"
	"   WHERE s.namekey = new.namekey) WHERE namekey = new.namekey; END;"
	"CREATE TRIGGER namesakes_ad AFTER DELETE ON dossier BEGIN"
	"  UPDATE dossier SET namesakes = namesakes - 1"
	"   WHERE namekey = old.namekey; END;"
	"CREATE TRIGGER namesakes_au AFTER UPDATE OF namekey ON dossier"
	"  WHEN old.namekey <> new.namekey BEGIN"
	"  UPDATE dossier SET namesakes = namesakes - 1"
	"   WHERE namekey = old.namekey;"
	"  UPDATE dossier SET namesakes = (SELECT count(*) - 1 FROM dossier s"
	"   WHERE s.namekey = new.namekey) WHERE namekey = new.namekey; END;";

static int
fail(struct store *st, int rc, struct error *err)
{
	return notebook_sql_error(st->nb, rc, err);
}

static int
prepare(struct store *st, const char *sql, sqlite3_stmt **out,
    struct error *err)
{
	int i, rc;

	for (i = 0; i < CACHE && st->cache[i].sql != NULL; i++)
		if (st->cache[i].sql == sql) {
			*out = st->cache[i].stmt;
			return 0;
		}
	if ((rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL)) != SQLITE_OK)
		return fail(st, rc, err);
	if (i < CACHE) {
		st->cache[i].sql = sql;
		st->cache[i].stmt = *out;
	}
	return 0;
}

/* Done with a statement: ready for next time, holding no lock and no
 * pointer to the caller's text. */
static void
release(struct store *st, sqlite3_stmt *s)
{
	int i;

	for (i = 0; i < CACHE && st->cache[i].sql != NULL; i++)
		if (st->cache[i].stmt == s) {
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return;
		}
	sqlite3_finalize(s);
}

/* Run SQL statements that return no rows. */
static int
run(struct store *st, const char *sql, struct error *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : fail(st, rc, err);
}

/* Step a prepared statement that returns no row, then give it back to
 * the cache (release()). */
static int
finish(struct store *st, sqlite3_stmt *s, struct error *err)
{
	int rc = sqlite3_step(s);

	release(st, s);
	return rc == SQLITE_DONE ? 0 : fail(st, rc, err);
}

/* IMMEDIATE: take the write lock now (waiting for another writer up to
 * the busy timeout) rather than fail halfway through. */
/*
 * Inside a batch (an import), each change is a savepoint of the one
 * transaction: a change that fails is undone alone, and the batch goes
 * on or is rolled back whole by its caller.  (Measured: FTS4 flushing its
 * pending terms at each savepoint makes an import faster, not slower.)
 */
static int
begin(struct store *st, struct error *err)
{
	if (notebook_readonly(st->nb))
		return error_set(err, EXIT_ERROR, _("the notebook is read-only "
		    "(look at the file's permissions): nothing was saved"));
	if (run(st, st->depth > 0 ? "SAVEPOINT step;" : "BEGIN IMMEDIATE;",
	    err) == -1)
		return -1;
	st->depth++;
	return 0;
}

/* Give up the transaction; returns -1 for the caller to pass on. */
static int
rollback(struct store *st)
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

static int
commit(struct store *st, struct error *err)
{
	if (run(st, st->depth > 1 ? "RELEASE step;" : "COMMIT;", err) == 0) {
		/* place_note()'s last answer holds only inside one
		 * transaction: another process may write after it. */
		if (--st->depth == 0)
			st->last_place = 0;
		return 0;
	}
	return rollback(st);
}

/* A batch writes many pages: a larger cache keeps them from being
 * encrypted out to the WAL and read back again and again.  Measured on
 * 100,000 notes: 128 MiB imports 8% faster than 32 MiB, for 120 MiB
 * more memory while the import lasts. */
int
store_batch_begin(struct store *st, struct error *err)
{
	sqlite3_exec(st->db, "PRAGMA cache_size = -131072;", NULL, NULL, NULL);
	return begin(st, err);
}

int
store_batch_end(struct store *st, int keep, struct error *err)
{
	int rc;

	if (st->depth != 1)
		return error_set(err, EXIT_ERROR, "store_batch_end: no batch");
	rc = keep ? commit(st, err) : rollback(st);
	sqlite3_exec(st->db, "PRAGMA cache_size = -2000;", NULL, NULL, NULL);
	return rc;
}

int
store_note_is(struct store *st, long long id, const char *body, size_t len,
    int *same, struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (prepare(st, "SELECT body = ?2 FROM note WHERE id = ?1;", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, body, (int)len, SQLITE_STATIC);
	rc = sqlite3_step(s);
	*same = rc == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
	release(st, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : fail(st, rc, err);
}

/* A copy of a text column: note text or a name, so wiped when freed
 * (util.h), over its whole block. */
static char *
column_text(sqlite3_stmt *s, int col, size_t *len)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	size_t n = (size_t)sqlite3_column_bytes(s, col);

	if (len != NULL)
		*len = n;
	return wipe_dup(t != NULL ? (const char *)t : "", t != NULL ? n : 0);
}

/* DB's PRAGMA user_version: SQLITE_ROW, or SQLite's error.  Read a few
 * times per opening, so not worth a cached statement. */
static int
schema_version(sqlite3 *db, int *version)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = sqlite3_prepare_v2(db, "PRAGMA user_version;", -1, &s,
	    NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*version = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc;
}

static int
user_version(struct store *st, int *version, struct error *err)
{
	int rc = schema_version(st->db, version);

	return rc == SQLITE_ROW ? 0 : fail(st, rc, err);
}

static int	migrate_steps(struct store *, struct error *);

static int
migrate(struct store *st, struct error *err)
{
	int version, rc;

	if (user_version(st, &version, err) == -1)
		return -1;
	if (version > STORE_VERSION)
		return error_set(err, EXIT_NOTCARNET, _("this notebook was "
		    "written by a newer carnet (schema %d; this one knows %d): "
		    "update carnet"), version, STORE_VERSION);
	if (version == STORE_VERSION)
		return 0;
	if (notebook_readonly(st->nb))
		return error_set(err, EXIT_ERROR, _("this notebook must be "
		    "brought up to date but it is read-only"));
	/* A table made again must not take its rows' references with it:
	 * foreign keys off (they can only change outside a transaction),
	 * checked before the commit, on again after; and ALTER TABLE
	 * RENAME as SQLite 3.15 does it, on every SQLite. */
	sqlite3_exec(st->db, "PRAGMA foreign_keys = OFF;"
	    "PRAGMA legacy_alter_table = ON;", NULL, NULL, NULL);
	rc = migrate_steps(st, err);
	sqlite3_exec(st->db, "PRAGMA foreign_keys = ON;"
	    "PRAGMA legacy_alter_table = OFF;", NULL, NULL, NULL);
	return rc;
}

static int
migrate_steps(struct store *st, struct error *err)
{
	sqlite3_stmt *s;
	char sql[64];
	int version, rc;

	if (begin(st, err) == -1)
		return -1;
	/* Read again inside the transaction: another process may have
	 * migrated it meanwhile. */
	if (user_version(st, &version, err) == -1)
		return rollback(st);
	for (; version < STORE_VERSION; version++)
		if (run(st, migrations[version].sql, err) == -1 ||
		    (migrations[version].then != NULL &&
		    migrations[version].then(st, err) == -1))
			return rollback(st);
	if (prepare(st, "PRAGMA foreign_key_check;", &s, err) == -1)
		return rollback(st);
	rc = sqlite3_step(s);
	release(st, s);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_ROW)
			error_set(err, EXIT_NOTCARNET, _("bringing the notebook "
			    "up to date would leave a note without its "
			    "dossier: nothing was changed"));
		else
			fail(st, rc, err);
		return rollback(st);
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d;", version);
	if (run(st, sql, err) == -1)
		return rollback(st);
	return commit(st, err);
}

int
store_outdated(struct notebook *nb)
{
	int version = STORE_VERSION;

	(void)schema_version(notebook_db(nb), &version);
	return version > 0 && version < STORE_VERSION;
}

struct store *
store_attach(struct notebook *nb, struct error *err)
{
	struct store *st = xcalloc(1, sizeof(*st));

	st->nb = nb;
	st->db = notebook_db(nb);
	if (migrate(st, err) == -1) {
		store_close(st);
		return NULL;
	}
	return st;
}

void
store_close(struct store *st)
{
	int i;

	if (st == NULL)
		return;
	for (i = 0; i < CACHE && st->cache[i].sql != NULL; i++)
		sqlite3_finalize(st->cache[i].stmt);
	notebook_close(st->nb);
	free(st);
}

struct notebook *
store_notebook(struct store *st)
{
	return st->nb;
}

int
store_name_check(const char *name, struct error *err)
{
	char *kept = names_clean(name, STORE_NAME_MAX, err);

	wipe_free(kept);
	return kept != NULL ? 0 : -1;
}

/*
 * NAME in Unicode's composed form (NFC), in wiped memory, for schema 3's
 * step (names_nfc()); names are cleaned by names_clean() since.
 */
static char *
name_nfc(const char *name)
{
	size_t len = 0;
	uint8_t *nfc;
	char *out;

	nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)name, strlen(name),
	    NULL, &len);
	if (nfc == NULL)
		return wipe_dup(name, strlen(name));
	out = wipe_dup((const char *)nfc, len);
	explicit_bzero(nfc, len);
	free(nfc);
	return out;
}

int
store_body_check(const char *body, size_t len, struct error *err)
{
	size_t i;
	long bad;

	if (memchr(body, '\0', len) != NULL)
		return error_set(err, EXIT_ERROR, _("the note contains a NUL "
		    "byte (binary data?): nothing was saved"));
	if ((bad = util_utf8_invalid(body, len)) != -1)
		return error_set(err, EXIT_ERROR, _("the note is not valid "
		    "UTF-8 text (at byte %ld): nothing was saved; convert it, "
		    "for example with iconv"), bad);
	for (i = 0; i < len; i++)
		if (body[i] != ' ' && body[i] != '\t' && body[i] != '\n' &&
		    body[i] != '\r')
			return 0;
	return error_set(err, EXIT_ERROR, _("the note is empty: nothing was "
	    "saved"));
}

static void
dossier_row(sqlite3_stmt *s, struct dossier *d)
{
	d->id = sqlite3_column_int64(s, 0);
	d->name = column_text(s, 1, NULL);
	d->created = (time_t)sqlite3_column_int64(s, 2);
	d->closed = (time_t)sqlite3_column_int64(s, 3);
	d->notes = (long)sqlite3_column_int64(s, 4);
	d->unprinted = (long)sqlite3_column_int64(s, 5);
	d->last = (time_t)sqlite3_column_int64(s, 6);
	d->destroyed = (long)sqlite3_column_int64(s, 7);
	d->destroyed_at = (time_t)sqlite3_column_int64(s, 8);
	d->numbered = (long)sqlite3_column_int64(s, 9);
	d->homonyms = (long)sqlite3_column_int64(s, 10);
	d->person = util_person(d->name, d->id, d->homonyms);
}

/* Last, how many other dossiers have a name of the same key (kept by
 * the namesakes_* triggers): the screens then show the number, which
 * tells two people apart.  A lookup per row made listing 2.5 times
 * slower; a pass over the names to mark them, 25% slower. */
#define DOSSIER_COLUMNS \
	"SELECT id, name, created, closed, notes, unprinted, last," \
	" destroyed, destroyed_at, numbered, namesakes FROM dossier"

static char *fts_query(const char *, int);

int
store_dossiers(struct store *st, const char *filter, int closed_too,
    time_t idle_since, struct dossier **out, size_t *count,
    struct error *err)
{
	sqlite3_stmt *s;
	struct dossier *list = NULL;
	size_t n = 0, cap = 0;
	char *q = NULL;
	int rc;

	if (filter != NULL && (q = fts_query(filter, 1)) == NULL)
		filter = NULL;	/* nothing but spaces: no filter */
	rc = prepare(st, filter == NULL ? DOSSIER_COLUMNS
	    " WHERE (?2 OR closed IS NULL) AND max(coalesce(last, created),"
	    " coalesce(kept, 0)) < ?3"
	    " ORDER BY coalesce(last, created) DESC, name, id DESC;" :
	    DOSSIER_COLUMNS " WHERE (?2 OR closed IS NULL)"
	    " AND max(coalesce(last, created), coalesce(kept, 0)) < ?3"
	    " AND id IN"
	    " (SELECT docid FROM dossier_fts WHERE dossier_fts MATCH ?1)"
	    " ORDER BY coalesce(last, created) DESC, name, id DESC;",
	    &s, err);
	if (rc == -1) {
		wipe_free(q);
		return -1;
	}
	if (q != NULL)
		sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, closed_too);
	sqlite3_bind_int64(s, 3, idle_since != 0 ? (sqlite3_int64)idle_since :
	    INT64_MAX);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			list = xreallocarray(list, cap, sizeof(*list));
		}
		dossier_row(s, &list[n++]);
	}
	release(st, s);
	wipe_free(q);
	if (rc != SQLITE_DONE) {
		store_dossiers_free(list, n);
		return fail(st, rc, err);
	}
	*out = list;
	*count = n;
	return 0;
}

/* What a lookup returns when there is no such row: callers that say
 * which row (one_note()) tell it from an error, -1. */
#define MISSING	(-3)

/* The dossier of number ID; -1, with a message, when there is none. */
static int
dossier_lookup(struct store *st, long long id, struct dossier *d,
    struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (prepare(st, DOSSIER_COLUMNS " WHERE id = ?1", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		dossier_row(s, d);
		release(st, s);
		return 0;
	}
	release(st, s);
	if (rc != SQLITE_DONE)
		return fail(st, rc, err);
	return error_set(err, EXIT_ERROR, _("there is no dossier number %lld "
	    "(see “carnet ls”)"), id);
}

int
store_dossier_get(struct store *st, long long id, struct dossier *d,
    struct error *err)
{
	return dossier_lookup(st, id, d, err);
}

/*
 * The dossiers named NAME (as names_clean() keeps it), or, when none is
 * named exactly so, those whose name has its key (names_key(): "emilie
 * faure" finds "Émilie Faure", a Cyrillic А finds the Latin one): how
 * many, the first in *D (to free when there is one or more) and the
 * numbers of the others in OTHERS, leaving out dossier EXCEPT; -1 on
 * error.
 */
static int
homonyms(struct store *st, const char *name, long long except,
    struct dossier *d, char *others, size_t size, struct error *err)
{
	sqlite3_stmt *s;
	struct dossier row;
	char *key = names_key(name);
	size_t len;
	int rc, found = 0, exact = 0, is_exact;

	others[0] = '\0';
	if (prepare(st, DOSSIER_COLUMNS " WHERE namekey = ?1 ORDER BY id;", &s,
	    err) == -1) {
		wipe_free(key);
		return -1;
	}
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		dossier_row(s, &row);
		if (row.id == except) {
			store_dossier_free(&row);
			continue;
		}
		is_exact = strcmp(row.name, name) == 0;
		/* The first exact one takes the place of those like it. */
		if (is_exact && exact++ == 0 && found > 0) {
			store_dossier_free(d);
			found = 0;
			others[0] = '\0';
		}
		if (exact > 0 && !is_exact) {
			store_dossier_free(&row);
			continue;
		}
		if (found++ == 0)
			*d = row;
		else {
			len = strlen(others);
			snprintf(others + len, size - len, "%s%lld",
			    len > 0 ? ", " : "", row.id);
			store_dossier_free(&row);
		}
	}
	release(st, s);
	wipe_free(key);
	if (rc != SQLITE_DONE) {
		if (found > 0)
			store_dossier_free(d);
		return fail(st, rc, err);
	}
	return found;
}

int
store_namesakes(struct store *st, const char *name, long long **out,
    size_t *count, struct error *err)
{
	sqlite3_stmt *s;
	long long *ids = NULL;
	size_t n = 0;
	char *key = names_key(name);
	int rc;

	if (prepare(st, "SELECT id FROM dossier WHERE namekey = ?1"
	    " ORDER BY id;", &s, err) == -1) {
		wipe_free(key);
		return -1;
	}
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ids = xreallocarray(ids, n + 1, sizeof(*ids));
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	release(st, s);
	wipe_free(key);
	if (rc != SQLITE_DONE) {
		free(ids);
		return fail(st, rc, err);
	}
	*out = ids;
	*count = n;
	return 0;
}

int
store_dossier_find(struct store *st, const char *key, struct dossier *d,
    struct error *err)
{
	long long id;
	char *name, others[128];
	int n;

	if (util_number(key, 1, LLONG_MAX, &id) == 0)
		return store_dossier_get(st, id, d, err);
	if ((name = names_clean(key, STORE_NAME_MAX, err)) == NULL) {
		error_set(err, EXIT_ERROR, _("there is no dossier named “%s” "
		    "(see “carnet ls”)"), key);
		return -1;
	}
	if ((n = homonyms(st, name, 0, d, others, sizeof(others), err)) == 0)
		error_set(err, EXIT_ERROR, _("there is no dossier named “%s” "
		    "(see “carnet ls”)"), name);
	else if (n > 1) {
		error_set(err, EXIT_ERROR, _("several dossiers are named like "
		    "“%s”: numbers %lld, %s; give the number"), name, d->id,
		    others);
		store_dossier_free(d);
	}
	wipe_free(name);
	return n == 1 ? 0 : n > 1 ? STORE_SEVERAL : -1;
}

static int
dossier_insert(struct store *st, const char *name, long long *id,
    struct error *err)
{
	sqlite3_stmt *s;
	char *key = names_key(name);
	int rc;

	if (begin(st, err) == -1) {
		wipe_free(key);
		return -1;
	}
	if (serial_next(st, "dossier", id, err) == -1 ||
	    prepare(st, "INSERT INTO dossier (id, name, created, namekey)"
	    " VALUES (?3, ?1, ?2, ?4);", &s, err) == -1) {
		wipe_free(key);
		return rollback(st);
	}
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)util_now());
	sqlite3_bind_int64(s, 3, *id);
	sqlite3_bind_text(s, 4, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	release(st, s);
	wipe_free(key);
	if (rc != SQLITE_DONE) {
		fail(st, rc, err);
		return rollback(st);
	}
	return commit(st, err);
}

/* Unless ANOTHER: STORE_SAME, with a message that gives the numbers, when
 * a dossier but EXCEPT is named NAME, or so but for accents and case. */
static int
name_taken(struct store *st, const char *name, long long except,
    int another, struct error *err)
{
	struct dossier d;
	char others[128];
	int n;

	if (another || (n = homonyms(st, name, except, &d, others,
	    sizeof(others), err)) == 0)
		return 0;
	if (n == -1)
		return -1;
	if (others[0] == '\0')
		error_set(err, EXIT_ERROR, _("there is already a dossier “%s”: "
		    "number %lld"), d.name, d.id);
	else
		error_set(err, EXIT_ERROR, _("there are already dossiers named "
		    "like “%s”: numbers %lld, %s"), d.name, d.id, others);
	store_dossier_free(&d);
	return STORE_SAME;
}

int
store_dossier_new(struct store *st, const char *typed, int another,
    long long *id, struct error *err)
{
	char *name;
	int rc;

	if ((name = names_clean(typed, STORE_NAME_MAX, err)) == NULL)
		return -1;
	if ((rc = name_taken(st, name, 0, another, err)) == 0)
		rc = dossier_insert(st, name, id, err);
	wipe_free(name);
	return rc;
}

/*
 * Schema 3 keeps names in NFC (name_nfc()): bring the names of before to
 * it.  A name whose NFC another dossier already has stays as it was: its
 * number still finds it, and nothing is lost.
 */
static int
names_nfc(struct store *st, struct error *err)
{
	sqlite3_stmt *s, *u;
	char *nfc;
	int rc;

	if (prepare(st, "SELECT id, name FROM dossier;", &s, err) == -1)
		return -1;
	if (prepare(st, "UPDATE OR IGNORE dossier SET name = ?1 WHERE id = ?2;",
	    &u, err) == -1) {
		release(st, s);
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		nfc = name_nfc((const char *)sqlite3_column_text(s, 1));
		if (strcmp(nfc, (const char *)sqlite3_column_text(s, 1)) != 0) {
			sqlite3_bind_text(u, 1, nfc, -1, SQLITE_STATIC);
			sqlite3_bind_int64(u, 2, sqlite3_column_int64(s, 0));
			rc = sqlite3_step(u);
			release(st, u);
		}
		wipe_free(nfc);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			break;
	}
	release(st, s);
	release(st, u);
	return rc == SQLITE_DONE ? 0 : fail(st, rc, err);
}

/* Run one UPDATE of a dossier or note by id, in its own transaction;
 * error when no row has that id. */
static int
update_one(struct store *st, sqlite3_stmt *s, struct error *err)
{
	int rc = sqlite3_step(s);

	release(st, s);
	if (rc != SQLITE_DONE) {
		fail(st, rc, err);
		return rollback(st);
	}
	if (sqlite3_changes(st->db) != 1) {
		rollback(st);
		return error_set(err, EXIT_ERROR, _("it no longer exists (was "
		    "it destroyed in another window?)"));
	}
	return commit(st, err);
}

int
store_dossier_rename(struct store *st, long long id, const char *typed,
    int another, struct error *err)
{
	sqlite3_stmt *s;
	char *name, *key;
	int rc;

	if ((name = names_clean(typed, STORE_NAME_MAX, err)) == NULL)
		return -1;
	if ((rc = name_taken(st, name, id, another, err)) != 0) {
		wipe_free(name);
		return rc;
	}
	if (begin(st, err) == -1 || prepare(st, "UPDATE dossier SET name = ?1,"
	    " namekey = ?3 WHERE id = ?2;", &s, err) == -1) {
		wipe_free(name);
		return st->depth > 0 ? rollback(st) : -1;
	}
	key = names_key(name);
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, id);
	sqlite3_bind_text(s, 3, key, -1, SQLITE_STATIC);
	rc = update_one(st, s, err);
	wipe_free(name);
	wipe_free(key);
	return rc;
}

int
store_dossier_keep(struct store *st, long long id, struct error *err)
{
	sqlite3_stmt *s;

	if (begin(st, err) == -1)
		return -1;
	if (prepare(st, "UPDATE dossier SET kept = ?1 WHERE id = ?2;", &s,
	    err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)util_now());
	sqlite3_bind_int64(s, 2, id);
	return update_one(st, s, err);
}

int
store_dossier_close(struct store *st, long long id, int closed,
    struct error *err)
{
	sqlite3_stmt *s;

	if (begin(st, err) == -1)
		return -1;
	if (prepare(st, "UPDATE dossier SET closed = ?1 WHERE id = ?2;", &s,
	    err) == -1)
		return rollback(st);
	if (closed)
		sqlite3_bind_int64(s, 1, (sqlite3_int64)util_now());
	else
		sqlite3_bind_null(s, 1);
	sqlite3_bind_int64(s, 2, id);
	return update_one(st, s, err);
}

/*
 * The end of a destruction, inside its transaction: OPTIMIZE rewrites the
 * indexes without the deleted rows' words, then the commit, then a
 * checkpoint that empties the WAL of the old pages.
 */
static int
forget(struct store *st, const char *optimize, struct error *err)
{
	if (run(st, optimize, err) == -1)
		return rollback(st);
	if (commit(st, err) == -1)
		return -1;
	sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL,
	    NULL);
	return 0;
}

/*
 * A deleted row's words stay in the FTS4 segments until they are merged:
 * 'optimize' rewrites each index without them, secure_delete zeroes the
 * freed pages, and the checkpoint empties the WAL of the old pages.
 */
int
store_dossier_delete(struct store *st, long long id, long notes,
    struct error *err)
{
	static const char *const steps[] = {
		"DELETE FROM draft WHERE dossier = ?1;",
		"DELETE FROM note WHERE dossier = ?1;",
		"DELETE FROM dossier WHERE id = ?1;",
	};
	sqlite3_stmt *s;
	struct dossier now;
	size_t i;

	if (begin(st, err) == -1)
		return -1;
	/* The question named how many notes go: a note written or moved in
	 * since would go unasked. */
	if (notes >= 0 && dossier_lookup(st, id, &now, err) == 0) {
		store_dossier_free(&now);
		if (now.notes != notes) {
			rollback(st);
			error_set(err, EXIT_ERROR, ngettext("the dossier has "
			    "changed since the question: it now has %ld note; "
			    "nothing was destroyed", "the dossier has changed "
			    "since the question: it now has %ld notes; nothing "
			    "was destroyed", now.notes), now.notes);
			return STORE_CHANGED;
		}
	}
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (prepare(st, steps[i], &s, err) == -1)
			return rollback(st);
		sqlite3_bind_int64(s, 1, id);
		if (finish(st, s, err) == -1)
			return rollback(st);
	}
	if (sqlite3_changes(st->db) != 1) {
		rollback(st);
		return error_set(err, EXIT_ERROR, _("it no longer exists (was "
		    "it destroyed in another window?)"));
	}
	return forget(st, "INSERT INTO note_fts(note_fts) VALUES ('optimize');"
	    "INSERT INTO dossier_fts(dossier_fts) VALUES ('optimize');", err);
}

void
store_dossier_free(struct dossier *d)
{
	if (d != NULL) {
		wipe_free(d->name);
		wipe_free(d->person);
		d->name = d->person = NULL;
	}
}

void
store_dossiers_free(struct dossier *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_dossier_free(&list[i]);
	free(list);
}

/*
 * A note's place (its sort column, the index's docid; until schema 5 its
 * id) is the number of ten-minute steps from 1970 to its date, or the
 * first free place after it and after every note of the same or an
 * earlier date.  Two rules hold for every note, from schema 4 on: its
 * place is at least its step, and no note with a smaller place has a
 * later date.  So places are in date order, without exception, and
 * search, which walks the index by docid, gives notes in date order
 * however they were written: a note dated Monday and written on Tuesday
 * among others.  A place moves (make_room(), note_redate()); nothing but
 * the index and search's paging holds one: the rest holds the note's id,
 * which never moves (serial_next()).
 * Steps, not seconds: the index stores each note's docid as the
 * difference from the previous one, and notes hours apart then differ by
 * tens, a byte, where seconds times 1024 (schema 1) took four.  Measured
 * on 100,000 notes, one after the other: the file 15% smaller (3,313 to
 * 2,833 bytes a note), the import 2.2 times faster.
 */
#define NOTE_STEP	600

/* Never 0: an id of 0 means "no note" (a new note, the first page). */
static long long
step_of(long long when)
{
	return when / NOTE_STEP > 0 ? when / NOTE_STEP : 1;
}

/* A new number each time a note's text or date changes, never the same
 * twice in one notebook: a window saving at revision BASE so knows the
 * note is the one it read, even if its id was given to another since. */
static long long
new_revision(void)
{
	long long r;

	sqlite3_randomness(sizeof(r), &r);
	return (r & LLONG_MAX) | 1;
}

/* The note at place FROM in date order goes to place TO (free), with its
 * entry in the index, which is keyed by place.  Its id, which everything
 * else holds, stays. */
static int
move_note(struct store *st, long long from, long long to, struct error *err)
{
	sqlite3_stmt *s;
	static const char *const sql[] = {
		"DELETE FROM note_fts WHERE docid = ?1;",
		"UPDATE note SET sort = ?2 WHERE sort = ?1;",
		("INSERT INTO note_fts(docid, body)"
		    " SELECT sort, body FROM note WHERE sort = ?2;"),
	};
	size_t i;

	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		if (prepare(st, sql[i], &s, err) == -1)
			return -1;
		sqlite3_bind_int64(s, 1, from);
		sqlite3_bind_int64(s, 2, to);
		if (finish(st, s, err) == -1)
			return -1;
	}
	return 0;
}

/* The notes from place FIRST on, as far as they follow each other
 * without a gap, one place up: FIRST is then free. */
static int
make_room(struct store *st, long long first, struct error *err)
{
	sqlite3_stmt *s;
	long long last = first;
	int rc;

	if (prepare(st, "SELECT sort FROM note WHERE sort > ?1 ORDER BY sort;",
	    &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, first);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW &&
	    sqlite3_column_int64(s, 0) == last + 1)
		last++;
	release(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(st, rc, err);
	for (; last >= first; last--)
		if (move_note(st, last, last + 1, err) == -1)
			return -1;
	return 0;
}

/*
 * The place for a note dated WHEN: after the notes dated WHEN or before,
 * before those dated after (a note later than WHEN has an id at least
 * WHEN's step, so the walk starts there and meets only the notes of the
 * same ten minutes, or pushed after them).  No gap: the notes after make
 * room.  Inside a batch (an import of files copied the same minute), the
 * walk starts after the last id given when the dates go forward.
 */
static int
place_note(struct store *st, time_t when, long long *place,
    struct error *err)
{
	sqlite3_stmt *s;
	long long after = 0;
	int rc;

	*place = step_of(when);
	if (st->depth > 0 && st->last_place >= *place && st->last_when <= when)
		*place = st->last_place + 1;
	if (prepare(st, "SELECT sort, created FROM note WHERE sort >= ?1"
	    " ORDER BY sort;", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, *place);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (sqlite3_column_int64(s, 1) > (sqlite3_int64)when) {
			after = sqlite3_column_int64(s, 0);
			break;
		}
		*place = sqlite3_column_int64(s, 0) + 1;
	}
	release(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(st, rc, err);
	if (after != 0 && *place == after && make_room(st, after, err) == -1)
		return -1;
	st->last_when = when;
	st->last_place = *place;
	return 0;
}

/*
 * Schema 4 needs ids in date order without exception (place_note()); an
 * earlier carnet let a note written out of order among those of its ten
 * minutes take the next id.  Such notebooks are numbered again, the
 * others left as they are.
 */
static int
in_date_order(struct store *st, struct error *err)
{
	sqlite3_stmt *s;
	int rc, disordered;

	if (prepare(st, "SELECT EXISTS (SELECT 1 FROM note a WHERE id <"
	    " max(created / ?1, 1) OR created > (SELECT created FROM note b"
	    " WHERE b.id > a.id ORDER BY b.id LIMIT 1));", &s, err) == -1)
		return -1;
	sqlite3_bind_int(s, 1, NOTE_STEP);
	rc = sqlite3_step(s);
	disordered = rc == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
	release(st, s);
	if (rc != SQLITE_ROW)
		return fail(st, rc, err);
	return disordered ? renumber(st, err) : 0;
}

/* Schema 1 -> 2, and 4: every note gets the id place_note() would give it,
 * taking them in date order; drafts follow their note, and the index is
 * built again for the new docids.  One transaction: all or nothing. */
static int
renumber(struct store *st, struct error *err)
{
	sqlite3_stmt *s, *map;
	long long next = LLONG_MIN, want;
	int rc;

	if (run(st, "PRAGMA defer_foreign_keys = ON;"
	    "CREATE TEMP TABLE renumber (old INTEGER PRIMARY KEY,"
	    " new INTEGER NOT NULL);", err) == -1)
		return -1;
	if (prepare(st, "SELECT id, created FROM note ORDER BY created, id;",
	    &s, err) == -1)
		return -1;
	if (prepare(st, "INSERT INTO renumber VALUES (?1, ?2);", &map,
	    err) == -1) {
		release(st, s);
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		want = step_of(sqlite3_column_int64(s, 1));
		next = want > next ? want : next;
		sqlite3_bind_int64(map, 1, sqlite3_column_int64(s, 0));
		sqlite3_bind_int64(map, 2, next++);
		if ((rc = sqlite3_step(map)) != SQLITE_DONE)
			break;
		sqlite3_reset(map);
	}
	release(st, map);
	release(st, s);
	if (rc != SQLITE_DONE)
		return fail(st, rc, err);
	/* Through negative ids, so that no new id meets an old one. */
	return run(st, "UPDATE note SET id = -1 -"
	    " (SELECT new FROM renumber WHERE old = note.id);"
	    "UPDATE note SET id = -1 - id;"
	    "UPDATE draft SET note = (SELECT new FROM renumber"
	    " WHERE old = draft.note) WHERE note IS NOT NULL;"
	    "DROP TABLE renumber;"
	    "INSERT INTO note_fts(note_fts) VALUES ('rebuild');", err);
}

/*
 * Schema 4 -> 5: each note copied into note5 with its id kept and a number
 * in its dossier, in date order as the screens and "show" numbered them
 * until now, so that the numbers people knew still name the same notes.
 * Numbered here rather than by a count in SQL: a count per note is a
 * walk of its dossier, too slow for a dossier of thousands.
 */
static int
numbered_copy(struct store *st, struct error *err)
{
	sqlite3_stmt *s, *copy;
	long long dossier = 0, number = 0;
	int rc;

	if (prepare(st, "SELECT id, dossier FROM note"
	    " ORDER BY dossier, created, id;", &s, err) == -1)
		return -1;
	if (prepare(st, "INSERT INTO note5 (sort, id, dossier, number,"
	    " created, updated, body, printed, revision, written)"
	    " SELECT id, id, dossier, ?2, created, updated, body, printed,"
	    " revision, written FROM note WHERE id = ?1;", &copy, err) == -1) {
		release(st, s);
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (sqlite3_column_int64(s, 1) != dossier) {
			dossier = sqlite3_column_int64(s, 1);
			number = 0;
		}
		sqlite3_bind_int64(copy, 1, sqlite3_column_int64(s, 0));
		sqlite3_bind_int64(copy, 2, ++number);
		if ((rc = sqlite3_step(copy)) != SQLITE_DONE)
			break;
		sqlite3_reset(copy);
	}
	release(st, copy);
	release(st, s);
	if (rc != SQLITE_DONE)
		return fail(st, rc, err);
	return run(st, note5_sql, err);
}

/* Schema 4 -> 5's dossiers: each name's key (names_key()). */
static int
name_keys(struct store *st, struct error *err)
{
	sqlite3_stmt *s, *u;
	char *key;
	int rc;

	if (prepare(st, "SELECT id, name FROM dossier;", &s, err) == -1)
		return -1;
	if (prepare(st, "UPDATE dossier SET namekey = ?1 WHERE id = ?2;", &u,
	    err) == -1) {
		release(st, s);
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		key = names_key((const char *)sqlite3_column_text(s, 1));
		sqlite3_bind_text(u, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(u, 2, sqlite3_column_int64(s, 0));
		rc = sqlite3_step(u);
		sqlite3_reset(u);
		wipe_free(key);
		if (rc != SQLITE_DONE)
			break;
	}
	release(st, u);
	release(st, s);
	return rc == SQLITE_DONE ? 0 : fail(st, rc, err);
}

static int
schema5(struct store *st, struct error *err)
{
	if (numbered_copy(st, err) == -1 || name_keys(st, err) == -1)
		return -1;
	return run(st, "UPDATE dossier SET namesakes = (SELECT count(*) - 1"
	    " FROM dossier s WHERE s.namekey = dossier.namekey);", err);
}

/* A counter taken one up, inside the caller's transaction: UPDATE raises
 * it, SELECT reads it into *OUT, for the row named NAME, or numbered ID
 * when NAME is NULL.  0, or -1 with ERR: MISSING (exit status STATUS)
 * when there is no such row. */
static int
counter_next(struct store *st, const char *update, const char *select,
    const char *name, long long id, long long *out, int status,
    const char *missing, struct error *err)
{
	const char *sql[2] = { update, select };
	sqlite3_stmt *s;
	int i, rc;

	for (i = 0; i < 2; i++) {
		if (prepare(st, sql[i], &s, err) == -1)
			return -1;
		if (name != NULL)
			sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
		else
			sqlite3_bind_int64(s, 1, id);
		if (i == 0 && finish(st, s, err) == -1)
			return -1;
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	release(st, s);
	if (rc == SQLITE_DONE)
		return error_set(err, status, "%s", missing);
	return rc == SQLITE_ROW ? 0 : fail(st, rc, err);
}

/* The next number of the serial NAME ("note", "dossier", "draft"),
 * inside the caller's transaction: never given twice in one notebook,
 * even once what had the last one is destroyed, so that a number held
 * across a wait can only ever name what it named. */
static int
serial_next(struct store *st, const char *name, long long *out,
    struct error *err)
{
	return counter_next(st, "UPDATE serial SET last = last + 1"
	    " WHERE name = ?1;", "SELECT last FROM serial WHERE name = ?1;",
	    name, 0, out, EXIT_NOTCARNET, _("the notebook is damaged: its "
	    "table of numbers (serial) is incomplete"), err);
}

/* The number a note arriving in DOSSIER takes there, inside the caller's
 * transaction; an error when the dossier is gone. */
static int
number_next(struct store *st, long long dossier, long long *out,
    struct error *err)
{
	return counter_next(st, "UPDATE dossier SET numbered = numbered + 1"
	    " WHERE id = ?1;", "SELECT numbered FROM dossier WHERE id = ?1;",
	    NULL, dossier, out, EXIT_ERROR, _("the dossier no longer exists "
	    "(was it destroyed in another window?)"), err);
}

/* The statements of a note's writing, inside a caller's transaction:
 * dated WHEN, written at WRITTEN (0: at WHEN, as an imported file).
 * *REVISION receives its first revision when not NULL. */
static int
note_insert(struct store *st, long long dossier, const char *body,
    size_t len, time_t when, time_t written, long long *id,
    long long *revision, struct error *err)
{
	sqlite3_stmt *s;
	long long r = new_revision(), sort, number;

	if (place_note(st, when, &sort, err) == -1 ||
	    number_next(st, dossier, &number, err) == -1 ||
	    serial_next(st, "note", id, err) == -1 ||
	    prepare(st, "INSERT INTO note (sort, id, dossier, number, created,"
	    " updated, body, revision, written) VALUES (?7, ?1, ?2, ?8, ?3,"
	    " max(?3, ?5), ?4, ?6, nullif(?5, ?3));", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 7, sort);
	sqlite3_bind_int64(s, 8, number);
	sqlite3_bind_int64(s, 1, *id);
	sqlite3_bind_int64(s, 2, dossier);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)when);
	sqlite3_bind_text(s, 4, body, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)(written != 0 ? written :
	    when));
	sqlite3_bind_int64(s, 6, r);
	if (finish(st, s, err) == -1)
		return -1;
	if (revision != NULL)
		*revision = r;
	return 0;
}

/* 1 when note ID exists, with its dossier in *DOSSIER unless NULL; 0
 * when it does not, -1 on error. */
static int
note_dossier(struct store *st, long long id, long long *dossier,
    struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (prepare(st, "SELECT dossier FROM note WHERE id = ?1;", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && dossier != NULL)
		*dossier = sqlite3_column_int64(s, 0);
	release(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(st, rc, err);
	return rc == SQLITE_ROW;
}

/*
 * Changing a note's text takes it off paper (the paper copy differs) and
 * gives it a new revision.  With BASE >= 0, only if the note is still at
 * revision BASE: STORE_CHANGED when another window changed or destroyed
 * it meanwhile.  *BASE then receives the new revision.
 */
static int
note_rewrite(struct store *st, long long id, const char *body, size_t len,
    long long *base, struct error *err)
{
	sqlite3_stmt *s;
	long long r = new_revision();
	int rc;

	if (prepare(st, "UPDATE note SET body = ?1, updated = ?2, printed = "
	    "NULL, revision = ?5 WHERE id = ?3 AND (?4 IS NULL OR "
	    "revision = ?4);", &s, err) == -1)
		return -1;
	sqlite3_bind_text(s, 1, body, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)util_now());
	sqlite3_bind_int64(s, 3, id);
	if (base != NULL && *base >= 0)
		sqlite3_bind_int64(s, 4, *base);
	sqlite3_bind_int64(s, 5, r);
	if (finish(st, s, err) == -1)
		return -1;
	if (sqlite3_changes(st->db) == 1) {
		if (base != NULL && *base >= 0)
			*base = r;
		return 0;
	}
	if ((rc = note_dossier(st, id, NULL, err)) == -1)
		return -1;
	if (rc == 1)
		error_set(err, EXIT_ERROR, _("another window changed this note "
		    "since it was opened"));
	else
		error_set(err, EXIT_ERROR, _("it no longer exists (was it "
		    "destroyed in another window?)"));
	return STORE_CHANGED;
}

/* A change asked of note ID at revision REVISION (0: whatever it is now)
 * found no such note: STORE_CHANGED, with ERR saying whether the note
 * changed or is gone, or -1 on error.  Nothing was done. */
static int
not_as_shown(struct store *st, long long id, struct error *err)
{
	int rc;

	if ((rc = note_dossier(st, id, NULL, err)) == -1)
		return -1;
	if (rc == 1)
		error_set(err, EXIT_ERROR, _("this note was changed or moved "
		    "in another window since it was shown: nothing was done; "
		    "look at it again"));
	else
		error_set(err, EXIT_ERROR, _("this note no longer exists (was "
		    "it destroyed in another window?): nothing was done"));
	return STORE_CHANGED;
}

/* Note ID is dated WHEN from now on: it takes the place of that date
 * among the others (its id and its number stay), keeps when it was
 * written (NULL said "at its date"), and its dossier's last date
 * follows. */
static int
note_redate(struct store *st, long long id, time_t when, struct error *err)
{
	sqlite3_stmt *s;
	long long was_at, to;
	time_t was;
	int rc;

	if (prepare(st, "SELECT created, sort FROM note WHERE id = ?1;", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	was = rc == SQLITE_ROW ? (time_t)sqlite3_column_int64(s, 0) : 0;
	was_at = rc == SQLITE_ROW ? sqlite3_column_int64(s, 1) : 0;
	release(st, s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : fail(st, rc, err);
	if (was == when)
		return 0;
	/* Out of the way (no note has a negative place) while its place
	 * is found, then there. */
	if (move_note(st, was_at, -was_at, err) == -1 ||
	    place_note(st, when, &to, err) == -1 ||
	    move_note(st, -was_at, to, err) == -1 ||
	    prepare(st, "UPDATE note SET written = coalesce(written, created),"
	    " created = ?2 WHERE id = ?1;", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)when);
	if (finish(st, s, err) == -1 || prepare(st, "UPDATE dossier SET last ="
	    " (SELECT max(created) FROM note WHERE dossier = dossier.id)"
	    " WHERE id = (SELECT dossier FROM note WHERE id = ?1);", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return finish(st, s, err);
}

static int
draft_delete(struct store *st, long long id, struct error *err)
{
	sqlite3_stmt *s;

	if (prepare(st, "DELETE FROM draft WHERE id = ?1;", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return finish(st, s, err);
}

static int
body_ok(const char *body, size_t len, struct error *err)
{
	if (len > (size_t)STORE_NOTE_MAX)
		return error_set(err, EXIT_ERROR, _("the note is longer than "
		    "%ld MiB: nothing was saved"), STORE_NOTE_MAX / 1024 / 1024);
	return store_body_check(body, len, err);
}

int
store_note_add(struct store *st, long long dossier, const char *body,
    size_t len, time_t when, time_t written, long long *id,
    struct error *err)
{
	if (body_ok(body, len, err) == -1 || begin(st, err) == -1)
		return -1;
	if (note_insert(st, dossier, body, len, when, written, id, NULL,
	    err) == -1)
		return rollback(st);
	return commit(st, err);
}

int
store_note_update(struct store *st, long long id, const char *body,
    size_t len, struct error *err)
{
	if (body_ok(body, len, err) == -1 || begin(st, err) == -1)
		return -1;
	if (note_rewrite(st, id, body, len, NULL, err) != 0)
		return rollback(st);
	return commit(st, err);
}

int
store_note_save(struct store *st, long long dossier, long long note,
    long long *base, long long draft, time_t dated, const char *body,
    size_t len, long long *id, struct error *err)
{
	time_t now = util_now();
	int rc;

	if (body_ok(body, len, err) == -1 || begin(st, err) == -1)
		return -1;
	*id = note;
	if (note != 0) {
		if ((rc = note_rewrite(st, note, body, len, base, err)) == 0 &&
		    dated != 0)
			rc = note_redate(st, note, dated, err);
	} else
		rc = note_insert(st, dossier, body, len, dated != 0 ? dated :
		    now, now, id, base, err);
	if (rc == 0 && draft != 0)
		rc = draft_delete(st, draft, err);
	if (rc != 0) {
		rollback(st);
		return rc;
	}
	return commit(st, err);
}

/* Run S, a change of one note bound to its id and revision, inside the
 * caller's transaction: 0 when it changed it, else not_as_shown(). */
static int
change_as_shown(struct store *st, sqlite3_stmt *s, long long id,
    struct error *err)
{
	if (finish(st, s, err) == -1)
		return -1;
	return sqlite3_changes(st->db) == 1 ? 0 : not_as_shown(st, id, err);
}

int
store_note_delete(struct store *st, long long id, long long revision,
    struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (begin(st, err) == -1)
		return -1;
	/* A window writing it keeps its text: its draft becomes one of a
	 * new note, and its save is told the note is gone. */
	if (prepare(st, "UPDATE draft SET note = NULL WHERE note = ?1;", &s,
	    err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, id);
	if (finish(st, s, err) == -1 || prepare(st, "DELETE FROM note WHERE"
	    " id = ?1 AND (?2 = 0 OR revision = ?2);", &s, err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, revision);
	if ((rc = change_as_shown(st, s, id, err)) != 0) {
		rollback(st);
		return rc;
	}
	return commit(st, err);
}

/*
 * The note takes the next number of the dossier it joins, and a new
 * revision: what showed it in its old dossier, and a window writing it
 * there, are told it changed rather than act on it under the old name.
 */
int
store_note_move(struct store *st, long long id, long long revision,
    long long to, long *number, struct error *err)
{
	sqlite3_stmt *s;
	struct dossier d;
	long long n;
	int rc;

	if (store_dossier_get(st, to, &d, err) == -1)
		return -1;
	store_dossier_free(&d);
	if (begin(st, err) == -1)
		return -1;
	/* Where it is, read in the transaction that moves it. */
	if ((rc = note_dossier(st, id, &n, err)) != 1) {
		rc = rc == 0 ? not_as_shown(st, id, err) : -1;
		rollback(st);
		return rc;
	}
	if (n == to) {
		rollback(st);
		return error_set(err, EXIT_ERROR, _("the note is already in "
		    "that dossier"));
	}
	if (number_next(st, to, &n, err) == -1)
		return rollback(st);
	if (prepare(st, "UPDATE draft SET dossier = ?2 WHERE note = ?1;", &s,
	    err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, to);
	if (finish(st, s, err) == -1 || prepare(st, "UPDATE note SET dossier ="
	    " ?2, number = ?3, revision = ?5 WHERE id = ?1"
	    " AND (?4 = 0 OR revision = ?4);", &s,
	    err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, to);
	sqlite3_bind_int64(s, 3, n);
	sqlite3_bind_int64(s, 4, revision);
	sqlite3_bind_int64(s, 5, new_revision());
	if ((rc = change_as_shown(st, s, id, err)) != 0) {
		rollback(st);
		return rc;
	}
	if (number != NULL)
		*number = (long)n;
	return commit(st, err);
}

#define NOTE_COLUMNS \
	"SELECT id, dossier, created, updated, printed, body, revision," \
	" coalesce(written, created), number FROM note"

static void
note_row(sqlite3_stmt *s, struct note *n)
{
	n->id = sqlite3_column_int64(s, 0);
	n->dossier = sqlite3_column_int64(s, 1);
	n->created = (time_t)sqlite3_column_int64(s, 2);
	n->updated = (time_t)sqlite3_column_int64(s, 3);
	n->printed = (time_t)sqlite3_column_int64(s, 4);
	n->body = column_text(s, 5, &n->len);
	n->revision = sqlite3_column_int64(s, 6);
	n->written = (time_t)sqlite3_column_int64(s, 7);
	n->number = (long)sqlite3_column_int64(s, 8);
}

/* Step S, which returns at most one note, into N: 0, MISSING when it
 * returned none (for the caller to say which), or -1. */
static int
one_note(struct store *st, sqlite3_stmt *s, struct note *n,
    struct error *err)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		note_row(s, n);
	release(st, s);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? MISSING : fail(st, rc, err);
}

int
store_note_get(struct store *st, long long id, struct note *n,
    struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (prepare(st, NOTE_COLUMNS " WHERE id = ?1;", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = one_note(st, s, n, err)) == MISSING)
		return error_set(err, EXIT_ERROR, _("there is no note number "
		    "%lld"), id);
	return rc;
}

int
store_note_at(struct store *st, long long dossier, long number,
    struct note *n, struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (number < 1)
		return error_set(err, EXIT_USAGE, _("a note's number starts at "
		    "1"));
	if (prepare(st, NOTE_COLUMNS " WHERE dossier = ?1 AND number = ?2;",
	    &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, dossier);
	sqlite3_bind_int64(s, 2, number);
	if ((rc = one_note(st, s, n, err)) == MISSING)
		return error_set(err, EXIT_ERROR, _("this dossier has no note "
		    "number %ld (see “carnet show”)"), number);
	return rc;
}

/* Read the notes S returns (its SQL sets how many); with FIRST_LINE,
 * only each one's first line.  The list is never NULL. */
static int
read_notes(struct store *st, sqlite3_stmt *s, int first_line,
    struct note **out, size_t *count, struct error *err)
{
	struct note *list = NULL;
	size_t n = 0, cap = 0, cut;
	int rc = SQLITE_DONE;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap)
			list = xreallocarray(list, cap = cap ? cap * 2 : 64,
			    sizeof(*list));
		note_row(s, &list[n]);
		if (first_line) {
			cut = strcspn(list[n].body, "\n");
			list[n].body[cut] = '\0';
			list[n].len = cut;
		}
		n++;
	}
	release(st, s);
	if (rc != SQLITE_DONE) {
		store_notes_free(list, n);
		return fail(st, rc, err);
	}
	*out = list != NULL ? list : xcalloc(1, sizeof(*list));
	*count = n;
	return 0;
}

int
store_notes(struct store *st, long long dossier, int newest, long long from,
    size_t limit, struct note **out, size_t *count, struct error *err)
{
	sqlite3_stmt *s;

	/* In date order, after the note FROM (note_by_dossier holds the
	 * dossier, created and sort, the rowid, in that order). */
	static const char *const sql[2][2] = {
		{ NOTE_COLUMNS " WHERE dossier = ?1 ORDER BY created, sort"
		  " LIMIT ?3;",
		  NOTE_COLUMNS " WHERE dossier = ?1 AND (created, sort) >"
		  " (SELECT created, sort FROM note WHERE id = ?2)"
		  " ORDER BY created, sort LIMIT ?3;" },
		{ NOTE_COLUMNS " WHERE dossier = ?1"
		  " ORDER BY created DESC, sort DESC LIMIT ?3;",
		  NOTE_COLUMNS " WHERE dossier = ?1 AND (created, sort) <"
		  " (SELECT created, sort FROM note WHERE id = ?2)"
		  " ORDER BY created DESC, sort DESC LIMIT ?3;" },
	};

	if (prepare(st, sql[newest != 0][from != 0], &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, dossier);
	sqlite3_bind_int64(s, 2, from);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)limit);
	return read_notes(st, s, 0, out, count, err);
}

int
store_note_heads(struct store *st, long long dossier, size_t offset,
    size_t limit, struct note **out, size_t *count, struct error *err)
{
	sqlite3_stmt *s;

	/* Only the beginning of each body is read: a list shows one line. */
	if (prepare(st, "SELECT id, dossier, created, updated, printed,"
	    " substr(body, 1, 240), revision, coalesce(written, created),"
	    " number FROM note WHERE dossier = ?1"
	    " ORDER BY created DESC, sort DESC LIMIT ?2 OFFSET ?3;", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, dossier);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)limit);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)offset);
	return read_notes(st, s, 1, out, count, err);
}

int
store_notes_to_print(struct store *st, long long dossier, int all,
    time_t since, struct note **out, size_t *count, struct error *err)
{
	sqlite3_stmt *s;

	/* Written since SINCE, whatever the meeting's date: the day's
	 * filing takes Monday's visit written up today. */
	if (prepare(st, all ? NOTE_COLUMNS " WHERE dossier = ?1 AND"
	    " coalesce(written, created) >= ?2 ORDER BY created, sort;" :
	    NOTE_COLUMNS " WHERE dossier = ?1 AND coalesce(written, created)"
	    " >= ?2 AND printed IS NULL ORDER BY created, sort;", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, dossier);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)since);
	return read_notes(st, s, 0, out, count, err);
}

int
store_dossiers_since(struct store *st, time_t since, long long **out,
    size_t *count, struct error *err)
{
	sqlite3_stmt *s;
	long long *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (prepare(st, "SELECT d.id FROM dossier d WHERE EXISTS (SELECT 1"
	    " FROM note n WHERE n.dossier = d.id AND"
	    " coalesce(n.written, n.created) >= ?1)"
	    " ORDER BY d.name;", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)since);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap)
			ids = xreallocarray(ids, cap = cap ? cap * 2 : 16,
			    sizeof(*ids));
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	release(st, s);
	if (rc != SQLITE_DONE) {
		free(ids);
		return fail(st, rc, err);
	}
	*out = ids;
	*count = n;
	return 0;
}

int
store_notes_printed(struct store *st, struct note_mark *marks, size_t n,
    time_t when, size_t *unmarked, struct error *err)
{
	sqlite3_stmt *s;
	size_t i, left = 0;

	if (begin(st, err) == -1)
		return -1;
	/* Only a note as it went on paper: one changed, moved or destroyed
	 * since has another revision, or none. */
	if (prepare(st, "UPDATE note SET printed = ?1 WHERE id = ?2"
	    " AND revision = ?3;", &s, err) == -1)
		return rollback(st);
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(s, 1, (sqlite3_int64)when);
		sqlite3_bind_int64(s, 2, marks[i].id);
		sqlite3_bind_int64(s, 3, marks[i].revision);
		if (sqlite3_step(s) != SQLITE_DONE) {
			fail(st, sqlite3_errcode(st->db), err);
			release(st, s);
			return rollback(st);
		}
		sqlite3_reset(s);
		marks[i].marked = sqlite3_changes(st->db) == 1;
		left += !marks[i].marked;
	}
	release(st, s);
	if (commit(st, err) == -1)
		return -1;
	if (unmarked != NULL)
		*unmarked = left;
	return 0;
}

/*
 * Destroy the notes already on paper, of one dossier or of all, printed
 * before BEFORE.  As with a dossier, the words leave the index and the
 * freed pages are zeroed.
 */
int
store_purge(struct store *st, long long dossier, time_t before,
    long *count, struct error *err)
{
	sqlite3_stmt *s;

	if (begin(st, err) == -1)
		return -1;
	if (prepare(st, "UPDATE dossier SET destroyed = destroyed + (SELECT"
	    " count(*) FROM note WHERE note.dossier = dossier.id AND printed"
	    " IS NOT NULL AND printed <= ?2), destroyed_at = ?3"
	    " WHERE (?1 = 0 OR id = ?1) AND EXISTS (SELECT 1 FROM note"
	    " WHERE note.dossier = dossier.id AND printed IS NOT NULL"
	    " AND printed <= ?2);", &s, err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, dossier);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)before);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)util_now());
	if (finish(st, s, err) == -1)
		return rollback(st);
	if (prepare(st, "DELETE FROM draft WHERE note IN (SELECT id FROM note"
	    " WHERE printed IS NOT NULL AND printed <= ?2"
	    " AND (?1 = 0 OR dossier = ?1));", &s, err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, dossier);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)before);
	if (finish(st, s, err) == -1)
		return rollback(st);
	if (prepare(st, "DELETE FROM note WHERE printed IS NOT NULL"
	    " AND printed <= ?2 AND (?1 = 0 OR dossier = ?1);", &s, err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, dossier);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)before);
	if (finish(st, s, err) == -1)
		return rollback(st);
	*count = sqlite3_changes(st->db);
	return forget(st, *count > 0 ? "INSERT INTO note_fts(note_fts)"
	    " VALUES ('optimize');" : "", err);
}

void
store_note_free(struct note *n)
{
	if (n != NULL) {
		wipe_free(n->body);
		n->body = NULL;
	}
}

void
store_notes_free(struct note *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_note_free(&list[i]);
	free(list);
}

/*
 * The user's words become an FTS4 query of quoted phrases, so that
 * nothing they type ("-", "OR", parentheses, a lone quote) is taken as
 * query syntax.  A word ending in '*' stays a prefix search; with PREFIX,
 * every word is one.  NULL when no word is left.
 */
static char *
fts_query(const char *text, int prefix)
{
	size_t len = strlen(text), i, o = 0;
	char *q = wipe_alloc(len * 3 + 8);
	int in = 0;

	for (i = 0; i <= len; i++) {
		char c = text[i];
		int space = c == '\0' || c == ' ' || c == '\t' || c == '\n';

		if (c == '"')
			continue;
		if (space && in) {
			if (prefix && q[o - 1] != '*')
				q[o++] = '*';
			q[o++] = '"';
			in = 0;
		} else if (!space) {
			if (!in) {
				if (o > 0)
					q[o++] = ' ';
				q[o++] = '"';
				in = 1;
			}
			q[o++] = c;
		}
	}
	q[o] = '\0';
	/* A word of stars only would be an empty prefix. */
	if (o == 0 || strstr(q, "\"*") != NULL) {
		wipe_free(q);
		return NULL;
	}
	return q;
}

/* How many other dossiers have a name of the key of hit's dossier D. */
#define HIT_HOMONYMS "d.namesakes"

static struct hit *
grow_hits(struct hit *hits, size_t n, size_t *cap)
{
	if (n < *cap)
		return hits;
	*cap = *cap ? *cap * 2 : 16;
	return xreallocarray(hits, *cap, sizeof(*hits));
}

long long
store_version(struct store *st)
{
	static unsigned long long unknown;
	struct error err;
	sqlite3_stmt *s;
	unsigned long long other;

	/* data_version moves with other connections' commits, and
	 * total_changes with every row this one writes.  When it cannot be
	 * told, the answer differs each time: read again. */
	if (prepare(st, "PRAGMA data_version;", &s, &err) == -1)
		return (long long)(++unknown | 1ULL << 62);
	other = sqlite3_step(s) == SQLITE_ROW ?
	    (unsigned long long)sqlite3_column_int64(s, 0) : ++unknown;
	release(st, s);
	return (long long)((other << 32) +
	    (unsigned)sqlite3_total_changes(st->db));
}

int
store_search(struct store *st, const char *text, long long before,
    size_t limit, const char *open, const char *close, struct hit **out,
    size_t *count, struct error *err)
{
	sqlite3_stmt *s = NULL;
	struct hit *hits = NULL, *h;
	size_t n = 0, cap = 0;
	char *q;
	int rc = SQLITE_DONE;

	if ((q = fts_query(text, 0)) == NULL)
		return error_set(err, EXIT_USAGE, _("nothing to search for"));
	if (before == 0) {
		if (prepare(st, "SELECT d.id, d.name, " HIT_HOMONYMS
		    " FROM dossier_fts JOIN dossier d ON d.id = dossier_fts.docid"
		    " WHERE dossier_fts MATCH ?1 ORDER BY d.name;", &s,
		    err) == -1)
			goto fail;
		sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			hits = grow_hits(hits, n, &cap);
			h = &hits[n++];
			memset(h, 0, sizeof(*h));
			h->dossier = sqlite3_column_int64(s, 0);
			h->name = column_text(s, 1, NULL);
			h->person = util_person(h->name, h->dossier,
			    (long)sqlite3_column_int64(s, 2));
		}
		release(st, s);
		if (rc != SQLITE_DONE)
			goto sqlfail;
	}
	/* Walk the index newest first and stop after LIMIT: snippet() is
	 * only computed for the rows returned. */
	if (prepare(st, "SELECT n.id, n.dossier, d.name, n.created,"
	    "  snippet(note_fts, ?1, ?2, '…', -1, 12), n.sort, n.number, "
	    HIT_HOMONYMS
	    " FROM note_fts JOIN note n ON n.sort = note_fts.docid"
	    " JOIN dossier d ON d.id = n.dossier"
	    " WHERE note_fts MATCH ?3 AND note_fts.docid < ?4"
	    " ORDER BY note_fts.docid DESC LIMIT ?5;", &s, err) == -1)
		goto fail;
	sqlite3_bind_text(s, 1, open, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, close, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, q, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, before != 0 ? before : INT64_MAX);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		hits = grow_hits(hits, n, &cap);
		h = &hits[n++];
		h->note = sqlite3_column_int64(s, 0);
		h->dossier = sqlite3_column_int64(s, 1);
		h->name = column_text(s, 2, NULL);
		h->created = (time_t)sqlite3_column_int64(s, 3);
		h->snippet = column_text(s, 4, NULL);
		h->sort = sqlite3_column_int64(s, 5);
		h->number = (long)sqlite3_column_int64(s, 6);
		h->person = util_person(h->name, h->dossier,
		    (long)sqlite3_column_int64(s, 7));
	}
	release(st, s);
	if (rc != SQLITE_DONE)
		goto sqlfail;
	wipe_free(q);
	*out = hits;
	*count = n;
	return 0;
sqlfail:
	fail(st, rc, err);
fail:
	wipe_free(q);
	store_hits_free(hits, n);
	return -1;
}

void
store_hits_free(struct hit *hits, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		wipe_free(hits[i].name);
		wipe_free(hits[i].person);
		wipe_free(hits[i].snippet);
	}
	free(hits);
}

int
store_draft_put(struct store *st, long long *draft, const char *session,
    long long dossier, long long note, long long base, time_t dated,
    const char *body, size_t len, struct error *err)
{
	sqlite3_stmt *s;

	if (begin(st, err) == -1)
		return -1;
	if (*draft != 0) {
		if (prepare(st, "UPDATE draft SET body = ?1, saved = ?2,"
		    " session = ?3, dated = nullif(?5, 0) WHERE id = ?4;", &s,
		    err) == -1)
			return rollback(st);
		sqlite3_bind_text(s, 1, body, (int)len, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)util_now());
		sqlite3_bind_text(s, 3, session, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, *draft);
		sqlite3_bind_int64(s, 5, (sqlite3_int64)dated);
		if (finish(st, s, err) == -1)
			return rollback(st);
		if (sqlite3_changes(st->db) == 1)
			return commit(st, err);
	}
	/* A new draft, or this one was thrown away meanwhile: keep the text
	 * all the same.  Its id is new (serial_next()): a window holding the
	 * id of a draft thrown away never writes over another's. */
	if (serial_next(st, "draft", draft, err) == -1 ||
	    prepare(st, "INSERT INTO draft (id, dossier, note, saved, body,"
	    " base, session, dated) VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6,"
	    " nullif(?7, 0));", &s, err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 8, *draft);
	sqlite3_bind_int64(s, 1, dossier);
	if (note != 0)
		sqlite3_bind_int64(s, 2, note);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)util_now());
	sqlite3_bind_text(s, 4, body, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, base);
	sqlite3_bind_text(s, 6, session, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 7, (sqlite3_int64)dated);
	if (finish(st, s, err) == -1)
		return rollback(st);
	return commit(st, err);
}

#define DRAFT_COLUMNS \
	"SELECT id, dossier, note, saved, body, base, session," \
	" coalesce(dated, 0) FROM draft"

static void
draft_row(sqlite3_stmt *s, struct draft *d)
{
	const unsigned char *session = sqlite3_column_text(s, 6);

	d->id = sqlite3_column_int64(s, 0);
	d->dossier = sqlite3_column_int64(s, 1);
	d->note = sqlite3_column_int64(s, 2);
	d->saved = (time_t)sqlite3_column_int64(s, 3);
	d->body = column_text(s, 4, &d->len);
	d->base = sqlite3_column_int64(s, 5);
	d->session = session != NULL ? xstrdup((const char *)session) : NULL;
	d->dated = (time_t)sqlite3_column_int64(s, 7);
}

int
store_drafts(struct store *st, struct draft **out, size_t *count,
    struct error *err)
{
	sqlite3_stmt *s;
	struct draft *list = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (prepare(st, DRAFT_COLUMNS " ORDER BY saved DESC;", &s, err) == -1)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			list = xreallocarray(list, cap, sizeof(*list));
		}
		draft_row(s, &list[n++]);
	}
	release(st, s);
	if (rc != SQLITE_DONE) {
		store_drafts_free(list, n);
		return fail(st, rc, err);
	}
	*out = list;
	*count = n;
	return 0;
}

int
store_draft_take(struct store *st, long long id, const char *session,
    struct draft *d, struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (begin(st, err) == -1)
		return -1;
	if (prepare(st, "UPDATE draft SET session = ?1 WHERE id = ?2;", &s,
	    err) == -1)
		return rollback(st);
	sqlite3_bind_text(s, 1, session, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, id);
	if (finish(st, s, err) == -1 || prepare(st, DRAFT_COLUMNS
	    " WHERE id = ?1;", &s, err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		draft_row(s, d);
	release(st, s);
	if (rc == SQLITE_DONE) {
		rollback(st);
		return error_set(err, EXIT_ERROR, _("the draft was thrown away "
		    "meanwhile"));
	}
	if (rc != SQLITE_ROW) {
		fail(st, rc, err);
		return rollback(st);
	}
	return commit(st, err);
}

int
store_draft_drop(struct store *st, long long id, struct error *err)
{
	sqlite3_stmt *s;

	if (begin(st, err) == -1)
		return -1;
	if (prepare(st, "DELETE FROM draft WHERE id = ?1;", &s, err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, id);
	if (finish(st, s, err) == -1)
		return rollback(st);
	return commit(st, err);
}

void
store_draft_free(struct draft *d)
{
	wipe_free(d->body);
	free(d->session);
	d->body = d->session = NULL;
}

void
store_drafts_free(struct draft *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_draft_free(&list[i]);
	free(list);
}

int
store_backup_done(struct store *st, time_t at, const char *place,
    struct error *err)
{
	sqlite3_stmt *s;

	if (begin(st, err) == -1)
		return -1;
	if (prepare(st, "INSERT INTO backup (at, place) VALUES (?1, ?2);", &s,
	    err) == -1)
		return rollback(st);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)at);
	sqlite3_bind_text(s, 2, place, -1, SQLITE_STATIC);
	if (finish(st, s, err) == -1)
		return rollback(st);
	return commit(st, err);
}

time_t
store_last_backup(struct store *st, char **place)
{
	sqlite3_stmt *s;
	struct error err;
	const unsigned char *p;
	time_t at = 0;

	if (place != NULL)
		*place = NULL;
	if (prepare(st, "SELECT at, place FROM backup ORDER BY at DESC, id DESC"
	    " LIMIT 1;", &s, &err) == -1)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		at = (time_t)sqlite3_column_int64(s, 0);
		p = sqlite3_column_text(s, 1);
		if (place != NULL && p != NULL)
			*place = xstrdup((const char *)p);
	}
	release(st, s);
	return at;
}
