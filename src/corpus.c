/* corpus.c - collecting input documents; JSON lines through jsonl.c. */
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "idset.h"
#include "jsonl.h"
#include "text.h"
#include "util.h"

/* The folders and files walked, by device and inode: folders with the path
 * that walked them, files by that identity only (an idset: folders of
 * millions keep their identities on disk), but those that a second path may
 * reach (links, hard links), whose path is kept to name it. */
struct corpus_seen {
	struct strmap *ids;	/* "device:inode" -> index in paths */
	char **paths;
	size_t n, cap;
	struct idset files;
};

/* A folder being walked: its entries in name order, and the next. */
struct folder {
	DIR *dp;		/* open while walked: one per level of folders */
	char *path, *date;
	char **names;		/* each after its type (d_type), in its first byte */
	size_t n, at;
};

/* A feed being read, a line at a time. */
struct feed_reading {
	FILE *fp;		/* NULL: none */
	char *buffer, *line, *base, *date;
	size_t cap;
	long offset;
	unsigned long lineno;
	struct corpus_feed *feed;
};

struct corpus_walk {
	struct {
		char *path, *date;
	} *inputs;		/* as corpus_add was given them... */
	size_t ninputs, inputs_cap, next;	/* ...and the next to walk */
	struct folder *folders;	/* the folders being walked, innermost last */
	size_t depth, folders_cap;
	struct feed_reading feed;
};

/* A thread that walks the inputs ahead of corpus_take (corpus_walk_apart):
 * the documents and warnings it finds go to the corpus under the lock, and
 * the walk (folders, feeds, what was seen) is the thread's alone. */
struct corpus_walker {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;	/* the first document found, room made, or the walk ended */
	size_t ahead;		/* the most documents found and not taken; the walk goes on at half */
	bool ended, stop;
};

static void lock(struct corpus *c)
{
	if (c->walker)
		pthread_mutex_lock(&c->walker->lock);
}

static void unlock(struct corpus *c)
{
	if (c->walker)
		pthread_mutex_unlock(&c->walker->lock);
}

/* Under the lock: wake the other thread, which may wait for what changed. */
static void wake(struct corpus *c)
{
	if (c->walker)
		pthread_cond_broadcast(&c->walker->changed);
}

/* A document as the walk found it, without its text. */
static struct corpus_doc new_doc(const char *path, const char *name, const char *date)
{
	return (struct corpus_doc){.path = xstrdup(path),
				   .name = utf8_clean(xstrdup(name)),	/* a JSON line's id may hold anything */
				   .date = date ? xstrdup(date) : NULL};
}

/* Add document d, whole, to those found. */
static void add_doc(struct corpus *c, struct corpus_doc d)
{
	lock(c);
	if (c->head == c->n) {	/* all taken: the queue starts again */
		c->head = c->n = 0;
	} else if (c->head >= c->n - c->head) {	/* more taken than left: to the front */
		memmove(c->docs, c->docs + c->head, (c->n - c->head) * sizeof *c->docs);
		c->n -= c->head;
		c->head = 0;
	}
	xgrow(&c->docs, &c->cap, c->n + 1, sizeof *c->docs);
	c->docs[c->n++] = d;
	c->found++;
	if (c->n - c->head == 1)	/* the taker may wait for one */
		wake(c);
	unlock(c);
}

/* A document that cannot be read, with the reason, for corpus_open. */
static void add_failed(struct corpus *c, const char *path, const char *name, const char *error)
{
	char *base = name ? NULL : text_doc_name(path);
	struct corpus_doc d = new_doc(path, name ? name : base, NULL);

	d.error = xstrdup(error);
	add_doc(c, d);
	free(base);
}

/* Keep a warning for the caller; takes msg. */
static void warn(struct corpus *c, char *msg)
{
	lock(c);
	if (c->warned == c->nwarnings)	/* all taken: the list starts again */
		c->warned = c->nwarnings = 0;
	xgrow(&c->warnings, &c->warnings_cap, c->nwarnings + 1, sizeof *c->warnings);
	c->warnings[c->nwarnings++] = msg;
	unlock(c);
}

