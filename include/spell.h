/*
 * spell.h - spelling while writing.
 *
 * Hunspell runs in a process of its own (carnet-spell, spell_main.c),
 * started from carnet's library folder, fed words over a pipe and ended
 * at every lock, so that what it allocated from the note's words goes
 * back to the kernel with it; it never holds the key and opens nothing
 * once its dictionary is read.  spell.c speaks to it; spell_words.c says
 * which words a note has and how French writes them.
 */
#ifndef CARNET_SPELL_H
#define CARNET_SPELL_H

#include <stddef.h>

#include "util.h"

/* The spelling process's program, in carnet's library folder. */
#define SPELL_HELPER		"carnet-spell"
/* Longer than this, a run of letters is no word: it is not checked. */
#define SPELL_WORD_MAX		100
/* Suggestions offered for a word at most. */
#define SPELL_SUGGESTIONS_MAX	9

/* A word of a note as spelling sees it: where it starts, its bytes. */
struct spell_word {
	size_t	start;
	size_t	len;
};

/*
 * The words of TEXT (LEN bytes) that spelling checks, in order, in
 * *WORDS (NULL when none; freed by the caller); how many.  A run of
 * characters between spaces holding a digit, an "@", "://" or starting
 * with "www." is left alone: numbers, dates and times as carnet reads
 * them ("14h30", "12/03"), telephone numbers, e-mail and web addresses.
 * A word is letters, with an apostrophe or a hyphen between two.
 */
size_t	spell_words(const char *text, size_t len, struct spell_word **words);

/*
 * Whether WORD (LEN bytes) is spelt right, as French is written: asked
 * of IS_KNOWN(word, CONTEXT) whole, its apostrophes as ' and its hyphens
 * as -, then, when it is not known whole, what follows an elision
 * ("l’enfant": "enfant"), and each part of a hyphenated word.
 */
int	spell_judge(const char *word, size_t len,
	    int (*is_known)(const char *, void *), void *context);

/* Where the word itself starts in WORD (LEN bytes): past an elision and
 * its apostrophe ("l’enfnat": 4, at "enfnat"), else 0.  What is added to
 * my words or ignored is that word, wherever it is elided next. */
size_t	spell_elided(const char *word, size_t len);

struct spell;

/* Where the spelling process's program is (beside carnet in a build
 * tree, else carnet's library folder); freed by the caller.  The sandbox
 * lets carnet run it. */
char	*spell_helper(void);

/*
 * The dictionary spelling uses: VALUE, the configuration's "spelling"
 * (NULL when unset), else the language of the messages (fr: fr_FR,
 * otherwise en_US).  NULL when VALUE is "off".
 */
const char	*spell_dictionary(const char *value);

/*
 * Start the spelling process with DICTIONARY (its .aff and .dic looked
 * up in $DICPATH, then /usr/share/hunspell), without waiting for it to
 * read them.  NULL with ERR saying, in the user's language, that
 * spelling is off and why (which package to install).
 */
struct spell	*spell_start(const char *dictionary, struct error *err);
/* Wait until the process has read its dictionary (spell_start() does
 * not): 0, or -1 when it could not (damaged; it is then to be stopped).
 * The other calls wait for it themselves. */
int	spell_ready(struct spell *);
/* Where the dictionary in use was found (its .dic). */
const char	*spell_path(const struct spell *);
/* Whether each of the N words (WORDS[i], LENS[i] bytes) is known to the
 * dictionary, in RIGHT[i]; 0, or -1 when the process is gone (spelling
 * is then off until it is started again). */
int	spell_known(struct spell *, const char *const *words,
	    const size_t *lens, size_t n, unsigned char *right);
/* Up to SPELL_SUGGESTIONS_MAX suggestions for WORD in *LIST (freed with
 * spell_list_free()); how many, or -1. */
int	spell_suggest(struct spell *, const char *word, size_t len,
	    char ***list);
void	spell_list_free(char **list, int n);
/* WORD is known from now on, for as long as the process lives (an
 * acronym, a word of "my words"). */
int	spell_add(struct spell *, const char *word);
/* WORD, added, is no longer known (removed from "my words"). */
int	spell_remove(struct spell *, const char *word);
/* WORD is a part of a name of the notebook: known by the one name key
 * (names_key(), computed in the process), whatever its case, accents or
 * apostrophes, until spell_names_forget(). */
int	spell_name(struct spell *, const char *word);
/* The names changed: those told with spell_name() are forgotten. */
int	spell_names_forget(struct spell *);
/* End the process: its memory, the words of the notes among it, goes
 * back to the kernel.  NULL is nothing. */
void	spell_stop(struct spell *);

#endif
