/*
 * print_server.c - what the print server says of itself, in its own
 * words, for "carnet check": whether a printer is chosen by default, or
 * whether the one the configuration names exists and takes documents.
 * The screens and print say what happened in plain words
 * (paper_send.c); whoever looks after the computer reads lpstat's here.
 */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "print.h"

extern char **environ;

/* lpstat asks the print server: never wait on one that does not answer. */
#define LPSTAT_SECONDS	5

/* Run lpstat with ARGV, its first line of output (or error) in SAID; 0, or
 * -1 when it could not be run or did not answer in time. */
static int
lpstat(char *const argv[], char *said, size_t size)
{
	posix_spawn_file_actions_t fa;
	struct pollfd pfd;
	size_t heard = 0;
	ssize_t n;
	time_t until = time(NULL) + LPSTAT_SECONDS;
	pid_t pid;
	int out[2], status, rc, waited = 0;

	said[0] = '\0';
	if (pipe(out) == -1)
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDERR_FILENO);
	posix_spawn_file_actions_addclose(&fa, out[0]);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null",
	    O_RDONLY, 0);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(out[1]);
	if (rc != 0) {
		close(out[0]);
		return -1;
	}
	pfd.fd = out[0];
	pfd.events = POLLIN;
	while (time(NULL) < until && heard + 1 < size) {
		if (poll(&pfd, 1, 200) <= 0)
			continue;
		n = read(out[0], said + heard, size - 1 - heard);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		heard += (size_t)n;
	}
	close(out[0]);
	said[heard] = '\0';
	said[strcspn(said, "\n")] = '\0';
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (time(NULL) >= until || waited++ > 25) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		usleep(200000);
	}
	return said[0] != '\0' ? 0 : -1;
}

int
print_server_says(const char *printer, char *said, size_t size)
{
	char *d[] = { "lpstat", "-d", NULL };
	char *p[] = { "lpstat", "-p", (char *)printer, NULL };

	if (lpstat(printer != NULL ? p : d, said, size) == -1)
		return -1;
	/* "system default destination: X", or "printer X is idle..."; the
	 * rest ("no system default destination", "Invalid destination
	 * name", "disabled since", the server unreachable) means nothing
	 * will print. */
	if (printer == NULL)
		return strncmp(said, "system default destination:", 27) == 0 ?
		    0 : 1;
	return strncmp(said, "printer ", 8) == 0 && strstr(said,
	    "disabled") == NULL ? 0 : 1;
}
