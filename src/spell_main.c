/*
 * spell_main.c - carnet-spell, the spelling process: Hunspell with one
 * dictionary, answering carnet over a pipe.
 *
 *	carnet-spell AFF DIC
 *
 * It reads the dictionary, then seals itself (sandbox_seal(): no file
 * opened, made or run, no socket) and answers, one line a request:
 *
 *	cWORD	"1" when WORD is known, else "0"
 *	sWORD	a count N, then N suggestions, a line each
 *	aWORD	nothing: WORD is known from now on
 *	rWORD	nothing: WORD, added, is no longer known
 *	nWORD	nothing: WORD is a part of a name of the notebook, known
 *		by the one name key (names_key(): "ndiaye" is N'Diaye)
 *	N	nothing: the names changed; those told are forgotten,
 *		in the suggestions too
 *
 * The names are keyed here rather than in carnet: ICU's spoof checker
 * and normalisation would otherwise weigh on carnet's own memory, and a
 * caseload's names, keyed, go with this process at every lock.
 *
 * Started by spell.c with an empty environment and nothing open but its
 * pipes; ended by carnet at every lock, so that its memory, which held
 * the note's words, goes back to the kernel.  It holds no key and writes
 * nothing anywhere.
 */
#include <sys/resource.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hunspell.h>

#include "names.h"
#include "sandbox.h"
#include "spell.h"

#define LINE_MAX_BYTES	(SPELL_WORD_MAX + 2)

struct out {
	char	buf[65536];
	size_t	len;
};

static int
flush(struct out *o)
{
	if (util_write_all(STDOUT_FILENO, o->buf, o->len) == -1)
		return -1;
	o->len = 0;
	return 0;
}

static int
put(struct out *o, const char *s, size_t len)
{
	if (o->len + len > sizeof(o->buf) && flush(o) == -1)
		return -1;
	if (len > sizeof(o->buf))
		return -1;
	memcpy(o->buf + o->len, s, len);
	o->len += len;
	return 0;
}

/* The names' keys (wiped), sorted when asked after a change; and the
 * words Hunspell learnt from them alone, for its suggestions, to be
 * taken out of it again when the names change (a renamed person's old
 * name is no longer offered).  A word it knew already (Martin, a word of
 * mine) is never taken out: Hunspell_remove() would forbid it. */
static struct {
	char	**keys;
	size_t	  n, cap;
	int	  sorted;
	char	**learnt;
	size_t	  nlearnt, cap_learnt;
} names;

static void
learnt_add(const char *word)
{
	if (names.nlearnt == names.cap_learnt)
		names.learnt = xreallocarray(names.learnt, names.cap_learnt =
		    names.cap_learnt ? names.cap_learnt * 2 : 256,
		    sizeof(char *));
	names.learnt[names.nlearnt++] = wipe_dup(word, strlen(word));
}

/* WORD added for its own sake (one of my words, an acronym): no longer
 * one learnt from the names alone, it stays when they change. */
static void
learnt_drop(const char *word)
{
	size_t i;

	for (i = 0; i < names.nlearnt; i++)
		if (strcmp(names.learnt[i], word) == 0) {
			wipe_free(names.learnt[i]);
			names.learnt[i] = names.learnt[--names.nlearnt];
			return;
		}
}

static int
by_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
name_add(const char *word)
{
	if (names.n == names.cap)
		names.keys = xreallocarray(names.keys, names.cap = names.cap ?
		    names.cap * 2 : 256, sizeof(char *));
	names.keys[names.n++] = names_key(word);
	names.sorted = 0;
}

static void
names_forget(Hunhandle *h)
{
	size_t i;

	for (i = 0; i < names.n; i++)
		wipe_free(names.keys[i]);
	names.n = 0;
	for (i = 0; i < names.nlearnt; i++) {
		Hunspell_remove(h, names.learnt[i]);
		wipe_free(names.learnt[i]);
	}
	names.nlearnt = 0;
}

static int
a_name(const char *word)
{
	char *key;
	int found;

	if (names.n == 0)
		return 0;
	if (!names.sorted) {
		qsort(names.keys, names.n, sizeof(char *), by_key);
		names.sorted = 1;
	}
	key = names_key(word);
	found = bsearch(&key, names.keys, names.n, sizeof(char *), by_key) !=
	    NULL;
	wipe_free(key);
	return found;
}

/* Answer the request LINE (its newline gone). */
static int
answer(Hunhandle *h, char *line, struct out *o)
{
	char **list, count[16];
	int n, i, shown;

	switch (line[0]) {
	case 'c':
		return put(o, Hunspell_spell(h, line + 1) || a_name(line + 1) ?
		    "1\n" : "0\n", 2);
	case 's':
		n = Hunspell_suggest(h, &list, line + 1);
		shown = n < SPELL_SUGGESTIONS_MAX ? n : SPELL_SUGGESTIONS_MAX;
		if (shown < 0)
			shown = 0;
		snprintf(count, sizeof(count), "%d\n", shown);
		put(o, count, strlen(count));
		for (i = 0; i < shown; i++) {
			/* A suggestion is one line. */
			list[i][strcspn(list[i], "\n")] = '\0';
			put(o, list[i], strlen(list[i]));
			put(o, "\n", 1);
		}
		if (n > 0)
			Hunspell_free_list(h, &list, n);
		return 0;
	case 'a':
		learnt_drop(line + 1);
		Hunspell_add(h, line + 1);
		return 0;
	case 'r':
		Hunspell_remove(h, line + 1);
		if (a_name(line + 1)) {	/* still a name: still offered */
			Hunspell_add(h, line + 1);
			learnt_add(line + 1);
		}
		return 0;
	case 'n':
		if (!Hunspell_spell(h, line + 1)) {	/* for its suggestions */
			Hunspell_add(h, line + 1);
			learnt_add(line + 1);
		}
		name_add(line + 1);
		return 0;
	case 'N':
		names_forget(h);
		return 0;
	default:
		return -1;
	}
}

int
main(int argc, char *argv[])
{
	static char in[65536];
	struct rlimit none = { 0, 0 };
	struct out out;
	Hunhandle *h;
	size_t have = 0, start, i;
	ssize_t n;

	if (argc != 3)
		return 2;
	setrlimit(RLIMIT_CORE, &none);	/* the note's words, never a core */
	if (access(argv[1], R_OK) == -1 || access(argv[2], R_OK) == -1)
		return 3;
	if ((h = Hunspell_create(argv[1], argv[2])) == NULL)
		return 3;
	/* ICU's data made ready before the seal, as the dictionary. */
	wipe_free(names_key("a"));
	if (sandbox_seal() == -1)
		return 4;
	/* Ready: carnet waits for this line before it sends a word. */
	out.len = 0;
	if (put(&out, "ready\n", 6) == -1 || flush(&out) == -1)
		return 1;
	for (;;) {
		n = read(STDIN_FILENO, in + have, sizeof(in) - have);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		have += (size_t)n;
		/* Every whole line read, then the answers in one write. */
		for (start = 0, i = 0; i < have; i++) {
			if (in[i] != '\n')
				continue;
			in[i] = '\0';
			if (i - start > LINE_MAX_BYTES ||
			    answer(h, in + start, &out) == -1)
				return 1;
			start = i + 1;
		}
		if (start == 0 && have == sizeof(in))
			return 1;	/* a line longer than any word */
		memmove(in, in + start, have - start);
		have -= start;
		if (flush(&out) == -1)
			break;
	}
	names_forget(h);
	Hunspell_destroy(h);
	return 0;
}
