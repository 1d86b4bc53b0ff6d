/*
 * util.c - messages, checked allocation, dates, UTF-8.  Allocation dies on
 * failure or overflow, so callers never test for NULL.  Start with
 * util_die(), which every fatal path of main.c goes through.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "util.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/carnet"
#endif

const char *util_progname = "carnet";

char *
util_shown(const char *s, size_t len, int flags)
{
	char *out = wipe_alloc(len * 4 + 1), *o = out;
	unsigned char c;
	size_t i, n;

	for (i = 0; i < len; i += n) {
		c = (unsigned char)s[i];
		n = util_utf8_char(s + i, len - i);
		if (n == 0) {
			o += sprintf(o, "\\x%02X", c);
			n = 1;
		} else if ((c == '\n' || c == '\t') &&
		    (flags & UTIL_SHOWN_LINES)) {
			*o++ = (char)c;
		} else if (c < 0x20 || c == 0x7f) {
			*o++ = '^';
			*o++ = (char)(c ^ 0x40);
		} else if (c == 0xc2 && (unsigned char)s[i + 1] <= 0x9f) {
			*o++ = '^';
			*o++ = '[';
			*o++ = (char)((unsigned char)s[i + 1] - 0x40);
		} else {
			memcpy(o, s + i, n);
			o += n;
		}
	}
	*o = '\0';
	return out;
}

/* The message of FMT and AP, shown safely on stderr. */
static void
vsay_to(FILE *fp, const char *prefix, const char *fmt, va_list ap,
    const char *suffix)
{
	char *text = NULL, *shown;
	va_list copy;
	int len;

	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len >= 0) {
		text = wipe_alloc((size_t)len + 1);
		vsnprintf(text, (size_t)len + 1, fmt, ap);
		shown = util_shown(text, (size_t)len, UTIL_SHOWN_LINES);
		fprintf(fp, "%s%s%s", prefix, shown, suffix);
		wipe_free(shown);
		wipe_free(text);
	}
}

static void
vsay(const char *prefix, const char *fmt, va_list ap, const char *suffix)
{
	vsay_to(stderr, prefix, fmt, ap, suffix);
}

static void
vwarn(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t len = strlen(fmt);
	char prefix[64], suffix[256];

	snprintf(prefix, sizeof(prefix), "%s: ", util_progname);
	snprintf(suffix, sizeof(suffix), "%s%s\n",
	    len > 0 && fmt[len - 1] == ':' ? " " : "",
	    len > 0 && fmt[len - 1] == ':' ? strerror(saved) : "");
	vsay(prefix, fmt, ap, suffix);
}

void
util_say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("", fmt, ap, "");
	va_end(ap);
}

void
util_out(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay_to(stdout, "", fmt, ap, "");
	va_end(ap);
}

void
util_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
util_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}

void *
xmalloc(size_t size)
{
	void *p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		util_die(EXIT_ERROR, _("out of memory:"));
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = calloc(n, size)) == NULL)
		util_die(EXIT_ERROR, _("out of memory:"));
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		util_die(EXIT_ERROR, _("out of memory: size overflow"));
	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = realloc(old, n * size)) == NULL)
		util_die(EXIT_ERROR, _("out of memory:"));
	return p;
}

char *
xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(xmalloc(len), s, len);
}

/*
 * A wiped block's capacity sits before it, in a header that keeps the
 * block aligned as malloc() would; wipe_free() wipes the whole capacity.
 * Both allocators carnet has are these blocks: its own (wipe_alloc(),
 * which dies when memory is short) and SQLite's (notebook.c, through the
 * wipe_try_ functions, which return NULL), so that every page SQLCipher
 * decrypts is wiped when it is freed.
 */
#define WIPE_HEAD	16

size_t
wipe_size(const void *p)
{
	size_t n;

	if (p == NULL)
		return 0;
	memcpy(&n, (const unsigned char *)p - WIPE_HEAD, sizeof(n));
	return n;
}

