/*
 * Unit tests of store.c: schema and migrations, dossiers, notes, search,
 * drafts, and destruction that leaves no word in the index.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "notebook.h"
#include "store.h"
#include "tap.h"

static char path[512];

static struct store *
open_store(struct error *err)
{
	struct secret *p = secret_new(64);
	struct notebook *nb;

	memcpy(p->bytes, "correct horse", p->len = 13);
	nb = notebook_open(path, p, NOTEBOOK_SHARED, err);
	secret_free(p);
	return nb == NULL ? NULL : store_attach(nb, err);
}

static long long
add(struct store *st, long long dossier, const char *body, time_t when)
{
	struct error err;
	long long id = 0;

	if (store_note_add(st, dossier, body, strlen(body), when, 0, &id,
	    &err) == -1)
		printf("#   add: %s\n", err.text);
	return id;
}

/* How many hits, and is WANT among the snippets? */
static size_t
search(struct store *st, const char *q, const char *want, int *found)
{
	struct error err;
	struct hit *hits;
	size_t n, i;

	*found = 0;
	if (store_search(st, q, 0, 50, "[", "]", &hits, &n, &err) == -1) {
		printf("#   search %s: %s\n", q, err.text);
		return (size_t)-1;
	}
	for (i = 0; i < n; i++)
		if (want != NULL && ((hits[i].snippet != NULL &&
		    strstr(hits[i].snippet, want) != NULL) ||
		    (hits[i].note == 0 && strcmp(hits[i].name, want) == 0)))
			*found = 1;
	store_hits_free(hits, n);
	return n;
}

