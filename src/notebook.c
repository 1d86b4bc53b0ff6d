/*
 * notebook.c - the encrypted file, and the only room that sees key bytes.
 *
 * A notebook is a SQLCipher 3 database keyed with a raw 256-bit key.  Its
 * first 16 bytes, which SQLCipher stores in clear as the salt, carry
 * carnet's header: a magic, a format version, the Argon2id cost and ten
 * random bytes (carnet(5)).  So a file can be told apart from "not a
 * notebook" before anything is derived, and a wrong passphrase from a
 * damaged file by checking the pages' HMACs with the derived key.
 *
 * Start reading at notebook_open().  The SQLCipher traps this file
 * designs around are named where they bite; HACKING has the whole list.
 *
 * Longer than the other rooms on purpose: every line that sees key bytes
 * or sets the cipher is here, so that a review of the key handling reads
 * one file.
 */
#define SQLITE_HAS_CODEC 1

#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sqlite3.h>

#include "leftover.h"
#include "notebook.h"

#define MAGIC		"crn"
#define MAGIC_LEN	3
#define FORMAT		1
#define HEADER_LEN	16
#define RANDOM_LEN	10
#define KEY_LEN		32
/* "x'" + 64 hex digits of key + 32 of salt + "'" */
#define RAWKEY_LEN	(2 + 2 * KEY_LEN + 2 * HEADER_LEN + 1)
/* The page layout of format 1, SQLCipher 3's, whatever library carnet
 * runs on (cipher_settings() says why): 1024-byte pages, the last 48
 * bytes of each holding the IV (16) and an HMAC-SHA1 (20), rounded up to
 * 16.  3.4.1 does not store the page size in the file, and a
 * non-default size corrupted a VACUUM there. */
#define PAGE		1024
#define RESERVE		48
#define HMAC_LEN	20
/* How long a process waits for another that holds the notebook. */
#define LOCK_WAIT_MS	3000
#define BUSY_WAIT_MS	5000

struct notebook {
	char		*path;
	int		 fd;		/* held open for the lock and page reads */
	int		 readonly;
	sqlite3		*db;
	unsigned char	 header[HEADER_LEN];
	struct kdf	 kdf;
	struct secret	*rawkey;	/* "x'<key><salt>'" for SQLCipher */
	struct secret	*hmackey;	/* to check pages ourselves */
	size_t		 swept;		/* leftover copies removed */
	char		*stuck;		/* those that could not be, or NULL */
};

/*
 * SQLite keeps freed note text in its heap; this allocator wipes every
 * block on free (after close, hundreds of copies of note text were found
 * in the heap without it).  SQLCipher 4's cipher_memory_security would
 * do the same, but 3.4 does not have it, and it also mlock()s every
 * block, which the default 8 MiB RLIMIT_MEMLOCK cannot hold: one
 * allocator, the same on both, and that pragma left at its default
 * (off since 4.5; SQLCipher 4 then wraps this allocator without
 * wiping).  The blocks are util.c's wiped blocks (wipe_try_alloc()):
 * one header, one way to free, and a block grown is copied, wiped and
 * freed, never left to realloc().
 */
static int
zroundup(int n)
{
	return n < 0 ? n : (int)wipe_room((size_t)n);
}

static void *
zmalloc(int n)
{
	return n < 0 ? NULL : wipe_try_alloc(wipe_room((size_t)n));
}

static int
zsize(void *q)
{
	return (int)wipe_size(q);
}

static void
zfree(void *q)
{
	wipe_free(q);
}

static void *
zrealloc(void *q, int n)
{
	return n < 0 ? NULL : wipe_try_grow(q, (size_t)n);
}

static int
zinit(void *unused)
{
	(void)unused;
	return SQLITE_OK;
}

static void
zshutdown(void *unused)
{
	(void)unused;
}

static void
setup_sqlite(void)
{
	static int done;
	static const sqlite3_mem_methods wiping = {
		zmalloc, zfree, zrealloc, zsize, zroundup, zinit, zshutdown,
		NULL
	};

	if (done)
		return;
	done = 1;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &wiping) != SQLITE_OK ||
	    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
		util_die(EXIT_ERROR, "sqlite3_config: called too late");
}

/* Header: "crn", format, log2 of Argon2 memory in KiB, passes, random. */
static int
header_parse(const char *path, const unsigned char *h, struct kdf *kdf,
    struct error *err)
{
	if (memcmp(h, "SQLite format 3", 16) == 0)
		return error_set(err, EXIT_NOTCARNET, _("%s is an unencrypted "
		    "SQLite database, not a carnet notebook"), path);
	if (memcmp(h, MAGIC, MAGIC_LEN) != 0)
		return error_set(err, EXIT_NOTCARNET,
		    _("%s is not a carnet notebook"), path);
	if (h[3] != FORMAT)
		return error_set(err, EXIT_NOTCARNET, _("%s was made by another "
		    "version of carnet (file format %u; this one reads format "
		    "%u): update carnet"), path, h[3], FORMAT);
	kdf->mem_log2 = h[4];
	kdf->passes = h[5];
	if (kdf->mem_log2 < 13 || kdf->mem_log2 > 22 || kdf->passes < 1 ||
	    kdf->passes > NOTEBOOK_KDF_MAX_PASSES ||
	    (kdf->passes << (kdf->mem_log2 - 10)) > NOTEBOOK_KDF_MAX_COST)
		return error_set(err, EXIT_NOTCARNET, _("%s is damaged: its "
		    "header asks for an absurd key derivation cost"), path);
	return 0;
}

