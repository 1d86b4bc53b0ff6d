/* libFuzzer target: the configuration parser. */
#include <stdint.h>
#include <stdio.h>

#include "conf.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conf c;
	FILE *in, *out;

	if (size == 0 || (in = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	out = fopen("/dev/null", "w");
	conf_init(&c);
	conf_parse(&c, in, "config", out);
	conf_free(&c);
	fclose(in);
	fclose(out);
	return 0;
}
