/*
 * store_pdf.c - the PDFs carnet wrote and that may still be on disk, in
 * clear: where, when, of which dossier, and the notes as they went in.
 * Forgotten once the file is gone (pdfs.c looks).
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store_int.h"

int
store_pdf_add(struct store *st, const char *path, time_t made,
    long long dossier, int asked, const struct note_mark *marks, size_t n,
    long long *id, struct error *err)
{
	sqlite3_stmt *s;
	size_t i;

	if (sql_begin(st, err) == -1)
		return -1;
	/* A file made again where one was (the old one deleted, then the
	 * same name chosen): the new one replaces it, in the list too. */
	if (sql_prepare(st, "DELETE FROM pdf_note WHERE pdf IN (SELECT id "
	    "FROM pdf WHERE path = ?1);", &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	if (sql_finish(st, s, err) == -1)
		return sql_rollback(st);
	if (sql_prepare(st, "DELETE FROM pdf WHERE path = ?1;", &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	if (sql_finish(st, s, err) == -1)
		return sql_rollback(st);
	if (sql_prepare(st, "INSERT INTO pdf (path, made, dossier, asked)"
	    " VALUES (?1, ?2, ?3, ?4);", &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)made);
	if (dossier > 0)
		sqlite3_bind_int64(s, 3, dossier);
	sqlite3_bind_int(s, 4, asked);
	if (sql_finish(st, s, err) == -1)
		return sql_rollback(st);
	*id = sqlite3_last_insert_rowid(st->db);
	for (i = 0; i < n; i++) {
		if (sql_prepare(st, "INSERT INTO pdf_note (pdf, note, revision,"
		    " number) VALUES (?1, ?2, ?3, ?4);", &s, err) == -1)
			return sql_rollback(st);
		sqlite3_bind_int64(s, 1, *id);
		sqlite3_bind_int64(s, 2, marks[i].id);
		sqlite3_bind_int64(s, 3, marks[i].revision);
		sqlite3_bind_int64(s, 4, marks[i].number);
		if (sql_finish(st, s, err) == -1)
			return sql_rollback(st);
	}
	return sql_commit(st, err);
}

int
store_pdfs(struct store *st, struct pdf_made **list, size_t *n,
    struct error *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	*list = NULL;
	*n = 0;
	if (sql_prepare(st, "SELECT id, path, made, coalesce(dossier, 0),"
	    " asked FROM pdf ORDER BY made, id;", &s, err) == -1)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap)
			*list = xreallocarray(*list, cap = cap ? cap * 2 : 8,
			    sizeof(**list));
		(*list)[*n].id = sqlite3_column_int64(s, 0);
		(*list)[*n].path = sql_text(s, 1, NULL);
		(*list)[*n].made = (time_t)sqlite3_column_int64(s, 2);
		(*list)[*n].dossier = sqlite3_column_int64(s, 3);
		(*list)[*n].asked = sqlite3_column_int(s, 4);
		(*n)++;
	}
	sql_release(s);
	if (rc != SQLITE_DONE) {
		store_pdfs_free(*list, *n);
		*list = NULL;
		*n = 0;
		return sql_fail(st, rc, err);
	}
	return 0;
}

void
store_pdfs_free(struct pdf_made *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		wipe_free(list[i].path);
	free(list);
}

int
store_pdf_marks(struct store *st, long long pdf, struct note_mark **marks,
    size_t *n, struct error *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	*marks = NULL;
	*n = 0;
	if (sql_prepare(st, "SELECT note, revision, number FROM pdf_note"
	    " WHERE pdf = ?1 ORDER BY rowid;", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, pdf);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap)
			*marks = xreallocarray(*marks, cap = cap ? cap * 2 : 16,
			    sizeof(**marks));
		(*marks)[*n] = (struct note_mark){ sqlite3_column_int64(s, 0),
		    sqlite3_column_int64(s, 1), (long)sqlite3_column_int64(s,
		    2), 0 };
		(*n)++;
	}
	sql_release(s);
	if (rc != SQLITE_DONE) {
		free(*marks);
		*marks = NULL;
		*n = 0;
		return sql_fail(st, rc, err);
	}
	return 0;
}

/* SQL on PDF ?1, inside the caller's transaction. */
static int
on_pdf(struct store *st, const char *sql, long long pdf, struct error *err)
{
	sqlite3_stmt *s;

	if (sql_prepare(st, sql, &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, pdf);
	return sql_finish(st, s, err);
}

int
store_pdf_asked(struct store *st, long long pdf, struct error *err)
{
	if (sql_begin(st, err) == -1)
		return -1;
	if (on_pdf(st, "UPDATE pdf SET asked = 1 WHERE id = ?1;", pdf,
	    err) == -1)
		return sql_rollback(st);
	return sql_commit(st, err);
}

int
store_pdf_forget(struct store *st, long long pdf, struct error *err)
{
	if (sql_begin(st, err) == -1)
		return -1;
	if (on_pdf(st, "DELETE FROM pdf_note WHERE pdf = ?1;", pdf,
	    err) == -1 || on_pdf(st, "DELETE FROM pdf WHERE id = ?1;", pdf,
	    err) == -1)
		return sql_rollback(st);
	return sql_commit(st, err);
}

int
store_pdf_touches(struct store *st, long long pdf, long long dossier,
    int *touches, struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sql_prepare(st, "SELECT 1 FROM pdf_note JOIN note"
	    " ON note.id = pdf_note.note WHERE pdf_note.pdf = ?1"
	    " AND note.dossier = ?2 LIMIT 1;", &s, err) == -1)
		return -1;
	sqlite3_bind_int64(s, 1, pdf);
	sqlite3_bind_int64(s, 2, dossier);
	rc = sqlite3_step(s);
	*touches = rc == SQLITE_ROW;
	sql_release(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sql_fail(st, rc,
	    err);
}
