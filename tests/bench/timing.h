/*
 * timing.h - what the two benchmark programs share: a clock, samples
 * reported as median and 95th percentile, and the query text carnet
 * makes of the words typed (each word a quoted phrase).
 */
#ifndef CARNET_TIMING_H
#define CARNET_TIMING_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct sample {
	double	*v;
	size_t	 n, cap;
};

static inline double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static inline void
sample_init(struct sample *s)
{
	memset(s, 0, sizeof(*s));
}

static inline void
sample_add(struct sample *s, double v)
{
	if (s->n == s->cap)
		s->v = realloc(s->v, (s->cap = s->cap ? s->cap * 2 : 64) *
		    sizeof(*s->v));
	s->v[s->n++] = v;
}

static inline int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static inline double
sample_at(struct sample *s, double q)
{
	if (s->n == 0)
		return 0;
	qsort(s->v, s->n, sizeof(*s->v), by_value);
	return s->v[(size_t)(q * (double)(s->n - 1) + 0.5)];
}

static inline void
sample_print(const char *name, struct sample *s)
{
	printf("%s\t%.3f\t%.3f\t%.3f\n", name, sample_at(s, 0.5),
	    sample_at(s, 0.95), sample_at(s, 1.0));
}

static inline char *
carnet_query(const char *words)
{
	char *q = malloc(strlen(words) * 2 + 8), *o = q;
	const char *p = words;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if (o != q)
			*o++ = ' ';
		*o++ = '"';
		while (*p != '\0' && *p != ' ')
			*o++ = *p++;
		*o++ = '"';
	}
	*o = '\0';
	return q;
}

#endif