static void
header_make(unsigned char *h, const struct kdf *kdf)
{
	size_t got = 0;
	ssize_t n;

	memcpy(h, MAGIC, MAGIC_LEN);
	h[3] = FORMAT;
	h[4] = (unsigned char)kdf->mem_log2;
	h[5] = (unsigned char)kdf->passes;
	while (got < RANDOM_LEN) {
		n = getrandom(h + HEADER_LEN - RANDOM_LEN + got,
		    RANDOM_LEN - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			util_die(EXIT_ERROR, "getrandom:");
		got += (size_t)n;
	}
}

static void
hex(char *out, const unsigned char *in, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < len; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
}

static unsigned long
available_kib(void)
{
	FILE *fp;
	char line[128];
	unsigned long kib = 0;

	if ((fp = fopen("/proc/meminfo", "re")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (sscanf(line, "MemAvailable: %lu kB", &kib) == 1)
			break;
	fclose(fp);
	return kib;
}

/*
 * Key = Argon2id(passphrase, salt, cost), 32 bytes.  The salt given to
 * Argon2 is the header written in lower-case hex, so that the stock
 * argon2(1) tool, which takes the salt as an argument, can derive it too.
 * From the key come SQLCipher's raw key string and the HMAC key that
 * SQLCipher 3 derives for pages: PBKDF2-HMAC-SHA1(key, salt ^ 0x3a, 2).
 */
static int
derive(struct notebook *nb, const struct secret *pass, struct error *err)
{
	char salt[2 * HEADER_LEN];
	unsigned char hsalt[HEADER_LEN];
	struct secret *key;
	unsigned long avail = available_kib();
	int rc, i;

	if (avail != 0 && (1UL << nb->kdf.mem_log2) > avail)
		return error_set(err, EXIT_ERROR, _("opening this notebook "
		    "needs %lu MiB of memory and only %lu MiB are free: close "
		    "other programs and try again"),
		    (1UL << nb->kdf.mem_log2) / 1024, avail / 1024);
	hex(salt, nb->header, HEADER_LEN);
	key = secret_new(KEY_LEN);
	rc = argon2id_hash_raw(nb->kdf.passes, 1U << nb->kdf.mem_log2, 1,
	    pass->bytes, pass->len, salt, sizeof(salt), key->bytes, KEY_LEN);
	if (rc != ARGON2_OK) {
		secret_free(key);
		return error_set(err, EXIT_ERROR, _("cannot derive the key: "
		    "%s"), argon2_error_message(rc));
	}
	nb->rawkey = secret_new(RAWKEY_LEN);
	memcpy(nb->rawkey->bytes, "x'", 2);
	hex((char *)nb->rawkey->bytes + 2, key->bytes, KEY_LEN);
	hex((char *)nb->rawkey->bytes + 2 + 2 * KEY_LEN, nb->header,
	    HEADER_LEN);
	nb->rawkey->bytes[RAWKEY_LEN - 1] = '\'';
	nb->rawkey->len = RAWKEY_LEN;

	for (i = 0; i < HEADER_LEN; i++)
		hsalt[i] = nb->header[i] ^ 0x3a;
	nb->hmackey = secret_new(KEY_LEN);
	if (PKCS5_PBKDF2_HMAC_SHA1((const char *)key->bytes, KEY_LEN, hsalt,
	    HEADER_LEN, 2, KEY_LEN, nb->hmackey->bytes) != 1) {
		secret_free(key);
		return error_set(err, EXIT_ERROR, _("cannot derive the key: "
		    "%s"), "PBKDF2");
	}
	nb->hmackey->len = KEY_LEN;
	secret_free(key);
	return 0;
}

/*
 * Is page PGNO of the file behind FD authentic under HMACKEY?  1 yes, 0 no,
 * -1 when it cannot be read.  SQLCipher 3 authenticates the encrypted
 * bytes (after the salt on page 1), the IV, and the page number in
 * little-endian order.  A page read while another process checkpoints
 * can be torn, so a failure is read again before it counts.
 */
static int
page_authentic(int fd, const struct secret *hmackey, long pgno)
{
	unsigned char page[PAGE], input[PAGE + 4], want[HMAC_LEN];
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int maclen;
	size_t off = pgno == 1 ? HEADER_LEN : 0;
	size_t len = PAGE - RESERVE + 16 - off;	/* encrypted data and IV */
	int attempt;

	for (attempt = 0; attempt < 3; attempt++) {
		if (attempt > 0)
			nanosleep(&(struct timespec){ 0, 20000000 }, NULL);
		if (pread(fd, page, PAGE, (off_t)(pgno - 1) * PAGE) != PAGE)
			return -1;
		memcpy(want, page + PAGE - RESERVE + 16, HMAC_LEN);
		memcpy(input, page + off, len);
		input[len] = pgno & 0xff;
		input[len + 1] = (pgno >> 8) & 0xff;
		input[len + 2] = (pgno >> 16) & 0xff;
		input[len + 3] = (pgno >> 24) & 0xff;
		if (HMAC(EVP_sha1(), hmackey->bytes, KEY_LEN, input, len + 4,
		    mac, &maclen) == NULL)
			return -1;
		if (CRYPTO_memcmp(mac, want, HMAC_LEN) == 0)
			return 1;
	}
	return 0;
}

/* Check pages 1 to N of FD: 0 when all are authentic, else -1 with the
 * first bad page named. */
static int
scan_pages(int fd, const struct secret *hmackey, long n, struct error *err)
{
	long p;
	int r;

	for (p = 1; p <= n; p++)
		if ((r = page_authentic(fd, hmackey, p)) != 1)
			return error_set(err, r == 0 ? EXIT_NOTCARNET :
			    EXIT_ERROR, _("the notebook is damaged: page %ld of "
			    "%ld does not decrypt; restore a backup (carnet restore "
			    "COPY)"), p, n);
	return 0;
}

/*
 * Right key or not?  Page 1 answers at once.  When it fails, another page
 * that passes proves the key right and page 1 damaged; when none does, the
 * passphrase is wrong.
 */
static int
check_key(struct notebook *nb, off_t size, struct error *err)
{
	long pages = (long)(size / PAGE), p;

	if (page_authentic(nb->fd, nb->hmackey, 1) == 1)
		return 0;
	for (p = 2; p <= pages && p <= 64; p++)
		if (page_authentic(nb->fd, nb->hmackey, p) == 1)
			return error_set(err, EXIT_NOTCARNET, _("%s is damaged: "
			    "its first page does not decrypt; restore a "
			    "backup (carnet restore COPY)"), nb->path);
	return error_set(err, EXIT_PASSPHRASE, _("wrong passphrase"));
}

static long
elapsed_ms(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000 +
	    (now.tv_nsec - since->tv_nsec) / 1000000;
}

/*
 * carnet processes share the notebook (SQLite arbitrates their writes);
 * passwd needs it alone, because it replaces the file and a
 * process still holding the old one would write into a deleted inode.
 * flock() is independent of SQLite's fcntl() locks.  A waiter that gets
 * the lock after a rename holds the old inode: it checks and reopens.
 */
static int
lock(struct notebook *nb, enum notebook_mode mode, struct error *err)
{
	struct timespec start;
	struct stat fst, pst;
	int op = mode == NOTEBOOK_EXCLUSIVE ? LOCK_EX : LOCK_SH;

	clock_gettime(CLOCK_MONOTONIC, &start);
	while (flock(nb->fd, op | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK && errno != EINTR)
			return error_set(err, EXIT_ERROR, _("cannot lock %s: %s"),
			    nb->path, strerror(errno));
		if (elapsed_ms(&start) > LOCK_WAIT_MS)
			return error_set(err, EXIT_BUSY, mode ==
			    NOTEBOOK_EXCLUSIVE ? _("the notebook is in use by "
			    "another carnet: close it, then try again") :
			    _("the notebook is in use by another process "
			    "(passphrase change or check): try again in a "
			    "moment"));
		nanosleep(&(struct timespec){ 0, 50000000 }, NULL);
	}
	if (fstat(nb->fd, &fst) == 0 && stat(nb->path, &pst) == 0 &&
	    (fst.st_ino != pst.st_ino || fst.st_dev != pst.st_dev))
		return 1;	/* replaced meanwhile: open again */
	return 0;
}

/* Open PATH's descriptor, refusing what cannot be a notebook. */
static int
open_file(struct notebook *nb, off_t *size, struct error *err)
{
	struct stat st;
	int fd;

	/* O_NONBLOCK: a FIFO given as FILE must not hang us. */
	fd = open(nb->path, O_RDWR | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd == -1 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
		nb->readonly = 1;
		fd = open(nb->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK |
		    O_NOCTTY);
	}
	if (fd == -1) {
		if (errno == ENOENT)
			return error_set(err, EXIT_ERROR, _("there is no "
			    "notebook at %s: create one with “carnet init”"),
			    nb->path);
		if (errno == EISDIR)
			return error_set(err, EXIT_NOTCARNET, _("%s is a "
			    "folder, not a carnet notebook"), nb->path);
		return error_set(err, EXIT_ERROR, _("cannot open %s: %s"),
		    nb->path, strerror(errno));
	}
	nb->fd = fd;
	if (fstat(fd, &st) == -1)
		return error_set(err, EXIT_ERROR, _("cannot open %s: %s"),
		    nb->path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return error_set(err, EXIT_NOTCARNET, _("%s is not a regular "
		    "file, not a carnet notebook"), nb->path);
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	*size = st.st_size;
	return 0;
}

static int
read_header(struct notebook *nb, off_t size, struct error *err)
{
	if (size == 0)
		return error_set(err, EXIT_NOTCARNET, _("%s is empty, not a "
		    "carnet notebook"), nb->path);
	if (size < HEADER_LEN || pread(nb->fd, nb->header, HEADER_LEN, 0) !=
	    HEADER_LEN)
		return error_set(err, EXIT_NOTCARNET, _("%s is too short to be "
		    "a carnet notebook"), nb->path);
	if (header_parse(nb->path, nb->header, &nb->kdf, err) == -1)
		return -1;
	if (size % PAGE != 0)
		return error_set(err, EXIT_NOTCARNET, _("%s is damaged: it is "
		    "not a whole number of pages (cut short?); restore a "
		    "backup (carnet restore COPY)"), nb->path);
	return 0;
}

static struct notebook *
notebook_new(const char *path)
{
	struct notebook *nb = xcalloc(1, sizeof(*nb));

	nb->path = xstrdup(path);
	nb->fd = -1;
	return nb;
}

void
notebook_close(struct notebook *nb)
{
	if (nb == NULL)
		return;
	/* SQLite first: closing our descriptor first would be harmless for
	 * flock, but SQLite's own fcntl locks must go with SQLite. */
	if (nb->db != NULL)
		sqlite3_close_v2(nb->db);
	if (nb->fd != -1)
		close(nb->fd);
	secret_free(nb->rawkey);
	secret_free(nb->hmackey);
	free(nb->path);
	free(nb->stuck);
	explicit_bzero(nb, sizeof(*nb));
	free(nb);
}

int
notebook_sql_error(struct notebook *nb, int rc, struct error *err)
{
	const char *what = nb != NULL && nb->db != NULL ?
	    sqlite3_errmsg(nb->db) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return error_set(err, EXIT_BUSY, _("the notebook is in use by "
		    "another process: try again in a moment"));
	case SQLITE_FULL:
		return error_set(err, EXIT_ERROR, _("the disk is full: nothing "
		    "was saved; free some space and try again"));
	case SQLITE_READONLY:
		return error_set(err, EXIT_ERROR, _("the notebook is read-only "
		    "(look at the file's permissions): nothing was saved"));
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return error_set(err, EXIT_NOTCARNET, _("the notebook is "
		    "damaged (%s): run “carnet check” and restore a backup "
		    "(carnet restore COPY)"),
		    what);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return error_set(err, EXIT_ERROR, _("cannot read or write the "
		    "notebook: %s"), what);
	case SQLITE_NOMEM:
		return error_set(err, EXIT_ERROR, _("out of memory"));
	default:
		return error_set(err, EXIT_ERROR, _("database error: %s"),
		    what);
	}
}

static int
exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Does a -wal with content (a writer killed before its checkpoint) wait
 * beside PATH? */
static int
wal_pending(const char *path)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat st;
	int pending = stat(wal, &st) == 0 && st.st_size > 0;

	free(wal);
	return pending;
}

/*
 * A notebook we may not write (a read-only copy, a locked-down folder) is
 * opened "immutable": SQLite then needs no -shm beside it, which it could
 * not create.  Only without a pending -wal, whose content would be missed.
 */
static char *
immutable_uri(const char *path)
{
	static const char digits[] = "0123456789ABCDEF";
	size_t i, o = 0, len = strlen(path);
	char *uri = xmalloc(len * 3 + 32);
	unsigned char ch;

	o += (size_t)sprintf(uri, "file:");
	for (i = 0; i < len; i++) {
		ch = (unsigned char)path[i];
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || strchr("/-_.~", ch) != NULL)
			uri[o++] = (char)ch;
		else {
			uri[o++] = '%';
			uri[o++] = digits[ch >> 4];
			uri[o++] = digits[ch & 15];
		}
	}
	strcpy(uri + o, "?immutable=1");
	return uri;
}

/*
 * The file format is carnet's, never the library's defaults.  SQLCipher 4
 * changed them (4096-byte pages, HMAC-SHA512, PBKDF2-HMAC-SHA512 for the
 * HMAC key): a carnet built on it without these lines wrote notebooks it
 * could not reopen, and called Debian 12's notebooks damaged.  So every
 * setting where 3.x and 4.x differ is stated, on the main database right
 * after the key and on each copy right after its ATTACH (an attached
 * database takes the library's defaults, not main's).  kdf_iter does not
 * matter with a raw key; it is set so that the settings read whole.
 * SQLCipher 3.4 ignores the pragmas it does not know (the algorithms are
 * fixed there, to the same values).  Where the library answers, its
 * answer is checked: a future SQLCipher that refused SHA-1 must fail
 * here, not write another format.
 */
static int
cipher_settings(sqlite3 *db, const char *schema)
{
	static const struct {
		const char	*pragma;
		const char	*value;
	} settings[] = {
		{ "cipher_page_size", "1024" },
		{ "cipher_use_hmac", "1" },
		{ "cipher_hmac_algorithm", "HMAC_SHA1" },
		{ "cipher_kdf_algorithm", "PBKDF2_HMAC_SHA1" },
		{ "cipher_plaintext_header_size", "0" },
		{ "kdf_iter", "64000" },
	};
	sqlite3_stmt *st;
	char sql[96];
	const unsigned char *got;
	size_t i;
	int rc, same;

	/* SQLCipher 4 logs to stderr, over the screens ("hmac check failed"
	 * for a damaged page): say nothing, carnet's message says it.  The
	 * level is the process's, and set back to WARN when the library
	 * first keys a database: so here, after each key. */
	if ((rc = exec(db, "PRAGMA cipher_log_level = NONE;")) != SQLITE_OK)
		return rc;
	for (i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		snprintf(sql, sizeof(sql), "PRAGMA %s.%s = %s;", schema,
		    settings[i].pragma, settings[i].value);
		if ((rc = exec(db, sql)) != SQLITE_OK)
			return rc;
		snprintf(sql, sizeof(sql), "PRAGMA %s.%s;", schema,
		    settings[i].pragma);
		if ((rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) !=
		    SQLITE_OK)
			return rc;
		same = sqlite3_step(st) != SQLITE_ROW ||
		    (got = sqlite3_column_text(st, 0)) == NULL ||
		    strcmp((const char *)got, settings[i].value) == 0;
		sqlite3_finalize(st);
		if (!same)
			return SQLITE_MISUSE;
	}
	return SQLITE_OK;
}

/* Open DB at PATH with the raw key, set what every connection needs, and
 * read once: a wrong key only shows at the first read. */
static int
connect(const char *path, const struct secret *rawkey, int readonly,
    sqlite3 **out, struct notebook *errnb, struct error *err)
{
	sqlite3 *db = NULL;
	int rc;

	setup_sqlite();
	/* Never SQLITE_OPEN_CREATE: a typo must not make a new file. */
	if (readonly && !wal_pending(path)) {
		char *uri = immutable_uri(path);

		rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI, NULL);
		free(uri);
	} else
		rc = sqlite3_open_v2(path, &db, readonly ?
		    SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, NULL);
	/* Wait for other processes from the first read on: the last one to
	 * close checkpoints the WAL under an exclusive lock. */
	if (rc == SQLITE_OK)
		rc = sqlite3_busy_timeout(db, BUSY_WAIT_MS);
	if (rc == SQLITE_OK)
		rc = sqlite3_key(db, rawkey->bytes, (int)rawkey->len);
	if (rc == SQLITE_OK)
		rc = cipher_settings(db, "main");
	/* temp_store can be switched to files at run time: pin it. */
	if (rc == SQLITE_OK)
		rc = exec(db, "PRAGMA temp_store = MEMORY;"
		    "PRAGMA secure_delete = ON;"
		    "PRAGMA foreign_keys = ON;"
		    "SELECT count(*) FROM sqlite_master;");
	if (rc != SQLITE_OK) {
		if (errnb != NULL) {
			errnb->db = db;
			notebook_sql_error(errnb, rc, err);
			errnb->db = NULL;
		} else
			error_set(err, EXIT_NOTCARNET, "%s: %s", path,
			    sqlite3_errmsg(db));
		sqlite3_close_v2(db);
		return -1;
	}
	*out = db;
	return 0;
}

