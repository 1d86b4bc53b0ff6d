/* unit/run.c - another program run and heard (run.c): what it writes on
 * each stream, its exit status, a program that is not there, one that
 * takes too long, one stopped by its listener, and that it gets neither
 * carnet's standard input nor its open files. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "run.h"
#include "tap.h"

struct heard {
	char	out[4096], err[4096];
	size_t	nout, nerr;
	int	stop_after;	/* stop after this many bytes (0: never) */
};

static int
heard(const char *buf, size_t len, int is_err, void *context)
{
	struct heard *h = context;
	char *to = is_err ? h->err : h->out;
	size_t *n = is_err ? &h->nerr : &h->nout;

	if (len > sizeof(h->out) - 1 - *n)
		len = sizeof(h->out) - 1 - *n;
	memcpy(to + *n, buf, len);
	*n += len;
	to[*n] = '\0';
	return h->stop_after > 0 && h->nout >= (size_t)h->stop_after;
}

static int
sh(const char *script, unsigned seconds, struct heard *h)
{
	char *argv[] = { "sh", "-c", (char *)script, NULL };

	memset(h, 0, sizeof(*h));
	return run_program(argv, seconds, heard, h);
}

int
main(void)
{
	struct heard h;
	char *none[] = { "carnet-no-such-program", NULL };
	char *yes[] = { "yes", NULL };
	int fd, status;

	is_int(sh("echo dit; echo se plaint >&2; exit 3", 10, &h), 3,
	    "its exit status");
	is_str(h.out, "dit\n", "what it writes");
	is_str(h.err, "se plaint\n", "and its complaints, apart");
	is_int(sh("cat", 10, &h), 0, "its standard input is /dev/null");
	is_str(h.out, "", "(cat reads nothing)");
	/* A file of carnet's, not closed on exec, at 9. */
	fd = dup2(open("/dev/null", O_RDONLY), 9);
	sh("ls /proc/self/fd", 10, &h);
	ok(fd == 9 && strcmp(h.out, "0\n1\n2\n3\n") == 0, "it holds none of "
	    "carnet's files: only its three and ls's own");
	if (strcmp(h.out, "0\n1\n2\n3\n") != 0)
		printf("#   %s", h.out);
	close(fd);
	memset(&h, 0, sizeof(h));
	is_int(run_program(none, 10, heard, &h), RUN_NOT_FOUND,
	    "a program that is not there: RUN_NOT_FOUND");
	is_int(sh("kill -TERM $$", 10, &h), 128 + 15,
	    "ended by a signal: 128 + the signal");
	/* No bound on the time it took: only that it was given up.  5 s,
	 * for sh to say "debut" first even on a machine under load. */
	is_int(sh("echo debut; exec sleep 60", 5, &h), RUN_LATE,
	    "one that does not end in its time is killed: RUN_LATE");
	is_str(h.out, "debut\n", "what it said before is kept");
	is_int(sh("exec 1>&- 2>&-; exec sleep 30", 1, &h), RUN_LATE,
	    "even when it closed its output first");
	memset(&h, 0, sizeof(h));
	h.stop_after = 4000;
	status = run_program(yes, 10, heard, &h);
	ok(status == 128 + 9 && h.nout >= 4000,
	    "its listener can stop it: killed (%d)", status);
	return done();
}
