/*
 * ui_spelling.c - the editor's spelling: which of the words on screen
 * are misspelt, asked of the spelling process (spell.c), which is
 * started at every unlock without being waited for and ended at every
 * lock.  The notebook's names (every part of every dossier's name, by
 * the one name key), the sector's acronyms (acronyms.txt in carnet's
 * data folder) and my words (the notebook's table word) are words it
 * knows; a name added is known at the next draw.  The suggestions (F7,
 * ^O) put a word in place, ignore it in the note, or add it to my words.
 * Without a dictionary, the editor works as before and says once why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "screen.h"
#include "spell.h"
#include "store.h"
#include "util.h"

static struct {
	struct spell	*process;
	int		 primed;	/* ready, its words added */
	int		 off;		/* no dictionary */
	char		 why[UTIL_MESSAGE_MAX];	/* said by the editor, once */
	int		 names_told;	/* to the process */
	long long	 names_of;	/* store_version() the names are of */
	uint64_t	 names_hash;	/* of every name, to key them again
					 * only when one changed */
	char		**ignored;	/* in this note (each wiped) */
	size_t		 nignored, cap_ignored;
} spelling;

static int
ignored(const char *word, size_t len)
{
	size_t i;

	for (i = 0; i < spelling.nignored; i++)
		if (strlen(spelling.ignored[i]) == len &&
		    memcmp(spelling.ignored[i], word, len) == 0)
			return 1;
	return 0;
}

/* Each word of the name TEXT known from now on, by the one name key
 * (names_key(): no case, accents, apostrophes, letters that look alike),
 * as the list's filter and namesakes compare names.  The process keys
 * them: ICU's weight stays out of carnet's memory. */
static void
add_words(const char *text)
{
	struct spell_word *w;
	size_t n = spell_words(text, strlen(text), &w), i;
	char *word;

	for (i = 0; i < n; i++) {
		word = wipe_dup(text + w[i].start, w[i].len);
		spell_name(spelling.process, word);
		wipe_free(word);
	}
	free(w);
}

/* The names of the notebook, again whenever it changed (a dossier made
 * or renamed, here or in another window). */
static void
add_names(struct frame *f)
{
	long long now = store_version(f->st);
	struct dossier *list;
	struct error err;
	uint64_t hash = UTIL_HASH_START;
	size_t n, i;

	if (now == spelling.names_of)
		return;
	if (store_dossiers(f->st, NULL, 1, 0, &list, &n, &err) == -1)
		return;
	/* The notebook changes at every save: its names, seldom.  Sending
	 * 2,000 names to be keyed takes a moment a keystroke must not wait
	 * for. */
	for (i = 0; i < n; i++)	/* each with its NUL: "ab" "c" is not "a" "bc" */
		hash = util_hash(hash, list[i].name, strlen(list[i].name) + 1);
	spelling.names_of = now;
	if (hash == spelling.names_hash && spelling.names_told) {
		store_dossiers_free(list, n);
		return;
	}
	spelling.names_hash = hash;
	if (spelling.names_told)
		spell_names_forget(spelling.process);
	for (i = 0; i < n; i++)
		add_words(list[i].name);
	spelling.names_told = 1;
	store_dossiers_free(list, n);
}

/* The first word of each line of the acronyms' file: upper case, as
 * they are written. */
static void
add_acronyms(void)
{
	char *path = util_data_file("acronyms.txt"), line[256];
	FILE *fp = fopen(path, "re");

	free(path);
	if (fp == NULL)
		return;
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (line[0] == '#')
			continue;
		line[strcspn(line, "\t \n")] = '\0';
		if (line[0] != '\0')
			spell_add(spelling.process, line);
	}
	fclose(fp);
}

/* My words, kept in the notebook. */
static void
add_my_words(struct frame *f)
{
	struct error err;
	char **words;
	size_t n, i;

	if (store_words(f->st, &words, &n, &err) == -1)
		return;
	for (i = 0; i < n; i++)
		spell_add(spelling.process, words[i]);
	store_words_free(words, n);
}

/* Start the process, not waiting for its dictionary: NULL when there
 * is none (said once, unless turned off). */
static struct spell *
start(struct frame *f)
{
	struct error err;

	if (spelling.process == NULL && !spelling.off) {
		spelling.process = spell_start(spell_dictionary(
		    f->conf->spelling), &err);
		if (spelling.process == NULL) {
			spelling.off = 1;
			/* "off" by choice is no news. */
			if (spell_dictionary(f->conf->spelling) != NULL)
				snprintf(spelling.why, sizeof(spelling.why),
				    "%s", err.text);
		}
		spelling.primed = 0;
	}
	return spelling.process;
}

void
ui_spelling_begin(struct frame *f)
{
	start(f);
}

