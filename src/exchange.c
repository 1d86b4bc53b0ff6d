/*
 * exchange.c - the way in and the way out: a folder per dossier, a text
 * file per note.  Import takes years of notes in one transaction and
 * never touches the source; export gives everything back in the same
 * layout, so that importing an export gives the same notebook.  These are
 * the only plaintext files carnet writes, and only when asked.
 *
 * Import also reads word processors' documents (document.h), in a
 * dossier's folder or beside the folders, one per person named after
 * them: each dated entry of a document is a note.
 */
#include <sys/stat.h>
#include <sys/time.h>

#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "exchange.h"
#include "names.h"
#include "store.h"


static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of DIR but "." and "..", sorted.  NULL if unreadable. */
static char **
entries(const char *dir, size_t *n)
{
	DIR *d;
	struct dirent *e;
	char **list = NULL;
	size_t cap = 0;

	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (*n == cap)
			list = xreallocarray(list, cap = cap ? cap * 2 : 64,
			    sizeof(*list));
		list[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (list != NULL)
		qsort(list, *n, sizeof(*list), by_name);
	return list != NULL ? list : xcalloc(1, sizeof(*list));
}

static void
entries_free(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/*
 * The date at the start of a file name, in local time:
 * "2024-03-01...", "2024-03-01T1030..." or "2024-03-01T103005...".
 * 0 with *WHEN set, or -1 when the name does not start with a date.
 */
static int
name_date(const char *name, time_t *when)
{
	struct tm tm;
	int y, mo, d, h = 0, mi = 0, s = 0, n = 0;

	memset(&tm, 0, sizeof(tm));
	if (sscanf(name, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
		return -1;
	if (name[10] == 'T' && sscanf(name + 11, "%2d%2d", &h, &mi) == 2) {
		if (name[15] >= '0' && name[15] <= '9')
			sscanf(name + 15, "%2d", &s);
	}
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    s > 60)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	if ((*when = mktime(&tm)) == (time_t)-1)
		return -1;
	return 0;
}

/* The whole file at PATH, or NULL with why (not a file, unreadable, too
 * big). */
static char *
slurp(const char *path, size_t *len, const char **why)
{
	static char too_big[64];
	struct stat st;
	char *buf;
	ssize_t n;
	size_t got = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK)) == -1) {
		*why = strerror(errno);
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*why = _("not a regular file");
		close(fd);
		return NULL;
	}
	if (st.st_size > STORE_NOTE_MAX) {
		snprintf(too_big, sizeof(too_big), _("larger than %ld MiB"),
		    STORE_NOTE_MAX / 1024 / 1024);
		*why = too_big;
		close(fd);
		return NULL;
	}
	buf = wipe_alloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		n = read(fd, buf + got, (size_t)st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

/*
 * Links are never followed, to a note file or to a dossier's folder alike:
 * "ln -s ~/.ssh notes/Sophie" must not put a private key in the notebook.
 */
static const char *
not_followed(void)
{
	return _("a symbolic link, not followed (copy the file or folder "
	    "itself)");
}

static void
skipped(struct exchange_report *r, const char *path, const char *why)
{
	r->bad = xreallocarray(r->bad, r->nbad + 1, sizeof(*r->bad));
	r->bad[r->nbad++] = xasprintf("%s: %s", path, why);
}

/*
 * A dossier's name as a folder name, and back: '/' becomes %2F, '%' %25,
 * and a leading '.' %2E (a folder that ls hides would be missed).  The
 * encoding is one to one, so two dossiers never get one folder
 * ("Dupont/Martin" and "Dupont-Martin") and an import of an export gives
 * the same names.  Only those three sequences are decoded: any other '%'
 * in a folder's name stays as it is.
 */
static char *
folder_name(const char *name)
{
	char *f = xmalloc(strlen(name) * 3 + 1), *o = f;
	const char *p;

	for (p = name; *p != '\0'; p++)
		if (*p == '/' || *p == '%' || (p == name && *p == '.'))
			o += sprintf(o, "%%%02X", (unsigned char)*p);
		else
			*o++ = *p;
	*o = '\0';
	return f;
}

static char *
name_of_folder(const char *folder)
{
	char *name = xstrdup(folder), *o = name;
	const char *p;

	for (p = folder; *p != '\0'; p++)
		if (strncmp(p, "%2F", 3) == 0 || strncmp(p, "%25", 3) == 0 ||
		    (p == folder && strncmp(p, "%2E", 3) == 0)) {
			*o++ = p[2] == 'F' ? '/' : p[2] == '5' ? '%' : '.';
			p += 2;
		} else
			*o++ = *p;
	*o = '\0';
	return name;
}

/*
 * The notes of a dossier that was there before the import, and those it
 * took since: (date, hash of the text) -> note id, so that a re-run
 * checks a file with one lookup and one comparison, not against every
 * note of its date (files copied in the same second share one: there can
 * be thousands).
 */
struct known {
	struct seen {
		time_t		 when;
		uint64_t	 hash;
		long long	 id;		/* 0: an empty slot */
	}		*slot;
	size_t		 n, cap;		/* cap: a power of two */
};

/* FNV-1a: plenty to tell notes apart before comparing them whole. */
static uint64_t
text_hash(const char *s, size_t len)
{
	return util_hash(UTIL_HASH_START, s, len);
}

static size_t
known_start(const struct known *k, time_t when, uint64_t hash)
{
	return (size_t)((hash ^ (uint64_t)when * 0x9e3779b97f4a7c15ULL) &
	    (k->cap - 1));
}

static void
known_add(struct known *k, time_t when, uint64_t hash, long long id)
{
	struct known bigger;
	size_t i;

	if (2 * (k->n + 1) > k->cap) {
		bigger.cap = k->cap ? k->cap * 2 : 64;
		bigger.n = 0;
		bigger.slot = xcalloc(bigger.cap, sizeof(*bigger.slot));
		for (i = 0; i < k->cap; i++)
			if (k->slot[i].id != 0)
				known_add(&bigger, k->slot[i].when,
				    k->slot[i].hash, k->slot[i].id);
		free(k->slot);
		*k = bigger;
	}
	for (i = known_start(k, when, hash); k->slot[i].id != 0;
	    i = (i + 1) & (k->cap - 1))
		;
	k->slot[i] = (struct seen){ when, hash, id };
	k->n++;
}

/* Is BODY already a note of the dossier, written at WHEN? */
static int
known_has(struct store *st, const struct known *k, time_t when,
    uint64_t hash, const char *body, size_t len, int *has,
    struct error *err)
{
	size_t i;

	*has = 0;
	if (k->cap == 0)	/* a dossier that had no note */
		return 0;
	for (i = known_start(k, when, hash); k->slot[i].id != 0;
	    i = (i + 1) & (k->cap - 1))
		if (k->slot[i].when == when && k->slot[i].hash == hash &&
		    (store_note_is(st, k->slot[i].id, body, len, has,
		    err) == -1 || *has))
			return *has ? 0 : -1;
	return 0;
}

/* The notes DOSSIER has now. */
static struct known *
known_load(struct store *st, long long dossier, struct error *err)
{
	struct known *k = xcalloc(1, sizeof(*k));
	struct note *notes;
	size_t n, i;

	if (store_notes_to_print(st, dossier, 1, 0, &notes, &n, err) == -1) {
		free(k);
		return NULL;
	}
	for (i = 0; i < n; i++)
		known_add(k, notes[i].created, text_hash(notes[i].body,
		    notes[i].len), notes[i].id);
	store_notes_free(notes, n);
	return k;
}

/* A note found, to be taken in date order: a note file, or an entry of
 * a document already read (BODY). */
struct found {
	long long	 dossier;	/* 0: a new one, in a dry run */
	struct known	*known;		/* NULL: a new dossier, no duplicate */
	size_t		 per;		/* its line in the report */
	time_t		 when;
	char		*path;
	char		*body;		/* wiped; NULL: the file at PATH */
	size_t		 len;
};

static int
by_date(const void *a, const void *b)
{
	const struct found *x = a, *y = b;

	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return strcmp(x->path, y->path);
}

/*
 * Text that is not UTF-8 but reads as Windows-1252 (Notepad's, and most
 * old software's): every byte a character of it, no control but tabs
 * and line ends.  Converted into wiped memory; NULL when it is not such
 * text (binary data stays refused).
 */
static char *
from_windows(const char *body, size_t *len)
{
	/* Bytes Windows-1252 leaves undefined. */
	static const char undefined[] = "\x81\x8d\x8f\x90\x9d";
	char *out, *in = (char *)body, *o;
	size_t i, left = *len, room;
	iconv_t cd;

	for (i = 0; i < *len; i++) {
		unsigned char b = (unsigned char)body[i];

		if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') ||
		    b == 0x7f || (b >= 0x80 && strchr(undefined, (char)b) !=
		    NULL))
			return NULL;
	}
	if ((cd = iconv_open("UTF-8", "WINDOWS-1252")) == (iconv_t)-1)
		return NULL;
	room = *len * 3 + 1;
	o = out = wipe_alloc(room);
	if (iconv(cd, &in, &left, &o, &room) == (size_t)-1) {
		iconv_close(cd);
		wipe_free(out);
		return NULL;
	}
	iconv_close(cd);
	*o = '\0';
	*len = (size_t)(o - out);
	return out;
}

/* Windows' line ends ("\r\n") and old Macs' ("\r") as carnet's
 * ("\n"), in place: a "\r" kept shows as "^M" in "show" and as "?" on
 * the screens.  The new length. */
static size_t
unix_lines(char *s, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++)
		if (s[i] != '\r')
			s[o++] = s[i];
		else if (i + 1 < len && s[i + 1] == '\n')
			continue;
		else
			s[o++] = '\n';
	if (o < len)
		explicit_bzero(s + o, len - o);
	s[o] = '\0';
	return o;
}

