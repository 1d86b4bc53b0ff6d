/*
 * tap.h - the Test Anything Protocol for carnet's C unit tests, read by
 * prove(1).  ok()/is_int()/is_str(), then done() as the exit status: it
 * prints the plan, the number of tests run, at the end (a test that dies
 * before done() has no plan, and prove fails it), so that adding a test
 * never means counting them.  Diagnostics start with "#".
 */
#ifndef CARNET_TAP_H
#define CARNET_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_run, tap_failed;

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

#define is_int(got, want, ...) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (!ok(g_ == w_, __VA_ARGS__)) \
		printf("#   got %lld, want %lld\n", g_, w_); \
} while (0)

#define is_str(got, want, ...) do { \
	const char *g_ = (got), *w_ = (want); \
	if (!ok(g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0, \
	    __VA_ARGS__)) \
		printf("#   got \"%s\", want \"%s\"\n", g_ ? g_ : "(null)", \
		    w_ ? w_ : "(null)"); \
} while (0)

#include <stdarg.h>

/* The description is a format: the compiler checks it ("a % typed"
 * once read an argument that was not there). */
static int tap_ok(int, const char *, int, const char *, ...)
    __attribute__((format(printf, 4, 5)));

static int
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_run++;
	if (!pass)
		tap_failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap_run);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!pass)
		printf("#   failed at %s:%d\n", file, line);
	fflush(stdout);
	return pass;
}

static int
done(void)
{
	printf("1..%d\n", tap_run);
	return tap_failed == 0 ? 0 : 1;
}

#endif
