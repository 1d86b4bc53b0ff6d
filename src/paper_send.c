/*
 * paper_send.c - where a typeset PDF goes: to the print command (lp, or
 * the configuration's), through a pipe, without a shell and without a
 * file, in a process group of its own that is stopped whole when it is
 * given up; or to the file a person named.  Built into carnet-paper.so
 * beside paper.c, which typesets.
 */
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <poll.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paper.h"

extern char **environ;

/* COMMAND split into words; "lp" gets its options.  Returns argv. */
static char **
command_words(const char *command, const char *printer, char **copy)
{
	char **argv = xcalloc(strlen(command) / 2 + 10, sizeof(*argv));
	char *w, *save = NULL, *base;
	size_t n = 0;

	*copy = xstrdup(command);
	for (w = strtok_r(*copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save))
		argv[n++] = w;
	if (n > 0) {
		base = strrchr(argv[0], '/');
		base = base != NULL ? base + 1 : argv[0];
		if (strcmp(base, "lp") == 0) {
			/* A neutral title: the job list of the print server
			 * must not show whose dossier it is. */
			argv[n++] = "-s";
			argv[n++] = "-t";
			argv[n++] = "carnet";
			if (printer != NULL && printer[0] != '\0') {
				argv[n++] = "-d";
				argv[n++] = (char *)printer;
			}
		}
	}
	argv[n] = NULL;
	return argv;
}

/* Tenths of a second between two looks at the command and at STOP. */
#define TICK_MS		100
/* How long a stopped command has to end before it is killed. */
#define GRACE_MS	1000

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Ask PID to end, then make it, with every process it started (its
 * process group, which it leads): a print command stopped must not stay
 * behind holding the PDF, nor leave a child that writes it somewhere
 * once carnet has said nothing was printed. */
static void
end_command(pid_t pid, int *status)
{
	double until = now_ms() + GRACE_MS;

	kill(-pid, SIGTERM);
	while (waitpid(pid, status, WNOHANG) == 0) {
		if (now_ms() > until) {
			kill(-pid, SIGKILL);
			while (waitpid(pid, status, 0) == -1 && errno == EINTR)
				;
			return;
		}
		poll(NULL, 0, 10);
	}
	kill(-pid, SIGKILL);
}

/* Read what the command says into SAID (the rest is dropped); 0 at its
 * end, 1 when there may be more later. */
static int
listen_to(int out, char *said, size_t size, size_t *heard)
{
	char drop[256];
	ssize_t n;

	for (;;) {
		if (*heard < size - 1)
			n = read(out, said + *heard, size - 1 - *heard);
		else
			n = read(out, drop, sizeof(drop));
		if (n == 0)
			return 0;
		if (n < 0)
			return errno == EAGAIN || errno == EINTR ? 1 : 0;
		if (*heard < size - 1)
			*heard += (size_t)n;
	}
}

/*
 * Feed the PDF to the command on IN, keep the first line it says on OUT,
 * and wait for it to end, never longer than WAIT allows.  0 when it
 * ended (*STATUS; *BROKEN when it did not read the whole PDF: not all of
 * it could be written, or some is still unread in the pipe, whose read
 * end is UNREAD), 1 when it was stopped, 2 when its time was over.
 */
