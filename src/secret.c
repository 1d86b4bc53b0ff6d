/*
 * secret.c - locked, wiped buffers for passphrases and keys.  Each secret
 * lives in its own mmap'd pages: mlock keeps them out of swap, MADV_DONTDUMP
 * out of core files, and explicit_bzero wipes them before munmap.  Locking
 * only these pages (not mlockall) leaves Argon2's large allocation alone.
 */
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "secret.h"
#include "util.h"

static size_t
mapping_size(size_t cap)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t want = cap + 1;

	if (page <= 0)
		page = 4096;
	return (want + (size_t)page - 1) / (size_t)page * (size_t)page;
}

struct secret *
secret_new(size_t cap)
{
	struct secret *s = xcalloc(1, sizeof(*s));
	size_t size = mapping_size(cap);
	void *p;

	p = mmap(NULL, size, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		util_die(EXIT_ERROR, _("out of memory:"));
	/* Failing to lock (a tiny RLIMIT_MEMLOCK) is not fatal: the pages
	 * are still wiped and kept out of core dumps. */
	(void)mlock(p, size);
#ifdef MADV_DONTDUMP
	(void)madvise(p, size, MADV_DONTDUMP);
#endif
	s->bytes = p;
	s->cap = size - 1;
	s->len = 0;
	return s;
}

void
secret_free(struct secret *s)
{
	size_t size;

	if (s == NULL)
		return;
	size = s->cap + 1;
	explicit_bzero(s->bytes, size);
	munlock(s->bytes, size);
	munmap(s->bytes, size);
	explicit_bzero(s, sizeof(*s));
	free(s);
}

int
secret_read_line(struct secret *s, int fd)
{
	unsigned char c;
	ssize_t n;
	int any = 0, toolong = 0;

	s->len = 0;
	for (;;) {
		n = read(fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		any = 1;
		if (c == '\n')
			break;
		if (s->len < s->cap)
			s->bytes[s->len++] = c;
		else
			toolong = 1;
	}
	c = 0;
	/* A line typed on a terminal in raw-ish mode may end in CR. */
	if (s->len > 0 && s->bytes[s->len - 1] == '\r')
		s->len--;
	s->bytes[s->len] = '\0';
	if (toolong) {
		explicit_bzero(s->bytes, s->cap + 1);
		s->len = 0;
		return -2;
	}
	return any ? 0 : -1;
}

/* 256 KiB: far more than the deepest call chain of carnet uses (SQLite
 * and ncurses included), far less than the 8 MiB stack. */
#define STACK_WIPE	(256 * 1024)

void
secret_wipe_stack(void)
{
	unsigned char below[STACK_WIPE];

	explicit_bzero(below, sizeof(below));
}

/*
 * glibc overwrites a block when it is freed (M_PERTURB, set by
 * secret_harden_process()), but for the small ones it keeps to give
 * again, up to seven of each size from 24 to 1,032 bytes (its tcache):
 * there a library's freed copy of a name or of a note's line (pango's,
 * curses', ICU's) stays until the slot is used again.  Taking those
 * blocks, wiping them and giving them back leaves every slot blank.
 */
#define HEAP_KEPT	7
#define HEAP_SMALLEST	24
#define HEAP_LARGEST	1032
#define HEAP_STEP	16

void
secret_wipe_heap(void)
{
	void *blocks[HEAP_KEPT];
	size_t size, i;

	for (size = HEAP_SMALLEST; size <= HEAP_LARGEST; size += HEAP_STEP) {
		for (i = 0; i < HEAP_KEPT; i++)
			if ((blocks[i] = malloc(size)) != NULL)
				explicit_bzero(blocks[i], size);
		for (i = 0; i < HEAP_KEPT; i++)
			free(blocks[i]);
	}
}

void
secret_harden_process(void)
{
	struct rlimit none = { 0, 0 };

	/* What libraries free without wiping (SQLite's, notes' text, is
	 * wiped by its own allocator) is overwritten as it is freed; the
	 * blocks glibc keeps aside are wiped at each lock
	 * (secret_wipe_heap()).  It costs a memset per block that leaves
	 * malloc's fast path. */
	(void)mallopt(M_PERTURB, 0xa5);

	(void)setrlimit(RLIMIT_CORE, &none);
	/* LeakSanitizer needs to ptrace the process it checks: the
	 * sanitizer builds of the tests (make check-asan) stay dumpable. */
#if !defined(__SANITIZE_ADDRESS__) && !defined(CARNET_SANITIZED)
	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}