/*
 * The journal: WAL with synchronous = FULL.  Both WAL and a rollback
 * journal survived 40/40 kill -9 trials, and both journals are encrypted;
 * but a rollback journal needs synchronous = EXTRA to be durable and took
 * 176 ms (p95) a note against 1.8 ms in WAL.  The price of WAL is the
 * -wal and -shm files beside the notebook: SQLite checkpoints and removes
 * them when the last connection closes, and passwd refuses to replace the
 * file while a -wal remains.  A read-only notebook keeps its mode.
 */
static int
make_durable(struct notebook *nb, struct error *err)
{
	int rc;

	if (nb->readonly)
		return 0;
	rc = exec(nb->db, "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = FULL;");
	return rc == SQLITE_OK ? 0 : notebook_sql_error(nb, rc, err);
}

struct notebook *
notebook_open(const char *path, const struct secret *pass,
    enum notebook_mode mode, struct error *err)
{
	struct notebook *nb;
	off_t size;
	int tries, r;

	for (tries = 0;; tries++) {
		nb = notebook_new(path);
		if (open_file(nb, &size, err) == -1 ||
		    read_header(nb, size, err) == -1 ||
		    (r = lock(nb, mode, err)) == -1)
			goto fail;
		if (r == 0)
			break;
		notebook_close(nb);
		if (tries == 5) {
			error_set(err, EXIT_BUSY, _("the notebook keeps being "
			    "replaced by another process: try again"));
			return NULL;
		}
	}
	/* Read again under the lock: a passphrase change may have just
	 * finished. */
	if ((size = lseek(nb->fd, 0, SEEK_END)) == -1 ||
	    read_header(nb, size, err) == -1)
		goto fail;
	if (derive(nb, pass, err) == -1 || check_key(nb, size, err) == -1)
		goto fail;
	if (connect(path, nb->rawkey, nb->readonly, &nb->db, nb, err) == -1) {
		/* Damaged where the schema lives: name the page if it is one
		 * that does not decrypt. */
		if (err->status == EXIT_NOTCARNET)
			scan_pages(nb->fd, nb->hmackey, size / PAGE, err);
		goto fail;
	}
	if (make_durable(nb, err) == -1)
		goto fail;
	/* Copies a passphrase change or a backup killed halfway left
	 * beside it: the passphrase was right, remove them. */
	leftover_sweep(path, &nb->swept, &nb->stuck);
	return nb;
fail:
	notebook_close(nb);
	return NULL;
}

