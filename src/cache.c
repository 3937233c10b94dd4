/* cache.c - one file per document under DIR/xx/, named by a hash of what
 * its results depend on; lines of tab-separated fields, the last of them a
 * checksum of the others, so that a torn or truncated entry is seen as one. */
#define _GNU_SOURCE	/* O_NOATIME */
#include "cache.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "idset.h"
#include "util.h"

struct cache {
	char *dir;
	int fd;			/* dir, open: entries are opened from it, not by walking its path */
	uint64_t context;	/* the hash of the schema's files and of this program */
	bool warned;		/* a failed write was reported */
	/* the index of the last build: a hash of a file's signature and its
	 * identity, at most half full (sig 0: free); 16 bytes a file, where a
	 * map of the signatures' strings took ten times that and its
	 * building was a twentieth of a rebuild */
	struct known {
		uint64_t sig;
		struct cache_key id;
	} *known;
	size_t known_cap;
	struct buf index;	/* this build's index, written on closing */
	/* the index's first line, with the context: an index of another
	 * schema or program is not used, as none of the entries of the
	 * documents it knows would do, and a rebuild would find that out
	 * reading them one by one in its main process (chunks.c), not in its
	 * workers */
	char index_header[64];
};

static void load_index(struct cache *c);
static void save_index(struct cache *c);

static uint64_t hash_str(uint64_t h, const char *s)
{
	return hash64(h, s ? s : "", s ? strlen(s) + 1 : 1);	/* the NUL ends a field */
}

/* Hash the bytes of file 'path' into h; false if it cannot be read. Its
 * path is not hashed: a schema copied elsewhere keys alike. */
static bool hash_file(uint64_t *h, const char *path)
{
	struct diag err = {{0}};
	char *data;
	size_t len;

	if (read_file(path, SIZE_MAX, &data, &len, &err) < 0)
		return false;
	*h = hash64(*h, data, len);
	free(data);
	return true;
}

static int yaml_file(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0;
}

/* dl_iterate_phdr's callback: the build ID the linker gave this program
 * (a hash of its bytes) hashed into *(uint64_t *)h; 1 if found, -1 if not
 * (the first object is the program: no other is looked at). */
static int build_id(struct dl_phdr_info *info, size_t size, void *h)
{
	(void)size;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		const char *p = (const char *)(info->dlpi_addr + ph->p_vaddr), *end = p + ph->p_memsz;

		while (ph->p_type == PT_NOTE && p + sizeof(ElfW(Nhdr)) <= end) {
			const ElfW(Nhdr) *n = (const void *)p;
			const char *name = p + sizeof *n, *desc = name + ((n->n_namesz + 3) & ~3u);

			if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && memcmp(name, "GNU", 4) == 0 &&
			    desc + n->n_descsz <= end) {
				*(uint64_t *)h = hash64(*(uint64_t *)h, desc, n->n_descsz);
				return 1;
			}
			p = desc + ((n->n_descsz + 3) & ~3u);
		}
	}
	return -1;
}

/* The schema's files (every *.yaml of its folder, in name order) and this
 * program (its build ID, else its bytes: reading them was a twentieth of a
 * rebuild): what extraction depends on besides the document. */
