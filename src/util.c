/* util.c - allocation, buffers, string map and atomic output files. */
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void oom(void)
{
	fputs("actorgraph: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	void **pp = p;
	size_t c = *cap ? *cap : 8;

	if (need <= *cap)
		return;
	while (c < need)
		c *= 2;
	if (c > SIZE_MAX / size)
		oom();
	*pp = xrealloc(*pp, c * size);
	*cap = c;
}

void buf_add(struct buf *b, const char *s, size_t n)
{
	xgrow(&b->data, &b->cap, b->len + n + 1, 1);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	xgrow(&b->data, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* Open addressing with linear probing; the table is kept at most half full. */
struct strmap {
	char **keys;
	long *values;
	size_t cap, count;
};

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;	/* FNV-1a */

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211u;
	}
	return h;
}

struct strmap *strmap_new(void)
{
	struct strmap *m = xcalloc(1, sizeof *m);

	m->cap = 64;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->values = xcalloc(m->cap, sizeof *m->values);
	return m;
}

void strmap_free(struct strmap *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->values);
	free(m);
}

static size_t slot(const struct strmap *m, const char *key, size_t len)
{
	size_t i = hash(key, len) & (m->cap - 1);

	while (m->keys[i] && !(strncmp(m->keys[i], key, len) == 0 && m->keys[i][len] == '\0'))
		i = (i + 1) & (m->cap - 1);
	return i;
}

long strmap_getn(const struct strmap *m, const char *key, size_t len)
{
	size_t i = slot(m, key, len);

	return m->keys[i] ? m->values[i] : -1;
}

long strmap_get(const struct strmap *m, const char *key)
{
	return strmap_getn(m, key, strlen(key));
}

long strmap_put(struct strmap *m, const char *key, long value)
{
	size_t i, len = strlen(key);
	long old;

	if (2 * (m->count + 1) > m->cap) {
		struct strmap big = {xcalloc(2 * m->cap, sizeof(char *)),
				     xcalloc(2 * m->cap, sizeof(long)), 2 * m->cap, m->count};

		for (size_t j = 0; j < m->cap; j++)
			if (m->keys[j]) {
				size_t k = slot(&big, m->keys[j], strlen(m->keys[j]));

				big.keys[k] = m->keys[j];
				big.values[k] = m->values[j];
			}
		free(m->keys);
		free(m->values);
		*m = big;
	}
	i = slot(m, key, len);
	if (m->keys[i]) {
		old = m->values[i];
		m->values[i] = value;
		return old;
	}
	m->keys[i] = xstrdup(key);
	m->values[i] = value;
	m->count++;
	return -1;
}

bool word_in(const char *w, const char *const list[])
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(list[i], w) == 0)
			return true;
	return false;
}

int read_file(const char *path, char **data, size_t *len, struct diag *err)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct buf b = {0};
	char chunk[65536];
	size_t n;

	if (!fp)
		return diag_sys(err, "open", path);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(fp)) {
		diag_sys(err, "read", path);
		if (fp != stdin)
			fclose(fp);
		free(b.data);
		return -1;
	}
	if (fp != stdin)
		fclose(fp);
	if (!b.data)
		buf_add(&b, "", 0);
	*data = b.data;
	*len = b.len;
	return 0;
}

int outfile_open(struct outfile *o, const char *path, struct diag *err)
{
	struct buf tmp = {0};
	int fd;

	buf_printf(&tmp, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp.data);
	if (fd < 0) {
		free(tmp.data);
		return diag_sys(err, "create", path);
	}
	fchmod(fd, 0644);
	o->fp = fdopen(fd, "w");
	if (!o->fp) {
		close(fd);
		unlink(tmp.data);
		free(tmp.data);
		return diag_sys(err, "create", path);
	}
	o->path = xstrdup(path);
	o->tmp = tmp.data;
	return 0;
}

int outfile_commit(struct outfile *o, struct diag *err)
{
	int bad = ferror(o->fp);

	if (fclose(o->fp) != 0 || bad) {
		o->fp = NULL;
		diag_sys(err, "write", o->path);
		outfile_abort(o);
		return -1;
	}
	o->fp = NULL;
	if (rename(o->tmp, o->path) != 0) {
		diag_sys(err, "replace", o->path);
		outfile_abort(o);
		return -1;
	}
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return 0;
}

void outfile_abort(struct outfile *o)
{
	if (o->fp)
		fclose(o->fp);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->fp = NULL;
	o->tmp = o->path = NULL;
}

int make_dirs(const char *dir, struct diag *err)
{
	char *p = xstrdup(dir);

	for (char *s = p + 1; ; s++) {
		char c = *s;

		if (c != '/' && c != '\0')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			diag_sys(err, "create directory", p);
			free(p);
			return -1;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return 0;
}
