/*
 * session.c - sessions (session.h).  An id is "BOOT PID START": the
 * kernel's boot_id, the pid, and the process's start time in clock ticks
 * since boot (field 22 of /proc/PID/stat).  A pid alone is not enough:
 * pids are reused, and after a restart a draft's pid may well belong to
 * a daemon that runs for weeks.  Reading /proc stays allowed in the
 * sandbox (sandbox.c confines writing, not reading).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "session.h"

#define BOOT_ID		"/proc/sys/kernel/random/boot_id"
/* A boot_id is a UUID: 36 characters. */
#define BOOT_MAX	64

static int
read_boot(char *buf, size_t size)
{
	FILE *fp = fopen(BOOT_ID, "re");
	int ok;

	if (fp == NULL)
		return -1;
	ok = fgets(buf, (int)size, fp) != NULL;
	fclose(fp);
	buf[strcspn(buf, "\n")] = '\0';
	return ok && buf[0] != '\0' && strchr(buf, ' ') == NULL ? 0 : -1;
}

/* The start time of process PID, or -1; -1 too for a process that has
 * ended and not been waited for (a zombie: state Z, or X).  Such a
 * process runs no more: a carnet killed whose parent died first stays a
 * zombie for as long as nobody reaps it (an init that does not, as in
 * some containers), and its drafts are to be offered.  The command name
 * (field 2) may hold spaces and parentheses: fields are counted after
 * its last ')'. */
static long long
start_time(long pid)
{
	char path[64], buf[1024], *p;
	long long start = -1;
	size_t n;
	FILE *fp;
	int field;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	if ((fp = fopen(path, "re")) == NULL)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	if ((p = strrchr(buf, ')')) == NULL)
		return -1;
	/* After ')' comes field 3, the state. */
	if (p[1] == ' ' && (p[2] == 'Z' || p[2] == 'X'))
		return -1;
	for (field = 2; field < 22 && p != NULL; field++)
		p = strchr(p + 1, ' ');
	if (p != NULL)
		start = strtoll(p + 1, NULL, 10);
	return start;
}

const char *
session_self(void)
{
	static char self[BOOT_MAX + 64];
	static long of;		/* a forked child is a session of its own */
	char boot[BOOT_MAX];
	long pid = (long)getpid();

	if (of != pid) {
		of = pid;
		if (read_boot(boot, sizeof(boot)) == -1)
			snprintf(boot, sizeof(boot), "unknown");
		snprintf(self, sizeof(self), "%s %ld %lld", boot, pid,
		    start_time(pid));
	}
	return self;
}

int
session_alive(const char *id)
{
	char boot[BOOT_MAX], theirs[BOOT_MAX];
	long pid;
	long long start;

	if (id == NULL || sscanf(id, "%63s %ld %lld", theirs, &pid,
	    &start) != 3 || pid <= 0 || start < 0)
		return 0;
	if (read_boot(boot, sizeof(boot)) == -1 || strcmp(boot, theirs) != 0)
		return 0;
	return start_time(pid) == start;
}
