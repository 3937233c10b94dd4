/* idset.c - sets of 64-bit identities, in memory while small, then in a
 * temporary file.
 *
 * Both are one open-addressing table with linear probing. On disk it is read
 * BLOCK slots at a time with pread (a probe rarely leaves its block at half
 * load) and written a slot at a time with pwrite; the file lives in the page
 * cache, not in the process, which is the point: a build over millions of
 * documents keeps a few bytes each of them, and they should not count
 * against its memory. */
#define _GNU_SOURCE		/* mkostemp */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "idset.h"
#include "util.h"

#define BLOCK 64		/* slots read at once: 512 bytes */
#define DISK_SLOTS (4 * IDSET_MEMORY_SLOTS)	/* the table's first size on disk */

/* The slot an id probes first: ids are hashes, but some (a test's) are not. */
static size_t home(uint64_t id, size_t cap)
{
	return (size_t)((id * 0x9e3779b97f4a7c15ULL) >> 24) & (cap - 1);
}

/* A temporary file has failed under us: nothing to do but say so and stop,
 * as xmalloc does when memory runs out. */
static void die(const char *what)
{
	fprintf(stderr, "actorgraph: temporary file of document identities: %s: %s\n", what, strerror(errno));
	abort();
}

static void read_slots(int fd, uint64_t *v, size_t n, size_t at)
{
	ssize_t got = pread(fd, v, n * sizeof *v, (off_t)(at * sizeof *v));

	if (got != (ssize_t)(n * sizeof *v)) {
		if (got >= 0)
			errno = EIO;
		die("read");
	}
}

/* A new table of cap free slots in an unlinked file, or -1. */
static int new_file(size_t cap)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	int fd;

	snprintf(path, sizeof path, "%s/actorgraph-ids-XXXXXX", dir && *dir ? dir : "/tmp");
	if ((fd = mkostemp(path, O_CLOEXEC)) < 0)
		return -1;
	unlink(path);
	if (ftruncate(fd, (off_t)(cap * sizeof(uint64_t))) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static bool disk_add(int fd, size_t cap, uint64_t id)
{
	uint64_t block[BLOCK];

	for (size_t k = home(id, cap);;) {
		size_t start = k & ~(size_t)(BLOCK - 1);

		read_slots(fd, block, BLOCK, start);
		for (size_t j = k - start; j < BLOCK; j++) {
			if (block[j] == id)
				return true;
			if (!block[j]) {
				if (pwrite(fd, &id, sizeof id, (off_t)((start + j) * sizeof id)) != sizeof id)
					die("write");
				return false;
			}
		}
		k = (start + BLOCK) & (cap - 1);
	}
}

static bool memory_add(uint64_t *slots, size_t cap, uint64_t id)
{
	size_t k;

	for (k = home(id, cap); slots[k]; k = (k + 1) & (cap - 1))
		if (slots[k] == id)
			return true;
	slots[k] = id;
	return false;
}

/* The table's ids probed into a new file of cap slots, read from memory or,
 * on disk, back in large pieces; the file, or -1 if none can be made. */
static int refile(const struct idset *s, size_t cap)
{
	size_t n = s->cap < 8192 ? s->cap : 8192;
	uint64_t *piece = s->on_disk ? xmalloc(n * sizeof *piece) : NULL;
	int fd = new_file(cap);

	for (size_t at = 0; fd >= 0 && at < s->cap; at += n) {
		const uint64_t *v = s->on_disk ? piece : s->slots + at;

		if (s->on_disk)
			read_slots(s->fd, piece, n, at);
		for (size_t j = 0; j < n; j++)
			if (v[j])
				disk_add(fd, cap, v[j]);
	}
	free(piece);
	return fd;
}

/* Double the table: in memory, until it is as large as memory may hold,
 * then (if a file can be made) in a file of DISK_SLOTS, doubled there at
 * half load. */
static void grow(struct idset *s)
{
	size_t cap = s->cap ? 2 * s->cap : 64, file_cap = s->on_disk ? cap : DISK_SLOTS;
	uint64_t *slots;
	int fd;

	if (s->on_disk || cap > IDSET_MEMORY_SLOTS) {
		if ((fd = refile(s, file_cap)) >= 0) {
			if (s->on_disk)
				close(s->fd);
			free(s->slots);
			*s = (struct idset){NULL, file_cap, s->count, s->zero, true, fd};
			return;
		}
		if (s->on_disk)
			die("create");	/* in memory it stays only while it never left */
	}
	slots = xcalloc(cap, sizeof *slots);
	for (size_t j = 0; j < s->cap; j++)
		if (s->slots[j])
			memory_add(slots, cap, s->slots[j]);
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
}

bool idset_add(struct idset *s, uint64_t id)
{
	bool had;

	if (id == 0) {
		had = s->zero;
		s->zero = true;
		return had;
	}
	if (s->on_disk ? 2 * (s->count + 1) > s->cap : 4 * (s->count + 1) > 3 * s->cap)
		grow(s);	/* at most half full on disk, three quarters in memory */
	had = s->on_disk ? disk_add(s->fd, s->cap, id) : memory_add(s->slots, s->cap, id);
	s->count += !had;
	return had;
}

void idset_free(struct idset *s)
{
	if (s->on_disk)
		close(s->fd);
	free(s->slots);
	*s = (struct idset){0};
}
