/*
 * util.h - what every room of carnet needs: messages, checked allocation,
 * translation, dates and UTF-8 checks.  Nothing here knows about the
 * notebook.
 */
#ifndef CARNET_UTIL_H
#define CARNET_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <wchar.h>

#include <libintl.h>

/* A function that takes a printf format: the compiler checks each call
 * (the message's own msgid, through gettext's format_arg). */
#if defined(__GNUC__)
#define UTIL_PRINTF(fmt, args)	__attribute__((format(printf, fmt, args)))
#define UTIL_FORMAT_ARG(arg)	__attribute__((format_arg(arg)))
#else
#define UTIL_PRINTF(fmt, args)
#define UTIL_FORMAT_ARG(arg)
#endif

#define _(s) gettext(s)
#define N_(s) (s)
/* A message in a context, for a word that means another thing elsewhere
 * (a key's letter): gettext's "CONTEXT\004MSGID" convention, the msgid
 * itself when there is no translation. */
#define C_(ctx, s) util_pgettext(ctx "\004" s, s)
const char *util_pgettext(const char *key, const char *msgid)
    UTIL_FORMAT_ARG(2);

/* The exit statuses of the command-line contract (carnet(1)). */
enum {
	EXIT_OK = 0,
	EXIT_ERROR = 1,
	EXIT_USAGE = 2,
	EXIT_PASSPHRASE = 3,
	EXIT_NOTCARNET = 4,
	EXIT_BUSY = 5
};

extern const char *util_progname;

/* Print "carnet: MESSAGE" on stderr; a format ending in ':' appends the
 * system error.  die() exits with the given status.  util_say() prints
 * MESSAGE alone.  All three show it through util_shown(): a name in it
 * is never obeyed by the terminal. */
void util_warn(const char *, ...) UTIL_PRINTF(1, 2);
void util_die(int, const char *, ...) UTIL_PRINTF(2, 3);
void util_say(const char *, ...) UTIL_PRINTF(1, 2);
/* The same on standard output, for what a command reports: a path, a
 * drive's label, a configuration value there is shown, never obeyed. */
void util_out(const char *, ...) UTIL_PRINTF(1, 2);

/*
 * LEN bytes of S as a terminal may show them, in a new string (give it
 * back with wipe_free()):
 * C0 controls and DEL as ^X, C1 controls (U+0080-U+009F) as ^[X, bytes
 * that are not UTF-8 as \xNN, so that an escape sequence in a name or a
 * note (a window title, a cleared screen, the clipboard) is shown, never
 * obeyed.  With UTIL_SHOWN_LINES, newlines and tabs are kept.
 */
#define UTIL_SHOWN_LINES	1
char *util_shown(const char *s, size_t len, int flags);

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xasprintf(const char *, ...) UTIL_PRINTF(1, 2);

/*
 * Note text, names, search words: ordinary heap memory that is wiped when
 * it is given back or moved, over the whole block, whatever NUL was
 * written inside it.  Only wipe_free() and wipe_grow() may release or
 * grow it.  wipe_dup() copies LEN bytes and a NUL; wipe_asprintf() is
 * xasprintf() into such memory.  wipe_same() compares
 * in a time that does not depend on where the two differ.
 */
void *wipe_alloc(size_t);
void *wipe_grow(void *, size_t);
/* The same blocks for an allocator that must not die (SQLite's, in
 * notebook.c): NULL when memory is short.  wipe_room() rounds a size up
 * to the capacity given, so that a block grown piece by piece is not
 * copied at each piece; wipe_size() is a block's capacity (0 for NULL). */
void  *wipe_try_alloc(size_t);
void  *wipe_try_grow(void *, size_t);
size_t wipe_room(size_t);
size_t wipe_size(const void *);
char *wipe_dup(const char *, size_t len);
char *wipe_asprintf(const char *, ...) UTIL_PRINTF(1, 2);
void  wipe_free(void *);
int   wipe_same(const void *, size_t, const void *, size_t);

/* A dossier's NAME as it must name one person wherever it is shown: with
 * its number ID when HOMONYMS other dossiers have a name of the same key
 * ("Martin Dupont (no. 5)"), in wiped memory. */
char *util_person(const char *name, long long id, long homonyms);

