/*
 * screen.h - what the rooms of the terminal notebook share, and nothing
 * else includes: the frame each screen is handed, the screens themselves
 * as objects (tmux's window_mode is the model), their key tables, and the
 * widgets they draw with.
 *
 * Calls run one way: the frame (ui.c) calls the screens through
 * ui_screens[] (ui_screens.c), and the screens call the widgets
 * (ui_widgets.c, ui_paper.c).  A screen never calls another screen or the
 * frame: it asks to open one, or to close itself (ui_place.c), and the
 * stack of places remembers where each was opened from; a question waits
 * for its key through f->wait_key and draws over f->repaint, which the
 * frame provides.
 */
#ifndef CARNET_SCREEN_H
#define CARNET_SCREEN_H

#include <curses.h>
#include <stddef.h>
#include <time.h>
#include <wchar.h>

#include "conf.h"
#include "store.h"

enum screen_id {
	SCREEN_DOSSIERS, SCREEN_DOSSIER, SCREEN_NOTE, SCREEN_SEARCH,
	SCREEN_EDITOR, SCREEN_HELP, SCREEN_COUNT
};

/*
 * A screen opened, and what for: its argument.  OPENED is new each time
 * it is opened, not when it is come back to: a screen whose content was
 * loaded for another opening loads again, and never shows what it read
 * for another dossier or note because the notebook did not move.
 */
struct stop {
	enum screen_id	 screen;
	long long	 dossier;	/* the dossier it is about, or 0 */
	long long	 note;		/* the note, or 0 (for the editor: a
					 * new one) */
	unsigned long	 opened;
};

/* The deepest way in: the list, a dossier, a note, the editor, the dossier
 * and a note read meanwhile, search, help, and room to spare. */
#define PLACE_DEPTH	12

/*
 * Where the worker is: the screens opened, each over the one it was opened
 * from, the list of dossiers at the bottom, never closed (ui_place.c).  Esc
 * goes back the way she came; a text being written waits in the stack
 * while she reads or searches above it.  Numbers only: it is all that
 * survives a lock, so that unlocking comes back to the same dossier and
 * note.
 */
struct place {
	struct stop	 stack[PLACE_DEPTH];
	size_t		 depth;		/* stack[depth - 1] is shown */
	unsigned long	 openings;	/* the last stop.opened given */
	long long	 last_dossier;	/* the last one opened: the list
					 * selects it */
};

struct ui_key;

#define UI_HELD_MAX	4

/* What the frame hands every screen. */
struct frame {
	const char		*path;
	const struct conf	*conf;
	char			*pdf_folder;	/* where a PDF is saved */
	char			**drive_roots;	/* where USB keys are
						 * mounted (drives.h) */
	struct store		*st;		/* NULL while locked */
	struct place		 place;
	int			 key, code;	/* the key being handled */
	int			 colour;
	int			 discreet;	/* names as initials in lists
						 * (ui_shown_name()) */
	int			 quit;
	char			 message[UTIL_MESSAGE_MAX];
	int			 message_error;
	/* The screens in their order, and the keys of every screen, for
	 * the help. */
	const struct screen *const *screens;
	const struct ui_key	*global_keys;
	size_t			 nglobal_keys;
	/* Wait for a key (into key, code), locking on the lock key and
	 * when idle: 1 with a key, 0 when the notebook was locked and
	 * unlocked meanwhile (every screen's content is gone), -1 to
	 * quit. */
	int			(*wait_key)(struct frame *, int *key,
				    int *code);
	/* The screen as it stands, its bar included, without loading it
	 * again and without the message that went with the last key:
	 * drawn under a question, so that no row of an earlier message
	 * stays beside it, and again after a resize. */
	void			(*repaint)(struct frame *);
	/* While a long task runs (printing), asked often: 1 when it must
	 * give up, on Esc, the lock key or the idle delay; a lock then
	 * waits in f->lock_pending until the key's handler returns. */
	/* Set by a key: once it is handled, the frame closes the notebook
	 * and asks for the passphrase's change (ui_passwd()). */
	int			 passwd_pending;
	int			(*interrupted)(struct frame *);
	int			 lock_pending;
	double			 unlock_pressed;	/* for make bench */
	/* What the key being handled holds outside any screen's content
	 * (a question's answer, a question naming a dossier): a lock while
	 * it waits wipes it too (ui_hold()). */
	struct {
		void		*p;
		size_t		 len;
	}			 held[UI_HELD_MAX];
	size_t			 nheld;
};