/* The text of the note file PATH, in wiped memory, as a note takes it:
 * UTF-8 (from Windows-1252 when it reads so: *CONVERTED says), without
 * its last line ends.  NULL with *WHY when it cannot be read. */
static char *
read_note(const char *path, size_t *len, int *converted, const char **why)
{
	char *body, *windows;

	*converted = 0;
	if ((body = slurp(path, len, why)) == NULL)
		return NULL;
	if (util_utf8_invalid(body, *len) != -1 && memchr(body, '\0', *len) ==
	    NULL && (windows = from_windows(body, len)) != NULL) {
		wipe_free(body);
		body = windows;
		*converted = 1;
	}
	*len = unix_lines(body, *len);
	while (*len > 0 && body[*len - 1] == '\n')
		(*len)--;
	return body;
}

/* What the report says of the dossier of F. */
static void
counted(struct exchange_report *r, const struct found *f, int already)
{
	struct exchange_dossier *d = &r->per[f->per];

	if (already) {
		d->already++;
		r->already++;
		return;
	}
	if (d->notes == 0 || f->when < d->first)
		d->first = f->when;
	if (d->notes == 0 || f->when > d->last)
		d->last = f->when;
	d->notes++;
	r->notes++;
}

/* One note: refused files are reported, never half-taken.  A dry run
 * counts what it would take. */