/* The spelling process, its dictionary read and its words added; NULL
 * when spelling is off. */
static struct spell *
process(struct frame *f)
{
	if (start(f) == NULL) {
		/* Said where it matters, once: writing. */
		if (spelling.why[0] != '\0')
			ui_say(f, 1, "%s", spelling.why);
		spelling.why[0] = '\0';
		return NULL;
	}
	if (!spelling.primed) {
		if (spell_ready(spelling.process) == -1) {
			ui_say(f, 1, _("Spelling is off: the dictionary %s "
			    "cannot be read."), spell_path(spelling.process));
			spell_stop(spelling.process);
			spelling.process = NULL;
			spelling.off = 1;
			return NULL;
		}
		spelling.names_of = 0;
		add_acronyms();
		add_my_words(f);
		spelling.primed = 1;
	}
	add_names(f);
	return spelling.process;
}

/* One word asked alone, for the parts spell_judge() tries: ignored in
 * this note ("l’enfnat" once "enfnat" is), or known to the process (a
 * name's part among them). */
static int
known_alone(const char *word, void *context)
{
	size_t len = strlen(word);
	unsigned char right = 1;

	(void)context;
	if (ignored(word, len))
		return 1;
	if (spelling.process == NULL || spell_known(spelling.process, &word,
	    &len, 1, &right) == -1)
		return 1;
	return right;
}

/* The process is gone (killed, crashed): spelling is off until the next
 * unlock, and said. */
static void
lost(struct frame *f)
{
	spell_stop(spelling.process);
	spelling.process = NULL;
	spelling.off = 1;
	ui_say(f, 1, "%s", _("Spelling stopped: the dictionary no longer "
	    "answers. Writing goes on."));
}

size_t
ui_spelling_marks(struct frame *f, const char *text, size_t len,
    size_t base, size_t cursor, struct spell_word **marks)
{
	struct spell_word *w;
	const char **words;
	unsigned char *right;
	size_t *lens, n, i, asked = 0, found = 0;

	*marks = NULL;
	if (process(f) == NULL || (n = spell_words(text, len, &w)) == 0)
		return 0;
	words = xcalloc(n, sizeof(*words));
	lens = xcalloc(n, sizeof(*lens));
	right = xcalloc(n, 1);
	/* Never the word being typed: the one the cursor is in or at the
	 * end of. */
	for (i = 0; i < n; i++)
		if (!(base + w[i].start <= cursor && cursor <= base +
		    w[i].start + w[i].len)) {
			words[asked] = text + w[i].start;
			lens[asked] = w[i].len;
			w[asked++] = w[i];
		}
	if (spell_known(spelling.process, words, lens, asked, right) == -1) {
		lost(f);
		asked = 0;
	}
	for (i = 0; i < asked; i++) {
		/* Not known whole: as French writes it (l’enfant,
		 * donne-moi), its parts. */
		if (right[i] || ignored(words[i], lens[i]) ||
		    spell_judge(words[i], lens[i], known_alone, NULL))
			continue;
		w[found].start = base + w[i].start;
		w[found++].len = w[i].len;
	}
	free(words);
	free(lens);
	free(right);
	if (found == 0) {
		free(w);
		return 0;
	}
	*marks = w;
	return found;
}

void
ui_spelling_note_closed(void)
{
	size_t i;

	for (i = 0; i < spelling.nignored; i++)
		wipe_free(spelling.ignored[i]);
	free(spelling.ignored);
	spelling.ignored = NULL;
	spelling.nignored = spelling.cap_ignored = 0;
}

void
ui_spelling_stop(void)
{
	ui_spelling_note_closed();
	spell_stop(spelling.process);
	memset(&spelling, 0, sizeof(spelling));
}

