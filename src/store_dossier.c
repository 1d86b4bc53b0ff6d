/*
 * store_dossier.c - dossiers: listed, found by number or name, made,
 * renamed, closed, kept, destroyed.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "names.h"
#include "store_int.h"

static void
dossier_row(sqlite3_stmt *s, struct dossier *d)
{
	d->id = sqlite3_column_int64(s, 0);
	d->name = sql_text(s, 1, NULL);
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

/* What a filter's key matches in a name's key (names_key()): the start
 * of one of its words, "% KEY%" for LIKE, its own % and _ escaped; NULL
 * (nothing) when the key is empty. */
static char *
key_pattern(const char *filter)
{
	char *key = names_key(filter), *pattern, *o;
	const char *p;

	if (key[0] == '\0') {
		wipe_free(key);
		return NULL;
	}
	pattern = wipe_alloc(strlen(key) * 2 + 4);
	o = pattern;
	*o++ = '%';
	*o++ = ' ';
	for (p = key; *p != '\0'; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			*o++ = '\\';
		*o++ = *p;
	}
	*o++ = '%';
	*o = '\0';
	wipe_free(key);
	return pattern;
}

int
store_dossiers(struct store *st, const char *filter, int closed_too,
    time_t idle_since, struct dossier **out, size_t *count,
    struct error *err)
{
	sqlite3_stmt *s;
	struct dossier *list = NULL;
	size_t n = 0, cap = 0;
	char *q = NULL, *pattern = NULL;
	long long number = -1;
	int rc;

	if (filter != NULL && (q = search_query(filter, 1)) == NULL)
		filter = NULL;	/* nothing but spaces: no filter */
	/* A filter is matched three ways: words of the name starting with
	 * its words, accents and case aside (the index); the name's key,
	 * apostrophes and hyphens aside too ("ndiaye" finds N'Diaye); and,
	 * all digits, the dossier's number, as lists and titles show it. */
	if (filter != NULL) {
		pattern = key_pattern(filter);
		if (util_number(filter, 1, LLONG_MAX, &number) == -1)
			number = -1;
	}
	rc = sql_prepare(st, filter == NULL ? DOSSIER_COLUMNS
	    " WHERE (?2 OR closed IS NULL) AND (?3 = 0 OR"
	    " max(coalesce(last, created), coalesce(kept, 0)) < ?3)"
	    " ORDER BY coalesce(last, created) DESC, name, id DESC;" :
	    DOSSIER_COLUMNS " WHERE (?2 OR closed IS NULL)"
	    " AND (?3 = 0 OR"
	    " max(coalesce(last, created), coalesce(kept, 0)) < ?3)"
	    " AND (id IN"
	    " (SELECT docid FROM dossier_fts WHERE dossier_fts MATCH ?1)"
	    " OR (' ' || namekey) LIKE ?4 ESCAPE '\\' OR id = ?5)"
	    " ORDER BY coalesce(last, created) DESC, name, id DESC;",
	    &s, err);
	if (rc == -1) {
		wipe_free(q);
		wipe_free(pattern);
		return -1;
	}
	if (q != NULL) {
		sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, pattern, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 5, number);
	}
	sqlite3_bind_int(s, 2, closed_too);
	/* 0: every dossier, whatever its dates (a date written by hand as
	 * the largest there is once hid its dossier). */
	sqlite3_bind_int64(s, 3, (sqlite3_int64)idle_since);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			list = xreallocarray(list, cap, sizeof(*list));
		}
		dossier_row(s, &list[n++]);
	}
	sql_release(s);
	wipe_free(q);
	wipe_free(pattern);
	if (rc != SQLITE_DONE) {
		store_dossiers_free(list, n);
		return sql_fail(st, rc, err);
	}
	*out = list;
	*count = n;
	return 0;
}