static int
import_file(struct store *st, const struct found *f,
    struct exchange_report *r, struct error *err)
{
	struct error why;
	const char *reason = NULL;
	size_t len = 0;
	long long id;
	uint64_t hash = 0;
	char *body;
	int exists, converted = 0, rc = 0;

	if (f->body != NULL) {
		body = f->body;
		len = f->len;
	} else if ((body = read_note(f->path, &len, &converted, &reason)) ==
	    NULL) {
		skipped(r, f->path, reason);
		return 0;
	}
	if (store_body_check(body, len, &why) == -1) {
		skipped(r, f->path, why.text);
		if (body != f->body)
			wipe_free(body);
		return 0;
	}
	exists = 0;
	if (f->known != NULL)
		hash = text_hash(body, len);
	if (f->known != NULL && known_has(st, f->known, f->when, hash, body,
	    len, &exists, err) == -1)
		rc = -1;
	else if (exists)
		counted(r, f, 1);
	else if (!r->dry && store_note_add(st, f->dossier, body, len, f->when,
	    0, &id, err) == -1)
		rc = -1;
	else {
		counted(r, f, 0);
		r->converted += converted;
		if (f->known != NULL && !r->dry)
			known_add(f->known, f->when, hash, id);
	}
	if (body != f->body)
		wipe_free(body);
	return rc;
}

