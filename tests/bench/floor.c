/*
 * floor NOTEBOOK RAWKEY CORPUS QUERIES RUNS - the floor of the benchmarks:
 * the same work as carnet, done by a minimal program calling SQLCipher
 * directly, on the same file, with the same key and the same SQL.  What
 * carnet adds on top of this is its own cost.  Prints "operation\tmedian
 * ms\tp95 ms" lines.  RAWKEY is SQLCipher's "x'...'" key of NOTEBOOK.
 */
#define SQLITE_HAS_CODEC 1

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "timing.h"

static sqlite3 *
open_keyed(const char *path, const char *key, int flags)
{
	sqlite3 *db;

	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK ||
	    sqlite3_key(db, key, (int)strlen(key)) != SQLITE_OK ||
	    /* carnet's format on SQLCipher 4 (carnet(5)); 3.4 ignores it. */
	    sqlite3_exec(db, "PRAGMA cipher_compatibility = 3;"
	    "PRAGMA temp_store = MEMORY;"
	    "SELECT count(*) FROM sqlite_master;", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "floor: cannot open %s\n", path);
		exit(1);
	}
	return db;
}

/* Step a statement to its end, touching every column. */
static void
drain(sqlite3_stmt *s)
{
	int i;

	while (sqlite3_step(s) == SQLITE_ROW)
		for (i = 0; i < sqlite3_column_count(s); i++)
			(void)sqlite3_column_text(s, i);
	sqlite3_reset(s);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, fp);
	fclose(fp);
	return buf;
}

/* The import: the corpus's notes into a copy of the notebook's schema,
 * in one transaction, as plainly as SQLite allows. */
static double
import(const char *notebook, const char *key, const char *corpus)
{
	char *path = malloc(strlen(notebook) + 16), *file, *body;
	sqlite3 *src, *db;
	sqlite3_stmt *s, *ins, *dos;
	DIR *top, *sub;
	struct dirent *e, *f;
	long long dossier = 0, id = 0;
	double start;
	size_t len = 0;
	FILE *fp;

	sprintf(path, "%s.floor", notebook);
	remove(path);
	fp = fopen(path, "w");
	fclose(fp);
	src = open_keyed(notebook, key, SQLITE_OPEN_READONLY);
	db = open_keyed(path, key, SQLITE_OPEN_READWRITE);
	sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
	    "PRAGMA cache_size = -32768;", NULL, NULL, NULL);
	sqlite3_prepare_v2(src, "SELECT sql FROM sqlite_master WHERE sql NOT "
	    "NULL AND name NOT LIKE '%fts_%' ORDER BY type = 'trigger', rowid",
	    -1, &s, NULL);
	while (sqlite3_step(s) == SQLITE_ROW)
		sqlite3_exec(db, (const char *)sqlite3_column_text(s, 0), NULL,
		    NULL, NULL);
	sqlite3_finalize(s);
	sqlite3_close(src);
	sqlite3_prepare_v2(db, "INSERT INTO dossier (name, created) VALUES "
	    "(?1, 0)", -1, &dos, NULL);
	/* Its place in date order, its id and its number are one counter
	 * here: the corpus is written in date order, one note each. */
	sqlite3_prepare_v2(db, "INSERT INTO note (sort, id, dossier, number,"
	    " created, updated, body) VALUES (?1, ?1, ?2, ?1, ?3, ?3, ?4)", -1,
	    &ins, NULL);
	start = now_ms();
	sqlite3_exec(db, "BEGIN IMMEDIATE;", NULL, NULL, NULL);
	top = opendir(corpus);
	while ((e = readdir(top)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		sqlite3_bind_text(dos, 1, e->d_name, -1, SQLITE_STATIC);
		sqlite3_step(dos);
		sqlite3_reset(dos);
		dossier = sqlite3_last_insert_rowid(db);
		file = malloc(strlen(corpus) + strlen(e->d_name) + 512);
		sprintf(file, "%s/%s", corpus, e->d_name);
		sub = opendir(file);
		while ((f = readdir(sub)) != NULL) {
			if (f->d_name[0] == '.')
				continue;
			sprintf(file, "%s/%s/%s", corpus, e->d_name, f->d_name);
			if ((body = slurp(file, &len)) == NULL)
				continue;
			sqlite3_bind_int64(ins, 1, ++id);
			sqlite3_bind_int64(ins, 2, dossier);
			sqlite3_bind_int64(ins, 3, id);
			sqlite3_bind_text(ins, 4, body, (int)len, SQLITE_STATIC);
			sqlite3_step(ins);
			sqlite3_reset(ins);
			free(body);
		}
		closedir(sub);
		free(file);
	}
	closedir(top);
	sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL);
	start = now_ms() - start;
	sqlite3_finalize(ins);
	sqlite3_finalize(dos);
	sqlite3_close(db);
	remove(path);
	free(path);
	return (double)id / (start / 1000.0);
}

