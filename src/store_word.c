/*
 * store_word.c - "my words": the words a worker added to spelling, kept
 * in the notebook with everything else (encrypted, carried by passwd,
 * backup and restore), never in a file of their own: within a week they
 * are the family names of the people she follows.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store_int.h"

int
store_words(struct store *st, char ***list, size_t *n, struct error *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	*list = NULL;
	*n = 0;
	if (sql_prepare(st, "SELECT word FROM word ORDER BY word;", &s,
	    err) == -1)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap)
			*list = xreallocarray(*list, cap = cap ? cap * 2 : 16,
			    sizeof(**list));
		(*list)[(*n)++] = sql_text(s, 0, NULL);
	}
	sql_release(s);
	if (rc != SQLITE_DONE) {
		store_words_free(*list, *n);
		*list = NULL;
		*n = 0;
		return sql_fail(st, rc, err);
	}
	return 0;
}

void
store_words_free(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		wipe_free(list[i]);
	free(list);
}

/* WORD's row: 1 there, 0 not, -1 with ERR. */
static int
has(struct store *st, const char *word, struct error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sql_prepare(st, "SELECT 1 FROM word WHERE word = ?1;", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_text(s, 1, word, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sql_release(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : sql_fail(st, rc, err);
}

int
store_word_add(struct store *st, const char *word, time_t now,
    struct error *err)
{
	sqlite3_stmt *s;
	int there;

	if (word[0] == '\0' || strlen(word) > STORE_WORD_MAX ||
	    strpbrk(word, " \t\n") != NULL)
		return error_set(err, EXIT_USAGE, _("a word of my words is "
		    "one word, of %d bytes at most"), STORE_WORD_MAX);
	if (sql_begin(st, err) == -1)
		return -1;
	if ((there = has(st, word, err)) == -1)
		return sql_rollback(st);
	if (there) {
		if (sql_commit(st, err) == -1)
			return -1;
		return 1;
	}
	if (sql_prepare(st, "INSERT INTO word (word, added) VALUES (?1, ?2);",
	    &s, err) == -1)
		return sql_rollback(st);
	sqlite3_bind_text(s, 1, word, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)now);
	if (sql_finish(st, s, err) == -1)
		return sql_rollback(st);
	return sql_commit(st, err) == -1 ? -1 : 0;
}

int
store_word_remove(struct store *st, const char *word, struct error *err)
{
	sqlite3_stmt *s;

	if (sql_prepare(st, "DELETE FROM word WHERE word = ?1;", &s,
	    err) == -1)
		return -1;
	sqlite3_bind_text(s, 1, word, -1, SQLITE_STATIC);
	if (sql_finish(st, s, err) == -1)
		return -1;
	return sqlite3_changes(st->db) > 0 ? 0 : 1;
}