static int
feed(pid_t pid, int in, int unread, int out, const struct paper_pdf *pdf,
    const struct paper_wait *wait, char *said, size_t size, int *status,
    int *broken)
{
	double deadline = wait->seconds > 0 ? now_ms() + wait->seconds *
	    1000.0 : 0;
	struct pollfd p[2];
	size_t done = 0, heard = 0;
	ssize_t n;
	int result = 0, left;
	nfds_t nfds;

	fcntl(in, F_SETFL, O_NONBLOCK);
	fcntl(out, F_SETFL, O_NONBLOCK);
	for (;;) {
		nfds = 0;
		if (out != -1)
			p[nfds++] = (struct pollfd){ out, POLLIN, 0 };
		if (in != -1)
			p[nfds++] = (struct pollfd){ in, POLLOUT, 0 };
		poll(p, nfds, TICK_MS);
		if (in != -1) {
			n = write(in, pdf->bytes + done, pdf->len - done);
			if (n > 0)
				done += (size_t)n;
			else if (n < 0 && errno != EAGAIN && errno != EINTR)
				*broken = 1;
			if (done == pdf->len || *broken) {
				close(in);
				in = -1;
			}
		}
		if (out != -1 && !listen_to(out, said, size, &heard)) {
			close(out);
			out = -1;
		}
		if (waitpid(pid, status, WNOHANG) == pid) {
			/* What it said before it ended is in the pipe. */
			if (out != -1)
				listen_to(out, said, size, &heard);
			/* A command that ends without reading what it was
			 * given (exit 0 or not) printed none of it. */
			if (ioctl(unread, FIONREAD, &left) == 0 && left > 0)
				*broken = 1;
			break;
		}
		if (wait->stop != NULL && wait->stop(wait->arg))
			result = 1;
		else if (deadline > 0 && now_ms() > deadline)
			result = 2;
		if (result != 0) {
			end_command(pid, status);
			break;
		}
	}
	if (in != -1) {
		close(in);
		*broken = 1;
	}
	if (out != -1)
		close(out);
	said[heard] = '\0';
	said[strcspn(said, "\n")] = '\0';
	return result;
}

/*
 * What the printing system's own words mean, in the user's language and
 * with the one thing to do, for the messages lp gives most (CUPS says
 * them in English whatever the locale, in its own terms); NULL for the
 * others, shown as they are.
 */
static const char *
print_failure_explained(const char *said)
{
	static const struct {
		const char	*words;
		const char	*meaning;
	} known[] = {
		{ "No default destination", N_("no printer is chosen on this "
		    "computer: save the document as a PDF now, or ask "
		    "whoever looks after the computer to choose a printer") },
		{ "does not exist", N_("the printer the configuration names "
		    "is not on this computer: save the document as a PDF "
		    "now, or ask whoever looks after the computer") },
		{ "Unknown destination", N_("the printer the configuration "
		    "names is not on this computer: save the document as a "
		    "PDF now, or ask whoever looks after the computer") },
		{ "not accepting jobs", N_("the printer refuses documents for "
		    "now: save the document as a PDF now, or ask whoever "
		    "looks after the computer") },
		{ "Unable to connect", N_("printing does not work on this "
		    "computer for now: save the document as a PDF now, or "
		    "ask whoever looks after the computer") },
		{ "scheduler is not running", N_("printing does not work on "
		    "this computer for now: save the document as a PDF now, "
		    "or ask whoever looks after the computer") },
	};
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strstr(said, known[i].words) != NULL)
			return _(known[i].meaning);
	return NULL;
}

/* What came of the print command NAME (feed()'s STOPPED, its STATUS,
 * BROKEN when it left the PDF unread, the first line it SAID): 0 printed,
 * or -1 with ERR saying why in plain words. */
static int
outcome(const char *name, int stopped, int status, int broken, char *said,
    const struct paper_wait *wait, struct error *err)
{
	int ended = WIFEXITED(status) && WEXITSTATUS(status) == 0;

	if (stopped == 1)
		return error_set(err, EXIT_ERROR, _("printing was stopped: "
		    "nothing is marked as on paper (what the printer already "
		    "received may still come out)"));
	if (stopped == 2)
		return error_set(err, EXIT_ERROR, _("the print command did not "
		    "finish within %ld seconds and was stopped: nothing is "
		    "marked as on paper (print_timeout in the configuration)"),
		    wait->seconds);
	if (ended && broken)
		return error_set(err, EXIT_ERROR, _("the print command “%s” "
		    "ended without reading the whole document: nothing is "
		    "marked as on paper (is print_command right?)"), name);
	if (ended)
		return 0;
	if (said[0] == '\0')
		return error_set(err, EXIT_ERROR, _("the printer did not take "
		    "the document (“%s” stopped with status %d)"), name,
		    WIFEXITED(status) ? WEXITSTATUS(status) : 128 +
		    WTERMSIG(status));
	/* Its own full stop goes: ours ends the sentence. */
	while (said[0] != '\0' && said[strlen(said) - 1] == '.')
		said[strlen(said) - 1] = '\0';
	/* Plain words and the one thing to do; lp's own words are for
	 * whoever looks after the computer: carnet check, the manual. */
	if (print_failure_explained(said) != NULL)
		return error_set(err, EXIT_ERROR, _("the printer did not take "
		    "the document: %s"), print_failure_explained(said));
	return error_set(err, EXIT_ERROR, _("the printer did not take the "
	    "document: %s"), said);
}

