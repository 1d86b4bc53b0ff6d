/*
 * store_draft.c - drafts: what a window was writing, kept until it
 * is saved or thrown away, so that no word is lost.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store_int.h"

int
draft_delete(struct store *st, long long id, struct error *err)
{
	sqlite3_stmt *s;

	if (sql_prepare(st, "DELETE FROM draft WHERE id = ?1;", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return sql_finish(st, s, err);
}

int
store_draft_put(struct store *st, long long *draft, const char *session,
    long long dossier, long long note, long long base, time_t dated,
    const char *body, size_t len, struct error *err)
{
	sqlite3_stmt *s;

	if (sql_begin(st, err) == -1)
		return -1;
	if (*draft != 0) {
		if (sql_prepare(st, "UPDATE draft SET body = ?1, saved = ?2,"
		    " session = ?3, dated = nullif(?5, 0) WHERE id = ?4;", &s,
		    err) == -1)
			return sql_rollback(st);
		sqlite3_bind_text(s, 1, body, (int)len, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)util_now());
		sqlite3_bind_text(s, 3, session, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, *draft);
		sqlite3_bind_int64(s, 5, (sqlite3_int64)dated);
		if (sql_finish(st, s, err) == -1)
			return sql_rollback(st);
		if (sqlite3_changes(st->db) == 1)
			return sql_commit(st, err);
	}
	/* A new draft, or this one was thrown away meanwhile: keep the text
	 * all the same.  Its id is new (ids_serial()): a window holding the
	 * id of a draft thrown away never writes over another's. */
	if (ids_serial(st, "draft", draft, err) == -1 ||
	    sql_prepare(st, "INSERT INTO draft (id, dossier, note, saved, body,"
	    " base, session, dated) VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6,"
	    " nullif(?7, 0));", &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 8, *draft);
	sqlite3_bind_int64(s, 1, dossier);
	if (note != 0)
		sqlite3_bind_int64(s, 2, note);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)util_now());
	sqlite3_bind_text(s, 4, body, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, base);
	sqlite3_bind_text(s, 6, session, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 7, (sqlite3_int64)dated);
	if (sql_finish(st, s, err) == -1)
		return sql_rollback(st);
	return sql_commit(st, err);
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
	d->body = sql_text(s, 4, &d->len);
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

	if (sql_prepare(st, DRAFT_COLUMNS " ORDER BY saved DESC;", &s, err) == -1)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			list = xreallocarray(list, cap, sizeof(*list));
		}
		draft_row(s, &list[n++]);
	}
	sql_release(s);
	if (rc != SQLITE_DONE) {
		store_drafts_free(list, n);
		return sql_fail(st, rc, err);
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

	if (sql_begin(st, err) == -1)
		return -1;
	if (sql_prepare(st, "UPDATE draft SET session = ?1 WHERE id = ?2;", &s,
	    err) == -1)
		return sql_rollback(st);
	sqlite3_bind_text(s, 1, session, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, id);
	if (sql_finish(st, s, err) == -1 || sql_prepare(st, DRAFT_COLUMNS
	    " WHERE id = ?1;", &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		draft_row(s, d);
	sql_release(s);
	if (rc == SQLITE_DONE) {
		sql_rollback(st);
		return error_set(err, EXIT_ERROR, _("the draft was thrown away "
		    "meanwhile"));
	}
	if (rc != SQLITE_ROW) {
		sql_fail(st, rc, err);
		return sql_rollback(st);
	}
	return sql_commit(st, err);
}

int
store_draft_drop(struct store *st, long long id, struct error *err)
{
	sqlite3_stmt *s;

	if (sql_begin(st, err) == -1)
		return -1;
	if (sql_prepare(st, "DELETE FROM draft WHERE id = ?1;", &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, id);
	if (sql_finish(st, s, err) == -1)
		return sql_rollback(st);
	return sql_commit(st, err);
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
store_draft_release(struct store *st, long long id, struct error *err)
{
	sqlite3_stmt *s;

	if (sql_begin(st, err) == -1)
		return -1;
	if (sql_prepare(st, "UPDATE draft SET session = NULL WHERE id = ?1;",
	    &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, id);
	if (sql_finish(st, s, err) == -1)
		return sql_rollback(st);
	return sql_commit(st, err);
}
