/*
 * Unit tests of notebook.c: the header, right and wrong passphrases,
 * damaged and foreign files, passphrase change, backup, check, locking.
 * Cheap Argon2 parameters (8 MiB, 1 pass) keep it fast.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "notebook.h"
#include "secret.h"
#include "tap.h"

static char dir[256];

static struct secret *
pass(const char *text)
{
	struct secret *s = secret_new(256);

	s->len = strlen(text);
	memcpy(s->bytes, text, s->len);
	return s;
}

static char *
file(const char *name)
{
	static char buf[8][512];
	static int i;

	i = (i + 1) % 8;
	snprintf(buf[i], sizeof(buf[i]), "%s/%s", dir, name);
	return buf[i];
}

static void
write_file(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	fwrite(data, 1, len, fp);
	fclose(fp);
}

/* How many files of folder DIR have a name starting with PREFIX. */
static int
starting_with(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d != NULL && (e = readdir(d)) != NULL)
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	if (d != NULL)
		closedir(d);
	return n;
}

static void
poke(const char *path, long offset, const char *bytes, size_t len)
{
	int fd = open(path, O_WRONLY);

	pwrite(fd, bytes, len, offset);
	close(fd);
}

static void
copy_file(const char *from, const char *to)
{
	char buf[65536];
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	fclose(out);
}

/* Open PATH with TEXT; the exit status the error carries, 0 on success. */
static int
open_status(const char *path, const char *text)
{
	struct secret *p = pass(text);
	struct error err = { 0, "" };
	struct notebook *nb = notebook_open(path, p, NOTEBOOK_SHARED, &err);

	secret_free(p);
	if (nb == NULL) {
		printf("#   %s\n", err.text);
		return err.status;
	}
	notebook_close(nb);
	return 0;
}

static int
probe_status(const char *path)
{
	struct error err = { 0, "" };

	if (notebook_probe(path, &err) == 0)
		return 0;
	printf("#   %s\n", err.text);
	return err.status;
}

static struct notebook *
make(const char *path, const char *text)
{
	struct kdf kdf = { 13, 1 };
	struct secret *p = pass(text);
	struct error err;
	struct notebook *nb = notebook_create(path, p, &kdf, &err);

	secret_free(p);
	if (nb == NULL)
		printf("#   create: %s\n", err.text);
	return nb;
}

