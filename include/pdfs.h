/*
 * pdfs.h - the PDFs carnet wrote that are still on disk, NOT encrypted:
 * counted for the list's title and "check" (never named on the list),
 * and "was it printed?" answered later, when the dossier is opened or
 * printed again.  Records whose file is gone are forgotten.
 */
#ifndef CARNET_PDFS_H
#define CARNET_PDFS_H

#include <stddef.h>

#include "print.h"
#include "store.h"

/* The PDFs recorded whose file is still there, oldest first (to free
 * with store_pdfs_free()); those gone are forgotten on the way. */
int	pdfs_on_disk(struct store *, struct pdf_made **, size_t *,
	    struct error *);
/* The oldest PDF of DOSSIER whose "was it printed?" waits: 1 with *P (to
 * free with store_pdfs_free(P, 1)), 0 when none. */
int	pdfs_waiting(struct store *, long long dossier, struct pdf_made **p,
	    struct error *);
/* It was printed: its notes still as they went in are marked on paper
 * as of then; RES says which were not (print_unmarked()); to free with
 * print_result_free(). */
int	pdfs_printed(struct store *, const struct pdf_made *,
	    struct print_result *res, struct error *);

#endif