/* The dossier of number ID; -1, with a message, when there is none. */
static int
dossier_lookup(struct store *st, long long id, struct dossier *d,
    struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sql_prepare(st, DOSSIER_COLUMNS " WHERE id = ?1", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		dossier_row(s, d);
		sql_release(s);
		return 0;
	}
	sql_release(s);
	if (rc != SQLITE_DONE)
		return sql_fail(st, rc, err);
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
	if (sql_prepare(st, DOSSIER_COLUMNS " WHERE namekey = ?1 ORDER BY id;", &s,
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
	sql_release(s);
	wipe_free(key);
	if (rc != SQLITE_DONE) {
		if (found > 0)
			store_dossier_free(d);
		return sql_fail(st, rc, err);
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

	if (sql_prepare(st, "SELECT id FROM dossier WHERE namekey = ?1"
	    " ORDER BY id;", &s, err) == -1) {
		wipe_free(key);
		return -1;
	}
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ids = xreallocarray(ids, n + 1, sizeof(*ids));
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	sql_release(s);
	wipe_free(key);
	if (rc != SQLITE_DONE) {
		free(ids);
		return sql_fail(st, rc, err);
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

	if (sql_begin(st, err) == -1) {
		wipe_free(key);
		return -1;
	}
	if (ids_serial(st, "dossier", id, err) == -1 ||
	    sql_prepare(st, "INSERT INTO dossier (id, name, created, namekey)"
	    " VALUES (?3, ?1, ?2, ?4);", &s, err) == -1) {
		wipe_free(key);
		return sql_rollback(st);
	}
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)util_now());
	sqlite3_bind_int64(s, 3, *id);
	sqlite3_bind_text(s, 4, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sql_release(s);
	wipe_free(key);
	if (rc != SQLITE_DONE) {
		sql_fail(st, rc, err);
		return sql_rollback(st);
	}
	return sql_commit(st, err);
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

/* Run one UPDATE of a dossier or note by id, in its own transaction;
 * error when no row has that id. */
static int
update_one(struct store *st, sqlite3_stmt *s, struct error *err)
{
	int rc = sqlite3_step(s);

	sql_release(s);
	if (rc != SQLITE_DONE) {
		sql_fail(st, rc, err);
		return sql_rollback(st);
	}
	if (sqlite3_changes(st->db) != 1) {
		sql_rollback(st);
		return error_set(err, EXIT_ERROR, _("it no longer exists (was "
		    "it destroyed in another window?)"));
	}
	return sql_commit(st, err);
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
	if (sql_begin(st, err) == -1 || sql_prepare(st, "UPDATE dossier SET name = ?1,"
	    " namekey = ?3 WHERE id = ?2;", &s, err) == -1) {
		wipe_free(name);
		return st->depth > 0 ? sql_rollback(st) : -1;
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

	if (sql_begin(st, err) == -1)
		return -1;
	if (sql_prepare(st, "UPDATE dossier SET kept = ?1 WHERE id = ?2;", &s,
	    err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)util_now());
	sqlite3_bind_int64(s, 2, id);
	return update_one(st, s, err);
}

int
store_dossier_close(struct store *st, long long id, int closed,
    struct error *err)
{
	sqlite3_stmt *s;

	if (sql_begin(st, err) == -1)
		return -1;
	if (sql_prepare(st, "UPDATE dossier SET closed = ?1 WHERE id = ?2;", &s,
	    err) == -1)
		return sql_rollback(st);
	if (closed)
		sqlite3_bind_int64(s, 1, (sqlite3_int64)util_now());
	else
		sqlite3_bind_null(s, 1);
	sqlite3_bind_int64(s, 2, id);
	return update_one(st, s, err);
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

	if (sql_begin(st, err) == -1)
		return -1;
	/* The question named how many notes go: a note written or moved in
	 * since would go unasked. */
	if (notes >= 0 && dossier_lookup(st, id, &now, err) == 0) {
		store_dossier_free(&now);
		if (now.notes != notes) {
			sql_rollback(st);
			error_set(err, EXIT_ERROR, ngettext("the dossier has "
			    "changed since the question: it now has %ld note; "
			    "nothing was destroyed", "the dossier has changed "
			    "since the question: it now has %ld notes; nothing "
			    "was destroyed", now.notes), now.notes);
			return STORE_CHANGED;
		}
	}
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (sql_prepare(st, steps[i], &s, err) == -1)
			return sql_rollback(st);
		sqlite3_bind_int64(s, 1, id);
		if (sql_finish(st, s, err) == -1)
			return sql_rollback(st);
	}
	if (sqlite3_changes(st->db) != 1) {
		sql_rollback(st);
		return error_set(err, EXIT_ERROR, _("it no longer exists (was "
		    "it destroyed in another window?)"));
	}
	return sql_forget(st, "INSERT INTO note_fts(note_fts) VALUES ('optimize');"
	    "INSERT INTO dossier_fts(dossier_fts) VALUES ('optimize');", err);
}

int
store_totals(struct store *st, long long *dossiers, long long *notes,
    struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sql_prepare(st, "SELECT (SELECT count(*) FROM dossier),"
	    " (SELECT count(*) FROM note);", &s, err) == -1)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*dossiers = sqlite3_column_int64(s, 0);
		*notes = sqlite3_column_int64(s, 1);
	}
	sql_release(s);
	return rc == SQLITE_ROW ? 0 : sql_fail(st, rc, err);
}

int
store_name_check(const char *name, struct error *err)
{
	char *kept = names_clean(name, STORE_NAME_MAX, err);

	wipe_free(kept);
	return kept != NULL ? 0 : -1;
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