int
paper_print(const struct paper_pdf *pdf, const char *command,
    const char *printer, const struct paper_wait *wait, struct error *err)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	struct sigaction ignore, old;
	char **argv, *copy, said[512];
	int in[2], out[2], status = 0, rc, broken = 0, stopped;
	pid_t pid;

	argv = command_words(command, printer, &copy);
	if (argv[0] == NULL) {
		free(argv);
		free(copy);
		return error_set(err, EXIT_ERROR, _("no print command is set "
		    "(print_command in the configuration)"));
	}
	/* Out of descriptors: said to the caller, as every error of this
	 * module; the screens keep the text being written. */
	in[0] = in[1] = -1;
	if (pipe(in) == -1 || pipe(out) == -1) {
		error_set(err, EXIT_ERROR, _("cannot start the print command: "
		    "%s"), strerror(errno));
		if (in[0] != -1) {
			close(in[0]);
			close(in[1]);
		}
		free(argv);
		free(copy);
		return -1;
	}
	/* Only the child's copies, made by dup2, stay open across exec. */
	fcntl(in[0], F_SETFD, FD_CLOEXEC);
	fcntl(in[1], F_SETFD, FD_CLOEXEC);
	fcntl(out[0], F_SETFD, FD_CLOEXEC);
	fcntl(out[1], F_SETFD, FD_CLOEXEC);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDERR_FILENO);
	/* In a process group of its own, that end_command() stops whole. */
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&attr, 0);
	rc = posix_spawnp(&pid, argv[0], &fa, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	/* The read end stays open here until the command ends, to ask then
	 * whether it left part of the document unread (feed()). */
	close(out[1]);
	if (rc != 0) {
		close(in[0]);
		close(in[1]);
		close(out[0]);
		error_set(err, EXIT_ERROR, rc == ENOENT ? _("the print command "
		    "“%s” is not installed (for lp: the cups-client package)") :
		    _("the print command “%s” cannot be started: %s"), argv[0],
		    strerror(rc));
		free(argv);
		free(copy);
		return -1;
	}
	/* A command that stops reading must not kill carnet with SIGPIPE. */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ignore, &old);
	stopped = feed(pid, in[1], in[0], out[0], pdf, wait, said,
	    sizeof(said), &status, &broken);
	close(in[0]);
	sigaction(SIGPIPE, &old, NULL);
	rc = outcome(argv[0], stopped, status, broken, said, wait, err);
	free(argv);
	free(copy);
	return rc;
}

int
paper_save(const struct paper_pdf *pdf, const char *path, struct error *err)
{
	size_t done = 0;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) ==
	    -1)
		return error_set(err, EXIT_ERROR, errno == EEXIST ? _("%s "
		    "already exists: choose another name") : _("cannot create "
		    "%s: %s"), path, strerror(errno));
	while (done < pdf->len) {
		n = write(fd, pdf->bytes + done, pdf->len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			error_set(err, EXIT_ERROR, _("cannot write %s: %s"), path,
			    n < 0 ? strerror(errno) : "?");
			close(fd);
			unlink(path);
			return -1;
		}
		done += (size_t)n;
	}
	if (fsync(fd) == -1 || close(fd) == -1) {
		error_set(err, EXIT_ERROR, _("cannot write %s: %s"), path,
		    strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}
