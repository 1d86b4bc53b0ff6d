/*
 * bench NOTEBOOK PASSPHRASE QUERIES RUNS - carnet's side of the
 * benchmarks: the operations floor.c does with bare SQLCipher, done
 * through carnet's own rooms (notebook, store, text, paper), plus the
 * key derivation alone, the editor and the paper.  Prints
 * "operation\tmedian ms\tp95 ms\tmax ms" lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>

#include <argon2.h>

#include "notebook.h"
#include "paper.h"
#include "print_floor.h"
#include "store.h"
#include "text.h"
#include "timing.h"

static struct secret *
secret_of(const char *s)
{
	struct secret *p = secret_new(256);

	memcpy(p->bytes, s, p->len = strlen(s));
	return p;
}

static struct store *
open_store(const char *path, const char *pass)
{
	struct secret *p = secret_of(pass);
	struct error err;
	struct notebook *nb = notebook_open(path, p, NOTEBOOK_SHARED, &err);
	struct store *st = nb ? store_attach(nb, &err) : NULL;

	secret_free(p);
	if (st == NULL) {
		fprintf(stderr, "bench: %s\n", err.text);
		exit(1);
	}
	return st;
}

static void
editor(int runs)
{
	struct sample ins, draw;
	struct text *t;
	char *mb = malloc(1 << 20);
	size_t i, pos, row;
	int r, k, col;
	wchar_t wc;
	double t0;

	sample_init(&ins);
	sample_init(&draw);
	for (i = 0; i < 1 << 20; i++)
		mb[i] = i % 73 == 72 ? '\n' : "educatrice bailleur CAF "[i % 24];
	for (r = 0; r < runs; r++) {
		t = text_new();
		text_insert(t, 0, mb, 1 << 20);
		t0 = now_ms();
		for (i = 0; i < 10000; i++)
			text_insert(t, (i * 7919 * 13) % text_len(t), "é", 2);
		sample_add(&ins, now_ms() - t0);
		/* A redraw: find the row of a cursor in the middle, lay out
		 * 22 rows of 78 columns, count the words for the status. */
		t0 = now_ms();
		pos = text_len(t) / 2;
		row = text_row_start(t, pos, 78);
		for (k = 0; k < 22; k++) {
			size_t next = text_row_next(t, row, 78), p;

			for (p = row, col = 0; p < next; p = text_next(t, p))
				col += text_char(t, p, &wc, &(int){ 0 });
			row = next;
		}
		(void)text_words(t);
		sample_add(&draw, now_ms() - t0);
		text_free(t);
	}
	free(mb);
	sample_print("editor_10000_insertions_1MiB", &ins);
	sample_print("editor_redraw_1MiB", &draw);
}