static bool context_hash(const struct schema *s, uint64_t *h)
{
	struct dirent **list;
	int n = scandir(s->dir, &list, yaml_file, alphasort);
	bool ok = n >= 0;

	*h = HASH64_START;
	for (int i = 0; i < n; i++) {
		struct buf path = {0};

		buf_printf(&path, "%s/%s", s->dir, list[i]->d_name);
		*h = hash_str(*h, list[i]->d_name);	/* which file each part is */
		ok = ok && hash_file(h, path.data);
		free(path.data);
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	return ok && (dl_iterate_phdr(build_id, h) == 1 || hash_file(h, "/proc/self/exe"));
}

struct cache *cache_open(const char *dir, struct schema *s, const char *settings, struct diag *err)
{
	struct cache *c;
	uint64_t context;

	if (!context_hash(s, &context)) {
		diag_set(err, "cannot read the schema in %s or this program to key the cache", s->dir);
		return NULL;
	}
	if (make_dirs(dir, err) < 0)
		return NULL;
	c = xcalloc(1, sizeof *c);
	if ((c->fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		diag_sys(err, "open", dir);
		free(c);
		return NULL;
	}
	c->dir = xstrdup(dir);
	c->context = hash_str(context, settings);
	snprintf(c->index_header, sizeof c->index_header, "actorgraph-index\t3\t%016" PRIx64 "\n", c->context);
	load_index(c);
	return c;
}

void cache_doc_begin(struct cache_doc_hash *x, const char *date)
{
	x->h = hash_str(HASH64_START, date);
	x->ntail = 0;
}

/* hash64() of the text so far, the bytes short of a step of it kept for the next */
void cache_doc_more(struct cache_doc_hash *x, const char *text, size_t len)
{
	size_t steps;

	while (len && x->ntail) {
		x->tail[x->ntail++] = (unsigned char)*text++;
		len--;
		if (x->ntail == sizeof x->tail) {
			x->h = hash64(x->h, x->tail, sizeof x->tail);
			x->ntail = 0;
		}
	}
	steps = len - len % sizeof x->tail;
	x->h = hash64(x->h, text, steps);
	memcpy(x->tail + x->ntail, text + steps, len - steps);
	x->ntail += len - steps;
}

struct cache_key cache_doc_end(const struct cache_doc_hash *x)
{
	struct cache_key k;

	snprintf(k.hex, sizeof k.hex, "%016" PRIx64, hash64(x->h, x->tail, x->ntail));
	return k;
}

struct cache_key cache_doc_key(const char *text, size_t len, const char *date)
{
	struct cache_doc_hash x;

	cache_doc_begin(&x, date);
	cache_doc_more(&x, text, len);
	return cache_doc_end(&x);
}

struct cache_key cache_key(const struct cache *c, struct cache_key doc)
{
	struct cache_key k;

	snprintf(k.hex, sizeof k.hex, "%016" PRIx64, hash64(hash64(HASH64_START, &c->context, sizeof c->context), doc.hex, 16));
	return k;
}

/* DIR/xx/xxxxxxxxxxxxxx for key k. */
static char *entry_path(const struct cache *c, struct cache_key k)
{
	struct buf path = {0};

	buf_printf(&path, "%s/%.2s/%s", c->dir, k.hex, k.hex + 2);
	return path.data;
}

/* The entries of the documents of this build's index: a rebuild reads
 * only those of changed chunks (chunks.c), and the others are used without
 * their time of change being renewed. */
static void live_entries(const struct cache *c, struct idset *live)
{
	const char *end = c->index.data + c->index.len;

	for (const char *nl = c->index.data; nl && (nl = memchr(nl, '\n', (size_t)(end - nl))); nl++) {
		struct cache_key doc;

		memcpy(doc.hex, nl - 16, 16);	/* "SIGNATURE-HASH\tID\n" */
		doc.hex[16] = '\0';
		idset_add(live, strtoull(cache_key(c, doc).hex, NULL, 16));
	}
}

/* Remove from folder 'dir' (DIR/xx) the entries older than 'before' but the live ones. */
static void prune_folder(const char *dir, time_t before, struct idset *live)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		struct buf path = {0}, key = {0};
		struct stat st;

		buf_printf(&path, "%s/%s", dir, e->d_name);
		buf_printf(&key, "%s%s", dir + strlen(dir) - 2, e->d_name);
		if (e->d_name[0] != '.' && lstat(path.data, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime < before &&
		    !idset_add(live, strtoull(key.data, NULL, 16)))
			unlink(path.data);
		free(path.data);
		free(key.data);
	}
	if (d)
		closedir(d);
}

void cache_close(struct cache *c)
{
	struct buf stamp = {0};
	struct stat st;
	time_t now = time(NULL);

	if (!c)
		return;
	buf_printf(&stamp, "%s/pruned", c->dir);
	if (stat(stamp.data, &st) < 0 || st.st_mtime < now - 24 * 3600) {
		int fd = open(stamp.data, O_WRONLY | O_CREAT, 0644);
		struct idset live = {0};

		if (fd >= 0) {
			futimens(fd, NULL);
			close(fd);
		}
		live_entries(c, &live);
		for (unsigned i = 0; i < 256; i++) {
			struct buf sub = {0};

			buf_printf(&sub, "%s/%02x", c->dir, i);
			prune_folder(sub.data, now - (time_t)CACHE_DAYS * 24 * 3600, &live);
			rmdir(sub.data);	/* if empty */
			free(sub.data);
		}
		idset_free(&live);
	}
	if (c->index.len)
		save_index(c);
	free(c->index.data);
	free(c->known);
	free(stamp.data);
	close(c->fd);
	free(c->dir);
	free(c);
}

/* A number of decimal digits into *out; false if s is not one. */
static bool get_size(const char *s, size_t *out)
{
	char *stop;

	if (!isdigit((unsigned char)*s))
		return false;
	*out = (size_t)strtoull(s, &stop, 10);
	return *stop == '\0';
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

void cache_record(const struct schema *s, const struct doc *d, const struct mention *m, size_t nm,
		  const struct event *ev, size_t ne, struct buf *out)
{
	int *actors = xmalloc((nm + 2 * ne + 1) * sizeof *actors);
	struct mention_count *counts;
	size_t na = 0, nc;

	buf_printf(out, "date\t%s\n", d->date ? d->date : "");
	for (size_t i = 0; i < nm; i++)
		actors[na++] = m[i].actor;
	for (size_t i = 0; i < ne; i++) {
		actors[na++] = ev[i].source;
		actors[na++] = ev[i].target;
	}
	qsort(actors, na, sizeof *actors, cmp_int);
	for (size_t i = 0; i < na; i++)	/* the actors the document introduced, once each */
		if ((size_t)actors[i] >= s->nloaded && (i == 0 || actors[i] != actors[i - 1]))
			buf_printf(out, "actor\t%d\t%s\t%s\n", (int)s->actors[actors[i]].kind, s->actors[actors[i]].id,
				   s->actors[actors[i]].label);
	nc = actors_count(m, nm, &counts);
	for (size_t i = 0; i < nc; i++)
		buf_printf(out, "mention\t%s\t%zu\n", s->actors[counts[i].actor].id, counts[i].count);
	for (size_t i = 0; i < ne; i++) {
		struct span said = text_sentence(d, ev[i].sentence);

		buf_printf(out, "event\t%s\t%s\t%s\t%c\t%s\t%zu\t%zu\t", s->rels[ev[i].rel].id,
			   s->actors[ev[i].source].id, s->actors[ev[i].target].id,
			   ev[i].modality == MOD_ASSERTED ? 'a' : 'h', ev[i].rule, d->sentences_before + ev[i].sentence,
			   d->origin + ev[i].start);
		buf_field(out, said.p, said.len);
		buf_add(out, "\n", 1);
	}
	free(actors);
	free(counts);
}

/* Copy the first n bytes of file fd to fp, hashed into sum; false if they cannot be. */
static bool copy_spilled(int fd, size_t n, FILE *fp, struct cache_doc_hash *sum)
{
	char chunk[1 << 16];

	for (size_t at = 0; at < n;) {
		ssize_t r = pread(fd, chunk, n - at < sizeof chunk ? n - at : sizeof chunk, (off_t)at);

		if (r <= 0 || fwrite(chunk, 1, (size_t)r, fp) != (size_t)r)
			return false;
		cache_doc_more(sum, chunk, (size_t)r);
		at += (size_t)r;
	}
	return true;
}

void cache_put(struct cache *c, struct cache_key k, int fd, size_t spilled, const char *record, size_t len)
{
	char *path = entry_path(c, k), header[64], end[32] = "";
	struct buf sub = {0};
	struct cache_doc_hash sum = {HASH64_START, {0}, 0};	/* of the header and record, not copied together */
	struct outfile out;
	struct diag err = {{0}};

	snprintf(header, sizeof header, "actorgraph-cache\t%d\t%s\n", CACHE_FORMAT, k.hex);
	cache_doc_more(&sum, header, strlen(header));
	buf_printf(&sub, "%s/%.2s", c->dir, k.hex);
	if (make_dirs(sub.data, &err) == 0 && outfile_open(&out, path, &err) == 0) {
		if (fputs(header, out.fp) >= 0 && (fd < 0 || copy_spilled(fd, spilled, out.fp, &sum)) &&
		    fwrite(record, 1, len, out.fp) == len) {
			cache_doc_more(&sum, record, len);
			snprintf(end, sizeof end, "end\t%s\n", cache_doc_end(&sum).hex);
		}
		if (end[0] && fputs(end, out.fp) >= 0) {
			outfile_commit(&out, &err);
		} else {
			diag_sys(&err, "write", path);
			outfile_abort(&out);
		}
	}
	if (err.msg[0] && !c->warned) {
		fprintf(stderr, "actorgraph: warning: cache: %s (extraction goes on without it)\n", err.msg);
		c->warned = true;
	}
	free(sub.data);
	free(path);
}

/* Read the lines [p, end) of a record into *out; false if one is not ours. */
static bool replay_lines(struct schema *s, char *p, char *end, struct cached *out)
{
	size_t mcap = 0, ecap = 0, scap = 0;

	memset(out, 0, sizeof *out);
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p)), *f[9];
		size_t n = split_fields(p, nl, f, 9);
		int a, b, rel;

		p = nl + 1;
		if (n == 2 && strcmp(f[0], "date") == 0) {
			free(out->date);
			out->date = f[1][0] ? xstrdup(f[1]) : NULL;
		} else if (n == 4 && strcmp(f[0], "actor") == 0) {
			int kind = atoi(f[1]);

			if (kind < KIND_STATE || kind > KIND_PLACE)
				return false;
			schema_add_actor(s, f[2], f[3], (enum actor_kind)kind);
		} else if (n == 3 && strcmp(f[0], "mention") == 0) {
			size_t count;

			if ((a = schema_actor(s, f[1])) < 0 || !get_size(f[2], &count) || count == 0)
				return false;
			xgrow(&out->m, &mcap, out->nm + 1, sizeof *out->m);
			out->m[out->nm++] = (struct mention_count){a, count};
		} else if (n == 9 && strcmp(f[0], "event") == 0) {
			struct event *e;

			if ((rel = schema_reltype(s, f[1])) < 0 || (a = schema_actor(s, f[2])) < 0 ||
			    (b = schema_actor(s, f[3])) < 0)
				return false;
			xgrow(&out->ev, &ecap, out->ne + 1, sizeof *out->ev);
			xgrow(&out->said, &scap, out->ne + 1, sizeof *out->said);
			e = &out->ev[out->ne];
			memset(e, 0, sizeof *e);
			e->rel = rel;
			e->source = a;
			e->target = b;
			e->modality = f[4][0] == 'a' ? MOD_ASSERTED : MOD_HYPOTHETICAL;
			strncpy(e->rule, f[5], sizeof e->rule - 1);	/* e is zeroed: ends in a NUL */
			out->said[out->ne].p = f[8];
			if (!get_size(f[6], &e->sentence) || !get_size(f[7], &e->start) ||
			    !field_text(f[8], &out->said[out->ne].len))
				return false;
			out->ne++;
		} else {
			return false;
		}
	}
	return true;
}

