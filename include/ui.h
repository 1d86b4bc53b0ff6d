/*
 * ui.h - the terminal notebook (ncursesw).  ui_run() is all that the rest
 * of carnet calls; the rest of this header is shared by the ui*.c rooms:
 * the state of the screens, the key tables, and drawing helpers.
 */
#ifndef CARNET_UI_H
#define CARNET_UI_H

#include <stddef.h>
#include <time.h>
#include <wchar.h>

#include "conf.h"
#include "store.h"

/* Open the notebook at PATH in the terminal; returns the exit status. */
int	ui_run(const char *path, const struct conf *, long lock_after);

/* ------------------------------------------------------------------ */

enum ui_screen {
	UI_DOSSIERS, UI_DOSSIER, UI_NOTE, UI_SEARCH, UI_HELP, UI_EDITOR
};

struct text;

#define UI_TEXT_MAX	256

struct ui {
	const char		*path;
	const struct conf	*conf;
	struct store		*st;		/* NULL while locked */
	long			 lock_after;	/* seconds, 0 never */
	time_t			 last_key;
	int			 quit;
	int			 colour;

	enum ui_screen		 screen;
	enum ui_screen		 back;		/* where Esc goes from search
						 * and help */
	char			 message[512];
	int			 message_error;

	/* The dossiers screen. */
	struct dossier		*dossiers;	/* NULL: to load */
	size_t			 ndossiers, dsel, dtop;
	char			 filter[UI_TEXT_MAX];
	int			 show_closed;
	int			 review;	/* only those to review */
	long long		 dossier_wanted; /* select it after a load */
	long long		 list_version;	/* store_version() when read */
	long long		 shown_version;	/* of the dossier and note shown */

	/* A dossier's notes: only the visible window is loaded. */
	long long		 dossier;	/* its id */
	struct dossier		 current;	/* name == NULL: to load */
	struct note		*heads;
	size_t			 nheads, hoff;	/* heads[0] is note hoff */
	size_t			 nsel, ntop;
	long long		 note_wanted;

	/* The note being read. */
	long long		 note;
	struct note		 reading;	/* body == NULL: to load */
	struct text		*shown;		/* the note, to wrap it */
	size_t			 ltop;		/* where the top row starts */
	int			 shown_width;	/* the width ltop is a row of */

	/* Search. */
	char			 query[UI_TEXT_MAX];
	struct hit		*hits;
	size_t			 nhits, ssel, stop;
	int			 more_hits;	/* the last page was full */
	int			 searched;
	size_t			 htop;		/* help's scroll */

	/* The editor: a new note (edit_note 0) or a note's new text. */
	struct text		*text;		/* NULL: to load (a draft, the
						 * note, or nothing) */
	long long		 edit_dossier, edit_note;
	time_t			 edit_created;	/* the note's date, for the
						 * title */
	enum ui_screen		 edit_from;
	size_t			 cur, top;	/* cursor, first row shown */
	int			 goal;		/* column for up and down */
	int			 modified;	/* since the last save */
	int			 unsaved_draft;	/* since the last draft */
	time_t			 last_edit;
	char			*clip;		/* the lines cut */
	size_t			 cliplen;
	int			 drafts_offered;
	double			 unlock_pressed;	/* for make bench */
};

struct ui_key {
	int		 key;		/* a character, or a KEY_ code */
	int		 code;		/* 1 when key is a KEY_ code */
	const char	*label;		/* as shown: "^N", "Enter" */
	const char	*text;		/* what it does, to translate */
	void		(*run)(struct ui *);
	int		 bar;		/* shown in the bottom bar */
};

#define UI_CTRL(c)	((c) & 0x1f)
#define UI_ESC		27

/* ui.c: the frame of every screen, and the shared widgets. */
void	ui_title(struct ui *, const char *where);
void	ui_bar(struct ui *, const struct ui_key *, size_t);
int	ui_text(int y, int x, int width, const char *, size_t, int attr);
int	ui_width(const char *, size_t);
/* Decode one character of S for the screen: '?' for what is not valid
 * text or is a control; its width.  Returns the bytes it took. */
size_t	ui_char(const char *s, size_t len, mbstate_t *, wchar_t *, int *width);
void	ui_reload_dossier(struct ui *);
void	ui_say(struct ui *, int error, const char *fmt, ...);
/* Ask a line at the bottom; 1 with BUF filled, 0 cancelled, -1 when the
 * notebook was locked meanwhile (the caller's state is gone). */
int	ui_ask(struct ui *, const char *question, char *buf, size_t size);
/* A key typed into the line BUF: a character added (when it fits) or, for
 * Backspace, the last one erased.  1 when it was such a key. */
int	ui_line_key(char *buf, size_t size, int key, int code);
/* Wait for a key, locking on the lock key and after the idle delay.
 * 1 with a key, 0 when the notebook was locked and unlocked (redraw
 * everything), -1 to quit. */
int	ui_key(struct ui *, int *key, int *code);
void	ui_lock(struct ui *);
void	ui_forget(struct ui *);
double	ui_clock(void);		/* milliseconds, monotonic */
int	ui_rows(void);
int	ui_cols(void);
int	ui_body_top(void);
int	ui_body_rows(void);
void	ui_go_search(struct ui *);
void	ui_go_help(struct ui *);

/* ui_unlock.c: the first screen, and the one after a lock.  0 opened,
 * -1 to quit. */
int	ui_unlock(struct ui *, int locked);

/* One screen each: draw it, handle a key (0 if it is not the screen's). */
void	ui_dossiers_draw(struct ui *);
int	ui_dossiers_key(struct ui *, int key, int code);
void	ui_dossier_draw(struct ui *);
int	ui_dossier_key(struct ui *, int key, int code);
void	ui_note_draw(struct ui *);
int	ui_note_key(struct ui *, int key, int code);
void	ui_search_draw(struct ui *);
int	ui_search_key(struct ui *, int key, int code);
/* Is a search due (the query changed)?  ui_run() runs it between keys,
 * so that typing never waits for the index. */
int	ui_search_due(const struct ui *);
void	ui_search_run(struct ui *);
void	ui_help_draw(struct ui *);
int	ui_help_key(struct ui *, int key, int code);
void	ui_editor_draw(struct ui *);
int	ui_editor_key(struct ui *, int key, int code);

/* ui_editor.c, called by the frame: open the editor; keep the text as a
 * draft (on a pause, before a lock, on a signal); offer the drafts found
 * after unlocking. */
void	ui_editor_open(struct ui *, long long dossier, long long note);
void	ui_editor_keep(struct ui *, int now);
void	ui_editor_offer_drafts(struct ui *);
/* ui.c: a question answered by one key: 1 yes, 0 no, -1 cancelled. */
int	ui_yes_no(struct ui *, const char *question);

/* The key tables, for the bars and the help screen. */
extern const struct ui_key ui_global_keys[];
extern const size_t ui_nglobal_keys;
extern const struct ui_key ui_dossiers_keys[];
extern const size_t ui_ndossiers_keys;
extern const struct ui_key ui_dossier_keys[];
extern const size_t ui_ndossier_keys;
extern const struct ui_key ui_note_keys[];
extern const size_t ui_nnote_keys;
extern const struct ui_key ui_search_keys[];
extern const size_t ui_nsearch_keys;
extern const struct ui_key ui_editor_keys[];
extern const size_t ui_neditor_keys;

#endif