size_t
notebook_swept(const struct notebook *nb, const char **stuck)
{
	if (stuck != NULL)
		*stuck = nb->stuck;
	return nb->swept;
}

int
notebook_probe(const char *path, struct error *err)
{
	struct notebook *nb = notebook_new(path);
	off_t size;
	int rc;

	rc = open_file(nb, &size, err) == -1 || read_header(nb, size, err) ==
	    -1 ? -1 : 0;
	notebook_close(nb);
	return rc;
}

static int
fsync_dir_of(const char *path)
{
	char *copy = xstrdup(path);
	int fd, rc = -1;

	if ((fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) !=
	    -1) {
		rc = fsync(fd);
		close(fd);
	}
	free(copy);
	return rc;
}

struct notebook *
notebook_create(const char *path, const struct secret *pass,
    const struct kdf *kdf, struct error *err)
{
	struct notebook *nb = notebook_new(path);
	struct stat st;
	unsigned char written[HEADER_LEN];

	nb->fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	/* An empty file is what a creation killed before its first write
	 * leaves: take it. */
	if (nb->fd == -1 && errno == EEXIST && stat(path, &st) == 0 &&
	    S_ISREG(st.st_mode) && st.st_size == 0)
		nb->fd = open(path, O_RDWR | O_CLOEXEC);
	if (nb->fd == -1) {
		if (errno == EEXIST)
			error_set(err, EXIT_ERROR, _("%s already exists: nothing "
			    "was changed"), path);
		else
			error_set(err, EXIT_ERROR, _("cannot create %s: %s"),
			    path, strerror(errno));
		goto fail;
	}
	if (flock(nb->fd, LOCK_EX | LOCK_NB) == -1) {
		error_set(err, EXIT_BUSY, _("the notebook is in use by another "
		    "carnet: close it, then try again"));
		goto fail;
	}
	nb->kdf = *kdf;
	header_make(nb->header, kdf);
	if (derive(nb, pass, err) == -1 ||
	    connect(path, nb->rawkey, 0, &nb->db, nb, err) == -1 ||
	    make_durable(nb, err) == -1)	/* writes page 1 */
		goto fail;
	/* SQLCipher must have written our header verbatim as its salt. */
	if (pread(nb->fd, written, HEADER_LEN, 0) != HEADER_LEN ||
	    memcmp(written, nb->header, HEADER_LEN) != 0) {
		error_set(err, EXIT_ERROR, _("SQLCipher did not write the "
		    "header as expected; nothing was created"));
		unlink(path);
		goto fail;
	}
	fsync(nb->fd);
	fsync_dir_of(path);
	flock(nb->fd, LOCK_SH);
	return nb;
fail:
	notebook_close(nb);
	return NULL;
}