/* Seconds in a day, for durations counted in days (retention, purge). */
#define UTIL_DAY	86400L

/* Now, in UTC seconds.  $CARNET_NOW (seconds since the epoch) fixes it,
 * so that tests can speak of dates. */
time_t util_now(void);
/* NAME in the folder of the running program, if it is there: a build
 * folder, where "make" leaves the translations and the notice's texts
 * beside carnet.  Found from the program's own path (/proc/self/exe),
 * never from the environment.  A new string, or NULL. */
char *util_beside_program(const char *name);
/* FNV-1a of LEN bytes at P, carried on from HASH (UTIL_HASH_START for a
 * first piece): enough to tell texts apart before comparing them whole,
 * or to see that a list changed. */
#define UTIL_HASH_START	0xcbf29ce484222325ULL
uint64_t util_hash(uint64_t hash, const void *p, size_t len);
/* Write LEN bytes of BUF to FD whole, through short writes and signals:
 * 0, or -1 with errno set. */
int	util_write_all(int fd, const void *buf, size_t len);
/* Carnet's data file NAME (the notice's texts, the acronyms): in
 * $CARNET_DATADIR, else in po/ beside a carnet run from its build
 * folder, else in the installed data folder.  Freed by the caller. */
char *util_data_file(const char *name);

/* Is PATH an existing folder (links followed)? */
int util_is_folder(const char *path);

/* Local midnight of the day of T. */
time_t util_day_start(time_t);

/* Local date, or date and time, in the locale's format, in a buffer of
 * UTIL_DATE_MAX bytes (a month's name in any language fits). */
#define UTIL_DATE_MAX	64
void util_date(char *, size_t, time_t);
/* A length of time in DAYS as said: "2 years" for 730, "45 days". */
void util_days(char *, size_t, long days);
void util_datetime(char *, size_t, time_t);
/* "Wednesday 2 December 2026, 14:36": a date as a person reads it. */
void util_long_date(char *, size_t, time_t);
/* What follows a note's DATE: " (written …, changed …)" where that tells
 * something, else ""; dates written out (LONG_FORM) or short. */
void util_note_history(char *, size_t, time_t date, time_t written,
    time_t changed, int long_form);

/* Offset of the first byte that is not valid UTF-8 (NUL counts as
 * invalid), or -1 when all LEN bytes are valid. */
long util_utf8_invalid(const char *, size_t);
/* Length of the UTF-8 sequence at S (at most LEFT bytes), or 0 when it is
 * not the shortest encoding of a scalar value (or is NUL). */
size_t util_utf8_char(const char *, size_t left);
/* Number of characters (code points) in a valid UTF-8 string. */
size_t util_utf8_length(const char *, size_t);

/* Parse a decimal number between MIN and MAX; -1 if it is not one. */
int util_number(const char *, long long, long long, long long *);


/* What went wrong, for the caller to show: a sentence in the user's
 * language and the exit status of the contract. */
/* The longest message, in bytes: an error's, and the screens' message
 * line, which often shows one. */
#define UTIL_MESSAGE_MAX	512

struct error {
	int	status;
	char	text[UTIL_MESSAGE_MAX];
};

/* Record an error; returns -1 so that callers can "return error_set(...)". */
int error_set(struct error *, int status, const char *fmt, ...)
    UTIL_PRINTF(3, 4);

/* Create the folders leading to PATH (mkdir -p), private to the user. */
int util_make_parent(const char *path, struct error *);

/*
 * Columns on a terminal, under the current locale: what is not valid text
 * or is a control counts as one '?', a tab as a space, a wide character
 * two.  util_char() decodes one character of S so (*WC, *WIDTH) and
 * returns the bytes it took.
 */
size_t	util_char(const char *s, size_t len, mbstate_t *, wchar_t *wc,
	    int *width);
int	util_width(const char *, size_t);
/* How many bytes of S (LEN) fit in WIDTH columns, leaving one for "…"
 * when it does not all fit; *USED the columns they take. */
size_t	util_fit(const char *s, size_t len, int width, int *used);
/* A note's first line in at most UTIL_HEAD_COLUMNS, "…" when cut (wiped
 * memory): how a question or a message says which note it is. */
#define UTIL_HEAD_COLUMNS	40
char	*util_head(const char *body);

#endif