/* Give the notebook a few pages of content. */
static void
fill(struct notebook *nb)
{
	sqlite3_exec(notebook_db(nb), "CREATE TABLE t (x);"
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
	    " WHERE i < 200) INSERT INTO t SELECT 'text ' || i || "
	    "hex(randomblob(40)) FROM n;"
	    "PRAGMA user_version = 7;", NULL, NULL, NULL);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	unsigned char h[16];
	struct kdf kdf;
	struct error err;
	struct notebook *nb, *other;
	struct secret *p;
	struct stat st;
	char *written, junk[4096];
	long pages;
	int fd;
	snprintf(dir, sizeof(dir), "%s/carnet-unit-XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;

	/* Parameters. */
	ok(notebook_kdf_from(&kdf, 8, 1, &err) == 0 && kdf.mem_log2 == 13 &&
	    kdf.passes == 1, "8 MiB, 1 pass is the floor");
	ok(notebook_kdf_from(&kdf, 256, 3, &err) == 0 && kdf.mem_log2 == 18,
	    "256 MiB is 2^18 KiB");
	ok(notebook_kdf_from(&kdf, 4, 1, &err) == -1 && err.status == 2,
	    "below 8 MiB refused");
	ok(notebook_kdf_from(&kdf, 12, 1, &err) == -1, "not a power of two");
	ok(notebook_kdf_from(&kdf, 8192, 1, &err) == -1, "above 4 GiB");
	ok(notebook_kdf_from(&kdf, 8, 0, &err) == -1 &&
	    notebook_kdf_from(&kdf, 8, 65, &err) == -1, "passes 1 to 64");
	ok(notebook_kdf_from(&kdf, 4096, 8, &err) == -1,
	    "a derivation of minutes refused");
	notebook_kdf_calibrate(&kdf);
	ok(kdf.mem_log2 >= 13 && kdf.mem_log2 <= 18 && kdf.passes >= 2,
	    "calibrated: at most 256 MiB, at least 2 passes (2^%u KiB, %u)",
	    kdf.mem_log2, kdf.passes);

	/* Passphrase rules. */
	p = pass("");
	ok(notebook_pass_refusal(p) != NULL, "empty passphrase refused");
	secret_free(p);
	p = pass("ééééééé");
	ok(notebook_pass_refusal(p) != NULL, "7 characters refused");
	secret_free(p);
	p = pass("éééééééé");
	ok(notebook_pass_refusal(p) == NULL, "8 characters (16 bytes) taken");
	secret_free(p);
	memset(junk, 'a', 128);
	junk[128] = '\0';
	p = pass(junk);
	ok(notebook_pass_refusal(p) != NULL, "128 bytes refused");
	secret_free(p);
	p = pass("abcdefgh\xff");
	ok(notebook_pass_refusal(p) != NULL, "invalid UTF-8 refused");
	secret_free(p);

	/* Create and open. */
	nb = make(file("nb.db"), "correct horse");
	ok(nb != NULL, "created");
	fill(nb);
	notebook_close(nb);
	fd = open(file("nb.db"), O_RDONLY);
	ok(read(fd, h, 16) == 16 && memcmp(h, "crn\1\15\1", 6) == 0,
	    "header: magic, format 1, 2^13 KiB, 1 pass");
	close(fd);
	ok(stat(file("nb.db"), &st) == 0 && (st.st_mode & 0777) == 0600,
	    "the file is private (0600)");
	ok(stat(file("nb.db-wal"), &st) == -1, "no -wal left after close");
	is_int(open_status(file("nb.db"), "correct horse"), 0,
	    "opens with the passphrase");
	is_int(open_status(file("nb.db"), "correct horsf"), 3,
	    "wrong passphrase is 3");
	nb = make(file("nb.db"), "again");
	ok(nb == NULL, "create refuses an existing notebook");
	write_file(file("empty-ok.db"), "", 0);
	nb = make(file("empty-ok.db"), "correct horse");
	ok(nb != NULL, "create takes an empty file (a creation killed early)");
	notebook_close(nb);

	/* Not notebooks. */
	is_int(probe_status(file("absent.db")), 1, "missing file is 1");
	is_int(probe_status(dir), 4, "a directory is 4");
	mkfifo(file("fifo"), 0600);
	is_int(probe_status(file("fifo")), 4, "a FIFO is 4, without hanging");
	write_file(file("empty.db"), "", 0);
	is_int(probe_status(file("empty.db")), 4, "an empty file is 4");
	write_file(file("plain.db"), "SQLite format 3\0\4\0\1\1", 20);
	is_int(probe_status(file("plain.db")), 4, "a plain SQLite file is 4");
	for (fd = 0; fd < (int)sizeof(junk); fd++)
		junk[fd] = (char)(rand() & 0xff);
	junk[0] = 'x';
	write_file(file("random.db"), junk, sizeof(junk));
	is_int(probe_status(file("random.db")), 4, "random bytes are 4");
	copy_file(file("nb.db"), file("future.db"));
	poke(file("future.db"), 3, "\2", 1);
	is_int(probe_status(file("future.db")), 4, "a future format is 4");
	copy_file(file("nb.db"), file("absurd.db"));
	poke(file("absurd.db"), 4, "\36", 1);	/* 2^30 KiB = 1 TiB */
	is_int(probe_status(file("absurd.db")), 4, "absurd memory is 4");
	poke(file("absurd.db"), 4, "\26\377", 2);	/* 4 GiB, 255 passes */
	is_int(probe_status(file("absurd.db")), 4, "absurd time is 4");
	copy_file(file("nb.db"), file("cut.db"));
	truncate(file("cut.db"), 5000);
	is_int(probe_status(file("cut.db")), 4, "cut inside a page is 4");
	truncate(file("cut.db"), 15);
	is_int(probe_status(file("cut.db")), 4, "cut inside the header is 4");

	/* Damaged pages: 4 with the right passphrase, 3 with a wrong one. */
	copy_file(file("nb.db"), file("page1.db"));
	poke(file("page1.db"), 300, "damaged!", 8);
	is_int(open_status(file("page1.db"), "correct horse"), 4,
	    "page 1 damaged, right passphrase: 4");
	is_int(open_status(file("page1.db"), "wrong passphrase"), 3,
	    "page 1 damaged, wrong passphrase: 3");
	copy_file(file("nb.db"), file("page3.db"));
	poke(file("page3.db"), 2 * 1024 + 100, "damaged!", 8);
	nb = notebook_open(file("page3.db"), p = pass("correct horse"),
	    NOTEBOOK_SHARED, &err);
	secret_free(p);
	ok(nb != NULL && notebook_check(nb, &pages, &err) == -1 &&
	    err.status == 4, "check finds a damaged page: %s", err.text);
	notebook_close(nb);
	nb = notebook_open(file("nb.db"), p = pass("correct horse"),
	    NOTEBOOK_SHARED, &err);
	secret_free(p);
	ok(notebook_check(nb, &pages, &err) == 0 && pages > 10,
	    "check passes a sound notebook (%ld pages)", pages);

	/* Locking: a second shared opener is fine, an exclusive one waits,
	 * then gives up with 5. */
	other = notebook_open(file("nb.db"), p = pass("correct horse"),
	    NOTEBOOK_SHARED, &err);
	ok(other != NULL, "two shared openers at once");
	notebook_close(other);
	other = notebook_open(file("nb.db"), p, NOTEBOOK_EXCLUSIVE, &err);
	ok(other == NULL && err.status == 5, "exclusive while shared: 5 (%s)",
	    err.text);

	/* Backup. */
	mkdir(file("usb"), 0700);
	ok(notebook_backup(nb, file("usb"), &written, &err) == 0,
	    "backup into a folder");
	is_str(written, file("usb/nb.db"), "named after the notebook");
	free(written);
	is_int(open_status(file("usb/nb.db"), "correct horse"), 0,
	    "the copy opens with the same passphrase");
	/* Files of the user's named like a temporary are left alone. */
	write_file(file("usb/nb.db.new"), "mine", 4);
	write_file(file("usb/nb.db.new-journal"), "mine too", 8);
	ok(notebook_backup(nb, file("usb/nb.db"), NULL, &err) == 0,
	    "a backup replaces an older backup");
	ok(stat(file("usb/nb.db.new"), &st) == 0 && st.st_size == 4 &&
	    stat(file("usb/nb.db.new-journal"), &st) == 0 && st.st_size == 8,
	    "and leaves the user's nb.db.new and nb.db.new-journal alone");
	write_file(file("precious.txt"), "precious", 8);
	ok(notebook_backup(nb, file("precious.txt"), NULL, &err) == -1,
	    "a backup never overwrites another kind of file");
	ok(notebook_backup(nb, file("nb.db"), NULL, &err) == -1,
	    "nor the notebook itself");
	is_int(starting_with(file("usb"), "nb.db.new-"), 1,
	    "no temporary copy left (only the user's nb.db.new-journal)");
	notebook_close(nb);

	/* Passphrase change. */
	nb = notebook_open(file("nb.db"), p, NOTEBOOK_EXCLUSIVE, &err);
	secret_free(p);
	ok(nb != NULL, "exclusive open when alone");
	fd = open(file("nb.db"), O_RDONLY);
	read(fd, junk, 16);
	close(fd);
	write_file(file("nb.db.new"), "mine", 4);
	ok(notebook_passwd(nb, p = pass("battery staple"), &err) == 0,
	    "passphrase changed: %s", err.text);
	ok(stat(file("nb.db.new"), &st) == 0 && st.st_size == 4,
	    "a file of the user's named nb.db.new is left alone");
	secret_free(p);
	is_int(open_status(file("nb.db"), "correct horse"), 3,
	    "the old passphrase no longer opens it");
	is_int(open_status(file("nb.db"), "battery staple"), 0,
	    "the new one does");
	fd = open(file("nb.db"), O_RDONLY);
	read(fd, h, 16);
	close(fd);
	ok(memcmp(h, junk, 6) == 0 && memcmp(h + 6, junk + 6, 10) != 0,
	    "same cost, new salt");
	is_int(starting_with(file(""), "nb.db.new-"), 0,
	    "no temporary file left");
	nb = notebook_open(file("nb.db"), p = pass("battery staple"),
	    NOTEBOOK_SHARED, &err);
	secret_free(p);
	{
		sqlite3_stmt *s;

		sqlite3_prepare_v2(notebook_db(nb), "SELECT count(*) FROM t",
		    -1, &s, NULL);
		ok(s != NULL && sqlite3_step(s) == SQLITE_ROW &&
		    sqlite3_column_int(s, 0) == 200,
		    "the content came through");
		sqlite3_finalize(s);
		sqlite3_prepare_v2(notebook_db(nb), "PRAGMA user_version", -1,
		    &s, NULL);
		ok(sqlite3_step(s) == SQLITE_ROW &&
		    sqlite3_column_int(s, 0) == 7, "so did user_version");
		sqlite3_finalize(s);
	}
	notebook_close(nb);
	return done();
}