/*
 * "Martin Dupont (5)": the folder export gives one of two people of one
 * name.  The number, NAME cut before it; 0 (NAME as it is) when the
 * folder's name does not end so.
 */
static long long
folder_number(char *name)
{
	size_t len = strlen(name), i;
	long long n;

	if (len < 5 || name[len - 1] != ')')
		return 0;
	for (i = len - 2; i > 0 && name[i] >= '0' && name[i] <= '9'; i--)
		;
	if (i == len - 2 || name[i] != '(' || i < 2 || name[i - 1] != ' ')
		return 0;
	name[len - 1] = '\0';
	if (util_number(name + i + 1, 1, LLONG_MAX, &n) == -1) {
		name[len - 1] = ')';
		return 0;
	}
	name[i - 1] = '\0';
	return n;
}

/* Does dossier ID hold a note of the folder PATH (same date, same text)?
 * 1, 0, or -1 on error. */
static int
holds_one(struct store *st, long long id, const char *path,
    struct error *err)
{
	struct known *k;
	const char *why;
	char **files, *file, *body;
	struct stat sb;
	time_t when;
	size_t n, i, len;
	int converted, has = 0, rc = 0;

	if ((files = entries(path, &n)) == NULL)
		return 0;
	if ((k = known_load(st, id, err)) == NULL) {
		entries_free(files, n);
		return -1;
	}
	for (i = 0; i < n && !has && rc == 0; i++) {
		file = xasprintf("%s/%s", path, files[i]);
		if (lstat(file, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    (body = read_note(file, &len, &converted, &why)) != NULL) {
			if (name_date(files[i], &when) == -1)
				when = sb.st_mtime;
			rc = known_has(st, k, when, text_hash(body, len), body,
			    len, &has, err);
			wipe_free(body);
		}
		free(file);
	}
	entries_free(files, n);
	free(k->slot);
	free(k);
	return rc == -1 ? -1 : has;
}

/*
 * The dossier of a numbered folder, "NAME (NUMBER)": dossier NUMBER when
 * it is of that name (the notebook it came from); else, in another
 * notebook, the one of that name that already holds one of its notes (it
 * was imported before), else a new one.  Never one that an other folder
 * of this import took (TAKEN): two folders are two people.  0 when none,
 * -1 on error.
 */
static long long
namesake_for(struct store *st, const char *name, long long number,
    const char *path, const long long *taken, size_t ntaken,
    struct error *err)
{
	struct dossier d;
	struct error why;
	long long *ids, id = 0;
	size_t n, i, j;
	int rc;

