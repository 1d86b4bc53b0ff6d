/* unit_paper.c - the paper's French typography (paper_french.c), alone:
 * no pango, no fonts. */
#include <stdlib.h>
#include <string.h>

#include "paper.h"
#include "tap.h"

int
main(void)
{
	{
		const char *in = "Elle a dit : « je viendrai » ; vraiment ? "
		    "Oui ! 10:30, «collé», a : b";
		size_t n;
		char *out = paper_french_spacing(in, strlen(in), &n);

		is_str(out, "Elle a dit\xc2\xa0: «\xe2\x80\xafje viendrai"
		    "\xe2\x80\xaf»\xe2\x80\xaf; vraiment\xe2\x80\xaf? "
		    "Oui\xe2\x80\xaf! 10:30, «collé», a\xc2\xa0: b",
		    "French spacing: no-break before : and inside « », narrow "
		    "before ; ! ?, nothing added where there was no space");
		is_int(n, strlen(out), "its length");
		wipe_free(out);
	}
	return done();
}
