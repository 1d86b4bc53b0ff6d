/* when.h - the date of a meeting, as a person types it. */
#ifndef CARNET_WHEN_H
#define CARNET_WHEN_H

#include <time.h>

#include "util.h"

/*
 * Read TYPED, in local time, as of NOW: "hier", "avant-hier", "lundi",
 * "12/03", "12/03/2026", "12 mars", "2026-03-12", each with or without a
 * time ("14h", "14h30", "14 h 30", "14:30"), or a time alone (today);
 * "aujourd'hui" and "maintenant", and their English words, too.  Day
 * before month, as in French.  A date without a time keeps NOW's time of
 * day; a weekday is the latest one, today included; a day and month
 * without a year, the latest one not after today.  A meeting is never in
 * the future: 0 with *OUT, or -1 with what was not understood.
 */
int	when_parse(const char *typed, time_t now, time_t *out,
	    struct error *);
/*
 * The date that heads an entry of a document, at the start of TEXT (LEN
 * bytes): "12/03/2024", "12/03/24", "12.03.2024", "Le 12 mars 2024 :",
 * "mardi 12 mars", each with or without a time, read as when_parse()
 * reads them.  It must name a day ("lundi" or "hier" alone head nothing
 * in a document), with NOW the moment a day without a year is the latest
 * one before; its weekday is not checked against it.  1 with *OUT,
 * *TIMED (a time was given; else 00:00, a day without its hour) and
 * *USED (the bytes of the date and of the punctuation after it), or 0.
 */
int	when_heading(const char *text, size_t len, time_t now, time_t *out,
	    int *timed, size_t *used);

#endif