/* A move, for the screens that have a selection or scroll. */
enum ui_move {
	UI_NO_MOVE, UI_UP, UI_DOWN, UI_PAGE_UP, UI_PAGE_DOWN, UI_TOP,
	UI_BOTTOM
};

/* One row of a screen's key table: the key, how the bar and the help
 * show it, and what it does: RUN, or MOVE handed to the screen's step(). */
struct ui_key {
	int		 key;		/* a character, a KEY_ code, or
					 * UI_TYPED: any character typed */
	int		 code;		/* 1 when key is a KEY_ code */
	const char	*label;		/* as shown: "^N", "Enter" */
	const char	*text;		/* what it does, to translate */
	void		(*run)(struct frame *);
	enum ui_move	 move;
	int		 bar;		/* shown in the bottom bar */
	/* When not NULL, in the bar only while it says 1: a key that
	 * matters in one state of the screen (Esc out of a list). */
	int		(*now)(const struct frame *);
};

/* The longest line typed in a question, a filter or a search. */
#define UI_LINE_MAX	256

#define UI_CTRL(c)	((c) & 0x1f)
#define UI_ESC		27
/* Keys given codes of our own, above curses's (ui_read_key()). */
#define UI_TYPED	(-1)
#define UI_WORD_LEFT	(KEY_MAX + 103)
#define UI_WORD_RIGHT	(KEY_MAX + 104)
#define UI_PASTE	(KEY_MAX + 101)
#define UI_PASTE_END	(KEY_MAX + 102)

#define UI_MOVE_ROW(k, c, l, t, m) \
	{ .key = (k), .code = (c), .label = (l), .text = (t), .move = (m) }
/* The arrows and page keys, for every screen that moves. */
#define UI_ARROW_ROWS \
	UI_MOVE_ROW(KEY_UP, 1, "↑", N_("Up"), UI_UP), \
	UI_MOVE_ROW(KEY_DOWN, 1, "↓", N_("Down"), UI_DOWN), \
	UI_MOVE_ROW(KEY_PPAGE, 1, "PgUp", N_("Page up"), UI_PAGE_UP), \
	UI_MOVE_ROW(KEY_NPAGE, 1, "PgDn", N_("Page down"), UI_PAGE_DOWN), \
	UI_MOVE_ROW(KEY_HOME, 1, N_("Home"), N_("To the top"), UI_TOP), \
	UI_MOVE_ROW(KEY_END, 1, N_("End"), N_("To the bottom"), UI_BOTTOM)
/* The same with letters, where letters are not typed (less's keys). */
#define UI_LETTER_ROWS \
	UI_MOVE_ROW('k', 0, "k", N_("Up"), UI_UP), \
	UI_MOVE_ROW('j', 0, "j", N_("Down"), UI_DOWN), \
	UI_MOVE_ROW('b', 0, "b", N_("Page up"), UI_PAGE_UP), \
	UI_MOVE_ROW(' ', 0, N_("space"), N_("Page down"), UI_PAGE_DOWN), \
	UI_MOVE_ROW('g', 0, "g", N_("To the top"), UI_TOP), \
	UI_MOVE_ROW('G', 0, "G", N_("To the bottom"), UI_BOTTOM)

/*
 * A screen.  Its content (what it read from the notebook) lives in its
 * own file, touched by nobody else, and forget() wipes it whole.  The
 * frame calls load() before every draw(): load reads the store, draw
 * never does.  Every function but keys' handlers may be NULL.
 */
