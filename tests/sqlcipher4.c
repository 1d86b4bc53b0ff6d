/*
 * sqlcipher4 FILE SQL - run SQL on FILE with SQLCipher 4 and print each
 * row, columns joined by '|'.  Built by .ci/sqlcipher4 against SQLCipher
 * 4's amalgamation, so that tests/format.t can check that a notebook
 * opens there with the pragmas carnet(5) gives.
 */
#include <stdio.h>

#include "sqlite3.h"

static int
row(void *unused, int n, char **values, char **names)
{
	int i;

	(void)unused, (void)names;
	for (i = 0; i < n; i++)
		printf("%s%s", values[i] ? values[i] : "", i + 1 < n ? "|" :
		    "\n");
	return 0;
}

int
main(int argc, char *argv[])
{
	sqlite3 *db;
	char *error = NULL;

	if (argc != 3) {
		fputs("usage: sqlcipher4 FILE SQL\n", stderr);
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "sqlcipher4: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	if (sqlite3_exec(db, argv[2], row, NULL, &error) != SQLITE_OK) {
		fprintf(stderr, "sqlcipher4: %s\n", error);
		sqlite3_close(db);
		return 1;
	}
	sqlite3_close(db);
	return 0;
}
