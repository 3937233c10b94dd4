/* corpus.c - collecting input documents; JSON lines through jsonl.c. */
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jsonl.h"
#include "text.h"
#include "util.h"

struct corpus_seen {
	struct strmap *ids;	/* "device:inode" -> index in paths */
	char **paths;		/* the path that first reached each file and folder */
	size_t n, cap;
};

static void add_doc(struct corpus *c, const char *path, const char *name, const char *date)
{
	struct corpus_doc *d;

	xgrow(&c->docs, &c->cap, c->n + 1, sizeof *c->docs);
	d = &c->docs[c->n++];
	memset(d, 0, sizeof *d);
	d->path = xstrdup(path);
	d->name = utf8_clean(xstrdup(name));	/* a JSON line's id may hold anything */
	d->date = date ? xstrdup(date) : NULL;
}

/* A document that cannot be read, with the reason, for corpus_open. */
static void add_failed(struct corpus *c, const char *path, const char *name, const char *error)
{
	char *base = name ? NULL : text_doc_name(path);

	add_doc(c, path, name ? name : base, NULL);
	c->docs[c->n - 1].error = xstrdup(error);
	free(base);
}

/* Keep a warning for the caller; takes msg. */
static void warn(struct corpus *c, char *msg)
{
	xgrow(&c->warnings, &c->warnings_cap, c->nwarnings + 1, sizeof *c->warnings);
	c->warnings[c->nwarnings++] = msg;
}

/* Has the file or folder st (a "file" or "folder") been added by another
 * path? Then 'path' is skipped with a warning: a link to a folder being
 * read would read it again, or forever. */