void *
wipe_try_alloc(size_t n)
{
	unsigned char *p;

	if (n > SIZE_MAX - WIPE_HEAD || (p = malloc(n + WIPE_HEAD)) == NULL)
		return NULL;
	memcpy(p, &n, sizeof(n));
	return p + WIPE_HEAD;
}

void *
wipe_alloc(size_t n)
{
	void *p = wipe_try_alloc(n);

	if (p == NULL)
		util_die(EXIT_ERROR, "wipe_alloc: %zu bytes: out of memory", n);
	return p;
}

/* Small blocks to 8 bytes; large ones to a power of two, so that a 10 MiB
 * note read piece by piece is not copied a thousand times. */
size_t
wipe_room(size_t n)
{
	size_t cap = 4096;

	if (n <= 4096)
		return (n + 7) & ~(size_t)7;
	while (cap < n && cap < ((size_t)1 << 30))
		cap <<= 1;
	return cap < n ? n : cap;
}

/* Never realloc(): it would free the old copy unwiped. */
void *
wipe_try_grow(void *q, size_t n)
{
	void *p;
	size_t old = wipe_size(q);

	if (q != NULL && n <= old)
		return q;
	if ((p = wipe_try_alloc(wipe_room(n))) == NULL)
		return NULL;
	if (q != NULL)
		memcpy(p, q, old);
	wipe_free(q);
	return p;
}

void
wipe_free(void *q)
{
	unsigned char *p;

	if (q == NULL)
		return;
	p = (unsigned char *)q - WIPE_HEAD;
	explicit_bzero(p, wipe_size(q) + WIPE_HEAD);
	free(p);
}

void *
wipe_grow(void *q, size_t n)
{
	void *p = wipe_try_grow(q, n);

	if (p == NULL)
		util_die(EXIT_ERROR, "wipe_grow: %zu bytes: out of memory", n);
	return p;
}

char *
util_person(const char *name, long long id, long homonyms)
{
	if (homonyms <= 0)
		return wipe_dup(name, strlen(name));
	/* TRANSLATORS: a name and its dossier's number, for two people of
	 * one name; French wants "n°" and a no-break space. */
	return wipe_asprintf(_("%s (no. %lld)"), name, id);
}

char *
wipe_dup(const char *s, size_t len)
{
	char *copy = wipe_alloc(len + 1);

	if (len > 0)
		memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

int
wipe_same(const void *a, size_t alen, const void *b, size_t blen)
{
	const unsigned char *x = a, *y = b;
	unsigned char diff = alen != blen;
	size_t i;

	for (i = 0; i < alen && i < blen; i++)
		diff |= x[i] ^ y[i];
	return diff == 0;
}

/* FMT printed into a string from ALLOC. */
static char *
print_into(void *(*alloc)(size_t), const char *fmt, va_list ap)
{
	va_list again;
	char *s;
	int len;

	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, ap);
	if (len < 0)
		util_die(EXIT_ERROR, "vsnprintf:");
	s = alloc((size_t)len + 1);
	vsnprintf(s, (size_t)len + 1, fmt, again);
	va_end(again);
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = print_into(xmalloc, fmt, ap);
	va_end(ap);
	return s;
}

char *
wipe_asprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = print_into(wipe_alloc, fmt, ap);
	va_end(ap);
	return s;
}

time_t
util_now(void)
{
	const char *fixed = getenv("CARNET_NOW");
	long long t;

	if (fixed != NULL && util_number(fixed, 0, INT32_MAX * 4LL, &t) == 0)
		return (time_t)t;
	return time(NULL);
}

static void
format(char *buf, size_t size, const char *fmt, time_t t)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL || strftime(buf, size, fmt, &tm) == 0)
		snprintf(buf, size, "%lld", (long long)t);
}