	for (j = 0; j < ntaken && taken[j] != number; j++)
		;
	if (j == ntaken && store_dossier_get(st, number, &d, &why) == 0) {
		rc = names_alike(d.name, name);
		store_dossier_free(&d);
		if (rc)
			return number;
	}
	if (store_namesakes(st, name, &ids, &n, err) == -1)
		return -1;
	for (i = 0; i < n && id == 0; i++) {
		for (j = 0; j < ntaken && taken[j] != ids[i]; j++)
			;
		if (j < ntaken)
			continue;
		if ((rc = holds_one(st, ids[i], path, err)) == -1) {
			free(ids);
			return -1;
		}
		if (rc == 1)
			id = ids[i];
	}
	free(ids);
	return id;
}

static long long
dossier_for(struct store *st, char *name, struct exchange_report *r,
    const char *path, long long **taken, size_t *ntaken, struct error *err)
{
	struct dossier d;
	struct error why;
	long long id, number = folder_number(name);
	int rc;

	if (store_name_check(name, &why) == -1) {
		skipped(r, path, why.text);
		return -2;
	}
	if (number > 0) {
		if ((id = namesake_for(st, name, number, path, *taken, *ntaken,
		    err)) == -1)
			return -1;
		if (id == 0) {
			r->dossiers++;
			if (r->dry)
				return 0;
			if (store_dossier_new(st, name, 1, &id, err) != 0)
				return -1;
		}
		*taken = xreallocarray(*taken, *ntaken + 1, sizeof(**taken));
		(*taken)[(*ntaken)++] = id;
		return id;
	}
	if (store_dossier_find(st, name, &d, &why) == 0) {
		id = d.id;
		store_dossier_free(&d);
		return id;
	}
	/* Not found, or found twice: two people of that name, and the
	 * folder cannot say which (WHY gives their numbers). */
	if (r->dry) {
		long long *ids;
		size_t n;

		if (store_namesakes(st, name, &ids, &n, err) == -1)
			return -1;
		free(ids);
		if (n > 0) {
			skipped(r, path, why.text);
			return -2;
		}
		r->dossiers++;
		return 0;
	}
	if ((rc = store_dossier_new(st, name, 0, &id, err)) == STORE_SAME) {
		skipped(r, path, why.text);
		return -2;
	}
	if (rc == -1)
		return -1;
	r->dossiers++;
	return id;
}

/* What an import gathers before it takes anything. */
struct gathering {
	struct store		*st;
	struct exchange_report	*r;
	struct found		*list;
	size_t			 n, cap;
	struct known		**known;	/* each dossier's notes */
	size_t			 nknown;
	long long		*taken;		/* by numbered folders */
	size_t			 ntaken;
};

static void
found_add(struct gathering *g, const struct found *f)
{
	if (g->n == g->cap)
		g->list = xreallocarray(g->list, g->cap = g->cap ? g->cap * 2 :
		    1024, sizeof(*g->list));
	g->list[g->n++] = *f;
}

/* The document PATH, read: 0, or -1 when it was refused (and said). */
static int
read_document(struct exchange_report *r, const char *path,
    struct document *d)
{
	const char *why;
	char when[UTIL_DATE_MAX];

	if (document_read(path, d, &why) == -1) {
		skipped(r, path, why);
		return -1;
	}
	if (d->n == 0) {
		skipped(r, path, _("no text in it"));
		document_free(d);
		return -1;
	}
	if (d->undated > 0) {
		util_date(when, sizeof(when), d->date);
		r->undated = xreallocarray(r->undated, r->nundated + 1,
		    sizeof(*r->undated));
		r->undated[r->nundated++] = xasprintf(ngettext(
		    "%s: %zu line before the first date, a note of %s (the "
		    "document's date)", "%s: %zu lines before the first date, "
		    "a note of %s (the document's date)", d->undated), path,
		    d->undated, when);
	}
	return 0;
}

/* The entries of the document D read from PATH, as notes of F's
 * dossier; D is emptied. */
static void
take_document(struct gathering *g, const char *path, struct document *d,
    struct found *f)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		f->path = xstrdup(path);
		f->when = d->note[i].when;
		f->body = d->note[i].body;
		f->len = unix_lines(f->body, d->note[i].len);
		d->note[i].body = NULL;
		found_add(g, f);
	}
	document_free(d);
}

/* The note files and documents of the dossier folder PATH. */
static void
gather(struct gathering *g, const char *path, struct found *f)
{
	struct document d;
	char **files, *file;
	struct stat sb;
	size_t nn, j;

	if ((files = entries(path, &nn)) == NULL) {
		skipped(g->r, path, strerror(errno));
		return;
	}
	for (j = 0; j < nn; j++) {
		file = xasprintf("%s/%s", path, files[j]);
		if (lstat(file, &sb) == -1 || !S_ISREG(sb.st_mode))
			skipped(g->r, file, S_ISLNK(sb.st_mode) ?
			    not_followed() : _("not a regular file"));
		else if (document_is(files[j])) {
			if (read_document(g->r, file, &d) == 0)
				take_document(g, file, &d, f);
		}
		else {
			f->path = xstrdup(file);
			f->body = NULL;
			if (name_date(files[j], &f->when) == -1)
				f->when = sb.st_mtime;
			found_add(g, f);
		}
		free(file);
	}
	entries_free(files, nn);
}

/* The report's line for the dossier ID (0: a new one, in a dry run)
 * named NAME. */
