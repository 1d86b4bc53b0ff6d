/*
 * document_doc.c - the text of an old Word document (.doc), from
 * antiword, or catdoc when antiword refuses it (document_int.h).
 *
 * Neither reads every file alone, as measured on the .doc files
 * LibreOffice writes (tests/data/documents/README): antiword refuses
 * small ones ("too small to handle"), and catdoc drops the start of a
 * paragraph that holds a comment and puts headers, footers and comments
 * after the text.  antiword loses nothing it accepts, so it is asked
 * first.  Each is given the file's path (catdoc copies a standard input
 * it cannot seek to a temporary file) and its text is read from a pipe:
 * nothing is written to the disk.
 */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document_int.h"
#include "util.h"

/* What a converter said: its text (wiped), its complaint, how it ended. */
struct said {
	struct doc_text	 out;
	char		 err[512];
	size_t		 nerr;
	int		 status;	/* 127: not installed */
	int		 too_big;
};

/* What is waiting on FD: read's count, 0 at the end. */
static ssize_t
keep(struct said *s, int fd, int is_err)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) == -1 && errno == EINTR)
		;
	if (n <= 0)
		return n;
	if (is_err) {
		size_t room = sizeof(s->err) - 1 - s->nerr;

		memcpy(s->err + s->nerr, buf, (size_t)n < room ? (size_t)n :
		    room);
		s->nerr += (size_t)n < room ? (size_t)n : room;
		s->err[s->nerr] = '\0';
	} else if (s->out.len + (size_t)n > (size_t)DOC_PART_MAX)
		s->too_big = 1;
	else
		doc_text_put(&s->out, buf, (size_t)n);
	explicit_bzero(buf, sizeof(buf));
	return n;
}

/* A pipe whose ends no program run later inherits. */
static int
pipe_cloexec(int fd[2])
{
	if (pipe(fd) == -1)
		return -1;
	(void)fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	(void)fcntl(fd[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/* Run ARGV, its output and its complaints into S. */
static int
run(char *const argv[], struct said *s)
{
	struct pollfd fds[2];
	int out[2], err[2], st, open_fds, i;
	pid_t pid;

	memset(s, 0, sizeof(*s));
	if (pipe_cloexec(out) == -1)
		return -1;
	if (pipe_cloexec(err) == -1) {
		close(out[0]);
		close(out[1]);
		return -1;
	}
	if ((pid = fork()) == -1) {
		close(out[0]);
		close(out[1]);
		close(err[0]);
		close(err[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		if (null == -1 || dup2(null, 0) == -1 ||
		    dup2(out[1], 1) == -1 || dup2(err[1], 2) == -1)
			_exit(126);
		execvp(argv[0], argv);
		_exit(errno == ENOENT ? 127 : 126);
	}
	close(out[1]);
	close(err[1]);
	fds[0].fd = out[0];
	fds[1].fd = err[0];
	fds[0].events = fds[1].events = POLLIN;
	for (open_fds = 2; open_fds > 0 && !s->too_big;) {
		if (poll(fds, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < 2; i++)
			if (fds[i].fd != -1 && (fds[i].revents & (POLLIN |
			    POLLHUP | POLLERR)) && keep(s, fds[i].fd, i) <= 0) {
				fds[i].fd = -1;
				open_fds--;
			}
	}
	if (s->too_big)
		kill(pid, SIGKILL);
	close(out[0]);
	close(err[0]);
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		;
	s->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
	return 0;
}

static void
said_free(struct said *s)
{
	wipe_free(s->out.s);
	explicit_bzero(s->err, sizeof(s->err));
}

/* antiword's table row: "|cell |cell |". */
static int
table_line(const char *s, size_t len)
{
	return len >= 2 && s[0] == '|' && s[len - 1] == '|';
}

/* Cells of a row, trimmed; a row whose first cell is empty continues
 * the row before (a cell of several lines). */
static void
add_row(struct doc_blocks *bs, const char *s, size_t len, int continues)
{
	struct doc_block *b;
	size_t start = 1, i, n, col = 0;

	if (!continues)
		blocks_start(bs, 1);
	b = &bs->b[bs->n - 1];
	for (i = 1; i < len; i++) {
		if (s[i] != '|')
			continue;
		n = i - start;
		while (n > 0 && s[start + n - 1] == ' ')
			n--;
		if (!continues)
			blocks_cell(bs);
		if (col < b->ncell && n > 0) {
			struct doc_text *t = &b->cell[col];

			if (continues && t->len > 0)
				doc_text_put(t, "\n", 1);
			doc_text_put(t, s + start, n);
		}
		col++;
		start = i + 1;
	}
}

/* The converter's text as blocks: a line, a paragraph; antiword's
 * tables as rows. */
static void
lines_to_blocks(const struct doc_text *t, struct doc_blocks *bs)
{
	const char *p = t->s, *end = t->s + t->len, *nl;
	size_t len;
	int row = 0;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		len = (size_t)((nl != NULL ? nl : end) - p);
		while (len > 0 && (*p == '\f' || *p == '\r')) {
			p++;
			len--;
		}
		if (table_line(p, len)) {
			size_t first = strspn(p + 1, " ");

			add_row(bs, p, len, row && p[1 + first] == '|');
			row = 1;
		} else {
			blocks_start(bs, 0);
			blocks_put(bs, p, len);
			row = 0;
		}
		p = nl != NULL ? nl + 1 : end;
	}
}

int
document_doc(const char *path, struct doc_blocks *bs, const char **why)
{
	char *antiword[] = { "antiword", "-w", "0", "-m", "UTF-8.txt",
	    (char *)path, NULL };
	char *catdoc[] = { "catdoc", "-w", "-d", "utf-8", (char *)path, NULL };
	struct said a, c;

	memset(bs, 0, sizeof(*bs));
	if (run(antiword, &a) == -1) {
		*why = strerror(errno);
		return -1;
	}
	if (a.status == 0 && !a.too_big && a.out.len > 0) {
		lines_to_blocks(&a.out, bs);
		said_free(&a);
		return 0;
	}
	if (strstr(a.err, "encrypted") != NULL) {
		said_free(&a);
		*why = _("protected by a password: open it and save it "
		    "without one");
		return -1;
	}
	if (run(catdoc, &c) == -1) {
		said_free(&a);
		*why = strerror(errno);
		return -1;
	}
	if (c.status == 0 && !c.too_big) {
		lines_to_blocks(&c.out, bs);
		said_free(&a);
		said_free(&c);
		return 0;
	}
	if (a.status == 127 && c.status == 127)
		*why = _("reading a .doc needs antiword or catdoc: ask for "
		    "them to be installed (Debian packages antiword and "
		    "catdoc), or save the document as .docx or .odt");
	else if (a.too_big || c.too_big)
		*why = _("its text is bigger than a note may be");
	else
		*why = _("not a Word document antiword or catdoc can read: "
		    "open it and save it as .docx or .odt");
	said_free(&a);
	said_free(&c);
	return -1;
}
