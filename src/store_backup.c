/*
 * store_backup.c - the record of each backup made and checked:
 * when, and where (a path, no person's name).
 */
#include <stdlib.h>

#include <sqlite3.h>

#include "store_int.h"

int
store_backup_done(struct store *st, time_t at, const char *place,
    struct error *err)
{
	sqlite3_stmt *s;

	if (sql_begin(st, err) == -1)
		return -1;
	if (sql_prepare(st, "INSERT INTO backup (at, place) VALUES (?1, ?2);", &s,
	    err) == -1)
		return sql_rollback(st);
	sqlite3_bind_int64(s, 1, (sqlite3_int64)at);
	sqlite3_bind_text(s, 2, place, -1, SQLITE_STATIC);
	if (sql_finish(st, s, err) == -1)
		return sql_rollback(st);
	return sql_commit(st, err);
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
	if (sql_prepare(st, "SELECT at, place FROM backup ORDER BY at DESC, id DESC"
	    " LIMIT 1;", &s, &err) == -1)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		at = (time_t)sqlite3_column_int64(s, 0);
		p = sqlite3_column_text(s, 1);
		if (place != NULL && p != NULL)
			*place = xstrdup((const char *)p);
	}
	sql_release(s);
	return at;
}
