/*
 * names.h - a person's name as carnet keeps it, and the one key names
 * are compared by: two names with the same key are namesakes, whatever
 * their spaces, accents, case, apostrophes, hyphens, or letters of
 * another script that look the same.  No SQL, no terminal: unit-tested
 * alone (tests/unit_names.c).
 */
#ifndef CARNET_NAMES_H
#define CARNET_NAMES_H

#include <stddef.h>

#include "util.h"

/*
 * The name as it is kept, from what was TYPED (in wiped memory, to give
 * back with wipe_free()): composed (NFC), every kind of space (no-break,
 * em, ideographic...) one ordinary space, runs of them one, none at
 * either end.  NULL, with ERR saying why (exit status EXIT_USAGE), when
 * it cannot name anyone: empty, not UTF-8, longer than MAX bytes, made
 * only of digits (it would be taken for a number), or holding a control
 * character or one that draws nothing (format characters such as U+200B,
 * line separators, Hangul fillers, the blank braille pattern).
 */
char	*names_clean(const char *typed, size_t max, struct error *err);

/*
 * The comparison key of NAME (wiped memory): its confusable skeleton
 * (Unicode UTS #39, ICU's spoof checker), taken without case, accents
 * nor apostrophes, hyphens counted as spaces, so that "Amina Benali"
 * written with a Cyrillic А, "N'Diaye" and "Ndiaye", "Jean-Marc" and
 * "jean marc" have one key.  Never NULL: a name ICU cannot read keys as
 * itself.
 */
char	*names_key(const char *name);

/* 1 when A and B have the same key. */
int	 names_alike(const char *a, const char *b);

#endif