bool cache_replay(struct schema *s, char *record, size_t len, struct cached *out)
{
	if (replay_lines(s, record, record + len, out))
		return true;
	cached_free(out);
	return false;
}

/* Is the entry data (n bytes) whole: its header, then lines, the last of
 * them the checksum of all before it? Returns where that line starts, or NULL. */
static char *whole(const char *data, size_t n, const char *header)
{
	size_t hlen = strlen(header), at = n - 1;
	char sum[32];

	if (n <= hlen || memcmp(data, header, hlen) != 0 || data[n - 1] != '\n')
		return NULL;
	while (at > hlen && data[at - 1] != '\n')
		at--;
	snprintf(sum, sizeof sum, "end\t%016" PRIx64 "\n", hash64(HASH64_START, data, at));
	return n - at == strlen(sum) && memcmp(data + at, sum, n - at) == 0 ? (char *)data + at : NULL;
}

static char *read_entry(int dir, const char *path, size_t *n, time_t *mtime);

/* Append n in decimal, at least 'digits' of them (zeros before): printf's
 * cost, twice per document of a rebuild, was a tenth of it. */
static void put_number(struct buf *b, unsigned long long n, int digits)
{
	char d[24], *p = d + sizeof d;

	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n || d + sizeof d - p < digits);
	buf_add(b, p, (size_t)(d + sizeof d - p));
}

