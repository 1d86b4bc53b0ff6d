/*
 * store_note.c - notes: written, saved over a revision, dated
 * again, moved, destroyed, read, marked printed and purged.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store_int.h"

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

int
store_note_is(struct store *st, long long id, const char *body, size_t len,
    int *same, struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sql_prepare(st, "SELECT body = ?2 FROM note WHERE id = ?1;", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, body, (int)len, SQLITE_STATIC);
	rc = sqlite3_step(s);
	*same = rc == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
	sql_release(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sql_fail(st, rc, err);
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

	if (ids_place(st, when, &sort, err) == -1 ||
	    ids_number(st, dossier, &number, err) == -1 ||
	    ids_serial(st, "note", id, err) == -1 ||
	    sql_prepare(st, "INSERT INTO note (sort, id, dossier, number, created,"
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
	if (sql_finish(st, s, err) == -1)
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

	if (sql_prepare(st, "SELECT dossier FROM note WHERE id = ?1;", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && dossier != NULL)
		*dossier = sqlite3_column_int64(s, 0);
	sql_release(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_fail(st, rc, err);
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

	if (sql_prepare(st, "UPDATE note SET body = ?1, updated = ?2, printed = "
	    "NULL, revision = ?5 WHERE id = ?3 AND (?4 IS NULL OR "
	    "revision = ?4);", &s, err) == -1)
		return -1;
	sqlite3_bind_text(s, 1, body, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)util_now());
	sqlite3_bind_int64(s, 3, id);
	if (base != NULL && *base >= 0)
		sqlite3_bind_int64(s, 4, *base);
	sqlite3_bind_int64(s, 5, r);
	if (sql_finish(st, s, err) == -1)
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

	if (sql_prepare(st, "SELECT created, sort FROM note WHERE id = ?1;", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	was = rc == SQLITE_ROW ? (time_t)sqlite3_column_int64(s, 0) : 0;
	was_at = rc == SQLITE_ROW ? sqlite3_column_int64(s, 1) : 0;
	sql_release(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : sql_fail(st, rc, err);
	if (was == when)
		return 0;
	/* Out of the way (no note has a negative place) while its place
	 * is found, then there. */
	if (ids_move(st, was_at, -was_at, err) == -1 ||
	    ids_place(st, when, &to, err) == -1 ||
	    ids_move(st, -was_at, to, err) == -1 ||
	    sql_prepare(st, "UPDATE note SET written = coalesce(written, created),"
	    " created = ?2 WHERE id = ?1;", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)when);
	if (sql_finish(st, s, err) == -1 || sql_prepare(st, "UPDATE dossier SET last ="
	    " (SELECT max(created) FROM note WHERE dossier = dossier.id)"
	    " WHERE id = (SELECT dossier FROM note WHERE id = ?1);", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return sql_finish(st, s, err);
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
	if (body_ok(body, len, err) == -1 || sql_begin(st, err) == -1)
		return -1;
	if (note_insert(st, dossier, body, len, when, written, id, NULL,
	    err) == -1)
		return sql_rollback(st);
	return sql_commit(st, err);
}

int
store_note_save(struct store *st, long long dossier, long long note,
    long long *base, long long draft, time_t dated, const char *body,
    size_t len, long long *id, struct error *err)
{
	time_t now = util_now();
	int rc;

	if (body_ok(body, len, err) == -1 || sql_begin(st, err) == -1)
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
		sql_rollback(st);
		return rc;
	}
	return sql_commit(st, err);
}

/* Run S, a change of one note bound to its id and revision, inside the
 * caller's transaction: 0 when it changed it, else not_as_shown(). */
static int
change_as_shown(struct store *st, sqlite3_stmt *s, long long id,
    struct error *err)
{
	if (sql_finish(st, s, err) == -1)
		return -1;
	return sqlite3_changes(st->db) == 1 ? 0 : not_as_shown(st, id, err);
}