/* Has the file or folder st been walked by another path? Then 'path' is
 * skipped with a warning: a link to a folder being read would read it
 * again, or forever. 'link': path is a symbolic link. */
static bool seen_before(struct corpus *c, const char *path, const struct stat *st, bool link)
{
	struct corpus_seen *sn = c->seen;
	bool folder = S_ISDIR(st->st_mode), again, named;
	uint64_t id[2] = {(uint64_t)st->st_dev, (uint64_t)st->st_ino};
	char key[64];
	long first;

	if (!sn) {
		sn = c->seen = xcalloc(1, sizeof *c->seen);
		sn->ids = strmap_new();
	}
	again = !folder && idset_add(&sn->files, hash64(HASH64_START, id, sizeof id));
	named = folder || link || st->st_nlink > 1;
	if (again || named)	/* not for a plain file seen once: most of them */
		snprintf(key, sizeof key, "%llx:%llx", (unsigned long long)st->st_dev, (unsigned long long)st->st_ino);
	if (folder || again) {
		struct buf msg = {0};

		if ((first = strmap_get(sn->ids, key)) >= 0)
			buf_printf(&msg, "%s: skipped, the same %s as %s", path, folder ? "folder" : "file",
				   sn->paths[first]);
		else if (!folder)
			buf_printf(&msg, "%s: skipped, the same file as one walked before", path);
		if (msg.data) {
			warn(c, msg.data);
			return true;
		}
	}
	if (named) {
		xgrow(&sn->paths, &sn->cap, sn->n + 1, sizeof *sn->paths);
		sn->paths[sn->n] = xstrdup(path);
		strmap_put(sn->ids, key, (long)sn->n++);
	}
	return false;
}