/* "m" in the suggestions: my words, and one taken out by typing it. */
static int
my_words(struct frame *f)
{
	char question[UTIL_MESSAGE_MAX], typed[STORE_WORD_MAX + 1] = "";
	struct error err;
	char **words;
	size_t n, i, used;
	int r;

	if (store_words(f->st, &words, &n, &err) == -1) {
		ui_say(f, 1, "%s", err.text);
		return 0;
	}
	if (n == 0) {
		store_words_free(words, n);
		ui_say(f, 0, "%s", _("My words are empty: a in the suggestions "
		    "adds one."));
		return 0;
	}
	used = (size_t)snprintf(question, sizeof(question), "%s",
	    _("My words:"));
	/* As many as the question holds; carnet words lists them all. */
	for (i = 0; i < n && used + strlen(words[i]) + 80 <
	    sizeof(question) / 2; i++)
		used += (size_t)snprintf(question + used, sizeof(question) -
		    used, "%s %s", i > 0 ? "," : "", words[i]);
	if (i < n)
		used += (size_t)snprintf(question + used, sizeof(question) -
		    used, " … (%zu)", n);
	store_words_free(words, n);
	snprintf(question + used, sizeof(question) - used, ". %s",
	    _("A word to take out (Esc: none):"));
	ui_hold(f, question, sizeof(question));
	ui_hold(f, typed, sizeof(typed));
	r = ui_ask(f, question, typed, sizeof(typed));
	ui_unhold(f, typed);
	ui_unhold(f, question);
	explicit_bzero(question, sizeof(question));
	if (r != 1 || typed[0] == '\0')
		return r;
	r = store_word_remove(f->st, typed, &err);
	if (r == -1)
		ui_say(f, 1, "%s", err.text);
	else if (r == 1)
		ui_say(f, 0, _("“%s” is not in my words."), typed);
	else {
		spell_remove(spelling.process, typed);
		ui_say(f, 0, _("“%s” is no longer in my words."), typed);
	}
	explicit_bzero(typed, sizeof(typed));
	return 1;
}

/* "a" in the suggestions: WORD into my words, and known at once. */
static void
add_to_my_words(struct frame *f, const char *word)
{
	struct error err;
	int r = store_word_add(f->st, word, time(NULL), &err);

	if (r == -1) {
		ui_say(f, 1, "%s", err.text);
		return;
	}
	spell_add(spelling.process, word);
	ui_say(f, 0, r == 1 ? _("“%s” is already in my words.") : _("“%s” "
	    "is now in my words, in this notebook only."), word);
}

int
ui_spelling_suggest(struct frame *f, const char *word, size_t len,
    char **replacement)
{
	char question[UTIL_MESSAGE_MAX], keys[16] = "aim", *shown;
	char choices[SPELL_SUGGESTIONS_MAX][SPELL_WORD_MAX + 1];
	char **list = NULL;
	size_t used, skip;
	int n, i, key;

	*replacement = NULL;
	if (spelling.process == NULL)
		return 0;
	if ((n = spell_suggest(spelling.process, word, len, &list)) == -1) {
		lost(f);
		return 0;
	}
	/* What waits for the answer is held: a lock meanwhile wipes it
	 * (ui_hold()), the word and its suggestions with it. */
	memset(choices, 0, sizeof(choices));
	for (i = 0; i < n; i++)
		snprintf(choices[i], sizeof(choices[i]), "%s", list[i]);
	spell_list_free(list, n);
	shown = wipe_dup(word, len);
	ui_hold(f, (void *)word, len);
	ui_hold(f, shown, len);
	ui_hold(f, choices, sizeof(choices));
	used = (size_t)snprintf(question, sizeof(question), _("“%s”:"),
	    shown);
	for (i = 0; i < n && used < sizeof(question); i++) {
		used += (size_t)snprintf(question + used, sizeof(question) -
		    used, "  %d %s", i + 1, choices[i]);
		keys[3 + i] = (char)('1' + i);
	}
	keys[3 + n] = '\0';
	if (used < sizeof(question))
		snprintf(question + used, sizeof(question) - used, "  %s",
		    n > 0 ? _("(1–9: put it in place, a: add to my words, i: "
		    "ignore in this note, m: my words, Esc: close)") : _("(no "
		    "suggestion; a: add to my words, i: ignore in this note, "
		    "m: my words, Esc: close)"));
	ui_hold(f, question, sizeof(question));
	key = ui_choose(f, question, keys);
	ui_unhold(f, question);
	ui_unhold(f, choices);
	ui_unhold(f, shown);
	ui_unhold(f, word);
	explicit_bzero(question, sizeof(question));
	if (key >= '1' && key <= '9' && key - '1' < n) {
		*replacement = wipe_dup(choices[key - '1'],
		    strlen(choices[key - '1']));
		key = 1;
	} else if (key == 'i' || key == 'a') {
		/* The word itself: "enfnat" of "l’enfnat", so that "d’enfnat"
		 * is known too. */
		skip = spell_elided(shown, len);
		if (key == 'a')
			add_to_my_words(f, shown + skip);
		else {
			if (spelling.nignored == spelling.cap_ignored)
				spelling.ignored = xreallocarray(
				    spelling.ignored, spelling.cap_ignored =
				    spelling.cap_ignored ? spelling.cap_ignored *
				    2 : 16, sizeof(char *));
			spelling.ignored[spelling.nignored++] =
			    wipe_dup(shown + skip, len - skip);
		}
		key = 2;
	} else if (key == 'm')
		key = my_words(f) == -1 ? -1 : 0;
	else if (key != -1)
		key = 0;
	explicit_bzero(choices, sizeof(choices));
	wipe_free(shown);
	return key;
}
