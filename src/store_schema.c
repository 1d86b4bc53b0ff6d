/*
 * store_schema.c - the notebook's schema, and every step of its history
 * from an empty file to STORE_VERSION (carnet(5) describes the result).
 * A note's place follows its date (store_ids.c), so that the index's docid
 * order is date order and a search can walk the newest hits first and
 * stop after a page.  Three tables hold the content (dossier, note,
 * draft), two full-text indexes (FTS4, external content, unicode61
 * without diacritics) find it.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <uninorm.h>

#include "names.h"
#include "store_int.h"

static int	renumber(struct store *, struct error *);
static int	names_nfc(struct store *, struct error *);
static int	in_date_order(struct store *, struct error *);
static int	schema5(struct store *, struct error *);

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
	"  id INTEGER PRIMARY KEY,"		/* see ids_place() */
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
	 * kinds of table schema changes"; schema_migrate() turns foreign keys off
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
	 * the index's docid, keeps date order and may move (ids_place());
	 * id, the identity, never changes and is never given again
	 * (ids_serial()); number, what people see and type ("#3"), is fixed
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
	"  sort INTEGER PRIMARY KEY,"		/* see ids_place() */
	"  id INTEGER NOT NULL UNIQUE,"		/* see ids_serial() */
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
	/* 5 -> 6: the PDFs carnet wrote, until their file is gone: where,
	 * when, of which dossier, and each note as it went in (identity and
	 * revision), so that "was it printed?" can be answered later and
	 * marks only the notes unchanged since.  ASKED: answered, or not a
	 * question (the person's copy). */
	{
	"CREATE TABLE pdf ("
	"  id INTEGER PRIMARY KEY,"
	"  path TEXT NOT NULL,"
	"  made INTEGER NOT NULL,"
	"  dossier INTEGER,"
	"  asked INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE pdf_note ("
	"  pdf INTEGER NOT NULL REFERENCES pdf(id),"
	"  note INTEGER NOT NULL,"
	"  revision INTEGER NOT NULL,"
	"  number INTEGER NOT NULL"
	");"
	"CREATE INDEX pdf_note_by_pdf ON pdf_note(pdf);",
	NULL },
	/* 6 -> 7: "my words", the words the worker added to spelling:
	 * kept here, encrypted, never in a file of their own. */
	{
	"CREATE TABLE word ("
	"  id INTEGER PRIMARY KEY,"
	"  word TEXT NOT NULL UNIQUE,"
	"  added INTEGER NOT NULL"
	");",
	NULL },
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

	return rc == SQLITE_ROW ? 0 : sql_fail(st, rc, err);
}

static int	migrate_steps(struct store *, struct error *);

int
schema_migrate(struct store *st, struct error *err)
{
	int version = 0, rc;

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
	int version = 0, rc;

	if (sql_begin(st, err) == -1)
		return -1;
	/* Read again inside the transaction: another process may have
	 * migrated it meanwhile. */
	if (user_version(st, &version, err) == -1)
		return sql_rollback(st);
	for (; version < STORE_VERSION; version++)
		if (sql_run(st, migrations[version].sql, err) == -1 ||
		    (migrations[version].then != NULL &&
		    migrations[version].then(st, err) == -1))
			return sql_rollback(st);
	if (sql_prepare(st, "PRAGMA foreign_key_check;", &s, err) == -1)
		return sql_rollback(st);
	rc = sqlite3_step(s);
	sql_release(s);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_ROW)
			error_set(err, EXIT_NOTCARNET, _("bringing the notebook "
			    "up to date would leave a note without its "
			    "dossier: nothing was changed"));
		else
			sql_fail(st, rc, err);
		return sql_rollback(st);
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d;", version);
	if (sql_run(st, sql, err) == -1)
		return sql_rollback(st);
	return sql_commit(st, err);
}