const char *
notebook_library(void)
{
	static char said[128];
	sqlite3 *db;
	sqlite3_stmt *st;
	const unsigned char *cipher = NULL;

	if (said[0] != '\0')
		return said;
	setup_sqlite();
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) ==
	    SQLITE_OK && sqlite3_prepare_v2(db, "PRAGMA cipher_version;", -1,
	    &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			cipher = sqlite3_column_text(st, 0);
		snprintf(said, sizeof(said), "SQLCipher %s (SQLite %s)",
		    cipher != NULL ? (const char *)cipher : "?",
		    sqlite3_libversion());
		sqlite3_finalize(st);
	} else
		snprintf(said, sizeof(said), "SQLite %s", sqlite3_libversion());
	sqlite3_close(db);
	return said;
}

sqlite3 *
notebook_db(struct notebook *nb)
{
	return nb->db;
}

int
notebook_readonly(const struct notebook *nb)
{
	return nb->readonly;
}

void
notebook_kdf(const struct notebook *nb, struct kdf *kdf)
{
	*kdf = nb->kdf;
}

void
notebook_kdf_calibrate(struct kdf *kdf)
{
	unsigned long avail = available_kib();
	unsigned char out[KEY_LEN];
	struct timespec start;
	long ms;

	kdf->mem_log2 = 18;	/* 256 MiB */
	while (kdf->mem_log2 > 13 && avail != 0 &&
	    (1UL << kdf->mem_log2) > avail / 2)
		kdf->mem_log2--;
	clock_gettime(CLOCK_MONOTONIC, &start);
	argon2id_hash_raw(1, 1U << kdf->mem_log2, 1, "calibrate", 9,
	    "carnet-calibration", 18, out, sizeof(out));
	ms = elapsed_ms(&start);
	if (ms < 1)
		ms = 1;
	kdf->passes = (unsigned)((1000 + ms - 1) / ms);
	if (kdf->passes < 2)
		kdf->passes = 2;
	while (kdf->passes > NOTEBOOK_KDF_MAX_PASSES ||
	    (kdf->passes << (kdf->mem_log2 - 10)) > NOTEBOOK_KDF_MAX_COST)
		kdf->passes--;
}

