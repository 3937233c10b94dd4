/* fuzz_files.h - for the libFuzzer targets of loaders that read files: the
 * input written to a file of a folder of the process's own, removed at exit. */
#ifndef FUZZ_FILES_H
#define FUZZ_FILES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fuzz_dir[] = "/tmp/actorgraph-fuzz-XXXXXX";
static const char *fuzz_names[4];

static void fuzz_cleanup(void)
{
	char path[sizeof fuzz_dir + 64];

	for (size_t i = 0; i < sizeof fuzz_names / sizeof *fuzz_names && fuzz_names[i]; i++) {
		snprintf(path, sizeof path, "%s/%s", fuzz_dir, fuzz_names[i]);
		unlink(path);
	}
	rmdir(fuzz_dir);
}

/* Write 'size' bytes as file 'name' of the folder, made at the first call;
 * 'name' must be a string literal (kept for the cleanup). Returns the folder. */
static const char *fuzz_write(const char *name, const void *data, size_t size)
{
	char path[sizeof fuzz_dir + 64];
	size_t i = 0;
	FILE *fp;

	if (!fuzz_names[0]) {
		if (!mkdtemp(fuzz_dir))
			abort();
		atexit(fuzz_cleanup);
	}
	while (i < sizeof fuzz_names / sizeof *fuzz_names && fuzz_names[i] && strcmp(fuzz_names[i], name) != 0)
		i++;
	if (i == sizeof fuzz_names / sizeof *fuzz_names)
		abort();
	fuzz_names[i] = name;
	snprintf(path, sizeof path, "%s/%s", fuzz_dir, name);
	if (!(fp = fopen(path, "wb")) || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	return fuzz_dir;
}

#endif
