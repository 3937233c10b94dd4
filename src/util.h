/* util.h - memory that never fails, growable buffers, a string map, sorted
 * string sets, UTF-8, dates, atomic files and sets of them, output locks. */
#ifndef UTIL_H
#define UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>

#include "diag.h"

/* These print "actorgraph: out of memory" and abort instead of returning NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grow the array *p of *cap elements of 'size' bytes to hold at least 'need'.
 * Inline, as most calls (one per token) find the room already there. */
void xgrow_to(void *p, size_t *cap, size_t need, size_t size);
static inline void xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need > *cap)
		xgrow_to(p, cap, need, size);
}

/* A growable NUL-terminated string. Zero-initialise; free 'data' with free(). */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_add(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Lines of tab-separated fields (cache entries, records, partial graphs):
 * text as one field, with '\\', tab, line feed and carriage return
 * escaped by a '\\'... */
void buf_field(struct buf *b, const char *s, size_t len);
/* ...and undone in place on the NUL-terminated s, its length in *len; false
 * if s holds an escape that buf_field does not write. */
bool field_text(char *s, size_t *len);
/* Split the line [p, end) at its tabs, in place (*end becomes a NUL), into
 * at most max fields; returns how many, 0 when it has more. */
size_t split_fields(char *p, char *end, char **f, size_t max);

/* A map from strings to ints (indexes into the caller's arrays). Keys are copied. */
struct strmap;
struct strmap *strmap_new(void);
void strmap_free(struct strmap *m);	/* m may be NULL */
/* Returns the value of 'key', or -1 if absent. */
long strmap_get(const struct strmap *m, const char *key);
long strmap_getn(const struct strmap *m, const char *key, size_t len);
/* Sets key to value; returns the previous value or -1. */
long strmap_put(struct strmap *m, const char *key, long value);

/* A 64-bit hash, eight bytes a step (FNV-1a for the tail): plenty for
 * telling documents apart (cache.c), and fast, as a rebuild hashes every
 * one. Begin with HASH64_START. */
uint64_t hash64(uint64_t h, const void *data, size_t len);
#define HASH64_START 0xcbf29ce484222325ULL

/* A sorted set of strings, the same whatever order they are added in.
 * Zero-initialise; adding is a binary search (a word already there costs
 * no copy). */
struct strset {
	char **v;
	size_t n, cap;
};
void strset_add(struct strset *s, const char *word);
/* The words joined by single spaces, in order ("" when empty): caller frees. */
char *strset_join(const struct strset *s);
void strset_free(struct strset *s);

/* Decode one UTF-8 character at s (n bytes left) into *cp. Returns its
 * length, or 0 for an invalid, overlong or truncated sequence. ASCII,
 * nearly all of news text, is decoded inline: the tokenizer decodes each
 * character. */
size_t utf8_decode_multi(const unsigned char *s, size_t n, unsigned long *cp);
static inline size_t utf8_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	return utf8_decode_multi(s, n, cp);
}
/* Encode cp as UTF-8 into out (room for 4 bytes). Returns the length. */
size_t utf8_encode(unsigned long cp, char *out);
/* The case of a letter: 1 upper, -1 lower, 0 neither (digits, punctuation,
 * scripts without case, and letters this small table does not know). It
 * knows ASCII, Latin-1, Latin Extended-A and -B, Latin Extended Additional
 * (Vietnamese), Greek, Cyrillic and Armenian. */
int utf8_case(unsigned long cp);
/* The lowercase of an uppercase letter utf8_case knows; cp itself otherwise. */
unsigned long utf8_lower(unsigned long cp);

/* Replace in place, with a space, each character that an output cannot hold
 * or that its readers mangle: control characters other than tab and newline
 * (U+0001-U+001F, most of which XML 1.0 forbids, and U+007F-U+009F), the
 * noncharacters (U+FDD0-U+FDEF and the last two code points of each plane:
 * XML 1.0 forbids U+FFFE and U+FFFF, and xmllint refuses the others in a
 * GraphML id), and each byte that is not UTF-8 (such as a surrogate's).
 * Labels, names and ids are cleaned where they enter: schema files, texts,
 * JSON lines. Returns s. */
char *utf8_clean(char *s);

