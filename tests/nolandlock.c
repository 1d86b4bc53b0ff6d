/*
 * nolandlock.so - for tests/privacy/sandbox.t: loaded with LD_PRELOAD, it makes
 * the Landlock system calls answer ENOSYS, as a kernel without Landlock
 * does; every other system call goes through.
 */
#define _GNU_SOURCE
#include <sys/syscall.h>

#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>

long
syscall(long number, ...)
{
	static long (*real)(long, ...);
	long a[6];
	va_list ap;
	int i;

	if (number == SYS_landlock_create_ruleset ||
	    number == SYS_landlock_add_rule ||
	    number == SYS_landlock_restrict_self) {
		errno = ENOSYS;
		return -1;
	}
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "syscall");
	/* Six arguments, as the kernel takes: the ones not passed are
	 * whatever the registers hold, which the call then ignores. */
	va_start(ap, number);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return real(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}