/* Append what says a file is unchanged: its path and given date, device,
 * inode, size and times of change (to the nanosecond), as git's index has
 * it; false, with nothing appended, for a path the index cannot hold (a
 * line break in it). */
static bool signature(struct buf *b, const char *path, const char *date, const struct file_mark *mark)
{
	if (strchr(path, '\n'))
		return false;
	buf_puts(b, path);
	buf_puts(b, "\t");
	buf_puts(b, date ? date : "");
	buf_puts(b, "\t");
	put_number(b, (unsigned long long)mark->dev, 1);
	buf_puts(b, ":");
	put_number(b, (unsigned long long)mark->ino, 1);
	buf_puts(b, ":");
	put_number(b, (unsigned long long)mark->size, 1);
	buf_puts(b, ":");
	put_number(b, (unsigned long long)mark->mtime.tv_sec, 1);
	buf_puts(b, ".");
	put_number(b, (unsigned long long)mark->mtime.tv_nsec, 9);
	buf_puts(b, ":");
	put_number(b, (unsigned long long)mark->ctime.tv_sec, 1);
	buf_puts(b, ".");
	put_number(b, (unsigned long long)mark->ctime.tv_nsec, 9);
	return true;
}

/* The place of signature hash h in c's index, or the free one where it goes. */
static size_t known_slot(const struct cache *c, uint64_t h)
{
	size_t i = (size_t)(h ^ h >> 29) & (c->known_cap - 1);

	while (c->known[i].sig && c->known[i].sig != h)
		i = (i + 1) & (c->known_cap - 1);
	return i;
}

