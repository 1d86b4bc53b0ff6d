/*
 * text.h - the editor's text: UTF-8 in blocks of gap buffers, with undo
 * and redo, character, word and line moves, and soft wrapping computed
 * row by row.
 * No curses: positions are byte offsets, always on a character boundary,
 * and widths come from wcwidth(3) under the current locale.
 */
#ifndef CARNET_TEXT_H
#define CARNET_TEXT_H

#include <stddef.h>
#include <wchar.h>

struct text;

struct text	*text_new(void);
/* Wipe and free.  NULL is allowed. */
void		 text_free(struct text *);
size_t		 text_len(const struct text *);
/* Number of words (runs of non-space characters). */
size_t		 text_words(const struct text *);

/* Insert LEN bytes at POS.  Invalid UTF-8 and control characters other
 * than tab and newline are replaced by U+FFFD, a CR LF becomes LF, so the
 * buffer is always valid text.  Returns the bytes inserted. */
size_t		 text_insert(struct text *, size_t pos, const char *, size_t);
/* Delete from POS to END (byte offsets on character boundaries). */
void		 text_delete(struct text *, size_t pos, size_t end);
/* Copy of the bytes from POS to END into a new string (NUL-terminated),
 * to give back with wipe_free() (util.h). */
char		*text_copy(const struct text *, size_t pos, size_t end);
/* The byte at POS (0 past the end). */
unsigned char	 text_byte(const struct text *, size_t pos);

/* Moves.  A character is a base with its combining marks. */
size_t		 text_next(const struct text *, size_t pos);
size_t		 text_prev(const struct text *, size_t pos);
size_t		 text_word_next(const struct text *, size_t pos);
size_t		 text_word_prev(const struct text *, size_t pos);
size_t		 text_line_start(const struct text *, size_t pos);
size_t		 text_line_end(const struct text *, size_t pos);

/* The character at POS as a wide character, and its display width
 * (a tab counts 1; controls cannot be in the buffer). */
int		 text_char(const struct text *, size_t pos, wchar_t *,
		    int *width);

/* Soft wrap: the row starting at START ends where the next row starts,
 * after a newline, or at the last space before WIDTH columns (mid-word
 * when one word is wider).  text_row_start gives the start of the row
 * holding POS; both look at one line only. */
size_t		 text_row_next(const struct text *, size_t start, int width);
size_t		 text_row_start(const struct text *, size_t pos, int width);

/* Undo and redo: consecutive typing is one step.  Each returns 0 and sets
 * *POS where the cursor goes, or -1 when there is nothing to do. */
int		 text_undo(struct text *, size_t *pos);
int		 text_redo(struct text *, size_t *pos);
/* Replace POS to END with LEN bytes of S, as one undo step (a word
 * spelling suggested); the bytes inserted. */
size_t		 text_replace(struct text *, size_t pos, size_t end,
		    const char *, size_t);
/* End the current undo step (on a move, a pause, a cut). */
void		 text_seal(struct text *);
/* Forget the history: what the text holds now cannot be undone. */
void		 text_clear_undo(struct text *);

#endif
