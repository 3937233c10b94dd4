/* corpus.c - collecting input documents; JSON lines through jansson. */
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"
#include "util.h"

struct corpus_seen {
	struct strmap *ids;	/* "device:inode" -> index in paths */
	char **paths;		/* the path that first reached each file and folder */
	size_t n, cap;
};

static void add_doc(struct corpus *c, const char *path, const char *name, const char *date, const char *text,
		    size_t len)
{
	struct corpus_doc *d;

	xgrow(&c->docs, &c->cap, c->n + 1, sizeof *c->docs);
	d = &c->docs[c->n++];
	d->path = xstrdup(path);
	d->name = utf8_clean(xstrdup(name));	/* a JSON line's id may hold anything */
	d->date = date ? xstrdup(date) : NULL;
	d->text = text ? xstrndup(text, len) : NULL;
	d->len = len;
	d->error = NULL;
}

/* A document that cannot be read, with the reason, for corpus_read. */
static void add_failed(struct corpus *c, const char *path, const char *name, const char *error)
{
	char *base = name ? NULL : text_doc_name(path);

	add_doc(c, path, name ? name : base, NULL, NULL, 0);
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

/* One article per line: {"id", "date", "text"}. A line that is no article
 * is a document that failed, and so is a feed that cannot be read. */
static void add_jsonl(struct corpus *c, const char *path, const char *date)
{
	struct diag err = {{0}};
	char *data, *line;
	size_t len;
	unsigned long lineno = 0;
	char *base;

	if (read_file(path, SIZE_MAX, &data, &len, &err) < 0) {
		add_failed(c, path, NULL, err.msg);
		return;
	}
	base = text_doc_name(path);
	for (char *p = data; (line = strsep(&p, "\n"));) {
		json_error_t je;
		json_t *o, *id, *dt, *tx;
		char name[300], where[300];

		lineno++;
		if (!line[strspn(line, " \t\r")])
			continue;	/* blank lines */
		snprintf(where, sizeof where, "%s:%lu", path, lineno);
		snprintf(name, sizeof name, "%s-%lu", base, lineno);	/* "feed-3" for line 3 of feed.jsonl */
		err.msg[0] = '\0';
		if (!(o = json_loads(line, JSON_REJECT_DUPLICATES, &je))) {
			diag_at(&err, (struct pos){path, lineno, (unsigned long)je.column}, "%s", je.text);
			add_failed(c, where, name, err.msg);
			continue;
		}
		id = json_object_get(o, "id");
		dt = json_object_get(o, "date");
		tx = json_object_get(o, "text");
		if (!json_is_object(o) || !json_is_string(tx) || (id && !json_is_string(id)) ||
		    (dt && !json_is_null(dt) && !json_is_string(dt))) {
			diag_at(&err, (struct pos){path, lineno, 1},
				"expected {\"text\": string, \"id\": string, \"date\": \"YYYY-MM-DD\"}");
			add_failed(c, where, name, err.msg);
		} else if (json_is_string(dt) &&
			   date_check(json_string_value(dt), false, (struct pos){path, lineno, 1}, &err) < 0) {
			add_failed(c, where, name, err.msg);
		} else {
			if (id)
				snprintf(name, sizeof name, "%s", json_string_value(id));
			add_doc(c, where, name, json_is_string(dt) ? json_string_value(dt) : date,
				json_string_value(tx), json_string_length(tx));
		}
		json_decref(o);
	}
	free(base);
	free(data);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_file(struct corpus *c, const char *path, const char *date)
{
	char *name;

	if (ends_with(path, ".jsonl")) {
		add_jsonl(c, path, date);
		return;
	}
	name = strcmp(path, "-") == 0 ? xstrdup("stdin") : text_doc_name(path);
	add_doc(c, path, name, date, NULL, 0);
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
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, cmp_name);
	for (size_t i = 0; i < n; i++) {
		bool doc = ends_with(names[i], ".txt") || ends_with(names[i], ".jsonl");
		struct diag sub = {{0}};
		struct buf path = {0};
		struct stat st;

		buf_printf(&path, "%s/%s", dir, names[i]);
		if (stat(path.data, &st) != 0) {
			add_unreadable(c, path.data, doc);
		} else if (S_ISDIR(st.st_mode)) {
			if (!seen_before(c, path.data, &st, "folder") && add_folder(c, path.data, date, &sub) < 0)
				add_failed(c, path.data, NULL, sub.msg);
		} else if (doc && !S_ISREG(st.st_mode)) {	/* a FIFO would block the run */
			diag_set(&sub, "cannot read '%s': not a regular file", path.data);
			add_failed(c, path.data, NULL, sub.msg);
		} else if (doc && !seen_before(c, path.data, &st, "file")) {
			add_file(c, path.data, date);
		}
		free(path.data);
		free(names[i]);
	}
	free(names);
	return 0;
}

int corpus_add(struct corpus *c, const char *path, const char *date, struct diag *err)
{
	struct stat st;

	if (strcmp(path, "-") == 0) {
		add_file(c, path, date);
		return 0;
	}
	if (stat(path, &st) != 0)
		return diag_sys(err, "open", path);
	if (seen_before(c, path, &st, S_ISDIR(st.st_mode) ? "folder" : "file"))
		return 0;
	if (S_ISDIR(st.st_mode))
		return add_folder(c, path, date, err);
	add_file(c, path, date);
	return 0;
}

/* The start of the character that byte n of text is in. */
static size_t char_start(const char *text, size_t n)
{
	while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
		n--;
	return n;
}

/* The length of a text of 'max' bytes, cut short of the document it began:
 * past its last line break, or else before a character the limit splits. */
static size_t cut_document(const char *text, size_t max)
{
	size_t n = max, last;
	unsigned long cp;

	while (n > 0 && text[n - 1] != '\n')
		n--;
	if (n > 0 || max == 0)
		return n;
	last = char_start(text, max - 1);
	return utf8_decode((const unsigned char *)text + last, max - last, &cp) ? max : last;
}

/* Lines longer than 'max' bytes are read as spaces past it (from a whole
 * character on), which keeps every offset and line number. */
static void blank_long_lines(char *text, size_t len, size_t max, struct corpus_cut *cut)
{
	unsigned long line = 1;

	for (size_t start = 0, end; start < len; start = end + 1, line++) {
		const char *nl = memchr(text + start, '\n', len - start);

		end = nl ? (size_t)(nl - text) : len;
		if (end - start <= max)
			continue;
		if (!cut->lines++)
			cut->first_line = line;
		for (size_t k = start + char_start(text + start, max); k < end; k++)
			text[k] = ' ';
	}
}

int corpus_read(const struct corpus_doc *d, const struct corpus_limits *lim, char **text, size_t *len,
		struct corpus_cut *cut, struct diag *err)
{
	int more;

	memset(cut, 0, sizeof *cut);
	if (d->error)
		return diag_set(err, "%s", d->error);
	if (d->text) {
		more = d->len > lim->document;
		*len = more ? lim->document : d->len;
		*text = xstrndup(d->text, *len);
	} else if ((more = read_file(d->path, lim->document, text, len, err)) < 0) {
		return -1;
	}
	if (more) {
		*len = cut_document(*text, *len);
		(*text)[*len] = '\0';
		cut->document = true;
	}
	blank_long_lines(*text, *len, lim->line, cut);
	return 0;
}

void corpus_free(struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->docs[i].path);
		free(c->docs[i].name);
		free(c->docs[i].date);
		free(c->docs[i].text);
		free(c->docs[i].error);
	}
	free(c->docs);
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
