/* idset.h - a set of 64-bit identities that keeps little in memory. */
#ifndef IDSET_H
#define IDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The identities (hash64 of names, of texts, of files) a walk over a corpus
 * keeps of each document it has seen, to find one given twice. A small set
 * is a table in memory; past IDSET_MEMORY_SLOTS the table moves to an
 * unlinked temporary file in $TMPDIR (or /tmp), read and written a block at
 * a time, so that memory stays flat however many documents a build reads.
 * Where no temporary file can be made, the table stays in memory.
 * Zero-initialise. */
struct idset {
	uint64_t *slots;	/* the table in memory, 0 a free slot; NULL on disk */
	size_t cap, count;
	bool zero;		/* holds 0 */
	bool on_disk;
	int fd;			/* the table's file, when on_disk */
};
#define IDSET_MEMORY_SLOTS ((size_t)1 << 14)	/* 128 KB */

/* Add id; true if it was there already. */
bool idset_add(struct idset *s, uint64_t id);
void idset_free(struct idset *s);

#endif