int
notebook_kdf_from(struct kdf *kdf, long long mib, long long passes,
    struct error *err)
{
	unsigned log2 = 0;

	if (mib < NOTEBOOK_KDF_MIN_MIB || mib > NOTEBOOK_KDF_MAX_MIB ||
	    (mib & (mib - 1)) != 0)
		return error_set(err, EXIT_USAGE, _("the key derivation memory "
		    "must be a power of two between %d and %d MiB"),
		    NOTEBOOK_KDF_MIN_MIB, NOTEBOOK_KDF_MAX_MIB);
	if (passes < 1 || passes > NOTEBOOK_KDF_MAX_PASSES)
		return error_set(err, EXIT_USAGE, _("the key derivation passes "
		    "must be between 1 and %d"), NOTEBOOK_KDF_MAX_PASSES);
	while ((1LL << log2) < mib * 1024)
		log2++;
	if ((passes << (log2 - 10)) > NOTEBOOK_KDF_MAX_COST)
		return error_set(err, EXIT_USAGE, _("that key derivation would "
		    "take minutes: lower the memory or the passes"));
	kdf->mem_log2 = log2;
	kdf->passes = (unsigned)passes;
	return 0;
}

const char *
notebook_pass_refusal(const struct secret *pass)
{
	static char why[160];

	if (pass->len == 0)
		return _("the passphrase is empty");
	if (util_utf8_invalid((const char *)pass->bytes, pass->len) != -1)
		return _("the passphrase is not valid text (UTF-8)");
	if (util_utf8_length((const char *)pass->bytes, pass->len) <
	    NOTEBOOK_PASS_MIN_CHARS) {
		snprintf(why, sizeof(why), _("the passphrase is too short: at "
		    "least %d characters, better a few words"),
		    NOTEBOOK_PASS_MIN_CHARS);
		return why;
	}
	if (pass->len > NOTEBOOK_PASS_MAX) {
		snprintf(why, sizeof(why), _("the passphrase is too long: at "
		    "most %d bytes"), NOTEBOOK_PASS_MAX);
		return why;
	}
	return NULL;
}

/*
 * A new file beside PATH for SQLite to fill with a copy: PATH.new-XXXXXX,
 * made by mkstemp() (O_EXCL, mode 0600), so that no file of the user's
 * is ever replaced or removed, whatever its name.  *TMP gets its name.
 * It is claimed (leftover_claim()) while it is written: one left by a
 * copy killed halfway is found by the next open and removed.  Another
 * process sweeping between mkstemp() and the claim may have removed it:
 * then it is made again.
 */
static int
fresh_file(const char *path, char **tmp, struct error *err)
{
	struct stat mine, there;
	int fd, tries;

	for (tries = 0; tries < 5; tries++) {
		*tmp = xasprintf("%s.new-XXXXXX", path);
		if ((fd = mkstemp(*tmp)) == -1) {
			error_set(err, EXIT_ERROR, _("cannot create %s: %s"),
			    *tmp, strerror(errno));
			free(*tmp);
			*tmp = NULL;
			return -1;
		}
		(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
		(void)leftover_claim(fd);
		if (fstat(fd, &mine) == 0 && stat(*tmp, &there) == 0 &&
		    mine.st_ino == there.st_ino && mine.st_dev == there.st_dev)
			return fd;
		close(fd);
		free(*tmp);
	}
	*tmp = NULL;
	return error_set(err, EXIT_ERROR, _("cannot create a copy beside %s: "
	    "it keeps being removed"), path);
}

/*
 * Copy the open notebook into TMP, keyed with RAWKEY, through
 * sqlcipher_export (never the backup API: in 3.4.1 it happily writes a
 * plaintext copy).  user_version is not exported: copy it.
 */
static int
export_to(struct notebook *nb, const char *tmp, const struct secret *rawkey,
    struct error *err)
{
	sqlite3_stmt *st = NULL;
	char sql[64];
	int rc, version = 0;

	rc = sqlite3_prepare_v2(nb->db, "ATTACH DATABASE ?1 AS copy KEY ?2",
	    -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, tmp, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, (const char *)rawkey->bytes,
		    (int)rawkey->len, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK :
		    sqlite3_errcode(nb->db);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK && (rc = cipher_settings(nb->db, "copy")) !=
	    SQLITE_OK)
		exec(nb->db, "DETACH DATABASE copy;");
	if (rc != SQLITE_OK)
		return notebook_sql_error(nb, rc, err);
	if ((rc = sqlite3_prepare_v2(nb->db, "PRAGMA main.user_version", -1,
	    &st, NULL)) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			version = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	snprintf(sql, sizeof(sql), "PRAGMA copy.user_version = %d;", version);
	if (rc == SQLITE_OK)
		rc = exec(nb->db, "PRAGMA copy.secure_delete = ON;"
		    "SELECT sqlcipher_export('copy');");
	if (rc == SQLITE_OK)
		rc = exec(nb->db, sql);
	if (rc != SQLITE_OK)
		notebook_sql_error(nb, rc, err);
	exec(nb->db, "DETACH DATABASE copy;");
	return rc == SQLITE_OK ? 0 : -1;
}

/* Open the copy at PATH with its key and check it fully: structure,
 * every page's HMAC, header. */
static int
verify_copy(const char *path, const unsigned char *header,
    const struct secret *rawkey, const struct secret *hmackey,
    struct error *err)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	unsigned char h[HEADER_LEN];
	struct stat sb;
	int fd, ok = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &sb) == -1 || sb.st_size % PAGE != 0 ||
	    pread(fd, h, HEADER_LEN, 0) != HEADER_LEN ||
	    memcmp(h, header, HEADER_LEN) != 0)
		goto done;
	if (scan_pages(fd, hmackey, (long)(sb.st_size / PAGE), err) == -1)
		goto done;
	if (connect(path, rawkey, 1, &db, NULL, err) == -1)
		goto done;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) ==
	    SQLITE_OK) {
		ok = sqlite3_step(st) == SQLITE_ROW &&
		    strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
		sqlite3_finalize(st);
	}
	sqlite3_close_v2(db);