int
store_note_delete(struct store *st, long long id, long long revision,
    struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sql_begin(st, err) == -1)
		return -1;
	/* A window writing it keeps its text: its draft becomes one of a
	 * new note, and its save is told the note is gone. */
	if (sql_prepare(st, "UPDATE draft SET note = NULL WHERE note = ?1;", &s,
	    err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, id);
	if (sql_finish(st, s, err) == -1 || sql_prepare(st, "DELETE FROM note WHERE"
	    " id = ?1 AND (?2 = 0 OR revision = ?2);", &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, revision);
	if ((rc = change_as_shown(st, s, id, err)) != 0) {
		sql_rollback(st);
		return rc;
	}
	return sql_commit(st, err);
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
	if (sql_begin(st, err) == -1)
		return -1;
	/* Where it is, read in the transaction that moves it. */
	if ((rc = note_dossier(st, id, &n, err)) != 1) {
		rc = rc == 0 ? not_as_shown(st, id, err) : -1;
		sql_rollback(st);
		return rc;
	}
	if (n == to) {
		sql_rollback(st);
		return error_set(err, EXIT_ERROR, _("the note is already in "
		    "that dossier"));
	}
	if (ids_number(st, to, &n, err) == -1)
		return sql_rollback(st);
	if (sql_prepare(st, "UPDATE draft SET dossier = ?2 WHERE note = ?1;", &s,
	    err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, to);
	if (sql_finish(st, s, err) == -1 || sql_prepare(st, "UPDATE note SET dossier ="
	    " ?2, number = ?3, revision = ?5 WHERE id = ?1"
	    " AND (?4 = 0 OR revision = ?4);", &s,
	    err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, to);
	sqlite3_bind_int64(s, 3, n);
	sqlite3_bind_int64(s, 4, revision);
	sqlite3_bind_int64(s, 5, new_revision());
	if ((rc = change_as_shown(st, s, id, err)) != 0) {
		sql_rollback(st);
		return rc;
	}
	if (number != NULL)
		*number = (long)n;
	return sql_commit(st, err);
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
	n->body = sql_text(s, 5, &n->len);
	n->revision = sqlite3_column_int64(s, 6);
	n->written = (time_t)sqlite3_column_int64(s, 7);
	n->number = (long)sqlite3_column_int64(s, 8);
}

/* Step S, which returns at most one note, into N: 0, STORE_MISSING when it
 * returned none (for the caller to say which), or -1. */
static int
one_note(struct store *st, sqlite3_stmt *s, struct note *n,
    struct error *err)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		note_row(s, n);
	sql_release(s);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? STORE_MISSING : sql_fail(st, rc, err);
}

int
store_note_get(struct store *st, long long id, struct note *n,
    struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sql_prepare(st, NOTE_COLUMNS " WHERE id = ?1;", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = one_note(st, s, n, err)) == STORE_MISSING)
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
	if (sql_prepare(st, NOTE_COLUMNS " WHERE dossier = ?1 AND number = ?2;",
	    &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, dossier);
	sqlite3_bind_int64(s, 2, number);
	if ((rc = one_note(st, s, n, err)) == STORE_MISSING)
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
	sql_release(s);
	if (rc != SQLITE_DONE) {
		store_notes_free(list, n);
		return sql_fail(st, rc, err);
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

	if (sql_prepare(st, sql[newest != 0][from != 0], &s, err) == -1)
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
	if (sql_prepare(st, "SELECT id, dossier, created, updated, printed,"
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
	 * filing takes Monday's visit written up today.  SINCE 0 is every
	 * note, a date before 1970 written by hand included (the person's
	 * copy, an export, once left it out). */
	if (sql_prepare(st, all ? NOTE_COLUMNS " WHERE dossier = ?1 AND"
	    " (?2 = 0 OR coalesce(written, created) >= ?2)"
	    " ORDER BY created, sort;" :
	    NOTE_COLUMNS " WHERE dossier = ?1 AND (?2 = 0 OR"
	    " coalesce(written, created) >= ?2) AND printed IS NULL"
	    " ORDER BY created, sort;", &s, err) == -1)
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

	if (sql_prepare(st, "SELECT d.id FROM dossier d WHERE EXISTS (SELECT 1"
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
	sql_release(s);
	if (rc != SQLITE_DONE) {
		free(ids);
		return sql_fail(st, rc, err);
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

	if (sql_begin(st, err) == -1)
		return -1;
	/* Only a note as it went on paper: one changed, moved or destroyed
	 * since has another revision, or none. */
	if (sql_prepare(st, "UPDATE note SET printed = ?1 WHERE id = ?2"
	    " AND revision = ?3;", &s, err) == -1)
		return sql_rollback(st);
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(s, 1, (sqlite3_int64)when);
		sqlite3_bind_int64(s, 2, marks[i].id);
		sqlite3_bind_int64(s, 3, marks[i].revision);
		if (sqlite3_step(s) != SQLITE_DONE) {
			sql_fail(st, sqlite3_errcode(st->db), err);
			sql_release(s);
			return sql_rollback(st);
		}
		sqlite3_reset(s);
		marks[i].marked = sqlite3_changes(st->db) == 1;
		left += !marks[i].marked;
	}
	sql_release(s);
	if (sql_commit(st, err) == -1)
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

	if (sql_begin(st, err) == -1)
		return -1;
	if (sql_prepare(st, "UPDATE dossier SET destroyed = destroyed + (SELECT"
	    " count(*) FROM note WHERE note.dossier = dossier.id AND printed"
	    " IS NOT NULL AND printed <= ?2), destroyed_at = ?3"
	    " WHERE (?1 = 0 OR id = ?1) AND EXISTS (SELECT 1 FROM note"
	    " WHERE note.dossier = dossier.id AND printed IS NOT NULL"
	    " AND printed <= ?2);", &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, dossier);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)before);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)util_now());
	if (sql_finish(st, s, err) == -1)
		return sql_rollback(st);
	if (sql_prepare(st, "DELETE FROM draft WHERE note IN (SELECT id FROM note"
	    " WHERE printed IS NOT NULL AND printed <= ?2"
	    " AND (?1 = 0 OR dossier = ?1));", &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, dossier);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)before);
	if (sql_finish(st, s, err) == -1)
		return sql_rollback(st);
	if (sql_prepare(st, "DELETE FROM note WHERE printed IS NOT NULL"
	    " AND printed <= ?2 AND (?1 = 0 OR dossier = ?1);", &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, dossier);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)before);
	if (sql_finish(st, s, err) == -1)
		return sql_rollback(st);
	*count = sqlite3_changes(st->db);
	return sql_forget(st, *count > 0 ? "INSERT INTO note_fts(note_fts)"
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

int
store_note_versions(struct store *st, struct note_version **v, size_t *n,
    struct error *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	*v = NULL;
	*n = 0;
	if (sql_prepare(st, "SELECT id, revision, dossier, created, written"
	    " FROM note ORDER BY id;", &s, err) == -1)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap)
			*v = xreallocarray(*v, cap = cap ? cap * 2 : 1024,
			    sizeof(**v));
		(*v)[*n].id = sqlite3_column_int64(s, 0);
		(*v)[*n].revision = sqlite3_column_int64(s, 1);
		(*v)[*n].dossier = sqlite3_column_int64(s, 2);
		(*v)[*n].created = (time_t)sqlite3_column_int64(s, 3);
		(*v)[*n].written = (time_t)sqlite3_column_int64(s, 4);
		(*n)++;
	}
	sql_release(s);
	if (rc != SQLITE_DONE) {
		free(*v);
		*v = NULL;
		*n = 0;
		return sql_fail(st, rc, err);
	}
	return 0;
}