/* Is s a day of the Gregorian calendar from year 1800 to 2999, written
 * YYYY-MM-DD (or, when 'partial', also a year YYYY or a month YYYY-MM)? */
bool is_date(const char *s, bool partial);
/* The days from 1970-01-01 to date s (a date is_date accepts), and back. */
long date_days(const char *s);
void date_of_days(long days, char out[11]);
/* The same check as an error at p, naming what was expected: "expected a
 * date YYYY-MM-DD, found '2024-02-30' (no such day)". Returns 0 or -1. */
int date_check(const char *s, bool partial, struct pos p, struct diag *err);

/* A name made safe as a file name in an output folder: '/' and control
 * characters become '_', leading dots too, at most FILE_NAME_MAX bytes (cut
 * at a character), "document" if empty; so that no name leaves the folder.
 * The caller frees it. */
enum { FILE_NAME_MAX = 200 };
char *file_name_of(const char *name);
/* Is name a file name as it is (file_name_of would not change it)? */
bool is_file_name(const char *name);

/* Is w one of the NULL-terminated list's words? */
bool word_in(const char *w, const char *const list[]);

/* Read a file ('-' is stdin) into *data (NUL-terminated, caller frees), up to
 * 'max' bytes. Returns 0 when that is the whole file, 1 when it is longer
 * (*data holds its first 'max' bytes), -1 with err set on failure. */
int read_file(const char *path, size_t max, char **data, size_t *len, struct diag *err);

/* x as printf's "%.0f" (decimals 0) or "%.6f" (6) writes it, in buf or a
 * part of it, in a fifth of printf's time (a million edges' files). */
const char *fixed_text(double x, int decimals, char buf[64]);

/* All n bytes to or from descriptor fd, across short counts and signals.
 * Return 0, or -1 at an error (errno) or, reading, at the end of the file. */
int fd_write_all(int fd, const void *p, size_t n);
int fd_read_all(int fd, void *p, size_t n);

/* Atomic output: write to a temporary file beside 'path', then rename it over
 * 'path' on commit, so that a failure never leaves a half-written or destroyed file. */
struct outfile {
	FILE *fp;
	char *path, *tmp;
};
int outfile_open(struct outfile *o, const char *path, struct diag *err);
/* Flush, close and rename; on failure the temporary file is removed. */
int outfile_commit(struct outfile *o, struct diag *err);
/* Remove the temporary file (after a failed write); safe after commit. */
void outfile_abort(struct outfile *o);
/* Replace the n files of o as one set: each is flushed, synced to the disk
 * and closed, and only when all are, each is renamed over its path; then
 * their folders are synced. A failure before the renames removes every
 * temporary file and leaves every path as it was; a rename or a sync that
 * fails is reported after the others are done. */
int outfile_commit_all(struct outfile *o, size_t n, struct diag *err);

/* A hard link to the file 'path' as an output 'keep' (o->fp is NULL), so
 * that the file 'path' is, as it is now, what outfile_commit_all() renames
 * over 'keep' with the rest of a set (and keeps when the set replaces
 * 'path'). Returns 0, 1 when there is nothing to keep (no 'path', or 'keep'
 * is 'path' already; o is untouched), or -1 with err set. Its temporary
 * name is made of the process id: the caller holds the output's lock. */
int outfile_link(struct outfile *o, const char *path, const char *keep, struct diag *err);

/* A lock on an output folder: a file with a POSIX record lock (fcntl),
 * which goes with the process that holds it, however it ends, and which a
 * child it forks does not inherit; the file holds the holder's pid. The
 * process must not open the file otherwise: closing that would drop the lock. */
struct outlock {
	int fd;		/* -1 when not held */
};
/* Take the lock 'path' at once, or fail naming the process that holds it
 * (another process: a process holds a lock of its own again). A lock file
 * left by a process that died is taken over. */
int outlock_take(struct outlock *l, const char *path, struct diag *err);
void outlock_release(struct outlock *l);	/* safe when not held */

/* Make 'dir' and its parents, like mkdir -p. */
int make_dirs(const char *dir, struct diag *err);

/* What says a file is unchanged, as git's index has it: its device,
 * inode, size and times of change, 56 of the 144 bytes of a struct stat
 * (a build keeps one for each file it reads). */
struct file_mark {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
};
struct file_mark file_mark_of(const struct stat *st);

#endif
