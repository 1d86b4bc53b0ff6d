/* print_floor.h - the floor for printing (print_floor.c). */
#ifndef CARNET_PRINT_FLOOR_H
#define CARNET_PRINT_FLOOR_H

#include <stddef.h>

struct paper_note;

/* Set N notes under NAME into a PDF in memory, as cheaply as pango and
 * cairo can; its size in bytes, the page count in PAGES. */
size_t	print_floor(const char *name, const struct paper_note *notes,
	    size_t n, int *pages);

#endif