struct screen {
	const char		*name;		/* its section of the help */
	const struct ui_key	*keys;
	size_t			 nkeys;
	/* Search and help: Esc and a lock go back where they were opened,
	 * and opening one from the other keeps that place. */
	int			 transient;
	void			(*load)(struct frame *);
	void			(*draw)(struct frame *);
	void			(*step)(struct frame *, enum ui_move);
	/* Work to do between keys, never while one waits (search). */
	int			(*pending)(struct frame *);
	void			(*catch_up)(struct frame *);
	/* A second without a key (the editor keeps its draft). */
	void			(*idle)(struct frame *);
	/* Once, after the first unlock (the editor offers the drafts). */
	void			(*opened)(struct frame *);
	/* Before a lock and before quitting, the notebook still open: keep
	 * what must be kept, then wipe every byte of content. */
	void			(*forget)(struct frame *);
};

/* A screen's key table, in its struct screen. */
#define UI_KEYS(table) \
	.keys = (table), .nkeys = sizeof(table) / sizeof((table)[0])

/* ui_screens.c: every screen, in the help's order. */
extern const struct screen *const ui_screens[SCREEN_COUNT];
extern const struct screen screen_dossiers, screen_dossier, screen_note,
    screen_search, screen_editor, screen_help;
/* ui_passphrase.c: not a screen but a page asked by name; its keys, for
 * the help. */
extern const struct screen ui_passphrase_page;

/* ui_passphrase.c: the passphrase asked on a page of its own (nothing of
 * the notebook on screen): HEADING as its title (NULL: none), LINES
 * centred, MESSAGE in bold, then PROMPT; ENTER is what Enter does, as
 * the bar says it (NULL: "Open").  What is typed goes into PASS, never
 * shown.  1 on Enter, 0 to quit (^Q, a signal), UI_LOCKED when the lock
 * key or the idle delay came meanwhile: what was typed is wiped (and the
 * notebook, if it was open, was locked and opened again). */
#define UI_LOCKED	3
struct secret;
int	ui_ask_passphrase(struct frame *, const char *heading,
	    const char *const *lines, const char *message, const char *prompt,
	    const char *enter, struct secret *pass);
/* The same page without a question: LINES; or WHAT and MORE while work
 * takes a few seconds. */
/* The same on the first start, which also offers ^R: UI_RESTORE when it
 * is pressed. */
#define UI_RESTORE	4
int	ui_ask_first_passphrase(struct frame *, const char *heading,
	    const char *const *lines, const char *message, const char *prompt,
	    const char *enter, struct secret *pass);
void	ui_show_page(struct frame *, const char *heading,
	    const char *const *lines);
/* The same lines without the bar, for a question drawn over them
 * (ui_ask(), ui_yes_no()), which says its own keys. */
void	ui_show_text(struct frame *, const char *heading,
	    const char *const *lines);
void	ui_busy_page(struct frame *, const char *heading, const char *what,
	    const char *more);

/* ui_unlock.c: ask the passphrase and open the notebook into f->st: at
 * the start (LOCKED 0: may create it) or after a lock.  0 opened, -1 to
 * quit. */
int	ui_unlock(struct frame *, int locked);
/* ui_editor.c: the text being written, if it is not saved, asked about
 * before quitting (save, keep as a draft, throw away): 1 to quit. */
int	ui_editor_may_quit(struct frame *);
/* ui_restore.c: the first start's ^R, a notebook taken back from a
 * backup on a USB key or at a path: 0 with f->st open, -1 given up. */
int	ui_restore_first(struct frame *);
/* Changing the passphrase: first the current one, asked with the
 * notebook still open (NULL, and nothing changed, on ^Q); then, the
 * notebook closed (every screen's content forgotten), ui_passwd() opens
 * it alone with OLD (which it frees), asks the new one twice, changes it
 * and opens it again into f->st; given up once a page waited, the notebook
 * stays closed until its passphrase is typed again (ui_unlock()).  0, or
 * -1 to quit. */
struct secret *ui_passwd_current(struct frame *);
int	ui_passwd(struct frame *, struct secret *old);

/* ui_widgets.c: the screen's geometry. */
int	ui_body_top(void);
int	ui_body_rows(void);
/* Draw LEN bytes at (Y, X) (Y < 0: where the cursor is) in at most WIDTH
 * columns; returns the columns used. */