static size_t
per_line(struct exchange_report *r, long long id, const char *name,
    int made)
{
	size_t i;

	for (i = 0; i < r->nper; i++)
		if (id > 0 ? r->per[i].id == id : r->per[i].id == 0 &&
		    strcmp(r->per[i].name, name) == 0)
			return i;
	r->per = xreallocarray(r->per, r->nper + 1, sizeof(*r->per));
	memset(&r->per[r->nper], 0, sizeof(*r->per));
	r->per[r->nper].id = id;
	r->per[r->nper].name = xstrdup(name);
	r->per[r->nper].made = made;
	return r->nper++;
}

/* ENTRY of the folder imported, at PATH: a dossier's folder, or a
 * document of one person, named after them (read first: a document
 * refused makes no dossier). */
static int
take_dossier(struct gathering *g, const char *entry, const char *path,
    int document, struct error *err)
{
	struct document d;
	struct found f;
	size_t made = g->r->dossiers;
	char *name, *dot;
	long long id;

	if (document && read_document(g->r, path, &d) == -1)
		return 0;
	name = name_of_folder(entry);
	if (document && (dot = strrchr(name, '.')) != NULL)
		*dot = '\0';
	id = dossier_for(g->st, name, g->r, path, &g->taken, &g->ntaken, err);
	memset(&f, 0, sizeof(f));
	if (id == -1 || id == -2) {
		free(name);
		if (document)
			document_free(&d);
		return id == -1 ? -1 : 0;
	}
	f.dossier = id;
	f.per = per_line(g->r, id, name, g->r->dossiers > made);
	free(name);
	if (id > 0 && g->r->dossiers == made) {
		if ((f.known = known_load(g->st, id, err)) == NULL) {
			if (document)
				document_free(&d);
			return -1;
		}
		g->known = xreallocarray(g->known, g->nknown + 1,
		    sizeof(*g->known));
		g->known[g->nknown++] = f.known;
	}
	if (document)
		take_document(g, path, &d, &f);
	else
		gather(g, path, &f);
	return 0;
}

/* What DIR names: its entries, or the one document it is. */
static char **
to_take(const char *dir, char **base, size_t *n)
{
	struct stat sb;
	char **one, *slash;

	if (lstat(dir, &sb) == 0 && S_ISREG(sb.st_mode) && document_is(dir)) {
		*base = xstrdup(dir);
		one = xcalloc(1, sizeof(*one));
		if ((slash = strrchr(*base, '/')) != NULL) {
			one[0] = xstrdup(slash + 1);
			slash[slash == *base] = '\0';
		} else {
			one[0] = *base;
			*base = xstrdup(".");
		}
		*n = 1;
		return one;
	}
	*base = xstrdup(dir);
	return entries(dir, n);
}

/*
 * Two passes: find every note and its date, then take them oldest
 * first.  Notes' ids follow their dates, and FTS4 indexes ids given in
 * order in one go, where ids out of order force it to write a segment
 * for each: taken in date order, an import is about twice as fast.  A
 * dry run takes the same path, and writes nothing.
 */
int
exchange_import(struct store *st, const char *dir, int dry, int progress,
    struct exchange_report *r, struct error *err)
{
	struct gathering g;
	char **folders, *path, *base;
	size_t nf, i;
	struct stat sb;
	int rc = 0;

