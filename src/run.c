/*
 * run.c - another program run and heard (run.h).
 *
 * posix_spawnp() rather than fork(): nothing of carnet's memory is copied
 * into a child, even for the moment before exec.  The child's standard
 * input is /dev/null, and every descriptor of carnet's above standard
 * error (the notebook) is closed in it.
 */
#define _GNU_SOURCE	/* pipe2, posix_spawn_file_actions_addclosefrom_np */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "run.h"

extern char **environ;

/* Milliseconds left until UNTIL (CLOCK_MONOTONIC), 0 when past. */
static int
left_ms(const struct timespec *until)
{
	struct timespec now;
	long long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long long)(until->tv_sec - now.tv_sec) * 1000 +
	    (until->tv_nsec - now.tv_nsec) / 1000000;
	return ms <= 0 ? 0 : ms > 60000 ? 60000 : (int)ms;
}

/* Read what waits on FD into HEARD: 1 to go on, 0 at its end, -1 when
 * HEARD asked to stop. */
static int
hear(int fd, int is_err, run_heard *heard, void *context)
{
	char buf[65536];
	ssize_t n;
	int stop;

	while ((n = read(fd, buf, sizeof(buf))) == -1 && errno == EINTR)
		;
	if (n <= 0)
		return 0;
	stop = heard(buf, (size_t)n, is_err, context);
	explicit_bzero(buf, (size_t)n);
	return stop ? -1 : 1;
}

static int
spawn(char *const argv[], int out[2], int err[2], pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	int rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null",
	    O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, err[1], STDERR_FILENO);
	posix_spawn_file_actions_addclosefrom_np(&fa, STDERR_FILENO + 1);
	rc = posix_spawnp(pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

int
run_program(char *const argv[], unsigned seconds, run_heard *heard,
    void *context)
{
	struct timespec until;
	struct pollfd fds[2];
	int out[2], err[2], status, open_fds, i, r, late = 0,
	    stopped = 0, rc;
	pid_t pid;

	if (pipe2(out, O_CLOEXEC) == -1)
		return -1;
	if (pipe2(err, O_CLOEXEC) == -1) {
		rc = errno;
		close(out[0]);
		close(out[1]);
		errno = rc;
		return -1;
	}
	rc = spawn(argv, out, err, &pid);
	close(out[1]);
	close(err[1]);
	if (rc != 0) {
		close(out[0]);
		close(err[0]);
		if (rc == ENOENT)
			return RUN_NOT_FOUND;
		errno = rc;
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += seconds;
	fds[0].fd = out[0];
	fds[1].fd = err[0];
	fds[0].events = fds[1].events = POLLIN;
	for (open_fds = 2; open_fds > 0 && !stopped && !late;) {
		if ((r = poll(fds, 2, left_ms(&until))) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (r == 0) {
			late = left_ms(&until) == 0;
			continue;
		}
		for (i = 0; i < 2 && !stopped; i++) {
			if (fds[i].fd == -1 || !(fds[i].revents & (POLLIN |
			    POLLHUP | POLLERR)))
				continue;
			if ((r = hear(fds[i].fd, i, heard, context)) <= 0) {
				fds[i].fd = -1;
				open_fds--;
				stopped = r == -1;
			}
		}
	}
	/* Killed before its pipes close: it dies of that, never of a write
	 * to a closed pipe (SIGPIPE), which would be another status. */
	if (late || stopped)
		kill(pid, SIGKILL);
	close(out[0]);
	close(err[0]);
	/* Its output closed, it may still be at work: its time holds. */
	for (;;) {
		if (late || stopped) {	/* killed: reaped at once */
			while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
				;
			break;
		}
		if ((r = waitpid(pid, &status, WNOHANG)) == pid)
			break;
		if (r == -1 && errno != EINTR)
			return -1;
		if (left_ms(&until) == 0) {
			late = 1;
			kill(pid, SIGKILL);
		} else
			usleep(10000);
	}
	if (late)
		return RUN_LATE;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 +
	    (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