int
store_outdated(struct notebook *nb)
{
	int version = STORE_VERSION;

	(void)schema_version(notebook_db(nb), &version);
	return version > 0 && version < STORE_VERSION;
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

/*
 * Each dossier's name through MAKE (which returns wiped memory), written
 * back by UPDATE (?1 the result, ?2 the dossier), or, with ONLY_CHANGED,
 * only where the result differs from the name.  Two schema steps walk
 * the names so.
 */
static int
each_name(struct store *st, const char *update, char *(*make)(const char *),
    int only_changed, struct error *err)
{
	sqlite3_stmt *s, *u;
	const char *name;
	char *made;
	int rc;

	if (sql_prepare(st, "SELECT id, name FROM dossier;", &s, err) == -1)
		return -1;
	if (sql_prepare(st, update, &u, err) == -1) {
		sql_release(s);
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(s, 1);
		made = make(name);
		rc = SQLITE_DONE;
		if (!only_changed || strcmp(made, name) != 0) {
			sqlite3_bind_text(u, 1, made, -1, SQLITE_STATIC);
			sqlite3_bind_int64(u, 2, sqlite3_column_int64(s, 0));
			rc = sqlite3_step(u);
			sql_release(u);
		}
		wipe_free(made);
		if (rc != SQLITE_DONE)
			break;
	}
	sql_release(u);
	sql_release(s);
	return rc == SQLITE_DONE ? 0 : sql_fail(st, rc, err);
}

/*
 * Schema 3 keeps names in NFC (name_nfc()): bring the names of before to
 * it.  A name whose NFC another dossier already has stays as it was: its
 * number still finds it, and nothing is lost.
 */
static int
names_nfc(struct store *st, struct error *err)
{
	return each_name(st, "UPDATE OR IGNORE dossier SET name = ?1"
	    " WHERE id = ?2;", name_nfc, 1, err);
}

/*
 * Schema 4 needs ids in date order without exception (ids_place()); an
 * earlier carnet let a note written out of order among those of its ten
 * minutes take the next id.  Such notebooks are numbered again, the
 * others left as they are.
 */
static int
in_date_order(struct store *st, struct error *err)
{
	sqlite3_stmt *s;
	int rc, disordered;

	if (sql_prepare(st, "SELECT EXISTS (SELECT 1 FROM note a WHERE id <"
	    " max(created / ?1, 1) OR created > (SELECT created FROM note b"
	    " WHERE b.id > a.id ORDER BY b.id LIMIT 1));", &s, err) == -1)
		return -1;
	sqlite3_bind_int(s, 1, NOTE_STEP);
	rc = sqlite3_step(s);
	disordered = rc == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
	sql_release(s);
	if (rc != SQLITE_ROW)
		return sql_fail(st, rc, err);
	return disordered ? renumber(st, err) : 0;
}

/* Schema 1 -> 2, and 4: every note gets the id ids_place() would give it,
 * taking them in date order; drafts follow their note, and the index is
 * built again for the new docids.  One transaction: all or nothing. */
static int
renumber(struct store *st, struct error *err)
{
	sqlite3_stmt *s, *map;
	long long next = LLONG_MIN, want;
	int rc;

	if (sql_run(st, "PRAGMA defer_foreign_keys = ON;"
	    "CREATE TEMP TABLE renumber (old INTEGER PRIMARY KEY,"
	    " new INTEGER NOT NULL);", err) == -1)
		return -1;
	if (sql_prepare(st, "SELECT id, created FROM note ORDER BY created, id;",
	    &s, err) == -1)
		return -1;
	if (sql_prepare(st, "INSERT INTO renumber VALUES (?1, ?2);", &map,
	    err) == -1) {
		sql_release(s);
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		want = ids_step(sqlite3_column_int64(s, 1));
		next = want > next ? want : next;
		sqlite3_bind_int64(map, 1, sqlite3_column_int64(s, 0));
		sqlite3_bind_int64(map, 2, next++);
		if ((rc = sqlite3_step(map)) != SQLITE_DONE)
			break;
		sqlite3_reset(map);
	}
	sql_release(map);
	sql_release(s);
	if (rc != SQLITE_DONE)
		return sql_fail(st, rc, err);
	/* Through negative ids, so that no new id meets an old one. */
	return sql_run(st, "UPDATE note SET id = -1 -"
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

	if (sql_prepare(st, "SELECT id, dossier FROM note"
	    " ORDER BY dossier, created, id;", &s, err) == -1)
		return -1;
	if (sql_prepare(st, "INSERT INTO note5 (sort, id, dossier, number,"
	    " created, updated, body, printed, revision, written)"
	    " SELECT id, id, dossier, ?2, created, updated, body, printed,"
	    " revision, written FROM note WHERE id = ?1;", &copy, err) == -1) {
		sql_release(s);
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
	sql_release(copy);
	sql_release(s);
	if (rc != SQLITE_DONE)
		return sql_fail(st, rc, err);
	return sql_run(st, note5_sql, err);
}

/* Schema 4 -> 5's dossiers: each name's key (names_key()). */
static int
name_keys(struct store *st, struct error *err)
{
	return each_name(st, "UPDATE dossier SET namekey = ?1 WHERE id = ?2;",
	    names_key, 0, err);
}

static int
schema5(struct store *st, struct error *err)
{
	if (numbered_copy(st, err) == -1 || name_keys(st, err) == -1)
		return -1;
	return sql_run(st, "UPDATE dossier SET namesakes = (SELECT count(*) - 1"
	    " FROM dossier s WHERE s.namekey = dossier.namekey);", err);
}