done:
	if (fd != -1)
		close(fd);
	if (!ok)
		return error_set(err, EXIT_ERROR, _("the copy written to %s "
		    "does not check out: it was not kept"), path);
	return 0;
}

int
notebook_passwd(struct notebook *nb, const struct secret *newpass,
    struct error *err)
{
	struct notebook *fresh = notebook_new(nb->path);
	char *tmp = NULL;
	char *wal = xasprintf("%s-wal", nb->path);
	struct stat st;
	int fd = -1, rc = -1;

	if (nb->readonly) {
		error_set(err, EXIT_ERROR, _("the notebook is read-only (look "
		    "at the file's permissions): nothing was changed"));
		goto done;
	}
	fresh->kdf = nb->kdf;
	header_make(fresh->header, &fresh->kdf);
	if (derive(fresh, newpass, err) == -1 ||
	    (fd = fresh_file(nb->path, &tmp, err)) == -1)
		goto done;
	if (export_to(nb, tmp, fresh->rawkey, err) == -1)
		goto done;
	/* Closing the last connection checkpoints and removes the -wal.  One
	 * left over would be replayed onto the new file: refuse. */
	sqlite3_close_v2(nb->db);
	nb->db = NULL;
	if (stat(wal, &st) == 0 && st.st_size > 0) {
		error_set(err, EXIT_BUSY, _("another program still has the "
		    "notebook open: nothing was changed"));
		goto done;
	}
	if (verify_copy(tmp, fresh->header, fresh->rawkey, fresh->hmackey,
	    err) == -1)
		goto done;
	if (fsync(fd) == -1 || rename(tmp, nb->path) == -1) {
		error_set(err, EXIT_ERROR, _("cannot replace %s: %s"), nb->path,
		    strerror(errno));
		goto done;
	}
	fsync_dir_of(nb->path);
	rc = 0;
done:
	if (rc == -1 && fd != -1)
		unlink(tmp);
	if (fd != -1)
		close(fd);
	notebook_close(fresh);
	free(tmp);
	free(wal);
	notebook_close(nb);
	return rc;
}

/* The folders whose sub-folders are where removable drives are mounted
 * (udisks: /media/USER/LABEL, /run/media/USER/LABEL; by hand: /mnt). */
static const char *const removable_roots[] = { "/media", "/run/media",
    "/mnt" };

/* The folder FILE goes into: FILE itself when it is a folder. */
static char *
folder_of(const char *file)
{
	char *copy, *dir;

	if (util_is_folder(file))
		return xstrdup(file);
	copy = xstrdup(file);
	dir = xstrdup(dirname(copy));
	free(copy);
	return dir;
}

int
notebook_backup_place(const struct notebook *nb, const char *dest,
    int *same_disk, struct error *err)
{
	struct stat root, sb, self;
	char *folder = folder_of(dest);
	size_t i, len;
	int rc = 0;

	*same_disk = 0;
	for (i = 0; i < sizeof(removable_roots) / sizeof(removable_roots[0]);
	    i++) {
		len = strlen(removable_roots[i]);
		if (strncmp(folder, removable_roots[i], len) != 0 ||
		    (folder[len] != '/' && folder[len] != '\0') ||
		    stat(removable_roots[i], &root) == -1)
			continue;
		/* Under it, but on its own disk: nothing is mounted there,
		 * and the copy would land on the computer's disk. */
		if (stat(folder, &sb) == -1 || sb.st_dev == root.st_dev)
			rc = error_set(err, EXIT_ERROR, _("no drive is mounted at "
			    "%s: plug the USB key in (and open it in the file "
			    "manager if needed), then try again; nothing was "
			    "written"), folder);
		break;
	}
	if (rc == 0 && stat(folder, &sb) == 0 && fstat(nb->fd, &self) == 0)
		*same_disk = sb.st_dev == self.st_dev;
	free(folder);
	return rc;
}

int
notebook_backup(struct notebook *nb, const char *dest, char **written,
    struct error *err)
{
	struct stat st, self;
	unsigned char h[HEADER_LEN];
	char *path, *tmp = NULL, *copy;
	int fd = -1, rc = -1, existing;

	if (util_is_folder(dest)) {
		copy = xstrdup(nb->path);
		path = xasprintf("%s/%s", dest, basename(copy));
		free(copy);
	} else
		path = xstrdup(dest);
	if (stat(path, &st) == 0) {
		fstat(nb->fd, &self);
		if (st.st_ino == self.st_ino && st.st_dev == self.st_dev) {
			error_set(err, EXIT_ERROR, _("%s is the notebook "
			    "itself: choose another place"), path);
			goto done;
		}
		existing = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
		if (!S_ISREG(st.st_mode) || existing == -1 || (st.st_size > 0 &&
		    (pread(existing, h, HEADER_LEN, 0) != HEADER_LEN ||
		    memcmp(h, MAGIC, MAGIC_LEN) != 0))) {
			if (existing != -1)
				close(existing);
			error_set(err, EXIT_ERROR, _("%s exists and is not a "
			    "carnet notebook: nothing was written"), path);
			goto done;
		}
		close(existing);
	}
	/* A backup killed halfway there left its copy: removed. */
	leftover_sweep(path, &nb->swept, &nb->stuck);
	if ((fd = fresh_file(path, &tmp, err)) == -1 ||
	    export_to(nb, tmp, nb->rawkey, err) == -1)
		goto done;
	if (fsync(fd) == -1 || rename(tmp, path) == -1) {
		error_set(err, EXIT_ERROR, _("cannot write %s: %s"), path,
		    strerror(errno));
		goto done;
	}
	fsync_dir_of(path);
	if (verify_copy(path, nb->header, nb->rawkey, nb->hmackey, err) == -1) {
		unlink(path);
		goto done;
	}
	rc = 0;
done:
	if (fd != -1) {
		close(fd);
		if (rc == -1)
			unlink(tmp);
	}
	free(tmp);
	if (rc == 0 && written != NULL)
		*written = path;
	else
		free(path);
	return rc;
}

/* Pages first: a page that does not decrypt is named; then SQLite's
 * integrity check of the structure. */
