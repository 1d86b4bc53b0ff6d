/*
 * store_search.c - the full-text search of notes and names.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store_int.h"

/*
 * The user's words become an FTS4 query of quoted phrases, so that
 * nothing they type ("-", "OR", parentheses, a lone quote) is taken as
 * query syntax.  A word ending in '*' stays a prefix search; with PREFIX,
 * every word is one.  NULL when no word is left.
 */
char *
search_query(const char *text, int prefix)
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
	if (sql_prepare(st, "PRAGMA data_version;", &s, &err) == -1)
		return (long long)(++unknown | 1ULL << 62);
	other = sqlite3_step(s) == SQLITE_ROW ?
	    (unsigned long long)sqlite3_column_int64(s, 0) : ++unknown;
	sql_release(s);
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

	if ((q = search_query(text, 0)) == NULL)
		return error_set(err, EXIT_USAGE, _("nothing to search for"));
	if (before == 0) {
		if (sql_prepare(st, "SELECT d.id, d.name, " HIT_HOMONYMS
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
			h->name = sql_text(s, 1, NULL);
			h->person = util_person(h->name, h->dossier,
			    (long)sqlite3_column_int64(s, 2));
		}
		sql_release(s);
		if (rc != SQLITE_DONE)
			goto sqlfail;
	}
	/* Walk the index newest first and stop after LIMIT: snippet() is
	 * only computed for the rows returned. */
	if (sql_prepare(st, "SELECT n.id, n.dossier, d.name, n.created,"
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
		h->name = sql_text(s, 2, NULL);
		h->created = (time_t)sqlite3_column_int64(s, 3);
		h->snippet = sql_text(s, 4, NULL);
		h->sort = sqlite3_column_int64(s, 5);
		h->number = (long)sqlite3_column_int64(s, 6);
		h->person = util_person(h->name, h->dossier,
		    (long)sqlite3_column_int64(s, 7));
	}
	sql_release(s);
	if (rc != SQLITE_DONE)
		goto sqlfail;
	wipe_free(q);
	*out = hits;
	*count = n;
	return 0;
sqlfail:
	sql_fail(st, rc, err);
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
