/* fuzz_import.c: a libFuzzer target over the read-map-check path of
 * import: encoding scan, decoding, CSV reading, header detection, every
 * cell's checks and the staging table, as a dry run (nothing is applied).
 * The first byte picks the kind; the whole input is the file. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"
#include "core/import.h"
#include "core/pack.h"
#include "core/profile.h"

static struct db *db;
static char file[] = "/tmp/innotrack-fuzz-XXXXXX";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[64];
	char *err = NULL;
	(void)argc;
	(void)argv;
	int fd = mkstemp(file);
	if (fd < 0)
		abort();
	close(fd);
	snprintf(path, sizeof path, "%s.db", file);
	unlink(path);
	if (db_open(path, DB_CREATE, &db, &err) != ST_OK || pack_load(db, "jingdezhen", &err) != ST_OK) {
		fprintf(stderr, "fuzz: %s\n", err);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *kinds[64];
	size_t nkinds = 0;
	for (size_t i = 0; profiles[i] && nkinds < 64; i++)
		if (profiles[i]->flags & PK_IMPORT)
			kinds[nkinds++] = profiles[i]->kind;
	FILE *f = fopen(file, "wb");
	if (f == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	struct import_opts o = {
		.kind = kinds[size ? data[0] % nkinds : 0],
		.path = file,
		.encoding = ENC_AUTO,
		.dry_run = 1,
		.period = size > 1 && (data[1] & 1) ? "2025Q3" : NULL,
	};
	struct import_result r;
	int rc = import_file(db, &o, &r);
	if (rc == ST_DB)
		abort();      /* a database error from data means a bug in the SQL we build */
	return 0;
}
