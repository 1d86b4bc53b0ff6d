/* libFuzzer target: the notebook header parser, on any file content. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "notebook.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	struct error err;
	FILE *fp;

	if (path[0] == '\0')
		snprintf(path, sizeof(path), "/tmp/carnet-fuzz-%d", getpid());
	if ((fp = fopen(path, "wb")) == NULL)
		return 0;
	fwrite(data, 1, size, fp);
	fclose(fp);
	if (notebook_probe(path, &err) == -1 && err.status != EXIT_NOTCARNET &&
	    err.status != EXIT_ERROR)
		abort();	/* only 4, or 1 for what cannot be read */
	unlink(path);
	return 0;
}