int
main(int argc, char *argv[])
{
	struct sample open_s, ls, heads50, heads5000, save, search1, search2;
	sqlite3 *db;
	sqlite3_stmt *list, *names, *hits, *heads, *ins;
	long long small = 0, big = 0;
	char line[256], *q;
	FILE *fp;
	int runs, i, k;
	double t;

	if (argc != 6) {
		fputs("usage: floor NOTEBOOK RAWKEY CORPUS QUERIES RUNS\n",
		    stderr);
		return 2;
	}
	runs = atoi(argv[5]);
	sample_init(&open_s);
	sample_init(&ls);
	sample_init(&heads50);
	sample_init(&heads5000);
	sample_init(&save);
	sample_init(&search1);
	sample_init(&search2);

	printf("import_notes_per_s\t%.0f\t%.0f\n", import(argv[1], argv[2],
	    argv[3]), 0.0);
	for (i = 0; i < runs; i++) {
		t = now_ms();
		db = open_keyed(argv[1], argv[2], SQLITE_OPEN_READWRITE);
		sample_add(&open_s, now_ms() - t);
		sqlite3_close(db);
	}
	db = open_keyed(argv[1], argv[2], SQLITE_OPEN_READWRITE);
	sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;",
	    NULL, NULL, NULL);
	sqlite3_prepare_v2(db, "SELECT id, name, created, closed, notes,"
	    " unprinted, last FROM dossier WHERE (1 OR closed IS NULL)"
	    " ORDER BY coalesce(last, created) DESC, name", -1, &list, NULL);
	sqlite3_prepare_v2(db, "SELECT d.id, d.name FROM dossier_fts"
	    " JOIN dossier d ON d.id = dossier_fts.docid"
	    " WHERE dossier_fts MATCH ?1 ORDER BY d.name", -1, &names, NULL);
	sqlite3_prepare_v2(db, "SELECT n.id, n.dossier, d.name, n.created,"
	    "  snippet(note_fts, ?1, ?2, '…', -1, 12), n.sort, n.number"
	    " FROM note_fts JOIN note n ON n.sort = note_fts.docid"
	    " JOIN dossier d ON d.id = n.dossier"
	    " WHERE note_fts MATCH ?3 AND note_fts.docid < ?4"
	    " ORDER BY note_fts.docid DESC LIMIT ?5", -1, &hits, NULL);
	sqlite3_prepare_v2(db, "SELECT id, dossier, created, updated, printed,"
	    " substr(body, 1, 240), number FROM note WHERE dossier = ?1"
	    " ORDER BY created DESC, sort DESC LIMIT ?2 OFFSET ?3", -1, &heads,
	    NULL);
	sqlite3_prepare_v2(db, "INSERT INTO note (sort, id, dossier, number,"
	    " created, updated, body) VALUES (?1, ?1, ?2, ?1, ?3, ?3, ?4)", -1,
	    &ins, NULL);
	/* The dossiers of about 50 notes and the biggest one. */
	{
		sqlite3_stmt *s;

		sqlite3_prepare_v2(db, "SELECT (SELECT id FROM dossier ORDER BY"
		    " abs(notes - 50) LIMIT 1), (SELECT id FROM dossier ORDER"
		    " BY notes DESC LIMIT 1)", -1, &s, NULL);
		if (sqlite3_step(s) == SQLITE_ROW) {
			small = sqlite3_column_int64(s, 0);
			big = sqlite3_column_int64(s, 1);
		}
		sqlite3_finalize(s);
	}
	for (i = 0; i < runs; i++) {
		t = now_ms();
		drain(list);
		sample_add(&ls, now_ms() - t);
		for (k = 0; k < 2; k++) {
			t = now_ms();
			sqlite3_bind_int64(heads, 1, k ? big : small);
			sqlite3_bind_int(heads, 2, 21);
			sqlite3_bind_int(heads, 3, 0);
			drain(heads);
			sample_add(k ? &heads5000 : &heads50, now_ms() - t);
		}
	}
	if ((fp = fopen(argv[4], "r")) == NULL)
		return 1;
	while (fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		q = carnet_query(line);
		for (i = 0; i < runs; i++) {
			t = now_ms();
			sqlite3_bind_text(names, 1, q, -1, SQLITE_STATIC);
			drain(names);
			sqlite3_bind_text(hits, 1, "\1", -1, SQLITE_STATIC);
			sqlite3_bind_text(hits, 2, "\2", -1, SQLITE_STATIC);
			sqlite3_bind_text(hits, 3, q, -1, SQLITE_STATIC);
			sqlite3_bind_int64(hits, 4, 9223372036854775807LL);
			sqlite3_bind_int(hits, 5, 50);
			drain(hits);
			sample_add(strchr(line, ' ') ? &search2 : &search1,
			    now_ms() - t);
		}
		free(q);
	}
	fclose(fp);
	for (i = 0; i < runs; i++) {
		t = now_ms();
		sqlite3_exec(db, "BEGIN IMMEDIATE;", NULL, NULL, NULL);
		sqlite3_bind_int64(ins, 1, 4000000000LL * 1024 + i);
		sqlite3_bind_int64(ins, 2, small);
		sqlite3_bind_int64(ins, 3, 4000000000LL);
		sqlite3_bind_text(ins, 4, "Une note de plus, enregistrée.", -1,
		    SQLITE_STATIC);
		sqlite3_step(ins);
		sqlite3_reset(ins);
		sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL);
		sample_add(&save, now_ms() - t);
	}
	sqlite3_exec(db, "DELETE FROM note WHERE created = 4000000000;", NULL,
	    NULL, NULL);
	sample_print("open_without_kdf", &open_s);
	sample_print("list_dossiers", &ls);
	sample_print("dossier_50_notes", &heads50);
	sample_print("biggest_dossier_5000_or_1000_notes", &heads5000);
	sample_print("search_one_word", &search1);
	sample_print("search_two_words", &search2);
	sample_print("durable_save", &save);
	sqlite3_finalize(list);
	sqlite3_finalize(names);
	sqlite3_finalize(hits);
	sqlite3_finalize(heads);
	sqlite3_finalize(ins);
	sqlite3_close(db);
	return 0;
}