int	ui_text(int y, int x, int width, const char *, size_t, int attr);
/* The title row: where one is, cut with "…" to leave RIGHT (a status, or
 * NULL) whole at the right end. */
void	ui_title(struct frame *, const char *where, const char *right);
/* The columns the title has for WHERE beside RIGHT. */
int	ui_title_room(const char *right);
/* S at (Y, X) in WIDTH columns, ending in "…" when it is cut; the
 * columns taken. */
int	ui_fit_text(int y, int x, int width, const char *s, int attr);
/* The same for the LEN bytes at S. */
int	ui_fit_len(int y, int x, int width, const char *s, size_t len,
	    int attr);
/* Where TEXT breaks into rows of at most WIDTH columns, at spaces where
 * it can: the byte each row starts at in STARTS (MAX + 1 of them), the
 * end in STARTS[rows]; the rows, at most MAX (the rest left out). */
int	ui_wrap(const char *text, int width, size_t *starts, int max);
/* TEXT from (Y, X) in rows of WIDTH columns, broken at spaces, in at most
 * MAX_ROWS rows (8 at most); the rows used.  What a screen says when it
 * has nothing to show. */
int	ui_paragraph(int y, int x, int width, const char *text, int max_rows,
	    int attr);
/* Highlight row Y across the screen: the selected line. */
void	ui_highlight(int y);
int	ui_bar_attr(const struct frame *);
void	ui_say(struct frame *, int error, const char *fmt, ...) UTIL_PRINTF(3, 4);
/*
 * The editor's spelling (ui_spelling.c): the misspelt words of TEXT (LEN
 * bytes, at BASE in the note), but the one at CURSOR, as spans from the
 * note's start in *MARKS (freed by the caller); how many.  Starts the
 * spelling process when first asked; without a dictionary, says why
 * once and marks nothing.
 */
struct spell_word;
size_t	ui_spelling_marks(struct frame *, const char *text, size_t len,
	    size_t base, size_t cursor, struct spell_word **marks);
/* Start the spelling process after an unlock, without waiting for it to
 * read its dictionary: ready by the time a note is written. */
void	ui_spelling_begin(struct frame *);
/* End the spelling process, at a lock or at the end: its memory, the
 * note's words among it, goes back to the kernel. */
void	ui_spelling_stop(void);
/* The suggestions for WORD (LEN bytes), up to nine, numbered: 1 with the
 * one chosen in *REPLACEMENT (wiped memory), 2 when WORD is now known (to
 * be ignored in this note, or added to my words), 0 closed (or my words
 * seen), -1 locked meanwhile. */
int	ui_spelling_suggest(struct frame *, const char *word, size_t len,
	    char **replacement);
/* The note written is closed: the words ignored in it are forgotten. */
void	ui_spelling_note_closed(void);
/* Show WHAT on the message line at once, before a long task. */
void	ui_show_now(const char *what);
/* Read a key from the terminal, giving Backspace, Enter, ^← and ^→ one
 * code each; TIMEOUT_MS as curses's timeout().  1 with a key, 0 when
 * none came in time, -1 on a signal. */
int	ui_read_key(int timeout_ms, int *key, int *code);
/* A key typed into the line BUF: a character added (when it fits), for
 * Backspace the last one erased, for ^U the whole line.  1 when it was
 * such a key. */
int	ui_line_key(char *buf, size_t size, int key, int code);
/* Is KEY a character to type (not a control)? */
int	ui_is_typed(int key, int code);
/* Ask a line at the bottom; 1 with BUF filled, 0 cancelled, -1 when the
 * notebook was locked meanwhile (the caller's content is gone). */
int	ui_ask(struct frame *, const char *question, char *buf, size_t size);
/* A question answered by one of KEYS (ASCII): that key, 0 on Esc, -1
 * when the notebook was locked meanwhile. */
int	ui_choose(struct frame *, const char *question, const char *keys);
/* A question answered by one key: 1 yes, 0 no, -1 cancelled or locked. */
int	ui_yes_no(struct frame *, const char *question);
/* The same with a third answer, the key OTHER: 2. */
int	ui_yes_no_or(struct frame *, const char *question, int other);
/* How a list shows dossier ID's NAME: whole, or, the list discreet, as
 * initials and number ("É. F. — no. 12"), into BUF. */