static bool seen_before(struct corpus *c, const char *path, const struct stat *st, const char *what)
{
	struct corpus_seen *sn = c->seen;
	char key[64];
	long first;

	if (!sn) {
		sn = c->seen = xcalloc(1, sizeof *c->seen);
		sn->ids = strmap_new();
	}
	snprintf(key, sizeof key, "%llx:%llx", (unsigned long long)st->st_dev, (unsigned long long)st->st_ino);
	if ((first = strmap_get(sn->ids, key)) >= 0) {
		struct buf msg = {0};

		buf_printf(&msg, "%s: skipped, the same %s as %s", path, what, sn->paths[first]);
		warn(c, msg.data);
		return true;
	}
	xgrow(&sn->paths, &sn->cap, sn->n + 1, sizeof *sn->paths);
	sn->paths[sn->n] = xstrdup(path);
	strmap_put(sn->ids, key, (long)sn->n++);
	return false;
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
 * where each line is kept: memory does not grow with the feed's texts. */
enum { FEED_BUFFER = 1 << 20 };

static void add_jsonl(struct corpus *c, const char *path, const char *given)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL, *base, *buffer;
	size_t cap = 0;
	ssize_t n;
	long offset = 0;
	unsigned long lineno = 0;

	if (!fp) {
		add_failed(c, path, NULL, strerror(errno));
		return;
	}
	/* in large reads: stdio's 4 kB made 25,000 reads of 100 MB, before the
	 * workers get their first document (glibc ignores a size without a buffer) */
	buffer = xmalloc(FEED_BUFFER);
	setvbuf(fp, buffer, _IOFBF, FEED_BUFFER);
	base = text_doc_name(path);
	xgrow(&c->feeds, &c->feeds_cap, c->nfeeds + 1, sizeof *c->feeds);
	c->feeds[c->nfeeds] = xmalloc(sizeof **c->feeds);
	*c->feeds[c->nfeeds++] = (struct corpus_feed){xstrdup(path), -1};
	for (; (n = getline(&line, &cap, fp)) > 0; offset += n) {
		struct diag err = {{0}};
		char name[300], where[300], *id, *date = NULL;
		size_t len = (size_t)n - (line[n - 1] == '\n'), idlen;
		struct jsonl_article a;

		lineno++;
		if (strspn(line, " \t\r\n") == (size_t)n)
			continue;	/* blank lines */
		snprintf(where, sizeof where, "%s:%lu", path, lineno);
		snprintf(name, sizeof name, "%s-%lu", base, lineno);	/* "feed-3" for line 3 of feed.jsonl */
		if (article(line, len, (struct pos){path, lineno, 1}, &a, &err) < 0) {
			add_failed(c, where, name, err.msg);
			continue;
		}
		if (a.id) {
			id = jsonl_string(a.id, a.id_len, &idlen);
			snprintf(name, sizeof name, "%s", id);
			free(id);
		}
		if (a.date)
			date = jsonl_string(a.date, a.date_len, &idlen);
		add_doc(c, where, name, a.date ? date : given);
		c->docs[c->n - 1].feed = c->feeds[c->nfeeds - 1];
		c->docs[c->n - 1].offset = offset;
		c->docs[c->n - 1].len = len;
		free(date);
	}
	if (ferror(fp))
		add_failed(c, path, NULL, strerror(errno));
	fclose(fp);
	free(buffer);
	free(line);
	free(base);
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
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_file(struct corpus *c, const char *path, const char *date, const struct stat *st)
{
	char *name;

	if (ends_with(path, ".jsonl")) {
		add_jsonl(c, path, date);
		return;
	}
	name = strcmp(path, "-") == 0 ? xstrdup("stdin") : text_doc_name(path);
	add_doc(c, path, name, date);
	if (st && S_ISREG(st->st_mode)) {	/* the cache knows a file by it */
		struct file_mark *mark = xmalloc(sizeof *mark);

		*mark = file_mark_of(st);
		c->docs[c->n - 1].mark = mark;
	}
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

/* A folder's *.txt and *.jsonl files and subfolders, recursively, in name
 * order. Fails only if the folder itself cannot be read. */
static int add_folder(struct corpus *c, const char *dir, const char *date, struct diag *err)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (!dp)
		return diag_sys(err, "open", dir);
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		xgrow(&names, &cap, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	if (n)
		qsort(names, n, sizeof *names, cmp_name);
	for (size_t i = 0; i < n; i++) {
		bool doc = ends_with(names[i], ".txt") || ends_with(names[i], ".jsonl");
		struct diag sub = {{0}};
		struct buf path = {0};
		struct stat st;

		buf_puts(&path, dir);
		buf_puts(&path, "/");
		buf_puts(&path, names[i]);
		if (fstatat(dirfd(dp), names[i], &st, 0) != 0) {	/* not walking dir's path again */
			add_unreadable(c, path.data, doc);
		} else if (S_ISDIR(st.st_mode)) {
			if (!seen_before(c, path.data, &st, "folder") && add_folder(c, path.data, date, &sub) < 0)
				add_failed(c, path.data, NULL, sub.msg);
		} else if (doc && !S_ISREG(st.st_mode)) {	/* a FIFO would block the run */
			diag_set(&sub, "cannot read '%s': not a regular file", path.data);
			add_failed(c, path.data, NULL, sub.msg);
		} else if (doc && !seen_before(c, path.data, &st, "file")) {
			add_file(c, path.data, date, &st);
		}
		free(path.data);
		free(names[i]);
	}
	closedir(dp);	/* open until here: one per level of folders */
	free(names);
	return 0;
}

int corpus_add(struct corpus *c, const char *path, const char *date, struct diag *err)
{
	struct stat st;

	if (strcmp(path, "-") == 0) {
		add_file(c, path, date, NULL);
		return 0;
	}
	if (stat(path, &st) != 0)
		return diag_sys(err, "open", path);
	if (seen_before(c, path, &st, S_ISDIR(st.st_mode) ? "folder" : "file"))
		return 0;
	if (S_ISDIR(st.st_mode))
		return add_folder(c, path, date, err);
	add_file(c, path, date, &st);
	return 0;
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
	for (size_t i = 0; i < c->n; i++) {
		free(c->docs[i].path);
		free(c->docs[i].name);
		free(c->docs[i].date);
		free(c->docs[i].error);
		free(c->docs[i].mark);
	}
	free(c->docs);
	for (size_t i = 0; i < c->nfeeds; i++) {
		if (c->feeds[i]->fd >= 0)
			close(c->feeds[i]->fd);
		free(c->feeds[i]->path);
		free(c->feeds[i]);
	}
	free(c->feeds);
	for (size_t i = 0; i < c->nwarnings; i++)
		free(c->warnings[i]);
	free(c->warnings);
	if (c->seen) {
		for (size_t i = 0; i < c->seen->n; i++)
			free(c->seen->paths[i]);
		free(c->seen->paths);
		strmap_free(c->seen->ids);
		free(c->seen);
	}
}