int
main(int argc, char *argv[])
{
	struct sample kdf, open_s, ls, heads50, heads5000, save, search1,
	    search2, print, print_bare;
	struct store *st;
	struct dossier *list, d;
	struct note *notes;
	struct hit *hits;
	struct error err;
	struct kdf cost;
	long long small = 0, big = 0, id;
	size_t n, i, best50 = (size_t)-1, most = 0;
	char line[256], key[32], *q;
	unsigned char out[32];
	FILE *fp;
	double t;
	int runs, r;

	if (argc != 5) {
		fputs("usage: bench NOTEBOOK PASSPHRASE QUERIES RUNS\n", stderr);
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	runs = atoi(argv[4]);
	sample_init(&kdf);
	sample_init(&open_s);
	sample_init(&ls);
	sample_init(&heads50);
	sample_init(&heads5000);
	sample_init(&save);
	sample_init(&search1);
	sample_init(&search2);
	sample_init(&print);
	sample_init(&print_bare);

	st = open_store(argv[1], argv[2]);
	notebook_kdf(store_notebook(st), &cost);
	store_close(st);
	for (r = 0; r < runs; r++) {
		t = now_ms();
		argon2id_hash_raw(cost.passes, 1U << cost.mem_log2, 1, argv[2],
		    strlen(argv[2]), "0123456789abcdef0123456789abcdef", 32,
		    out, 32);
		sample_add(&kdf, now_ms() - t);
		t = now_ms();
		st = open_store(argv[1], argv[2]);
		sample_add(&open_s, now_ms() - t);
		store_close(st);
	}
	/* Opening without the derivation: the difference of medians. */
	printf("kdf_alone\t%.3f\t%.3f\t%.3f\n", sample_at(&kdf, 0.5),
	    sample_at(&kdf, 0.95), sample_at(&kdf, 1));
	{
		struct kdf def;
		double t1;

		notebook_kdf_calibrate(&def);
		t1 = now_ms();
		argon2id_hash_raw(def.passes, 1U << def.mem_log2, 1, argv[2],
		    strlen(argv[2]), "0123456789abcdef0123456789abcdef", 32,
		    out, 32);
		printf("kdf_default_%uMiB_%upasses\t%.3f\t%.3f\t%.3f\n",
		    (1U << def.mem_log2) / 1024, def.passes, now_ms() - t1,
		    now_ms() - t1, now_ms() - t1);
	}
	printf("open_without_kdf\t%.3f\t%.3f\t%.3f\n", sample_at(&open_s, 0.5) -
	    sample_at(&kdf, 0.5), sample_at(&open_s, 0.95) -
	    sample_at(&kdf, 0.5), sample_at(&open_s, 1) - sample_at(&kdf, 0.5));

	st = open_store(argv[1], argv[2]);
	for (r = 0; r < runs; r++) {
		t = now_ms();
		if (store_dossiers(st, NULL, 1, 0, &list, &n, &err) == -1)
			return 1;
		sample_add(&ls, now_ms() - t);
		if (r == 0)
			for (i = 0; i < n; i++) {
				size_t gap = (size_t)labs(list[i].notes - 50);

				if (gap < best50)
					best50 = gap, small = list[i].id;
				if ((size_t)list[i].notes > most)
					most = (size_t)list[i].notes,
					    big = list[i].id;
			}
		store_dossiers_free(list, n);
	}
	for (r = 0; r < runs; r++) {
		for (i = 0; i < 2; i++) {
			t = now_ms();
			snprintf(key, sizeof(key), "%lld", i ? big : small);
			store_dossier_find(st, key, &d, &err);
			store_note_heads(st, d.id, 0, 21, &notes, &n, &err);
			sample_add(i ? &heads5000 : &heads50, now_ms() - t);
			store_notes_free(notes, n);
			store_dossier_free(&d);
		}
	}
	if ((fp = fopen(argv[3], "r")) == NULL)
		return 1;
	while (fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		q = line;
		for (r = 0; r < runs; r++) {
			t = now_ms();
			if (store_search(st, q, 0, 50, "\1", "\2", &hits, &n,
			    &err) == -1)
				return 1;
			sample_add(strchr(line, ' ') ? &search2 : &search1,
			    now_ms() - t);
			store_hits_free(hits, n);
		}
	}
	fclose(fp);
	for (r = 0; r < runs; r++) {
		t = now_ms();
		store_note_add(st, small, "Une note de plus, enregistrée.", 31,
		    4000000000LL, 0, &id, &err);
		sample_add(&save, now_ms() - t);
	}
	/* Printing 1,000 notes: typesetting, in memory, carnet's paper room
	 * and the floor (print_floor.c) in turns on the same notes, so
	 * that a busy machine slows both alike. */
	if (store_notes_to_print(st, big, 1, 0, &notes, &n, &err) == 0) {
		struct paper_note *pn = calloc(n, sizeof(*pn));
		struct paper_doc doc;
		struct paper_pdf pdf;
		size_t m = n < 1000 ? n : 1000;
		size_t bytes;
		int pages;

		for (i = 0; i < m; i++)
			pn[i] = (struct paper_note){ notes[i].created,
			    notes[i].written, notes[i].updated, notes[i].body,
			    notes[i].len };
		memset(&doc, 0, sizeof(doc));
		doc.name = "Dossier";
		doc.when = 1700000000;
		doc.notes = pn;
		doc.nnotes = m;
		for (r = 0; r < 5; r++) {
			t = now_ms();
			if (paper_typeset(&doc, &pdf, &err) == 0) {
				sample_add(&print, now_ms() - t);
				if (r == 0)
					printf("# print: %zu notes, %d pages, "
					    "%zu bytes\n", m, pdf.pages,
					    pdf.len);
				paper_pdf_free(&pdf);
			}
			t = now_ms();
			bytes = print_floor("Dossier", pn, m, &pages);
			sample_add(&print_bare, now_ms() - t);
			if (r == 0)
				printf("# print floor: %d pages, %zu bytes\n",
				    pages, bytes);
		}
		free(pn);
		store_notes_free(notes, n);
	}
	store_close(st);
	sample_print("list_dossiers", &ls);
	sample_print("dossier_50_notes", &heads50);
	sample_print("biggest_dossier_5000_or_1000_notes", &heads5000);
	sample_print("search_one_word", &search1);
	sample_print("search_two_words", &search2);
	sample_print("durable_save", &save);
	sample_print("print_1000_notes", &print);
	/* Its floor, which run.sh puts beside it. */
	sample_print("floor:print_1000_notes", &print_bare);
	editor(runs < 10 ? runs : 10);
	return 0;
}