int
notebook_check(struct notebook *nb, long *pages, struct error *err)
{
	sqlite3_stmt *st;
	struct stat sb;
	long n;
	int rc;

	if (fstat(nb->fd, &sb) == -1)
		return error_set(err, EXIT_ERROR, _("cannot read %s: %s"),
		    nb->path, strerror(errno));
	n = (long)(sb.st_size / PAGE);
	if (scan_pages(nb->fd, nb->hmackey, n, err) == -1)
		return -1;
	rc = sqlite3_prepare_v2(nb->db, "PRAGMA integrity_check", -1, &st,
	    NULL);
	if (rc != SQLITE_OK)
		return notebook_sql_error(nb, rc, err);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		/* The first problem on one line, without SQLite's
		 * "*** in database main ***" heading. */
		const char *what = (const char *)sqlite3_column_text(st, 0);
		const char *nl = strchr(what, '\n');
		char first[256];

		snprintf(first, sizeof(first), "%s", nl != NULL &&
		    strncmp(what, "***", 3) == 0 ? nl + 1 : what);
		first[strcspn(first, "\n")] = '\0';
		error_set(err, EXIT_NOTCARNET, _("the notebook is damaged "
		    "(%s): restore a backup (carnet restore COPY)"), first);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return notebook_sql_error(nb, rc, err);
	*pages = n;
	return 0;
}

/*
 * Restore, in two steps that never touch the backup itself (it may be
 * the only one): its bytes are staged beside the notebook, in a copy
 * claimed as passwd's and backup's are (a restore killed halfway leaves
 * nothing the next open does not sweep), and opened, compared and
 * brought up to date there; then put in place.
 */
int
notebook_stage(const char *copy, const char *path, char **staged,
    struct error *err)
{
	char buf[65536];
	ssize_t n, w, off;
	int in, fd;

	*staged = NULL;
	if (notebook_probe(copy, err) == -1 || util_make_parent(path, err) ==
	    -1)
		return -1;
	if ((in = open(copy, O_RDONLY | O_CLOEXEC)) == -1)
		return error_set(err, EXIT_ERROR, _("cannot read %s: %s"), copy,
		    strerror(errno));
	if ((fd = fresh_file(path, staged, err)) == -1) {
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			error_set(err, EXIT_ERROR, _("cannot read %s: %s"), copy,
			    strerror(errno));
			goto failed;
		}
		for (off = 0; off < n; off += w)
			if ((w = write(fd, buf + off, (size_t)(n - off))) == -1) {
				error_set(err, EXIT_ERROR, errno == ENOSPC ?
				    _("the disk is full: nothing was restored; "
				    "free some space and try again") :
				    _("cannot write %s: %s"), *staged,
				    strerror(errno));
				goto failed;
			}
	}
	close(in);
	in = -1;
	if (fsync(fd) == -1) {
		error_set(err, EXIT_ERROR, _("cannot write %s: %s"), *staged,
		    strerror(errno));
		goto failed;
	}
	/* The claim made shared, so that the stage can be opened (shared)
	 * while it stays claimed: a sweep's exclusive try still fails. */
	(void)flock(fd, LOCK_SH);
	return fd;
failed:
	if (in != -1)
		close(in);
	close(fd);
	unlink(*staged);
	free(*staged);
	*staged = NULL;
	return -1;
}

/* PATH.before-restore-YYYY-MM-DD[-N]: a new name, as a second link to
 * the notebook in place.  NULL with ERR. */
static char *
kept_aside(const char *path, struct error *err)
{
	char day[16], *kept;
	time_t now = time(NULL);
	struct tm tm;
	int n;

	localtime_r(&now, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	for (n = 1; n < 1000; n++) {
		kept = n == 1 ? xasprintf("%s.before-restore-%s", path, day) :
		    xasprintf("%s.before-restore-%s-%d", path, day, n);
		if (link(path, kept) == 0)
			return kept;
		free(kept);
		if (errno != EEXIST)
			break;
	}
	error_set(err, EXIT_ERROR, _("cannot keep the notebook in place "
	    "aside (%s): nothing was restored"), strerror(errno));
	return NULL;
}

int
notebook_put_in_place(const char *staged, int claim, struct notebook *here,
    const char *path, char **kept, struct error *err)
{
	char *wal = xasprintf("%s-wal", path), *kept_wal;
	struct stat st;
	int fd = -1, rc = -1;

	*kept = NULL;
	if (here != NULL) {
		/* Closing the last connection checkpoints and removes the
		 * -wal: one left over would be replayed onto the copy. */
		sqlite3_close_v2(here->db);
		here->db = NULL;
		if (stat(wal, &st) == 0 && st.st_size > 0) {
			error_set(err, EXIT_BUSY, _("another program still has "
			    "the notebook open: nothing was restored"));
			goto done;
		}
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) != -1) {
		/* The notebook in place could not be opened: it is still
		 * kept aside, and no other carnet may hold it. */
		if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
			error_set(err, EXIT_BUSY, _("the notebook is in use by "
			    "another carnet: close it, then try again"));
			goto done;
		}
	} else if (errno != ENOENT) {
		error_set(err, EXIT_ERROR, _("cannot read %s: %s"), path,
		    strerror(errno));
		goto done;
	}
	if ((here != NULL || fd != -1) && (*kept = kept_aside(path, err)) ==
	    NULL)
		goto done;
	/* What SQLite had not yet written into the file it could not open
	 * goes with it. */
	if (*kept != NULL && stat(wal, &st) == 0 && st.st_size > 0) {
		kept_wal = xasprintf("%s-wal", *kept);
		(void)rename(wal, kept_wal);
		free(kept_wal);
	}
	if (rename(staged, path) == -1) {
		error_set(err, EXIT_ERROR, _("cannot replace %s: %s"), path,
		    strerror(errno));
		if (*kept != NULL)
			unlink(*kept);
		free(*kept);
		*kept = NULL;
		goto done;
	}
	fsync_dir_of(path);
	rc = 0;
done:
	if (fd != -1)
		close(fd);
	close(claim);
	if (rc == -1)
		unlink(staged);
	notebook_close(here);
	free(wal);
	return rc;
}