char *
util_beside_program(const char *name)
{
	char self[PATH_MAX], *slash, *path;
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (n <= 0)
		return NULL;
	self[n] = '\0';
	if ((slash = strrchr(self, '/')) == NULL)
		return NULL;
	*slash = '\0';
	path = xasprintf("%s/%s", self, name);
	if (access(path, F_OK) == 0)
		return path;
	free(path);
	return NULL;
}

uint64_t
util_hash(uint64_t hash, const void *p, size_t len)
{
	const unsigned char *s = p;

	while (len-- > 0)
		hash = (hash ^ *s++) * 0x100000001b3ULL;
	return hash;
}

int
util_write_all(int fd, const void *buf, size_t len)
{
	const char *s = buf;
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = write(fd, s + done, len - done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
		done += (size_t)n;
	}
	return 0;
}

char *
util_data_file(const char *name)
{
	const char *data = getenv("CARNET_DATADIR");
	char *in_po, *built;

	if (data != NULL && data[0] != '\0')
		return xasprintf("%s/%s", data, name);
	/* In its build folder, the data is in po/, beside carnet. */
	in_po = xasprintf("po/%s", name);
	built = util_beside_program(in_po);
	free(in_po);
	return built != NULL ? built : xasprintf("%s/%s", DATADIR, name);
}