const char *ui_shown_name(const struct frame *, long long id,
	    const char *name, char *buf, size_t size);
/* After a screen is drawn, the cursor at the start of the row
 * ui_highlight() selected, if any: screen readers follow the cursor. */
void	ui_follow_selection(void);
/* MESSAGE on the message line, wrapped upward over the screen's last
 * rows when it is longer (three at most). */
void	ui_message(const char *message, int attr);
/* S's first letter in capitals, in place: a message made a sentence. */
void	ui_capital(char *s);
/* Until the key being handled is done, LEN bytes at P are wiped if the
 * notebook locks meanwhile (a question waiting for its answer). */
void	ui_hold(struct frame *, void *p, size_t len);
void	ui_unhold(struct frame *, const void *p);
/* Move SEL in a list of COUNT rows, PAGE rows a page. */
void	ui_list_move(size_t *sel, size_t count, size_t page, enum ui_move);
/* Keep SEL in view: TOP moves so that SEL is one of the ROWS shown. */
void	ui_list_follow(size_t sel, size_t *top, size_t rows);
/* ui_place.c: where the worker is (struct place).  The screen shown and
 * its argument; the one it was opened from (NULL under the list). */
void	ui_place_start(struct place *);
const struct stop *ui_here(const struct frame *);
const struct stop *ui_under(const struct frame *);
/* Open SCREEN for DOSSIER and NOTE over the screen shown: closing it comes
 * back there. */
void	ui_open(struct frame *, enum screen_id, long long dossier,
	    long long note);
/* Close the screen shown: back to the one it was opened from.  The list of
 * dossiers is never closed. */
void	ui_close(struct frame *);
/* A search's result: the dossier, and the note when NOTE is not 0, opened
 * over the list (or over the text that waits), as if she had walked there:
 * Esc goes to the dossier, then to the list (or to the text). */
void	ui_go_note(struct frame *, long long dossier, long long note);
/* Close search and help (after a lock: they are not where one works). */
void	ui_close_transient(struct frame *);
/* Open the editor on NOTE of the dossier shown (0: a new note); refused,
 * and said, while another text waits. */
void	ui_edit(struct frame *, long long note);
/* In the middle of writing, from the dossier, the reader or search: back
 * to the text, its cursor where it was (1), or 0 when nothing is being
 * written; what the title says of it meanwhile, or NULL. */
int	ui_back_to_writing(struct frame *);
const char *ui_writing_hint(const struct frame *);
/* For a key row's now: is a text waiting (or not) while the worker reads
 * or searches?  Then Esc goes back to it, and what opens another text is
 * out of the bar. */
int	ui_writing(const struct frame *);
int	ui_not_writing(const struct frame *);
/* Open search, the help: over the screen shown, or in the place of the
 * other one (search from the help comes back where the help came from). */
void	ui_go_search(struct frame *);
void	ui_go_help(struct frame *);
double	ui_clock(void);		/* milliseconds, monotonic */

/* ui_noteops.c: destroy note ID, or move it to a dossier asked for, each
 * after a question; 0 when done. */
int	ui_note_destroy(struct frame *, long long id);
int	ui_note_move(struct frame *, long long id);

/* ui_paper.c: paper from the screens.  REQUEST goes to the printer; if
 * the printer does not take it, the PDF may go to a file instead.  The
 * pages that went, or -1. */
struct print_request;
int	ui_print(struct frame *, struct print_request *);
void	ui_print_notice(struct frame *);
/* ^E: the day's notes on the printer, a dossier each; without one, as
 * one PDF. */
void	ui_print_day(struct frame *);
/* A PDF of DOSSIER that waits to be said printed (pdfs.h): asked, and,
 * printed, offered to delete; Esc leaves it for later. */
void	ui_pdf_waiting(struct frame *, long long dossier);

/* ui_backup.c: an encrypted, checked copy onto a USB key the user has
 * mounted, chosen among them; said on the message line. */
void	ui_backup(struct frame *);

#endif