static void seen_free(struct corpus *c)
{
	if (!c->seen)
		return;
	for (size_t i = 0; i < c->seen->n; i++)
		free(c->seen->paths[i]);
	free(c->seen->paths);
	strmap_free(c->seen->ids);
	idset_free(&c->seen->files);
	free(c->seen);
	c->seen = NULL;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

/* The article of a JSON line (len bytes), or -1 with err set at file:line:col. */
static int article(const char *line, size_t len, struct pos at, struct jsonl_article *a, struct diag *err)
{
	const char *why;
	char *date;
	size_t n;
	int rc = 0;

	if ((at.col = jsonl_article(line, len, a, &why)))
		return diag_at(err, at, "expected %s", why);
	if (a->date) {
		at.col = (unsigned long)(a->date - line) + 1;
		date = jsonl_string(a->date, a->date_len, &n);
		rc = date_check(date, false, at, err);
		free(date);
	}
	return rc;
}

/* One article per line: {"id", "date", "text"}. A line that is no article
 * is a document that failed, and so is a feed that cannot be read. Only
 * where each line lies is kept: its text is read again with its document. */
enum { FEED_BUFFER = 1 << 20 };

static void open_feed(struct corpus *c, const char *path, const char *given)
{
	struct feed_reading *f = &c->walk->feed;

	if (!(f->fp = fopen(path, "r"))) {
		add_failed(c, path, NULL, strerror(errno));
		return;
	}
	/* in large reads: stdio's 4 kB made 25,000 reads of 100 MB (glibc
	 * ignores a size without a buffer) */
	f->buffer = xmalloc(FEED_BUFFER);
	setvbuf(f->fp, f->buffer, _IOFBF, FEED_BUFFER);
	f->base = text_doc_name(path);
	f->date = given ? xstrdup(given) : NULL;
	f->offset = 0;
	f->lineno = 0;
	xgrow(&c->feeds, &c->feeds_cap, c->nfeeds + 1, sizeof *c->feeds);
	f->feed = c->feeds[c->nfeeds++] = xmalloc(sizeof **c->feeds);
	*f->feed = (struct corpus_feed){xstrdup(path), -1};
}

static void close_feed(struct feed_reading *f)
{
	if (f->fp)
		fclose(f->fp);
	free(f->buffer);
	free(f->line);
	free(f->base);
	free(f->date);
	*f = (struct feed_reading){0};
}

/* The next line of the feed being read: a document, or nothing (a blank
 * line); at its end, the feed is closed. */
static void read_feed(struct corpus *c)
{
	struct feed_reading *f = &c->walk->feed;
	ssize_t n = getline(&f->line, &f->cap, f->fp);
	struct diag err = {{0}};
	char name[300], where[300], *id, *date = NULL;
	size_t len, idlen;
	struct jsonl_article a;
	struct corpus_doc doc;

	if (n <= 0) {
		if (ferror(f->fp))
			add_failed(c, f->feed->path, NULL, strerror(errno));
		close_feed(f);
		return;
	}
	f->lineno++;
	f->offset += n;
	if (strspn(f->line, " \t\r\n") == (size_t)n)
		return;	/* blank lines */
	len = (size_t)n - (f->line[n - 1] == '\n');
	snprintf(where, sizeof where, "%s:%lu", f->feed->path, f->lineno);
	snprintf(name, sizeof name, "%s-%lu", f->base, f->lineno);	/* "feed-3" for line 3 of feed.jsonl */
	if (article(f->line, len, (struct pos){f->feed->path, f->lineno, 1}, &a, &err) < 0) {
		add_failed(c, where, name, err.msg);
		return;
	}
	if (a.id) {
		id = jsonl_string(a.id, a.id_len, &idlen);
		snprintf(name, sizeof name, "%s", id);
		free(id);
	}
	if (a.date)
		date = jsonl_string(a.date, a.date_len, &idlen);
	doc = new_doc(where, name, a.date ? date : f->date);
	doc.feed = f->feed;
	doc.offset = f->offset - n;
	doc.len = len;
	add_doc(c, doc);
	free(date);
}

/* The text of JSON line d, read again (its file opened once: a feed of
 * short articles made an open and a close per line a few percent). */
static int read_line_text(const struct corpus_doc *d, char **text, size_t *len, struct diag *err)
{
	struct corpus_feed *f = d->feed;
	char *line = xmalloc(d->len + 1);
	ssize_t got;
	struct jsonl_article a;
	const char *why;
	int rc = 0;

	if (f->fd < 0)
		f->fd = open(f->path, O_RDONLY | O_CLOEXEC);
	got = f->fd < 0 ? -1 : pread(f->fd, line, d->len, d->offset);
	if (got < 0)
		rc = diag_set(err, "%s: cannot read the line again: %s", d->path, strerror(errno));
	else if (got != (ssize_t)d->len || jsonl_article(line, d->len, &a, &why) != 0)
		rc = diag_set(err, "%s: cannot read the line again: the file changed", d->path);
	else
		*text = jsonl_string(a.text, a.text_len, len);
	free(line);
	return rc;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static void add_file(struct corpus *c, const char *path, const char *date, const struct stat *st)
{
	struct corpus_doc d;
	char *name;

	if (ends_with(path, ".jsonl")) {
		open_feed(c, path, date);
		return;
	}
	name = strcmp(path, "-") == 0 ? xstrdup("stdin") : text_doc_name(path);
	d = new_doc(path, name, date);
	if (st && S_ISREG(st->st_mode)) {	/* the cache knows a file by it */
		d.mark = xmalloc(sizeof *d.mark);
		*d.mark = file_mark_of(st);
	}
	add_doc(c, d);
	free(name);
}

/* A folder entry that stat() cannot follow: a link that leads nowhere is
 * skipped with a warning; a document that vanished or is closed to us fails. */
static void add_unreadable(struct corpus *c, const char *path, bool doc)
{
	struct diag err = {{0}};
	struct stat st;
	char to[PATH_MAX];
	ssize_t n;
	int e = errno;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		struct buf msg = {0};

		n = readlink(path, to, sizeof to - 1);
		to[n > 0 ? n : 0] = '\0';
		buf_printf(&msg, "%s: skipped, a symbolic link to '%s': %s", path, to, strerror(e));
		warn(c, msg.data);
	} else if (doc) {
		errno = e;
		diag_sys(&err, "open", path);
		add_failed(c, path, NULL, err.msg);
	}
}

/* Begin walking folder 'dir': its entries, in name order, are walked one at
 * a time. A folder that cannot be read is a document that failed. */
static void enter_folder(struct corpus *c, const char *dir, const char *date)
{
	struct corpus_walk *w = c->walk;
	struct folder f = {opendir(dir), xstrdup(dir), date ? xstrdup(date) : NULL, NULL, 0, 0};
	struct dirent *e;
	size_t cap = 0;

	if (!f.dp) {
		struct diag err = {{0}};

		diag_sys(&err, "open", dir);
		add_failed(c, dir, NULL, err.msg);
		free(f.path);
		free(f.date);
		return;
	}
	while ((e = readdir(f.dp))) {
		struct buf entry = {0};

		if (e->d_name[0] == '.')
			continue;
		buf_add(&entry, (const char *)&e->d_type, 1);
		buf_puts(&entry, e->d_name);
		xgrow(&f.names, &cap, f.n + 1, sizeof *f.names);
		f.names[f.n++] = entry.data;
	}
	if (f.n)
		qsort(f.names, f.n, sizeof *f.names, cmp_name);
	xgrow(&w->folders, &w->folders_cap, w->depth + 1, sizeof *w->folders);
	w->folders[w->depth++] = f;
}

static void leave_folder(struct corpus_walk *w)
{
	struct folder *f = &w->folders[--w->depth];

	closedir(f->dp);
	for (size_t i = f->at; i < f->n; i++)
		free(f->names[i]);
	free(f->names);
	free(f->path);
	free(f->date);
}

/* The next entry of the innermost folder: a document, a folder entered, a
 * feed opened, or a warning; the folder is left after its last. */
static void walk_folder(struct corpus *c)
{
	struct folder *f = &c->walk->folders[c->walk->depth - 1];
	char *entry, *name;
	bool doc, link;
	struct buf path = {0};
	struct stat st;

	if (f->at == f->n) {
		leave_folder(c->walk);
		return;
	}
	entry = f->names[f->at++];
	name = entry + 1;
	link = *entry == DT_LNK;
	doc = ends_with(name, ".txt") || ends_with(name, ".jsonl");
	buf_puts(&path, f->path);
	buf_puts(&path, "/");
	buf_puts(&path, name);
	if (fstatat(dirfd(f->dp), name, &st, 0) != 0) {	/* not walking the folder's path again */
		add_unreadable(c, path.data, doc);
	} else if (S_ISDIR(st.st_mode)) {
		if (!seen_before(c, path.data, &st, link))
			enter_folder(c, path.data, f->date);	/* f may move */
	} else if (doc && !S_ISREG(st.st_mode)) {	/* a FIFO would block the run */
		struct diag sub = {{0}};

		diag_set(&sub, "cannot read '%s': not a regular file", path.data);
		add_failed(c, path.data, NULL, sub.msg);
	} else if (doc && !seen_before(c, path.data, &st, link)) {
		add_file(c, path.data, f->date, &st);
	}
	free(path.data);
	free(entry);
}

/* The next input, as corpus_add checked it: a file, or a folder entered. */
static void walk_input(struct corpus *c)
{
	struct corpus_walk *w = c->walk;
	const char *path = w->inputs[w->next].path, *date = w->inputs[w->next].date;
	struct stat st;

	w->next++;
	if (strcmp(path, "-") == 0) {
		add_file(c, path, date, NULL);
	} else if (stat(path, &st) != 0) {	/* gone since */
		struct diag err = {{0}};

		diag_sys(&err, "open", path);
		add_failed(c, path, NULL, err.msg);
	} else if (!seen_before(c, path, &st, true)) {	/* an input is named: kept to be named */
		if (S_ISDIR(st.st_mode))
			enter_folder(c, path, date);
		else
			add_file(c, path, date, &st);
	}
}

/* One step of the walk: a folder entry, a feed's line or an input; false
 * when the walk has ended. */
static bool step(struct corpus *c)
{
	struct corpus_walk *w = c->walk;

	if (!w)
		return false;
	if (w->feed.fp)
		read_feed(c);
	else if (w->depth)
		walk_folder(c);
	else if (w->next < w->ninputs)
		walk_input(c);
	else
		return false;
	return true;
}

/* Walk on until a document is found, or the walk ends: false. With a
 * thread that walks, wait for it to find one. */
static bool walk(struct corpus *c)
{
	struct corpus_walker *w = c->walker;
	bool any;

	if (!w) {
		while (c->head == c->n)
			if (!step(c))
				return false;
		return true;
	}
	pthread_mutex_lock(&w->lock);
	while (c->head == c->n && !w->ended)
		pthread_cond_wait(&w->changed, &w->lock);
	any = c->head < c->n;
	pthread_mutex_unlock(&w->lock);
	return any;
}

/* The walking thread: on until the walk ends, or it is stopped, never more
 * than 'ahead' documents before the takes. */
static void *walk_apart(void *arg)
{
	struct corpus *c = arg;
	struct corpus_walker *w = c->walker;
	bool more = true;

	pthread_mutex_lock(&w->lock);
	while (more && !w->stop) {
		if (c->n - c->head >= w->ahead) {	/* woken when half are taken: once, not at each */
			while (c->n - c->head > w->ahead / 2 && !w->stop)
				pthread_cond_wait(&w->changed, &w->lock);
			continue;
		}
		pthread_mutex_unlock(&w->lock);
		more = step(c);
		pthread_mutex_lock(&w->lock);
	}
	w->ended = true;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

bool corpus_walk_apart(struct corpus *c, size_t ahead)
{
	struct corpus_walker *w;

	if (c->walker)
		return true;
	w = xcalloc(1, sizeof *w);
	w->ahead = ahead ? ahead : 1;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->changed, NULL);
	c->walker = w;
	if (pthread_create(&w->thread, NULL, walk_apart, c) == 0)
		return true;
	c->walker = NULL;
	pthread_cond_destroy(&w->changed);
	pthread_mutex_destroy(&w->lock);
	free(w);
	return false;
}

/* Stop the walking thread, if any: the walk goes on, if it does, here. */
static void walker_stop(struct corpus *c)
{
	struct corpus_walker *w = c->walker;

	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	c->walker = NULL;
	pthread_cond_destroy(&w->changed);
	pthread_mutex_destroy(&w->lock);
	free(w);
}

size_t corpus_found(struct corpus *c)
{
	size_t n;

	lock(c);
	n = c->found;
	unlock(c);
	return n;
}

char *corpus_warning(struct corpus *c)
{
	char *msg = NULL;

	lock(c);
	if (c->warned < c->nwarnings)
		msg = c->warnings[c->warned++];
	unlock(c);
	return msg;
}

int corpus_add(struct corpus *c, const char *path, const char *date, struct diag *err)
{
	struct corpus_walk *w;
	struct stat st;
	DIR *dp;

	if (strcmp(path, "-") != 0 && stat(path, &st) != 0)
		return diag_sys(err, "open", path);
	if (strcmp(path, "-") != 0 && S_ISDIR(st.st_mode)) {	/* walked later: said now if it cannot be */
		if (!(dp = opendir(path)))
			return diag_sys(err, "open", path);
		closedir(dp);
	}
	w = c->walk ? c->walk : (c->walk = xcalloc(1, sizeof *c->walk));
	xgrow(&w->inputs, &w->inputs_cap, w->ninputs + 1, sizeof *w->inputs);
	w->inputs[w->ninputs].path = xstrdup(path);
	w->inputs[w->ninputs++].date = date ? xstrdup(date) : NULL;
	return 0;
}

int corpus_take(struct corpus *c, struct corpus_doc *d)
{
	if (!walk(c))
		return 0;
	lock(c);
	*d = c->docs[c->head++];
	if (c->walker && c->n - c->head == c->walker->ahead / 2)	/* room for the walk to go on */
		wake(c);
	unlock(c);
	return 1;
}

bool corpus_any(struct corpus *c)
{
	return walk(c);
}

/* Stop walking: what was found and not taken is dropped. */
static void walk_stop(struct corpus *c)
{
	struct corpus_walk *w = c->walk;

	while (c->head < c->n)
		corpus_doc_free(&c->docs[c->head++]);
	c->head = c->n = 0;
	if (!w)
		return;
	close_feed(&w->feed);
	while (w->depth)
		leave_folder(w);
	w->next = 0;
}

void corpus_feed_use(struct corpus_feed *f, const char *path)
{
	if (f->path && strcmp(f->path, path) == 0)
		return;
	corpus_feed_close(f);
	*f = (struct corpus_feed){xstrdup(path), -1};
}

void corpus_feed_close(struct corpus_feed *f)
{
	if (f->path && f->fd >= 0)
		close(f->fd);
	free(f->path);
	*f = (struct corpus_feed){NULL, -1};
}

/* The feeds, their descriptors closed: no document of them is read after. */
static void feeds_free(struct corpus *c)
{
	for (size_t i = 0; i < c->nfeeds; i++) {
		corpus_feed_close(c->feeds[i]);
		free(c->feeds[i]);
	}
	c->nfeeds = 0;
}

static void warnings_free(struct corpus *c)
{
	for (size_t i = c->warned; i < c->nwarnings; i++)
		free(c->warnings[i]);
	c->warned = c->nwarnings = 0;
}

void corpus_rewind(struct corpus *c)
{
	walker_stop(c);
	walk_stop(c);
	seen_free(c);
	feeds_free(c);
	warnings_free(c);
	c->found = 0;
}

void corpus_doc_free(struct corpus_doc *d)
{
	free(d->path);
	free(d->name);
	free(d->date);
	free(d->error);
	free(d->mark);
	memset(d, 0, sizeof *d);
}

/* The start of the character that byte n of text is in. */
static size_t char_start(const char *text, size_t n)
{
	while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
		n--;
	return n;
}

/* The length of the piece that the first 'max' bytes of text begin, the
 * document going on past them: up to the last line break in them, or else
 * the last end of a sentence (". "), or else the last space, or else before
 * the character the limit splits (or at the limit, if that is the first). */
static size_t piece_end(const char *text, size_t max)
{
	size_t n, last;
	unsigned long cp;

	for (n = max; n > 0 && text[n - 1] != '\n'; n--)
		;
	for (size_t k = max; n == 0 && k > 1; k--)
		if (text[k - 1] == ' ' && memchr(".?!", text[k - 2], 3))
			n = k;
	for (size_t k = max; n == 0 && k > 0; k--)
		if (text[k - 1] == ' ' || text[k - 1] == '\t')
			n = k;
	if (n > 0)
		return n;
	last = char_start(text, max - 1);
	return utf8_decode((const unsigned char *)text + last, max - last, &cp) || last == 0 ? max : last;
}

/* Lines longer than 'max' bytes are read as spaces past it (from a whole
 * character on), which keeps every offset and line number; 'so_far' bytes
 * of the first line were in the pieces before. Counts them in *at, and
 * returns the bytes of the line the text ends in (0 after a line break). */
static size_t blank_long_lines(char *text, size_t len, size_t max, size_t so_far, struct corpus_piece *at)
{
	unsigned long line = at->lines + 1;

	for (size_t start = 0, end; start < len; start = end + 1, line++, so_far = 0) {
		const char *nl = memchr(text + start, '\n', len - start);

		end = nl ? (size_t)(nl - text) : len;
		if (so_far + end - start > max) {
			if (so_far <= max && !at->long_lines++)	/* counted where it crosses the limit */
				at->first_long = line;
			for (size_t k = start + (so_far < max ? char_start(text + start, max - so_far) : 0); k < end; k++)
				text[k] = ' ';
		}
		if (!nl)
			return so_far + end - start;
	}
	return 0;
}

int corpus_open(struct corpus_reader *r, const struct corpus_doc *d, const struct corpus_limits *lim,
		struct diag *err)
{
	memset(r, 0, sizeof *r);
	r->d = d;
	r->lim = *lim;
	if (d->error)
		return diag_set(err, "%s", d->error);
	if (d->feed)
		return read_line_text(d, &r->text, &r->text_len, err);
	if (!(r->fp = strcmp(d->path, "-") == 0 ? stdin : fopen(d->path, "rb")))
		return diag_sys(err, "open", d->path);
	return 0;
}

/* Up to 'want' bytes more of r's document into chunk; 0 at its end, or -1. */
static ssize_t more(struct corpus_reader *r, char *chunk, size_t want)
{
	size_t got;

	if (r->text) {
		got = r->text_len - r->text_read < want ? r->text_len - r->text_read : want;
		memcpy(chunk, r->text + r->text_read, got);
		r->text_read += got;
		return (ssize_t)got;
	}
	got = fread(chunk, 1, want, r->fp);
	return got == 0 && ferror(r->fp) ? -1 : (ssize_t)got;
}

int corpus_next(struct corpus_reader *r, char **text, size_t *len, struct corpus_piece *where, struct diag *err)
{
	size_t max = r->lim.document, cut;
	struct buf b = {0};
	char chunk[65536];

	if (r->at.last)
		return 0;
	if (r->text && r->text_len <= max) {	/* a JSON line's text in one piece: as it is */
		b = (struct buf){r->text, r->text_len, r->text_len + 1};
		r->text = NULL;
		r->end = true;
	}
	buf_add(&b, r->rest ? r->rest : "", r->nrest);
	free(r->rest);
	r->rest = NULL;
	while (b.len <= max && !r->end) {	/* a byte past a piece says whether the document goes on */
		size_t want = max + 1 - b.len;
		ssize_t got = more(r, chunk, want < sizeof chunk ? want : sizeof chunk);

		if (got < 0) {
			free(b.data);
			return diag_sys(err, "read", r->d->path);
		}
		r->end = got == 0;
		buf_add(&b, chunk, (size_t)got);
	}
	r->at.last = b.len <= max;
	cut = r->at.last ? b.len : piece_end(b.data, max);
	r->nrest = b.len - cut;
	if (r->nrest) {
		r->rest = xmalloc(r->nrest);
		memcpy(r->rest, b.data + cut, r->nrest);
	}
	b.data[cut] = '\0';
	r->at.long_lines = 0;
	r->line_so_far = blank_long_lines(b.data, cut, r->lim.line, r->line_so_far, &r->at);
	*where = r->at;
	r->at.origin += cut;
	for (const char *p = b.data; (p = memchr(p, '\n', (size_t)(b.data + cut - p))); p++)
		r->at.lines++;
	*text = b.data;
	*len = cut;
	return 1;
}

void corpus_close(struct corpus_reader *r)
{
	if (r->fp && r->fp != stdin)
		fclose(r->fp);
	free(r->text);
	free(r->rest);
	memset(r, 0, sizeof *r);
}

void corpus_free(struct corpus *c)
{
	walker_stop(c);
	walk_stop(c);
	free(c->docs);
	if (c->walk) {
		for (size_t i = 0; i < c->walk->ninputs; i++) {
			free(c->walk->inputs[i].path);
			free(c->walk->inputs[i].date);
		}
		free(c->walk->inputs);
		free(c->walk->folders);
		free(c->walk);
	}
	feeds_free(c);
	free(c->feeds);
	warnings_free(c);
	free(c->warnings);
	seen_free(c);
	memset(c, 0, sizeof *c);
}