static int
index_has(struct store *st, const char *term)
{
	sqlite3 *db = notebook_db(store_notebook(st));
	sqlite3_stmt *s;
	int n = -1;

	sqlite3_exec(db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING "
	    "fts4aux(main, note_fts);", NULL, NULL, NULL);
	sqlite3_prepare_v2(db, "SELECT count(*) FROM temp.terms WHERE term = ? AND col = '*'",
	    -1, &s, NULL);
	sqlite3_bind_text(s, 1, term, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* Note ID's new text, as the editor saves it over the revision it read:
 * the store has no other way to change a note's text. */
static int
rewrite(struct store *st, long long id, const char *body, struct error *err)
{
	struct note n;
	long long base, dossier, same;

	if (store_note_get(st, id, &n, err) == -1)
		return -1;
	base = n.revision;
	dossier = n.dossier;
	store_note_free(&n);
	return store_note_save(st, dossier, id, &base, 0, 0, body,
	    strlen(body), &same, err);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	char dir[256];
	struct kdf kdf = { 13, 1 };
	struct error err;
	struct secret *p;
	struct notebook *nb;
	struct store *st;
	struct dossier d, *list;
	struct note *notes, note;
	struct draft *drafts, draft;
	struct hit *hits;
	long long benali, dupont, a, b, c, id, d1, d2, d3, base, other;
	size_t n, i;
	int found;
	snprintf(dir, sizeof(dir), "%s/carnet-store-XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/nb.db", dir);
	p = secret_new(64);
	memcpy(p->bytes, "correct horse", p->len = 13);
	nb = notebook_create(path, p, &kdf, &err);
	secret_free(p);
	st = nb != NULL ? store_attach(nb, &err) : NULL;
	ok(st != NULL, "a new notebook gets the schema");
	if (st == NULL)
		return done();

	/* Dossiers. */
	ok(store_dossier_new(st, "Amina Benali", 0, &benali, &err) == 0,
	    "dossier created");
	ok(store_dossier_new(st, "Jean Dupont", 0, &dupont, &err) == 0 &&
	    dupont != benali, "a second one");
	is_int(store_dossier_new(st, "Amina Benali", 0, &id, &err),
	    STORE_SAME, "the same name asked for again");
	ok(strstr(err.text, "already") != NULL && strstr(err.text,
	    "number") != NULL, "the message gives its number: %s", err.text);
	is_int(store_dossier_new(st, "amina BENALI", 0, &id, &err),
	    STORE_SAME, "and but for accents and case too");
	ok(store_dossier_new(st, "", 0, &id, &err) == -1, "empty name refused");
	ok(store_dossier_new(st, "2024", 0, &id, &err) == -1,
	    "digits only refused (would be an id)");
	ok(store_dossier_new(st, "a\033[2Jb", 0, &id, &err) == -1,
	    "control characters refused");
	ok(store_dossier_new(st, " Lina\xc2\xa0\xe2\x80\x83 Fort ", 0, &id,
	    &err) == 0 && store_dossier_get(st, id, &d, &err) == 0 &&
	    strcmp(d.name, "Lina Fort") == 0, "spaces of every kind kept as "
	    "one ordinary space, none at either end");
	store_dossier_free(&d);
	store_dossier_delete(st, id, -1, &err);
	is_int(store_dossier_new(st, "\xd0\x90mina Benal\xc4\xb1", 0, &id,
	    &err), STORE_SAME, "a name that only looks the same (a Cyrillic "
	    "А, a dotless ı) is asked about: %s", err.text);
	is_int(store_dossier_new(st, "Amina\xe3\x85\xa4" "Benali", 0, &id,
	    &err), -1, "a Hangul filler is refused: %s", err.text);
	ok(store_dossier_new(st, "a\xc2\x9b" "2Jb", 0, &id, &err) == -1,
	    "a C1 control (CSI) refused");
	ok(store_dossier_new(st, "Amina Benali\xe2\x80\x8b", 0, &id, &err) ==
	    -1 && strstr(err.text, "U+200B") != NULL,
	    "a zero-width space refused, and named: %s", err.text);
	ok(store_dossier_new(st, "Amina \xe2\x80\xae" "ilaneB", 0, &id, &err) ==
	    -1 && strstr(err.text, "U+202E") != NULL,
	    "a right-to-left override refused");
	ok(store_dossier_new(st, "\xef\xbb\xbf" "Amina", 0, &id, &err) == -1,
	    "a byte order mark refused");
	ok(store_dossier_new(st, "Line\xe2\x80\xa8" "two", 0, &id, &err) == -1,
	    "a line separator refused");
	/* é as one character (NFC) and as e and a combining accent (NFD). */
	ok(store_dossier_new(st, "Ele\xcc\x81onore Brun", 0, &id, &err) == 0,
	    "a name typed decomposed (NFD) is taken");
	ok(store_dossier_get(st, id, &d, &err) == 0 &&
	    strcmp(d.name, "El\xc3\xa9onore Brun") == 0,
	    "and kept composed (NFC)");
	store_dossier_free(&d);
	is_int(store_dossier_new(st, "El\xc3\xa9onore Brun", 0, &other, &err),
	    STORE_SAME, "the same name composed is the same name");
	ok(store_dossier_find(st, "Ele\xcc\x81onore Brun", &d, &err) == 0 &&
	    d.id == id, "found however it is typed");
	store_dossier_free(&d);
	ok(store_dossier_delete(st, id, -1, &err) == 0, "(and destroyed)");
	ok(store_dossier_find(st, "Amina Benali", &d, &err) == 0 &&
	    d.id == benali, "found by name");
	store_dossier_free(&d);
	{
		char key[32];

		snprintf(key, sizeof(key), "%lld", dupont);
		ok(store_dossier_find(st, key, &d, &err) == 0 &&
		    strcmp(d.name, "Jean Dupont") == 0, "found by id");
		store_dossier_free(&d);
	}
	ok(store_dossier_find(st, "amina benali", &d, &err) == 0 &&
	    d.id == benali, "a name typed without capitals finds it");
	store_dossier_free(&d);
	ok(store_dossier_find(st, "amina-benali", &d, &err) == 0 &&
	    d.id == benali, "nor with a hyphen for a space");
	store_dossier_free(&d);
	ok(store_dossier_find(st, "Amina Benalli", &d, &err) == -1 &&
	    err.status == 1, "but another name finds nothing");
	ok(store_dossier_find(st, "999", &d, &err) == -1, "unknown id");

	/* Notes: ids follow the order of writing, lists the dates. */
	a = add(st, benali, "Entretien avec l'éducatrice, suivi CAF.", 2000);
	b = add(st, benali, "Visite à domicile, suivi; le bailleur relance.", 1000);
	c = add(st, benali, "Appel de la PMI, suivi.", 2000);
	ok(a != 0 && b != 0 && c != 0, "three notes added");
	ok(a < b && b < c, "ids in the order of writing");
	ok(store_notes(st, benali, 0, 0, 10, &notes, &n, &err) == 0 && n == 3 &&
	    notes[0].id == b && notes[1].id == a && notes[2].id == c &&
	    notes[0].number == 2 && notes[1].number == 1,
	    "listed in date order, then in writing order, with their numbers");
	store_notes_free(notes, n);
	add(st, dupont, "Rendez-vous RSA avec Jean.", 1500);
	ok(store_note_add(st, benali, " \n\t ", 4, 3000, 0, &id, &err) == -1,
	    "a blank note is refused");
	ok(store_note_add(st, benali, "ab\0cd", 5, 3000, 0, &id, &err) == -1 &&
	    strstr(err.text, "NUL") != NULL, "a NUL byte is refused");
	ok(store_note_add(st, benali, "caf\xe9", 4, 3000, 0, &id, &err) == -1 &&
	    strstr(err.text, "byte 3") != NULL,
	    "Latin-1 is refused, and the byte named");
	ok(store_note_add(st, 4242, "orphan", 6, 3000, 0, &id, &err) == -1,
	    "no note without its dossier");

	ok(store_notes(st, benali, 0, 0, 10, &notes, &n, &err) == 0 &&
	    n == 3 && notes[0].id == b && notes[2].id == c,
	    "oldest first");
	store_notes_free(notes, n);
	ok(store_notes(st, benali, 1, 0, 2, &notes, &n, &err) == 0 && n == 2 &&
	    notes[0].id == c && notes[1].id == a, "newest first, limited");
	id = notes[1].id;
	store_notes_free(notes, n);
	ok(store_notes(st, benali, 1, id, 10, &notes, &n, &err) == 0 &&
	    n == 1 && notes[0].id == b, "the next page");
	ok(notes[0].created == 1000 && notes[0].updated == 1000 &&
	    notes[0].printed == 0, "dates kept, not on paper");
	store_notes_free(notes, n);

	ok(store_dossiers(st, NULL, 1, 0, &list, &n, &err) == 0 && n == 2,
	    "two dossiers");
	ok(list[0].id == benali && list[0].notes == 3 &&
	    list[0].unprinted == 3 && list[0].last == 2000,
	    "counts and last date");
	ok(list[1].id == dupont && list[1].notes == 1, "by recent activity");
	store_dossiers_free(list, n);
	ok(store_dossiers(st, "ben", 1, 0, &list, &n, &err) == 0 && n == 1 &&
	    list[0].id == benali, "filtered by the start of a word");
	store_dossiers_free(list, n);
	ok(store_dossiers(st, "JEAN dup", 1, 0, &list, &n, &err) == 0 && n == 1 &&
	    list[0].id == dupont, "by several words, any case");
	store_dossiers_free(list, n);
	ok(store_dossiers(st, "  ", 1, 0, &list, &n, &err) == 0 && n == 2,
	    "a blank filter is no filter");
	store_dossiers_free(list, n);
	{
		char number[32];
		long long ndiaye = 0, jp = 0;

		ok(store_dossier_new(st, "Fatou N’Diaye", 0, &ndiaye, &err) ==
		    0 && store_dossier_new(st, "Jean-Pierre Moreau", 0, &jp,
		    &err) == 0, "names with an apostrophe and a hyphen");
		ok(store_dossiers(st, "ndiaye", 1, 0, &list, &n, &err) == 0 &&
		    n == 1 && list[0].id == ndiaye,
		    "“ndiaye” finds N’Diaye: apostrophes aside");
		store_dossiers_free(list, n);
		ok(store_dossiers(st, "diaye", 1, 0, &list, &n, &err) == 0 &&
		    n == 1 && list[0].id == ndiaye, "“diaye” still does");
		store_dossiers_free(list, n);
		ok(store_dossiers(st, "jean pier", 1, 0, &list, &n, &err) ==
		    0 && n == 1 && list[0].id == jp,
		    "“jean pier” finds Jean-Pierre: hyphens aside");
		store_dossiers_free(list, n);
		snprintf(number, sizeof(number), "%lld", jp);
		ok(store_dossiers(st, number, 1, 0, &list, &n, &err) == 0 &&
		    n == 1 && list[0].id == jp, "digits find the dossier of "
		    "that number");
		store_dossiers_free(list, n);
		ok(store_dossiers(st, "%", 1, 0, &list, &n, &err) == 0 &&
		    n == 0, "a %% typed is a %%, not every name");
		store_dossiers_free(list, n);
		ok(store_dossiers(st, "-", 1, 0, &list, &n, &err) == 0 &&
		    n == 0, "a hyphen alone matches nothing");
		store_dossiers_free(list, n);
		store_dossier_delete(st, ndiaye, 0, &err);
		store_dossier_delete(st, jp, 0, &err);
	}
	ok(store_note_heads(st, benali, 1, 5, &notes, &n, &err) == 0 &&
	    n == 2 && notes[0].id == a && notes[1].id == b,
	    "note heads: newest first, from an offset");
	store_notes_free(notes, n);
	ok(store_note_heads(st, benali, 0, 1, &notes, &n, &err) == 0 &&
	    n == 1 && strcmp(notes[0].body, "Appel de la PMI, suivi.") == 0,
	    "a head is the first line");
	store_notes_free(notes, n);

	/* Search. */
	n = search(st, "educatrice", "[éducatrice]", &found);
	ok(n == 1 && found, "educatrice finds éducatrice, marked");
	n = search(st, "EDUCATRICE", NULL, &found);
	is_int(n, 1, "case does not matter");
	n = search(st, "benali", "Amina Benali", &found);
	ok(n == 1 && found, "benali finds the dossier Benali");
	n = search(st, "bail*", "[bailleur]", &found);
	ok(n == 1 && found, "a prefix with *");
	n = search(st, "CAF éducatrice", NULL, &found);
	is_int(n, 1, "all words must be there");
	n = search(st, "rendez-vous", NULL, &found);
	is_int(n, 1, "a hyphenated word");
	n = search(st, "\"unbalanced OR ( NEAR -", NULL, &found);
	ok(n != (size_t)-1, "query syntax in user input is harmless");
	ok(store_search(st, " * ", 0, 50, "[", "]", &hits, &n, &err) == -1,
	    "nothing to search for");
	ok(store_search(st, "suivi", 0, 50, "[", "]", &hits, &n, &err) == 0 &&
	    n == 3 && hits[0].note == c && hits[2].note == b,
	    "newest first");
	store_hits_free(hits, n);
	ok(store_search(st, "suivi", 0, 1, "[", "]", &hits, &n, &err) == 0 &&
	    n == 1, "a page of one");
	id = hits[0].sort;
	store_hits_free(hits, n);
	ok(store_search(st, "suivi", id, 1, "[", "]", &hits, &n, &err) == 0 &&
	    n == 1 && hits[0].note == a && strcmp(hits[0].name,
	    "Amina Benali") == 0 && hits[0].created == 2000,
	    "the next page, with its dossier and date");
	store_hits_free(hits, n);

	/* Editing takes a note off paper and reindexes it. */
	ok(rewrite(st, b, "Visite annulée.", &err) == 0,
	    "note updated");
	ok(store_note_get(st, b, &note, &err) == 0 &&
	    strcmp(note.body, "Visite annulée.") == 0 && note.created == 1000,
	    "new text, same date");
	store_note_free(&note);
	n = search(st, "bailleur", NULL, &found);
	is_int(n, 0, "the old words are no longer found");
	n = search(st, "annulee", NULL, &found);
	is_int(n, 1, "the new ones are");
	ok(store_note_get(st, 77, &note, &err) == -1, "unknown note");

	/* Rename, close. */
	ok(store_dossier_rename(st, dupont, "Jean-Marc Dupont", 0, &err) == 0,
	    "renamed");
	n = search(st, "jean-marc", "Jean-Marc Dupont", &found);
	ok(found, "the new name is searchable");
	is_int(store_dossier_rename(st, dupont, "Amina Benali", 0, &err),
	    STORE_SAME, "renaming onto another's name is asked for");
	ok(store_dossier_rename(st, dupont, "jean-marc dupont", 0, &err) == 0 &&
	    store_dossier_rename(st, dupont, "Jean-Marc Dupont", 0, &err) == 0,
	    "but a dossier may take its own name with other accents or case");
	ok(store_dossier_close(st, dupont, 1, &err) == 0 &&
	    store_dossier_find(st, "Jean-Marc Dupont", &d, &err) == 0 &&
	    d.closed != 0, "closed");
	store_dossier_free(&d);
	ok(store_dossiers(st, NULL, 0, 0, &list, &n, &err) == 0 && n == 1 &&
	    list[0].id == benali, "closed dossiers hidden unless asked");
	store_dossiers_free(list, n);
	ok(store_dossier_close(st, dupont, 0, &err) == 0 &&
	    store_dossier_find(st, "Jean-Marc Dupont", &d, &err) == 0 &&
	    d.closed == 0, "reopened");
	store_dossier_free(&d);

	/* Drafts: each session's own, replaced by id. */
	d1 = d2 = d3 = 0;
	ok(store_draft_put(st, &d1, "w1", benali, 0, 0, 0, "brouillon 1", 11,
	    &err) == 0 && d1 != 0 && store_draft_put(st, &d1, "w1", benali, 0,
	    0, 0, "brouillon 2", 11, &err) == 0, "draft kept twice");
	ok(store_draft_put(st, &d2, "w2", benali, 0, 0, 0, "autre fenêtre", 14,
	    &err) == 0 && d2 != d1, "another window's new note: its own draft");
	ok(store_draft_put(st, &d3, "w1", benali, a, 0, 0, "édition", 8,
	    &err) == 0, "a draft of an edited note");
	ok(store_drafts(st, &drafts, &n, &err) == 0 && n == 3,
	    "one draft per text being written");
	for (i = 0, found = 0; i < n; i++)
		found += drafts[i].id == d1 && strcmp(drafts[i].body,
		    "brouillon 2") == 0 && strcmp(drafts[i].session, "w1") == 0;
	ok(found == 1, "the latest text kept, with its session");
	store_drafts_free(drafts, n);
	ok(store_draft_take(st, d2, "w3", &draft, &err) == 0 &&
	    strcmp(draft.body, "autre fenêtre") == 0 &&
	    strcmp(draft.session, "w3") == 0, "a draft taken over");
	store_draft_free(&draft);
	ok(store_draft_drop(st, d2, &err) == 0 &&
	    store_drafts(st, &drafts, &n, &err) == 0 && n == 2,
	    "a draft dropped");
	store_drafts_free(drafts, n);
	ok(store_draft_take(st, d2, "w3", &draft, &err) == -1,
	    "a dropped draft cannot be taken");
	ok(store_draft_put(st, &d2, "w2", benali, 0, 0, 0, "encore", 6,
	    &err) == 0 && d2 != 0, "a dropped draft is kept again as a new one");
	ok(store_draft_drop(st, d2, &err) == 0, "(and dropped)");

	/* Saving from the editor drops the draft in the same step. */
	d2 = 0;
	base = 0;
	ok(store_draft_put(st, &d2, "w1", dupont, 0, 0, 0, "à finir", 8,
	    &err) == 0 && store_note_save(st, dupont, 0, &base, d2, 0, "finie",
	    5, &id, &err) == 0 && store_drafts(st, &drafts, &n, &err) == 0 &&
	    n == 2, "a new note saved, its draft gone");
	store_drafts_free(drafts, n);
	ok(store_note_get(st, id, &note, &err) == 0 &&
	    strcmp(note.body, "finie") == 0 && note.revision == base &&
	    base > 0, "the note is there, at the revision the save gave");
	store_note_free(&note);

	/* Two windows on one note: the second save sees the first. */
	ok(store_note_get(st, a, &note, &err) == 0, "note read");
	base = note.revision;
	store_note_free(&note);
	other = base;
	ok(store_note_save(st, benali, a, &other, 0, 0, "première", 9, &id,
	    &err) == 0 && other != base && other > 0,
	    "the first window saves: a new revision");
	is_int(store_note_save(st, benali, a, &base, d3, 0, "seconde", 7, &id,
	    &err), STORE_CHANGED, "the second is told the note changed");
	ok(store_note_get(st, a, &note, &err) == 0 &&
	    strcmp(note.body, "première") == 0, "the first text stays");
	store_note_free(&note);
	ok(store_drafts(st, &drafts, &n, &err) == 0 && n == 2,
	    "the second's draft stays");
	store_drafts_free(drafts, n);
	ok(store_note_save(st, benali, a, &other, d3, 0, "suite", 5, &id,
	    &err) == 0 && id == a && store_drafts(st, &drafts, &n, &err) == 0
	    && n == 1, "an edited note saved at its revision, its draft gone");
	store_drafts_free(drafts, n);
	base = 0;
	is_int(store_note_save(st, benali, 987654, &base, 0, 0, "x", 1, &id,
	    &err), STORE_CHANGED, "a note destroyed meanwhile: told too");

	/* A note as a person names it, destroyed or moved alone. */
	{
		struct dossier before, after;
		long long x;

		ok(store_dossier_new(st, "Zoé Mars", 0, &x, &err) == 0 &&
		    store_note_add(st, x, "la plus ancienne", 16, 500, 0, &id,
		    &err) == 0 && store_note_add(st, x, "la suivante", 11, 900,
		    0, &other, &err) == 0, "a dossier of two notes");
		ok(store_note_at(st, x, 1, &note, &err) == 0 && note.id == id,
		    "note 1 is the first written");
		is_int(note.number, 1, "and its number is 1");
		store_note_free(&note);
		ok(store_note_at(st, x, 2, &note, &err) == 0 &&
		    note.id == other && note.number == 2, "note 2 the next");
		store_note_free(&note);
		ok(store_note_at(st, x, 3, &note, &err) == -1 &&
		    strstr(err.text, "number 3") != NULL, "no note 3: %s",
		    err.text);
		ok(store_note_at(st, x, 0, &note, &err) == -1, "no note 0");
		ok(store_dossier_get(st, dupont, &before, &err) == 0, "(read)");
		{
			long was;
			long long dm = 0;

			ok(store_note_get(st, id, &note, &err) == 0, "(read)");
			base = note.revision;
			store_note_free(&note);
			ok(store_draft_put(st, &dm, "w8", x, id, base, 0,
			    "en cours", 8, &err) == 0, "(a draft of it)");
			is_int(store_note_move(st, id, base + 1, dupont, &was,
			    &err), STORE_CHANGED, "a move of a note as it no "
			    "longer is is refused: %s", err.text);
			ok(store_note_move(st, id, base, dupont, &was, &err) ==
			    0 && was == before.numbered + 1, "a note moved "
			    "takes the next number of its new dossier (%ld)",
			    was);
			ok(store_note_get(st, id, &note, &err) == 0 &&
			    note.number == was && note.revision != base,
			    "and a new revision");
			store_note_free(&note);
			ok(store_note_move(st, id, 0, dupont, NULL, &err) == -1,
			    "a move into its own dossier is refused: %s",
			    err.text);
			ok(store_drafts(st, &drafts, &n, &err) == 0, "(read)");
			for (i = 0, found = 0; i < n; i++)
				found += drafts[i].id == dm &&
				    drafts[i].dossier == dupont &&
				    drafts[i].note == id;
			ok(found == 1, "its draft moved with it");
			store_drafts_free(drafts, n);
			store_draft_drop(st, dm, &err);
		}
		ok(store_dossier_get(st, dupont, &after, &err) == 0 &&
		    after.notes == before.notes + 1 && after.unprinted ==
		    before.unprinted + 1, "it counts in its new dossier");
		store_dossier_free(&before);
		store_dossier_free(&after);
		ok(store_note_get(st, id, &note, &err) == 0 &&
		    note.dossier == dupont && note.created == 500,
		    "with its date");
		store_note_free(&note);
		ok(store_dossier_get(st, x, &d, &err) == 0 && d.notes == 1 &&
		    d.last == 900, "and no longer in the old one");
		store_dossier_free(&d);
		ok(store_note_move(st, id, 0, 987654, NULL, &err) == -1,
		    "no move to a dossier that does not exist");
		ok(store_note_at(st, x, 2, &note, &err) == 0 &&
		    note.id == other, "the note left behind keeps its number");
		store_note_free(&note);
		ok(store_note_at(st, x, 1, &note, &err) == -1,
		    "and its old number names nothing now");
		d1 = 0;
		ok(store_note_get(st, other, &note, &err) == 0, "(read)");
		base = note.revision;
		store_note_free(&note);
		is_int(store_note_delete(st, other, base ^ 2, &err),
		    STORE_CHANGED, "destroying a note as it no longer is is "
		    "refused: %s", err.text);
		ok(store_draft_put(st, &d1, "w9", x, other, 0, 0, "en cours", 8,
		    &err) == 0 && store_note_delete(st, other, base, &err) == 0,
		    "a note destroyed while a draft of it exists");
		ok(store_note_get(st, other, &note, &err) == -1, "it is gone");
		ok(store_drafts(st, &drafts, &n, &err) == 0, "(drafts read)");
		for (i = 0, found = 0; i < n; i++)
			found += drafts[i].id == d1 && drafts[i].note == 0;
		ok(found == 1, "its draft stays, as one of a new note");
		store_drafts_free(drafts, n);
		ok(store_draft_drop(st, d1, &err) == 0, "(dropped)");
		ok(store_dossier_get(st, x, &d, &err) == 0 && d.notes == 0,
		    "the dossier counts no note");
		store_dossier_free(&d);
		is_int(store_note_delete(st, other, 0, &err), STORE_CHANGED,
		    "destroying twice is told: %s", err.text);
		is_int(index_has(st, "suivante"), 0, "its words left the index");
		ok(store_dossier_delete(st, x, 0, &err) == 0,
		    "(dossier destroyed, as it was: without a note)");
	}

	/* Destruction leaves nothing, not even words in the index. */
	is_int(index_has(st, "pmi"), 1, "'pmi' is in the index");
	ok(store_dossier_get(st, benali, &d, &err) == 0, "(read)");
	is_int(store_dossier_delete(st, benali, d.notes + 1, &err),
	    STORE_CHANGED, "a dossier that has changed since the question "
	    "stays: %s", err.text);
	ok(store_dossier_delete(st, benali, d.notes, &err) == 0,
	    "dossier destroyed");
	store_dossier_free(&d);
	ok(store_dossier_find(st, "Amina Benali", &d, &err) == -1, "gone");
	ok(store_notes(st, benali, 0, 0, 10, &notes, &n, &err) == 0 && n == 0,
	    "its notes are gone");
	store_notes_free(notes, n);
	ok(store_drafts(st, &drafts, &n, &err) == 0 && n == 0,
	    "its drafts are gone");
	store_drafts_free(drafts, n);
	is_int(index_has(st, "pmi"), 0, "its words left the index");
	is_int(index_has(st, "rsa"), 1, "the other dossier's words stay");
	n = search(st, "benali", NULL, &found);
	is_int(n, 0, "its name is not found");
	ok(store_dossier_delete(st, benali, -1, &err) == -1,
	    "destroying twice");
	{
		long long again;

		ok(store_dossier_new(st, "Paul Nouveau", 0, &again, &err) ==
		    0 && again > benali && again > dupont, "a destroyed "
		    "dossier's number is never given again (%lld)", again);
		ok(store_dossier_delete(st, again, -1, &err) == 0,
		    "(destroyed)");
	}

	/* Ids are given once, in the order notes are written; lists and
	 * search follow the dates all the same. */
	{
		long long first, prev, late, later, older;
		struct note oldest;
		int monotone = 1, i;

		first = prev = add(st, dupont, "même date", 1700000000);
		for (i = 1; i < 3000; i++) {
			id = add(st, dupont, "même date", 1700000000);
			monotone = monotone && id == prev + 1;
			prev = id;
		}
		ok(monotone, "3,000 notes of one second: consecutive ids");
		late = add(st, dupont, "un peu plus tard", 1700000000 + 3600);
		later = add(st, dupont, "bien plus tard", 1800000000);
		older = add(st, dupont, "plus ancienne", 1600000000);
		ok(late == prev + 1 && later == late + 1 && older == later + 1,
		    "each new note takes the next id, whatever its date");
		monotone = store_notes(st, dupont, 0, 0, 10000, &notes, &n,
		    &err) == 0 && n > 3003 && notes[n - 1].id == later;
		for (i = 1; monotone && (size_t)i < n; i++)
			monotone = notes[i - 1].created <= notes[i].created &&
			    (notes[i].id != first || notes[i - 1].id == older);
		ok(monotone, "an older note, written last, lists by its date");
		store_notes_free(notes, n);
		ok(store_note_get(st, older, &note, &err) == 0 &&
		    store_note_get(st, first, &oldest, &err) == 0 &&
		    note.number == oldest.number + 3002,
		    "and takes the next number in its dossier");
		store_note_free(&note);
		store_note_free(&oldest);
	}
	{
		/* A note destroyed leaves a free id before later ones of its
		 * step: a new note must still come after them. */
		long long one, two, three;
		long purged;

		struct note_mark mark;

		one = add(st, dupont, "première", 1900000000);
		two = add(st, dupont, "deuxième", 1900000000);
		store_note_get(st, one, &note, &err);
		mark = (struct note_mark){ one, note.revision, note.number, 0 };
		store_note_free(&note);
		store_notes_printed(st, &mark, 1, 1900000001, NULL, &err);
		store_purge(st, dupont, 1900000002, &purged, &err);
		/* Another process: nothing remembered of the ids given. */
		store_close(st);
		if ((st = open_store(&err)) == NULL)
			return done();
		three = add(st, dupont, "troisième", 1900000000);
		ok(purged == 1 && store_notes(st, dupont, 1, 0, 2, &notes, &n,
		    &err) == 0 && n == 2 && notes[0].id == three &&
		    notes[1].id == two, "a note written after others of its "
		    "step comes after them, though one before was destroyed");
		store_notes_free(notes, n);
	}

	/* Meeting dates: lists and search follow dates without exception,
	 * whatever the order notes are written in or dated again, and no
	 * note's id or number moves meanwhile. */
	{
		long long x, a1, b1, c1, draft = 0, base2, stale = 0;
		struct draft draft_d;
		time_t t0 = 2000000400;	/* the start of a ten-minute step */
		struct note got;

		ok(store_dossier_new(st, "Lina Ordre", 0, &x, &err) == 0,
		    "(a dossier)");
		a1 = add(st, x, "alpha rendezvous", t0);
		b1 = add(st, x, "bravo rendezvous", t0 + 120);
		ok(store_draft_put(st, &draft, "w1", x, b1, 0, 0, "bravo encore",
		    12, &err) == 0, "a draft of the later one");
		c1 = add(st, x, "charlie rendezvous", t0 + 60);
		ok(store_note_get(st, b1, &got, &err) == 0 &&
		    strcmp(got.body, "bravo rendezvous") == 0 && got.number == 2,
		    "a note dated between two, written last, moves neither: "
		    "the later keeps its id and its number");
		store_note_free(&got);
		ok(store_note_get(st, c1, &got, &err) == 0 && got.number == 3,
		    "the new one takes the next number");
		store_note_free(&got);
		ok(store_search(st, "rendezvous", 0, 10, "[", "]", &hits, &n,
		    &err) == 0 && n == 3 && hits[0].note == b1 &&
		    hits[1].note == c1 && hits[2].note == a1 &&
		    hits[1].number == 3,
		    "search gives them newest first, by date");
		store_hits_free(hits, n);
		ok(store_search(st, "rendezvous", 0, 1, "[", "]", &hits, &n,
		    &err) == 0 && n == 1 && (stale = hits[0].sort) != 0,
		    "(a first page of one)");
		store_hits_free(hits, n);
		ok(store_search(st, "rendezvous", stale, 5, "[", "]", &hits, &n,
		    &err) == 0 && n == 2 && hits[0].note == c1 &&
		    hits[1].note == a1, "the next page starts after it");
		store_hits_free(hits, n);
		ok(store_search(st, "bravo", 0, 10, "[", "]", &hits, &n,
		    &err) == 0 && n == 1 && hits[0].note == b1,
		    "the moved note's words moved with it in the index");
		store_hits_free(hits, n);
		ok(store_drafts(st, &drafts, &n, &err) == 0, "(drafts read)");
		for (i = 0, found = 0; i < n; i++)
			found += drafts[i].id == draft && drafts[i].note == b1;
		ok(found == 1, "its draft still names it");
		store_drafts_free(drafts, n);
		ok(store_note_get(st, b1, &got, &err) == 0, "(read)");
		base = got.revision;
		store_note_free(&got);
		ok(store_note_save(st, x, b1, &base, draft, 0, "bravo fini", 10,
		    &id, &err) == 0 && id == b1,
		    "a window that read it before the others came saves it");
		/* Dated again: it moves to the place of its new date. */
		ok(store_note_get(st, a1, &got, &err) == 0, "(read)");
		stale = base2 = got.revision;
		store_note_free(&got);
		ok(store_note_save(st, x, a1, &base2, 0, t0 + 200,
		    "alpha rendezvous daté", 22, &id, &err) == 0 && id == a1,
		    "a note dated again "
		    "keeps its id");
		ok(store_notes(st, x, 0, 0, 10, &notes, &n, &err) == 0 &&
		    n == 3 && notes[0].id == c1 && notes[1].id == b1 &&
		    notes[2].id == a1 && notes[2].created == t0 + 200 &&
		    notes[2].number == 1, "the dossier lists it at its new date, "
		    "with its number");
		store_notes_free(notes, n);
		ok(store_search(st, "rendezvous", 0, 10, "[", "]", &hits, &n,
		    &err) == 0 && n == 2 && hits[0].note == a1 &&
		    hits[1].note == c1, "search too");
		store_hits_free(hits, n);
		ok(store_search(st, "alpha", 0, 10, "[", "]", &hits, &n,
		    &err) == 0 && n == 1 && hits[0].note == a1 &&
		    strstr(hits[0].snippet, "daté") != NULL,
		    "its words are found at its new place");
		store_hits_free(hits, n);
		ok(store_dossier_get(st, x, &d, &err) == 0 &&
		    d.last == t0 + 200, "the dossier's last date follows");
		store_dossier_free(&d);
		is_int(store_note_save(st, x, a1, &stale, 0, 0, "vieux", 5, &id,
		    &err), STORE_CHANGED, "a window that read it before is "
		    "told it changed");
		/* Written now, dated before: both kept. */
		setenv("CARNET_NOW", "2000090000", 1);
		base = 0;
		ok(store_note_save(st, x, 0, &base, 0, t0 - 86400 * 3,
		    "écrite après", 14, &id, &err) == 0 &&
		    store_note_get(st, id, &got, &err) == 0 &&
		    got.created == t0 - 86400 * 3 && got.written == 2000090000 &&
		    got.updated == 2000090000 && got.number == 4,
		    "a new note dated three days back: its date, when it was "
		    "written, and the next number");
		store_note_free(&got);
		unsetenv("CARNET_NOW");
		ok(store_note_get(st, c1, &got, &err) == 0 &&
		    got.written == got.created, "a note written at its date");
		store_note_free(&got);
		draft = 0;
		ok(store_draft_put(st, &draft, "w1", x, 0, 0, t0 - 7200, "daté",
		    5, &err) == 0 && store_draft_take(st, draft, "w2", &draft_d,
		    &err) == 0 && draft_d.dated == t0 - 7200,
		    "a draft keeps the date chosen for its note");
		store_draft_free(&draft_d);
		store_draft_drop(st, draft, &err);

		/* Two people of one name. */
		ok(store_dossier_new(st, "Lina Ordre", 1, &id, &err) == 0 &&
		    id != x, "a second dossier of one name, when asked for");
		ok(store_dossier_find(st, "lina ordre", &d, &err) == STORE_SEVERAL &&
		    strstr(err.text, "several") != NULL, "a name then finds "
		    "both, and says so: %s", err.text);
		ok(store_dossier_find(st, "Lina Ordre", &d, &err) == STORE_SEVERAL,
		    "typed exactly too");
		ok(store_dossier_get(st, id, &d, &err) == 0 &&
		    strcmp(d.name, "Lina Ordre") == 0 && d.homonyms == 1,
		    "each by its number, knowing another has its name");
		store_dossier_free(&d);
		ok(store_dossier_get(st, x, &d, &err) == 0 && d.homonyms == 1 &&
		    strstr(d.person, "Lina Ordre (no. ") == d.person,
		    "the first too, shown with its number: %s", d.person);
		store_dossier_free(&d);
		{
			long long third;

			ok(store_dossier_new(st, "lina-ordre", 1, &third,
			    &err) == 0 && store_dossier_get(st, x, &d, &err) ==
			    0 && d.homonyms == 2, "a third of that key: two "
			    "others");
			store_dossier_free(&d);
			ok(store_dossier_rename(st, third, "Lina Autre", 0,
			    &err) == 0 && store_dossier_get(st, x, &d, &err) ==
			    0 && d.homonyms == 1, "renamed away: one again");
			store_dossier_free(&d);
			ok(store_dossier_get(st, third, &d, &err) == 0 &&
			    d.homonyms == 0 && strcmp(d.person, "Lina Autre") ==
			    0, "and the renamed one has none, shown without a "
			    "number");
			store_dossier_free(&d);
			store_dossier_delete(st, third, -1, &err);
		}
		ok(store_dossier_delete(st, id, -1, &err) == 0 &&
		    store_dossier_get(st, x, &d, &err) == 0 && d.homonyms == 0,
		    "one destroyed: the other has no namesake left");
		store_dossier_free(&d);
		ok(store_dossier_delete(st, x, -1, &err) == 0, "(destroyed)");
	}

	/* Two windows (two connections): what one showed, the other moves
	 * around, and the first acts on exactly what it showed. */
	{
		struct store *other_window;
		struct note shown, got;
		struct note_mark marks[2];
		long long amina = 0, paul = 0, n905, n907, np, draft_a = 0, draft_b = 0;
		time_t nine = 2001000000 - 2001000000 % 600;	/* 9:00 */
		size_t unmarked;

		ok((other_window = open_store(&err)) != NULL,
		    "a second window on the notebook");
		ok(store_dossier_new(st, "Amina Course", 0, &amina, &err) == 0 &&
		    store_dossier_new(st, "Paul Course", 0, &paul, &err) == 0,
		    "(two dossiers)");
		n905 = add(st, amina, "Amina 9h05", nine + 300);
		n907 = add(st, amina, "Amina 9h07", nine + 420);
		ok(store_note_at(st, amina, 1, &shown, &err) == 0 &&
		    shown.id == n905, "the first window shows Amina's 9:05");
		np = add(other_window, paul, "Paul 9h01 signalement", nine + 60);
		ok(np != 0, "the other writes Paul's at 9:01 meanwhile");
		ok(store_note_get(st, n905, &got, &err) == 0 &&
		    strcmp(got.body, "Amina 9h05") == 0 && got.dossier == amina &&
		    got.revision == shown.revision, "the note shown is still "
		    "Amina's 9:05, at the revision shown");
		store_note_free(&got);
		marks[0] = (struct note_mark){ shown.id, shown.revision, 1, 0 };
		ok(store_note_get(st, n907, &got, &err) == 0, "(read 9:07)");
		marks[1] = (struct note_mark){ got.id, got.revision, 2, 0 };
		store_note_free(&got);
		ok(rewrite(other_window, n907, "Amina 9h07 revue", &err) == 0, "the other window changes 9:07 while it prints");
		ok(store_notes_printed(st, marks, 2, nine + 900, &unmarked,
		    &err) == 0 && unmarked == 1 && marks[0].marked &&
		    !marks[1].marked, "printing marks only the note unchanged");
		ok(store_note_get(other_window, np, &got, &err) == 0 &&
		    got.printed == 0, "Paul's note is not marked on paper");
		store_note_free(&got);
		ok(store_note_delete(st, shown.id, shown.revision, &err) == 0,
		    "y: the note shown is destroyed");
		ok(store_note_get(st, np, &got, &err) == 0 &&
		    strcmp(got.body, "Paul 9h01 signalement") == 0 &&
		    got.dossier == paul, "Paul's note is untouched");
		store_note_free(&got);
		ok(store_note_at(st, amina, 2, &got, &err) == 0 &&
		    got.id == n907, "Amina's other note keeps its number");
		store_note_free(&got);
		store_note_free(&shown);

		/* A draft's id is never another's: a window holding one
		 * thrown away writes a new one, not over another's text. */
		ok(store_draft_put(st, &draft_a, "w1", amina, 0, 0, 0, "A", 1,
		    &err) == 0 && store_draft_drop(other_window, draft_a,
		    &err) == 0, "a draft thrown away by another window");
		ok(store_draft_put(other_window, &draft_b, "w2", paul, 0, 0, 0,
		    "B", 1, &err) == 0 && draft_b != draft_a,
		    "a new draft never takes its id");
		id = draft_a;
		ok(store_draft_put(st, &draft_a, "w1", amina, 0, 0, 0, "A2", 2,
		    &err) == 0 && draft_a != id && draft_a != draft_b,
		    "the first window's text is kept in a draft of its own");
		ok(store_draft_take(other_window, draft_b, "w2", &draft, &err) ==
		    0 && strcmp(draft.body, "B") == 0 && draft.dossier == paul,
		    "and the other's draft holds its own text");
		store_draft_free(&draft);
		store_draft_drop(st, draft_a, &err);
		store_draft_drop(st, draft_b, &err);
		store_close(other_window);
		ok(store_dossier_delete(st, amina, -1, &err) == 0 &&
		    store_dossier_delete(st, paul, -1, &err) == 0,
		    "(destroyed)");
	}

	/* My words: one of each, in order, removed by name. */
	{
		char **words;
		size_t nwords;

		ok(store_word_add(st, "Zwolinska", 100, &err) == 0 &&
		    store_word_add(st, "AEMO", 100, &err) == 0,
		    "my words: added");
		is_int(store_word_add(st, "Zwolinska", 101, &err), 1,
		    "a word already there is said so, not added twice");
		ok(store_word_add(st, "deux mots", 100, &err) == -1,
		    "two words are refused: %s", err.text);
		ok(store_words(st, &words, &nwords, &err) == 0 && nwords == 2 &&
		    strcmp(words[0], "AEMO") == 0 && strcmp(words[1],
		    "Zwolinska") == 0, "listed in order");
		store_words_free(words, nwords);
		is_int(store_word_remove(st, "Zwolinska", &err), 0, "removed");
		is_int(store_word_remove(st, "Zwolinska", &err), 1,
		    "removing it again: not there");
		store_word_remove(st, "AEMO", &err);
	}

	/* A newer schema is refused. */
	sqlite3_exec(notebook_db(store_notebook(st)), "PRAGMA user_version = "
	    "99;", NULL, NULL, NULL);
	store_close(st);
	st = open_store(&err);
	ok(st == NULL && err.status == 4 && strstr(err.text, "newer") != NULL,
	    "a notebook from a newer carnet is refused: %s", err.text);
	return done();
}
