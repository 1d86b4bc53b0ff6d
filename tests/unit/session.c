/* Unit tests of session.c: a session is this process, on this boot. */
#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "session.h"
#include "tap.h"

/* Whether process PID has ended without being waited for. */
static int
zombie(pid_t pid)
{
	char path[64], buf[512], *p;
	FILE *fp;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	if ((fp = fopen(path, "re")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p != NULL && p[1] == ' ' && p[2] == 'Z';
}

int
main(void)
{
	char boot[64], other[200];
	int i;
	long pid;
	long long start;
	pid_t child;
	ssize_t n;
	int status, fds[2];

	ok(sscanf(session_self(), "%63s %ld %lld", boot, &pid, &start) == 3,
	    "a session is BOOT PID START");
	ok(pid == (long)getpid() && start > 0, "this process, its start time");
	ok(strcmp(session_self(), session_self()) == 0, "the same each time");
	ok(session_alive(session_self()), "this process's session is alive");

	snprintf(other, sizeof(other), "%s %ld %lld", boot, pid, start + 1);
	ok(!session_alive(other), "the same pid, started another time: gone");
	snprintf(other, sizeof(other), "another-boot %ld %lld", pid, start);
	ok(!session_alive(other), "the same pid on another boot: gone");
	ok(!session_alive(NULL), "no session (a draft of schema 2): gone");
	ok(!session_alive("garbage"), "what cannot be read: gone");
	ok(!session_alive(""), "an empty id: gone");

	/* A child's session, read from it through a pipe: alive while it
	 * runs, gone once it is killed and reaped. */
	if (pipe(fds) == -1 || (child = fork()) == -1)
		return 1;
	if (child == 0) {
		close(fds[0]);
		if (write(fds[1], session_self(), strlen(session_self())) < 0)
			_exit(1);
		close(fds[1]);
		pause();
		_exit(0);
	}
	close(fds[1]);
	memset(other, 0, sizeof(other));
	n = read(fds[0], other, sizeof(other) - 1);
	close(fds[0]);
	ok(n > 0 && strcmp(other, session_self()) != 0,
	    "a child is a session of its own");
	ok(session_alive(other), "a running child is alive");
	kill(child, SIGKILL);
	/* Killed, not yet reaped: a zombie, as a killed carnet stays when
	 * its parent died first and init does not reap.  It runs no more. */
	for (i = 0; i < 500 && !zombie(child); i++)
		usleep(10000);
	ok(zombie(child), "(the child is a zombie now)");
	ok(!session_alive(other), "killed, not yet reaped (a zombie): gone");
	waitpid(child, &status, 0);
	ok(!session_alive(other), "killed and reaped: gone");
	return done();
}