static uint64_t signature_hash(const char *sig, size_t len)
{
	uint64_t h = hash64(HASH64_START, sig, len);

	return h ? h : 1;	/* 0 marks a free slot */
}

/* Read the index a build left in the cache, if it is whole: a line
 * "SIGNATURE-HASH\tID" a file (hashes of 16 hex digits: reading them is
 * cheaper than hashing the signatures again). */
static void load_index(struct cache *c)
{
	char *data, *last;
	size_t n = 0, lines = 0;
	time_t mtime;

	c->known_cap = 1;
	if ((data = read_entry(c->fd, "index", &n, &mtime)) && (last = whole(data, n, c->index_header)))
		for (char *p = data; p < last; p++)
			lines += *p == '\n';
	while (c->known_cap < 2 * lines)
		c->known_cap *= 2;
	c->known = xcalloc(c->known_cap, sizeof *c->known);
	if (lines)
		for (char *p = data + strlen(c->index_header); p + 34 <= last && p[16] == '\t' && p[33] == '\n'; p += 34) {
			uint64_t h = strtoull(p, NULL, 16);
			struct known *k = &c->known[known_slot(c, h ? h : 1)];

			k->sig = h ? h : 1;
			memcpy(k->id.hex, p + 17, 16);
			k->id.hex[16] = '\0';
		}
	free(data);
}

