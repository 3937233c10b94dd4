/* corpus.c - collecting input documents; JSON lines through jansson. */
#include "corpus.h"

#include <dirent.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text.h"
#include "util.h"

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
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

/* One article per line: {"id", "date", "text"}. */
static int add_jsonl(struct corpus *c, const char *path, const char *date, struct diag *err)
{
	char *data, *line;
	size_t len;
	unsigned long lineno = 0;
	char *base = text_doc_name(path);
	int rc = 0;

	if (read_file(path, &data, &len, err) < 0) {
		free(base);
		return -1;
	}
	for (char *p = data; rc == 0 && (line = strsep(&p, "\n"));) {
		json_error_t je;
		json_t *o, *id, *dt, *tx;
		char name[300], where[300];

		lineno++;
		if (!line[strspn(line, " \t\r")])
			continue;	/* blank lines */
		snprintf(where, sizeof where, "%s:%lu", path, lineno);
		if (!(o = json_loads(line, JSON_REJECT_DUPLICATES, &je))) {
			rc = diag_at(err, (struct pos){path, lineno, (unsigned long)je.column}, "%s", je.text);
			break;
		}
		id = json_object_get(o, "id");
		dt = json_object_get(o, "date");
		tx = json_object_get(o, "text");
		if (!json_is_object(o) || !json_is_string(tx) || (id && !json_is_string(id)) ||
		    (dt && !json_is_null(dt) && !json_is_string(dt))) {
			rc = diag_at(err, (struct pos){path, lineno, 1},
				     "expected {\"text\": string, \"id\": string, \"date\": \"YYYY-MM-DD\"}");
		} else if (json_is_string(dt) &&
			   date_check(json_string_value(dt), false, (struct pos){path, lineno, 1}, err) < 0) {
			rc = -1;
		} else {
			if (id)
				snprintf(name, sizeof name, "%s", json_string_value(id));
			else	/* "feed-3" for line 3 of feed.jsonl */
				snprintf(name, sizeof name, "%s-%lu", base, lineno);
			add_doc(c, where, name, json_is_string(dt) ? json_string_value(dt) : date,
				json_string_value(tx), json_string_length(tx));
		}
		json_decref(o);
	}
	free(base);
	free(data);
	return rc;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_file(struct corpus *c, const char *path, const char *date, struct diag *err)
{
	char *name;

	if (ends_with(path, ".jsonl"))
		return add_jsonl(c, path, date, err);
	name = strcmp(path, "-") == 0 ? xstrdup("stdin") : text_doc_name(path);
	add_doc(c, path, name, date, NULL, 0);
	free(name);
	return 0;
}

/* A folder's *.txt and *.jsonl files and subfolders, recursively, in name order. */
static int add_folder(struct corpus *c, const char *dir, const char *date, struct diag *err)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

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
		struct buf path = {0};
		struct stat st;

		buf_printf(&path, "%s/%s", dir, names[i]);
		if (rc == 0 && stat(path.data, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				rc = add_folder(c, path.data, date, err);
			else if (S_ISREG(st.st_mode) && (ends_with(names[i], ".txt") || ends_with(names[i], ".jsonl")))
				rc = add_file(c, path.data, date, err);
		}
		free(path.data);
		free(names[i]);
	}
	free(names);
	return rc;
}

int corpus_add(struct corpus *c, const char *path, const char *date, struct diag *err)
{
	struct stat st;

	if (strcmp(path, "-") == 0)
		return add_file(c, path, date, err);
	if (stat(path, &st) != 0)
		return diag_sys(err, "open", path);
	if (S_ISDIR(st.st_mode))
		return add_folder(c, path, date, err);
	return add_file(c, path, date, err);
}

int corpus_read(const struct corpus_doc *d, char **text, size_t *len, struct diag *err)
{
	if (!d->text)
		return read_file(d->path, text, len, err);
	*text = xstrndup(d->text, d->len);
	*len = d->len;
	return 0;
}

void corpus_free(struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->docs[i].path);
		free(c->docs[i].name);
		free(c->docs[i].date);
		free(c->docs[i].text);
	}
	free(c->docs);
}