int
util_is_folder(const char *path)
{
	struct stat sb;

	return path != NULL && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

time_t
util_day_start(time_t t)
{
	struct tm tm;

	localtime_r(&t, &tm);
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

void
util_days(char *buf, size_t size, long days)
{
	/* Whole years as people say them: 730 days are 2 years. */
	if (days >= 365 && days % 365 == 0)
		snprintf(buf, size, ngettext("%ld year", "%ld years",
		    (unsigned long)(days / 365)), days / 365);
	else
		snprintf(buf, size, ngettext("%ld day", "%ld days",
		    (unsigned long)days), days);
}

const char *
util_pgettext(const char *key, const char *msgid)
{
	const char *t = gettext(key);

	return t == key ? msgid : t;
}

void
util_date(char *buf, size_t size, time_t t)
{
	/* TRANSLATORS: strftime(3) format of a date alone. */
	format(buf, size, _("%Y-%m-%d"), t);
}

/*
 * A meeting at 00:00:00 exactly is a day without its hour: an entry of
 * a document headed "12/03/2024", a note file named "2024-03-12.txt".
 * A note typed as at midnight ("0h") shows without its hour too: a
 * meeting at midnight is rare, and its day is still right.
 */
static int
untimed(time_t t)
{
	struct tm tm;

	return localtime_r(&t, &tm) != NULL && tm.tm_hour == 0 &&
	    tm.tm_min == 0 && tm.tm_sec == 0;
}

void
util_datetime(char *buf, size_t size, time_t t)
{
	if (untimed(t))
		util_date(buf, size, t);
	else
		/* TRANSLATORS: strftime(3) format of a date with the
		 * time. */
		format(buf, size, _("%Y-%m-%d %H:%M"), t);
}

/*
 * What follows a note's date: when it was written if that was more than
 * a day away (a meeting written up later), and when it was changed if
 * that was more than ten minutes after (not the saves of one sitting);
 * "" when neither.
 */
/* Are A and B more than LIMIT seconds apart?  Without overflow: a
 * notebook changed by hand may hold any date (the fuzzer gave it
 * INT64_MIN and INT64_MAX). */
static int
apart(time_t a, time_t b, unsigned long long limit)
{
	unsigned long long d = a > b ?
	    (unsigned long long)a - (unsigned long long)b :
	    (unsigned long long)b - (unsigned long long)a;

	return d > limit;
}

void
util_note_history(char *buf, size_t size, time_t date, time_t written,
    time_t changed, int long_form)
{
	void (*as)(char *, size_t, time_t) = long_form ? util_long_date :
	    util_datetime;
	char w[128], c[128];
	int show_written = apart(written, date, UTIL_DAY);
	int show_changed = changed > written && apart(changed, written, 600);

	as(w, sizeof(w), written);
	as(c, sizeof(c), changed);
	if (show_written && show_changed)
		snprintf(buf, size, _(" (written %s, changed %s)"), w, c);
	else if (show_written)
		snprintf(buf, size, _(" (written %s)"), w);
	else if (show_changed)
		snprintf(buf, size, _(" (changed %s)"), c);
	else
		buf[0] = '\0';
}

void
util_long_date(char *buf, size_t size, time_t t)
{
	/* TRANSLATORS: strftime(3) format of a note's date, written out
	 * (on paper, and where a date is chosen); %-d and %-H drop the
	 * leading zero. */
	if (untimed(t))
		/* TRANSLATORS: strftime(3) format of a day without its
		 * hour, written out. */
		format(buf, size, _("%A %-d %B %Y"), t);
	else
		format(buf, size, _("%A %-d %B %Y, %H:%M"), t);
}

size_t
util_utf8_char(const char *str, size_t left)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t cp;
	size_t len, i;

	if (s[0] == 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else
		return 0;
	if (len > left)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

long
util_utf8_invalid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n;

	while (i < len) {
		/* Most of a note is ASCII: no call for those bytes. */
		if (s[i] >= 0x01 && s[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = util_utf8_char(str + i, len - i)) == 0)
			return (long)i;
		i += n;
	}
	return -1;
}

size_t
util_utf8_length(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

int
util_number(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
error_set(struct error *err, int status, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return -1;
}

int
util_make_parent(const char *path, struct error *err)
{
	char *dir = xstrdup(path), *p;
	int rc = 0;

	for (p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			rc = error_set(err, EXIT_ERROR, _("cannot create the "
			    "folder %s: %s"), dir, strerror(errno));
			break;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}

/* ---- Columns on a terminal ---- */

/* Decode one character of S for the screen: '?' for what is not valid
 * text or is a control, a space for a tab; its width.  Returns the bytes
 * it took. */
size_t
util_char(const char *s, size_t len, mbstate_t *mb, wchar_t *wc, int *width)
{
	size_t n = mbrtowc(wc, s, len, mb);

	if (n == 0 || n == (size_t)-1 || n == (size_t)-2) {
		memset(mb, 0, sizeof(*mb));
		n = 1;
		*wc = L'?';
	}
	if (*wc == L'\t')	/* a pasted tab: a space, not a '?' */
		*wc = L' ';
	else if (iswcntrl((wint_t)*wc))
		*wc = L'?';
	if ((*width = wcwidth(*wc)) < 0) {
		*wc = L'?';
		*width = 1;
	}
	return n;
}

int
util_width(const char *s, size_t len)
{
	mbstate_t mb;
	wchar_t wc;
	size_t i = 0;
	int used = 0, w;

	memset(&mb, 0, sizeof(mb));
	while (i < len) {
		i += util_char(s + i, len - i, &mb, &wc, &w);
		used += w;
	}
	return used;
}

size_t
util_fit(const char *s, size_t len, int width, int *used)
{
	mbstate_t mb;
	wchar_t wc;
	size_t i = 0, n, cut = 0;
	int w, total = 0, at_cut = 0;

	if ((*used = util_width(s, len)) <= width)
		return len;
	/* Room for the "…" that says the rest is left out. */
	memset(&mb, 0, sizeof(mb));
	while (i < len) {
		n = util_char(s + i, len - i, &mb, &wc, &w);
		if (total + w > width - 1)
			break;
		total += w;
		i += n;
		cut = i;
		at_cut = total;
	}
	*used = at_cut;
	return cut;
}

/* A note's first line, cut to UTIL_HEAD_COLUMNS with "…": what a question
 * or a message shows to say which note it is. */
char *
util_head(const char *body)
{
	size_t len = strcspn(body, "\n"), fit;
	int used;

	fit = util_fit(body, len, UTIL_HEAD_COLUMNS, &used);
	return wipe_asprintf("%.*s%s", (int)fit, body, fit < len ? "…" : "");
}