uint64_t cache_signature(const char *path, const char *date, const struct file_mark *mark)
{
	struct buf sig = {0};
	uint64_t h = signature(&sig, path, date, mark) ? signature_hash(sig.data, sig.len) : 0;

	free(sig.data);
	return h;
}

bool cache_known(const struct cache *c, uint64_t sig, struct cache_key *id)
{
	const struct known *k = sig ? &c->known[known_slot(c, sig)] : NULL;

	if (k && k->sig)
		*id = k->id;
	return k && k->sig;
}

void cache_know(struct cache *c, uint64_t sig, struct cache_key id)
{
	static const char digits[] = "0123456789abcdef";
	char line[16 + 1 + 16 + 1];	/* "SIGNATURE-HASH\tID\n", without printf's cost per document */

	if (!sig)
		return;
	for (int i = 0; i < 16; i++)
		line[i] = digits[sig >> (60 - 4 * i) & 15];
	line[16] = '\t';
	memcpy(line + 17, id.hex, 16);
	line[33] = '\n';
	buf_add(&c->index, line, sizeof line);
}

/* Replace the index with this build's. */
static void save_index(struct cache *c)
{
	struct buf path = {0}, b = {0};
	struct outfile out;
	struct diag err = {{0}};

	buf_puts(&b, c->index_header);
	buf_add(&b, c->index.data, c->index.len);
	buf_printf(&b, "end\t%016" PRIx64 "\n", hash64(HASH64_START, b.data, b.len));
	buf_printf(&path, "%s/index", c->dir);
	if (outfile_open(&out, path.data, &err) == 0) {
		if (fwrite(b.data, 1, b.len, out.fp) == b.len)
			outfile_commit(&out, &err);
		else
			outfile_abort(&out);
	}
	free(path.data);
	free(b.data);
}

/* The bytes of entry 'path' in folder dir (NUL-terminated), with its time of change. */
static char *read_entry(int dir, const char *path, size_t *n, time_t *mtime)
{
	/* without a time of access written back: a rebuild reads every entry,
	 * and the journal's writes were a twentieth of its time (an entry of
	 * another owner may refuse this) */
	int fd = openat(dir, path, O_RDONLY | O_CLOEXEC | O_NOATIME);
	struct stat st;
	char *data = NULL;

	if (fd < 0 && errno == EPERM)
		fd = openat(dir, path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (1 << 30)) {
		data = xmalloc((size_t)st.st_size + 1);
		if (read(fd, data, (size_t)st.st_size) != st.st_size) {
			free(data);
			data = NULL;
		} else {
			data[st.st_size] = '\0';
			*n = (size_t)st.st_size;
			*mtime = st.st_mtime;
		}
	}
	if (fd >= 0)
		close(fd);
	return data;
}

bool cache_get(struct cache *c, struct cache_key k, struct buf *record)
{
	char header[64], path[3 + sizeof k.hex - 2], *data, *body, *last;
	size_t n = 0;
	time_t mtime = 0;
	bool ok = false;

	snprintf(header, sizeof header, "actorgraph-cache\t%d\t%s\n", CACHE_FORMAT, k.hex);
	memcpy(path, k.hex, 2);	/* xx/xxxxxxxxxxxxxx, as entry_path but from c->fd */
	path[2] = '/';
	memcpy(path + 3, k.hex + 2, sizeof k.hex - 2);
	if ((data = read_entry(c->fd, path, &n, &mtime)) && (last = whole(data, n, header))) {
		body = data + strlen(header);
		buf_add(record, body, (size_t)(last - body));
		ok = true;
	}
	if (ok && mtime < time(NULL) - 24 * 3600)
		utimensat(c->fd, path, NULL, 0);	/* used: kept from pruning (a day is precise enough) */
	free(data);
	return ok;
}

void cached_free(struct cached *x)
{
	free(x->date);
	free(x->m);
	free(x->ev);
	free(x->said);
	memset(x, 0, sizeof *x);
}