	memset(r, 0, sizeof(*r));
	memset(&g, 0, sizeof(g));
	r->dry = dry;
	g.st = st;
	g.r = r;
	if ((folders = to_take(dir, &base, &nf)) == NULL) {
		free(base);
		return error_set(err, EXIT_ERROR, _("cannot read the folder "
		    "%s: %s"), dir, strerror(errno));
	}
	/* A dry run only reads, in one snapshot. */
	if ((dry ? store_snapshot_begin(st, err) : store_batch_begin(st,
	    err)) == -1) {
		entries_free(folders, nf);
		free(base);
		return -1;
	}
	for (i = 0; i < nf && rc == 0; i++) {
		path = xasprintf("%s/%s", base, folders[i]);
		if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode))
			skipped(r, path, not_followed());
		else if (stat(path, &sb) == -1)
			skipped(r, path, strerror(errno));
		else if (S_ISREG(sb.st_mode) && document_is(folders[i]))
			rc = take_dossier(&g, folders[i], path, 1, err);
		else if (!S_ISDIR(sb.st_mode))
			skipped(r, path, _("not a folder nor a document: a "
			    "dossier is a folder of notes, or a document named "
			    "after the person"));
		else
			rc = take_dossier(&g, folders[i], path, 0, err);
		free(path);
	}
	entries_free(folders, nf);
	free(base);
	free(g.taken);
	if (g.n > 0)
		qsort(g.list, g.n, sizeof(*g.list), by_date);
	for (i = 0; i < g.n && rc == 0; i++) {
		rc = import_file(st, &g.list[i], r, err);
		if (progress && (i + 1) % 100 == 0)
			fprintf(stderr, "\r%s %zu / %zu", _("Importing:"), i + 1,
			    g.n);
	}
	if (progress && g.n >= 100)
		fputc('\n', stderr);
	for (i = 0; i < g.n; i++) {
		free(g.list[i].path);
		wipe_free(g.list[i].body);
	}
	free(g.list);
	for (i = 0; i < g.nknown; i++) {
		free(g.known[i]->slot);
		free(g.known[i]);
	}
	free(g.known);
	if (dry) {
		store_snapshot_end(st);
		return rc;
	}
	return store_batch_end(st, rc == 0, err) == -1 ? -1 : rc;
}

void
exchange_report_free(struct exchange_report *r)
{
	size_t i;

	for (i = 0; i < r->nbad; i++)
		free(r->bad[i]);
	free(r->bad);
	for (i = 0; i < r->nundated; i++)
		free(r->undated[i]);
	free(r->undated);
	for (i = 0; i < r->nper; i++)
		free(r->per[i].name);
	free(r->per);
	memset(r, 0, sizeof(*r));
}

static int
write_note(const char *path, const struct note *n, struct error *err)
{
	struct timeval times[2];
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) ==
	    -1)
		return error_set(err, EXIT_ERROR, _("cannot write %s: %s"), path,
		    strerror(errno));
	if (util_write_all(fd, n->body, n->len) == -1) {
		error_set(err, EXIT_ERROR, _("cannot write %s: %s"), path,
		    strerror(errno));
		close(fd);
		return -1;
	}
	if (write(fd, "\n", 1) != 1 || close(fd) == -1)
		return error_set(err, EXIT_ERROR, _("cannot write %s: %s"), path,
		    strerror(errno));
	times[0].tv_sec = times[1].tv_sec = n->updated;
	times[0].tv_usec = times[1].tv_usec = 0;
	utimes(path, times);
	return 0;
}

/*
 * The file of the NTH of OF notes of the same second: the date, and when
 * they are several a number, as wide for all of them, so that the names
 * sort in the notes' order and an import takes them back in it.  A name
 * already taken (an hour that daylight saving time repeats) gets a
 * further number.
 */
static char *
note_file(const char *sub, const char *stamp, size_t nth, size_t of)
{
	int width = snprintf(NULL, 0, "%zu", of);
	char *path;
	size_t k;

	path = of == 1 ? xasprintf("%s/%s.txt", sub, stamp) :
	    xasprintf("%s/%s-%0*zu.txt", sub, stamp, width, nth);
	for (k = 2; access(path, F_OK) == 0; k++) {
		free(path);
		path = xasprintf("%s/%s %zu.txt", sub, stamp, k);
	}
	return path;
}

/* Remove the folder PATH that export made, and the note files in it. */
static void
remove_folder(const char *path)
{
	char **files, *file;
	size_t n, i;

	if ((files = entries(path, &n)) != NULL) {
		for (i = 0; i < n; i++) {
			file = xasprintf("%s/%s", path, files[i]);
			unlink(file);
			free(file);
		}
		entries_free(files, n);
	}
	rmdir(path);
}

/* Dossier D's notes into the folder SUB, a file each, named by its date
 * (a number after it for notes of the same second, or the same local
 * time the night the clocks go back). */
static int
export_notes(struct store *st, const struct dossier *d, const char *sub,
    struct exchange_report *r, struct error *err)
{
	struct note *notes;
	struct tm tm;
	size_t nn, j, first = 0, last = 0;
	char *path, stamp[32];
	int rc = 0;

