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
	{
		const char *in = "Reste 348 € dus, 12 % payés. RDV à 14 h 30, "
		    "ou 9 h. Note n° 3 pour M. Dupont et Mme Benali (Mlle "
		    "Élise). Le h reste seul : 3 hommes. Madame Me voit.";
		size_t n;
		char *out = paper_french_spacing(in, strlen(in), &n);

		is_str(out, "Reste 348\xc2\xa0€ dus, 12\xe2\x80\xaf% payés. "
		    "RDV à 14\xc2\xa0h\xc2\xa0" "30, ou 9\xc2\xa0h. Note "
		    "n°\xc2\xa0" "3 pour M.\xc2\xa0" "Dupont et "
		    "Mme\xc2\xa0" "Benali (Mlle\xc2\xa0" "Élise). Le h reste "
		    "seul\xc2\xa0: 3 hommes. Madame Me voit.",
		    "a number and its unit, a time, n°, a title and a name "
		    "never part; a word that only looks like one does");
		wipe_free(out);
	}
	{
		const char *in = "Au 01 23 45 67 89, 12 000 habitants, en 2024 puis";
		size_t n;
		char *out = paper_french_spacing(in, strlen(in), &n);

		is_str(out, "Au 01\xc2\xa0" "23\xc2\xa0" "45\xc2\xa0" "67"
		    "\xc2\xa0" "89, 12\xc2\xa0" "000 habitants, en 2024 puis",
		    "the groups of a telephone number and of a thousand never "
		    "part; a number and a word still may");
		wipe_free(out);
	}
	return done();
}