	if (store_notes_to_print(st, d->id, 1, 0, &notes, &nn, err) == -1)
		return -1;
	for (j = 0; j < nn && rc == 0; j++) {
		/* The notes of this one's second, found once. */
		if (j == 0 || notes[j].created != notes[j - 1].created)
			for (first = last = j; last + 1 < nn &&
			    notes[last + 1].created == notes[j].created; last++)
				;
		if (localtime_r(&notes[j].created, &tm) == NULL ||
		    strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H%M%S", &tm) == 0)
			snprintf(stamp, sizeof(stamp), "%lld",
			    (long long)notes[j].created);
		path = note_file(sub, stamp, j - first + 1, last - first + 1);
		rc = write_note(path, &notes[j], err);
		free(path);
		r->notes++;
	}
	store_notes_free(notes, nn);
	return rc;
}

/* Every note, or none: a note the walk missed (a date no calendar has,
 * written by hand) is never left out of a "success". */
static int
export_whole(struct store *st, const struct exchange_report *r,
    struct error *err)
{
	long long dossiers, notes;

	if (store_totals(st, &dossiers, &notes, err) == -1)
		return -1;
	if (notes == (long long)r->notes && dossiers == (long long)r->dossiers)
		return 0;
	return error_set(err, EXIT_ERROR, _("the export would leave out %lld "
	    "of the notebook's %lld notes (%lld of its %lld dossiers): "
	    "nothing was exported; run carnet check"),
	    notes - (long long)r->notes, notes,
	    dossiers - (long long)r->dossiers, dossiers);
}

/* DIR exists and is empty, or is made: 0, with *CREATED when made. */
static int
export_folder(const char *dir, int *created, struct error *err)
{
	char **names;
	size_t n;

	*created = 1;
	if (mkdir(dir, 0700) == -1) {
		if (errno != EEXIST)
			return error_set(err, EXIT_ERROR, _("cannot create the "
			    "folder %s: %s"), dir, strerror(errno));
		*created = 0;
	}
	if ((names = entries(dir, &n)) == NULL)
		return error_set(err, EXIT_ERROR, _("cannot read the folder "
		    "%s: %s"), dir, strerror(errno));
	entries_free(names, n);
	if (n > 0)
		return error_set(err, EXIT_ERROR, _("%s is not empty: export "
		    "into a new or empty folder"), dir);
	return 0;
}

int
exchange_export(struct store *st, const char *dir, struct exchange_report *r,
    struct error *err)
{
	struct dossier *list;
	size_t n, i, nmade = 0;
	char *folder, *sub, **made = NULL;
	int rc = 0, created;

	memset(r, 0, sizeof(*r));
	if (export_folder(dir, &created, err) == -1)
		return -1;
	/* One snapshot: the notes walked and the count they are checked
	 * against agree, whatever other windows write meanwhile. */
	if (store_snapshot_begin(st, err) == -1)
		return -1;
	if (store_dossiers(st, NULL, 1, 0, &list, &n, err) == -1) {
		store_snapshot_end(st);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		/* Two people of one name: two folders, "Martin Dupont (5)"
		 * and "Martin Dupont (9)", which import tells apart. */
		folder = folder_name(list[i].name);
		sub = list[i].homonyms > 0 ? xasprintf("%s/%s (%lld)", dir,
		    folder, list[i].id) : xasprintf("%s/%s", dir, folder);
		free(folder);
		if (mkdir(sub, 0700) == -1) {
			rc = error_set(err, EXIT_ERROR, _("cannot create the "
			    "folder %s: %s"), sub, strerror(errno));
			free(sub);
			break;
		}
		made = xreallocarray(made, nmade + 1, sizeof(*made));
		made[nmade++] = sub;
		r->dossiers++;
		rc = export_notes(st, &list[i], sub, r, err);
	}
	store_dossiers_free(list, n);
	if (rc == 0)
		rc = export_whole(st, r, err);
	store_snapshot_end(st);
	/* Half an export is plaintext nobody will look for: take it back. */
	if (rc == -1) {
		for (i = 0; i < nmade; i++)
			remove_folder(made[i]);
		if (created)
			rmdir(dir);
		r->dossiers = r->notes = 0;
	}
	for (i = 0; i < nmade; i++)
		free(made[i]);
	free(made);
	return rc;
}
