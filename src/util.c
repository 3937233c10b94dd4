/* util.c - allocation, buffers, string map and atomic output files. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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

void xgrow_to(void *p, size_t *cap, size_t need, size_t size)
{
	void **pp = p;
	size_t c = *cap ? *cap : 8;

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

/* Open addressing with linear probing; the table is kept at most half full.
 * A slot keeps its key's hash and length beside it, so that a probe compares
 * strings only where both agree (once, for a key that is there), and reads
 * one slot, not three arrays. */
struct slot {
	char *key;		/* NULL: free */
	uint32_t hash, len;
	long value;
};

struct strmap {
	struct slot *slots;
	size_t cap, count;
};

static uint32_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;	/* FNV-1a */

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211u;
	}
	return (uint32_t)(h ^ h >> 32);
}

uint64_t hash64(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t w;

	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 32;
	}
	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

void buf_field(struct buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t run = 0;

		while (i + run < len && s[i + run] != '\\' && s[i + run] != '\t' && s[i + run] != '\n' &&
		       s[i + run] != '\r')
			run++;
		buf_add(b, s + i, run);	/* what needs no escape, at once: a kept graph is mostly names */
		if ((i += run) < len) {
			buf_add(b, s[i] == '\\' ? "\\\\" : s[i] == '\t' ? "\\t" : s[i] == '\n' ? "\\n" : "\\r", 2);
			i++;
		}
	}
}

bool field_text(char *s, size_t *len)
{
	char *q = strchr(s, '\\');

	if (!q) {	/* most fields: nothing to undo */
		*len = strlen(s);
		return true;
	}
	for (char *p = q; *p; p++) {
		if (*p == '\\') {
			const char *from = "\\tnr", *to = "\\\t\n\r", *k = *++p ? strchr(from, *p) : NULL;

			if (!k)
				return false;
			*q++ = to[k - from];
		} else {
			*q++ = *p;
		}
	}
	*q = '\0';
	*len = (size_t)(q - s);
	return true;
}

size_t split_fields(char *p, char *end, char **f, size_t max)
{
	size_t n = 0;

	*end = '\0';
	while (n < max) {
		f[n++] = p;
		if (!(p = strchr(p, '\t')))
			break;
		*p++ = '\0';
	}
	return p ? 0 : n;	/* more fields than expected: not ours */
}

struct strmap *strmap_new(void)
{
	struct strmap *m = xcalloc(1, sizeof *m);

	m->cap = 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	return m;
}

void strmap_free(struct strmap *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	free(m);
}

/* The slot of the key of hash h (len bytes at key), or the free slot where it would go. */
static struct slot *find(const struct strmap *m, uint32_t h, const char *key, size_t len)
{
	size_t i = h & (m->cap - 1);

	while (m->slots[i].key &&
	       !(m->slots[i].hash == h && m->slots[i].len == len && memcmp(m->slots[i].key, key, len) == 0))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

long strmap_getn(const struct strmap *m, const char *key, size_t len)
{
	const struct slot *sl = find(m, hash(key, len), key, len);

	return sl->key ? sl->value : -1;
}

long strmap_get(const struct strmap *m, const char *key)
{
	return strmap_getn(m, key, strlen(key));
}

long strmap_put(struct strmap *m, const char *key, long value)
{
	size_t len = strlen(key);
	uint32_t h = hash(key, len);
	struct slot *sl;
	long old;

	if (2 * (m->count + 1) > m->cap) {
		struct strmap big = {xcalloc(2 * m->cap, sizeof *big.slots), 2 * m->cap, m->count};

		for (size_t j = 0; j < m->cap; j++)
			if (m->slots[j].key) {	/* the keys are distinct: each to the first free slot */
				size_t k = m->slots[j].hash & (big.cap - 1);

				while (big.slots[k].key)
					k = (k + 1) & (big.cap - 1);
				big.slots[k] = m->slots[j];
			}
		free(m->slots);
		*m = big;
	}
	sl = find(m, h, key, len);
	if (sl->key) {
		old = sl->value;
		sl->value = value;
		return old;
	}
	*sl = (struct slot){xstrdup(key), h, (uint32_t)len, value};
	m->count++;
	return -1;
}

void strset_add(struct strset *s, const char *word)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {	/* the first element not below word */
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->v[mid], word);

		if (c == 0)
			return;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	xgrow(&s->v, &s->cap, s->n + 1, sizeof *s->v);
	memmove(s->v + lo + 1, s->v + lo, (s->n - lo) * sizeof *s->v);
	s->v[lo] = xstrdup(word);
	s->n++;
}

char *strset_join(const struct strset *s)
{
	struct buf b = {0};

	for (size_t i = 0; i < s->n; i++) {
		if (i)
			buf_add(&b, " ", 1);
		buf_puts(&b, s->v[i]);
	}
	return b.data ? b.data : xstrdup("");
}

void strset_free(struct strset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

size_t utf8_decode_multi(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t len;
	unsigned long c, min;

	if ((s[0] & 0xe0) == 0xc0)
		len = 2, c = s[0] & 0x1f, min = 0x80;
	else if ((s[0] & 0xf0) == 0xe0)
		len = 3, c = s[0] & 0x0f, min = 0x800;
	else if ((s[0] & 0xf8) == 0xf0)
		len = 4, c = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

size_t utf8_encode(unsigned long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Uppercase letters: first, first + step, ... up to last; each one's
 * lowercase is delta above it. Runs of pairs ("Āā") have step 2, delta 1;
 * the odd ones of Latin Extended-B map into the IPA block. */
static const struct {
	unsigned long first, last;
	unsigned step;
	long delta;
} upper_runs[] = {
	{0x41, 0x5a, 1, 32}, {0xc0, 0xd6, 1, 32}, {0xd8, 0xde, 1, 32},
	{0x100, 0x12e, 2, 1}, {0x130, 0x130, 1, -199}, {0x132, 0x136, 2, 1}, {0x139, 0x147, 2, 1},
	{0x14a, 0x176, 2, 1}, {0x178, 0x178, 1, -121}, {0x179, 0x17d, 2, 1},
	{0x181, 0x181, 1, 210}, {0x182, 0x184, 2, 1}, {0x186, 0x186, 1, 206}, {0x187, 0x187, 1, 1},
	{0x189, 0x18a, 1, 205}, {0x18b, 0x18b, 1, 1}, {0x18e, 0x18e, 1, 79}, {0x18f, 0x18f, 1, 202},
	{0x190, 0x190, 1, 203}, {0x191, 0x191, 1, 1}, {0x193, 0x193, 1, 205}, {0x194, 0x194, 1, 207},
	{0x196, 0x196, 1, 211}, {0x197, 0x197, 1, 209}, {0x198, 0x198, 1, 1}, {0x19c, 0x19c, 1, 211},
	{0x19d, 0x19d, 1, 213}, {0x19f, 0x19f, 1, 214}, {0x1a0, 0x1a4, 2, 1}, {0x1a7, 0x1a7, 1, 1},
	{0x1a9, 0x1a9, 1, 218}, {0x1ac, 0x1ac, 1, 1}, {0x1ae, 0x1ae, 1, 218}, {0x1af, 0x1af, 1, 1},
	{0x1b1, 0x1b2, 1, 217}, {0x1b3, 0x1b5, 2, 1}, {0x1b7, 0x1b7, 1, 219}, {0x1b8, 0x1b8, 1, 1},
	{0x1bc, 0x1bc, 1, 1}, {0x1c4, 0x1c4, 1, 2}, {0x1c7, 0x1c7, 1, 2}, {0x1ca, 0x1ca, 1, 2},
	{0x1cd, 0x1db, 2, 1}, {0x1de, 0x1ee, 2, 1}, {0x1f1, 0x1f1, 1, 2}, {0x1f4, 0x1f4, 1, 1},
	{0x1f8, 0x21e, 2, 1}, {0x222, 0x232, 2, 1}, {0x246, 0x24e, 2, 1},
	{0x386, 0x386, 1, 38}, {0x388, 0x38a, 1, 37}, {0x38c, 0x38c, 1, 64}, {0x38e, 0x38f, 1, 63},
	{0x391, 0x3a1, 1, 32}, {0x3a3, 0x3ab, 1, 32}, {0x3d8, 0x3ee, 2, 1},
	{0x400, 0x40f, 1, 80}, {0x410, 0x42f, 1, 32}, {0x460, 0x480, 2, 1}, {0x48a, 0x4be, 2, 1},
	{0x4c0, 0x4c0, 1, 15}, {0x4c1, 0x4cd, 2, 1}, {0x4d0, 0x52e, 2, 1}, {0x531, 0x556, 1, 48},
	{0x1e00, 0x1e94, 2, 1}, {0x1ea0, 0x1efe, 2, 1},
};

static bool in_run(size_t r, unsigned long cp)
{
	return cp >= upper_runs[r].first && cp <= upper_runs[r].last &&
	       (cp - upper_runs[r].first) % upper_runs[r].step == 0;
}

int utf8_case(unsigned long cp)
{
	for (size_t r = 0; r < sizeof upper_runs / sizeof *upper_runs; r++) {
		if (in_run(r, cp))
			return 1;
		if (in_run(r, (unsigned long)((long)cp - upper_runs[r].delta)))
			return -1;
	}
	return 0;
}

unsigned long utf8_lower(unsigned long cp)
{
	for (size_t r = 0; r < sizeof upper_runs / sizeof *upper_runs; r++)
		if (in_run(r, cp))
			return (unsigned long)((long)cp + upper_runs[r].delta);
	return cp;
}

char *utf8_clean(char *s)
{
	const unsigned char *in = (const unsigned char *)s;
	size_t n = strlen(s), k = 0;

	for (size_t i = 0, l; i < n; i += l) {
		unsigned long cp = 0;

		l = utf8_decode(in + i, n - i, &cp);
		if (!l || (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7f && cp <= 0x9f) ||
		    (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe) {
			s[k++] = ' ';
			l = l ? l : 1;
		} else {
			memmove(s + k, in + i, l);	/* k <= i: a space is never longer */
			k += l;
		}
	}
	s[k] = '\0';
	return s;
}

/* Why s is no date: NULL if it is one, else the end of the message of date_check. */
static const char *date_problem(const char *s, bool partial)
{
	static const char form[] = "dddd-dd-dd";
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	size_t n = strlen(s);
	int y, m, d;

	if (!(n == 10 || (partial && (n == 4 || n == 7))))
		return "";
	for (size_t i = 0; i < n; i++)
		if (form[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return "";
	y = atoi(s);
	if (y < 1800 || y > 2999)
		return " (years 1800 to 2999)";
	if (n == 4)
		return NULL;
	m = atoi(s + 5);
	if (m < 1 || m > 12)
		return " (no such month)";
	if (n == 7)
		return NULL;
	d = atoi(s + 8);
	if (d < 1 || d > days[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return " (no such day)";
	return NULL;
}

bool is_date(const char *s, bool partial)
{
	return !date_problem(s, partial);
}

long date_days(const char *s)
{
	long y = atol(s), m = atol(s + 5), d = atol(s + 8), era;
	unsigned long yoe, doy;

	y -= m <= 2;	/* days from civil: the year as from March, so that leap days end it */
	era = y / 400;
	yoe = (unsigned long)(y - era * 400);
	doy = (unsigned long)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	return era * 146097 + (long)(yoe * 365 + yoe / 4 - yoe / 100 + doy) - 719468;
}

void date_of_days(long days, char out[11])
{
	time_t t = (time_t)days * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int date_check(const char *s, bool partial, struct pos p, struct diag *err)
{
	const char *why = date_problem(s, partial);

	if (!why)
		return 0;
	return diag_at(err, p, "expected a date %s, found '%s'%s",
		       partial ? "YYYY-MM-DD, YYYY-MM or YYYY" : "YYYY-MM-DD", s, why);
}

char *file_name_of(const char *name)
{
	size_t n = strlen(name);
	char *out;

	if (n > FILE_NAME_MAX) {
		n = FILE_NAME_MAX;
		while (n > 0 && ((unsigned char)name[n] & 0xc0) == 0x80)
			n--;	/* not inside a character */
	}
	out = xstrndup(name, n);
	for (size_t i = 0, dots = strspn(out, "."); i < n; i++)
		if (i < dots || out[i] == '/' || (unsigned char)out[i] < 0x20 || out[i] == 0x7f)
			out[i] = '_';
	if (!n) {
		free(out);
		out = xstrdup("document");
	}
	return out;
}

bool is_file_name(const char *name)
{
	char *safe = file_name_of(name);
	bool same = strcmp(safe, name) == 0;

	free(safe);
	return same;
}

bool word_in(const char *w, const char *const list[])
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(list[i], w) == 0)
			return true;
	return false;
}

/* The digits of n, at least 'width' of them (zeros before), ending at 'end';
 * returns where they begin. */
static char *digits(char *end, unsigned long long n, int width)
{
	do {
		*--end = (char)('0' + n % 10);
		n /= 10;
	} while (--width > 0 || n > 0);
	return end;
}

/* Most values are integers, or small enough that x * 10^6 rounds as x
 * itself does: those are written here; the others, and those near a tie,
 * by printf. */
const char *fixed_text(double x, int decimals, char buf[64])
{
	double m = fabs(x), t = decimals ? m * 1e6 : m, whole = floor(t);
	char *p = buf + 63;

	if (!(m < 1e6) || (t != whole && fabs(t - whole - 0.5) < 1e-3)) {
		snprintf(buf, 64, decimals ? "%.6f" : "%.0f", x);
		return buf;
	}
	*p = '\0';
	whole = t - whole < 0.5 ? whole : whole + 1;	/* not a tie: no rounding mode to follow */
	if (decimals) {
		p = digits(p, (unsigned long long)whole % 1000000, 6);
		*--p = '.';
	}
	p = digits(p, (unsigned long long)whole / (decimals ? 1000000 : 1), 1);
	if (signbit(x))
		*--p = '-';
	return p;
}

int fd_write_all(int fd, const void *p, size_t n)
{
	for (ssize_t w; n > 0; p = (const char *)p + w, n -= (size_t)w)
		if ((w = write(fd, p, n)) < 0 && errno != EINTR)
			return -1;
		else if (w < 0)
			w = 0;
	return 0;
}

int fd_read_all(int fd, void *p, size_t n)
{
	for (ssize_t r; n > 0; p = (char *)p + r, n -= (size_t)r)
		if ((r = read(fd, p, n)) == 0 || (r < 0 && errno != EINTR))
			return -1;
		else if (r < 0)
			r = 0;
	return 0;
}

int read_file(const char *path, size_t max, char **data, size_t *len, struct diag *err)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct buf b = {0};
	char chunk[65536];
	size_t n;
	int more = 0;

	if (!fp)
		return diag_sys(err, "open", path);
	while (!more && (n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (n > max - b.len) {
			n = max - b.len;
			more = 1;
		}
		buf_add(&b, chunk, n);
	}
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
	return more;
}

/* The temporary files being written, removed if SIGINT, SIGTERM or SIGHUP
 * ends the process: a killed build leaves the old outputs and nothing else. */
enum { MAX_PENDING = 16 };
static char *volatile pending[MAX_PENDING];

static void remove_pending(int sig)
{
	for (size_t i = 0; i < MAX_PENDING; i++)
		if (pending[i])
			unlink(pending[i]);	/* async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void track(const char *tmp, const char *was)
{
	static bool handled;

	if (!handled) {
		struct sigaction sa = {.sa_handler = remove_pending};

		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		sigaction(SIGHUP, &sa, NULL);
		handled = true;
	}
	for (size_t i = 0; i < MAX_PENDING; i++)
		if (pending[i] == was) {
			pending[i] = (char *)tmp;
			return;
		}
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
	track(o->tmp, NULL);
	return 0;
}

/* Flush and close o's file, synced to the disk first when 'sync'. */
static int finish(struct outfile *o, bool sync, struct diag *err)
{
	int bad;

	if (!o->fp)	/* a link of a file written before */
		return 0;
	bad = ferror(o->fp) || fflush(o->fp) != 0 || (sync && fsync(fileno(o->fp)) != 0);
	if (fclose(o->fp) != 0 || bad) {
		o->fp = NULL;
		return diag_sys(err, "write", o->path);
	}
	o->fp = NULL;
	return 0;
}

static int replace(struct outfile *o, struct diag *err)
{
	if (rename(o->tmp, o->path) != 0) {
		diag_sys(err, "replace", o->path);
		outfile_abort(o);
		return -1;
	}
	track(NULL, o->tmp);
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return 0;
}

int outfile_commit(struct outfile *o, struct diag *err)
{
	if (finish(o, false, err) < 0) {
		outfile_abort(o);
		return -1;
	}
	return replace(o, err);
}

/* The folder of 'path', which the caller frees. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
}

/* Sync folder 'dir', so that the renames in it last a crash. Those that
 * cannot be synced (EINVAL: some file systems) pass. */
static int sync_folder(const char *dir, struct diag *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY), rc = 0;

	if (fd < 0 || (fsync(fd) != 0 && errno != EINVAL))
		rc = diag_sys(err, "sync folder", dir);
	if (fd >= 0)
		close(fd);
	return rc;
}

int outfile_commit_all(struct outfile *o, size_t n, struct diag *err)
{
	char **dirs;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++)
		rc = finish(&o[i], true, err);
	if (rc < 0) {
		for (size_t i = 0; i < n; i++)
			outfile_abort(&o[i]);
		return -1;
	}
	dirs = xmalloc((n ? n : 1) * sizeof *dirs);
	for (size_t i = 0; i < n; i++)
		dirs[i] = folder_of(o[i].path);
	for (size_t i = 0; i < n; i++)
		if (replace(&o[i], err) < 0)
			rc = -1;
	for (size_t i = 0; i < n; i++)
		if ((i == 0 || strcmp(dirs[i], dirs[i - 1]) != 0) && sync_folder(dirs[i], err) < 0)
			rc = -1;
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
	return rc;
}

int outfile_link(struct outfile *o, const char *path, const char *keep, struct diag *err)
{
	struct buf tmp = {0};
	struct stat st, kept;

	if (stat(path, &st) != 0)
		return errno == ENOENT ? 1 : diag_sys(err, "keep", path);
	if (stat(keep, &kept) == 0 && kept.st_dev == st.st_dev && kept.st_ino == st.st_ino)
		return 1;	/* a rename of a file over itself would do nothing, and leave the link */
	buf_printf(&tmp, "%s.tmp%ld", keep, (long)getpid());	/* the caller holds the lock */
	unlink(tmp.data);
	if (link(path, tmp.data) != 0) {
		free(tmp.data);
		return diag_sys(err, "keep a link to", path);
	}
	o->fp = NULL;
	o->path = xstrdup(keep);
	o->tmp = tmp.data;
	track(o->tmp, NULL);
	return 0;
}

int outlock_take(struct outlock *l, const char *path, struct diag *err)
{
	struct flock lock = {.l_type = F_WRLCK, .l_whence = SEEK_SET};	/* the whole file */
	char pid[32];
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

	if (fd < 0)
		return diag_sys(err, "create", path);
	/* a record lock, which a forked drawing does not inherit, goes with its process */
	if (fcntl(fd, F_SETLK, &lock) != 0) {
		if (errno != EACCES && errno != EAGAIN)
			diag_sys(err, "lock", path);
		else if (fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK)
			diag_set(err, "'%s' is held by process %ld, another build writing there: "
				 "try again when it ends", path, (long)lock.l_pid);
		else	/* released since */
			diag_set(err, "'%s' was held by another build writing there: try again", path);
		close(fd);
		return -1;
	}
	snprintf(pid, sizeof pid, "%ld\n", (long)getpid());	/* for a person who finds the file */
	if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, strlen(pid), 0) != (ssize_t)strlen(pid)) {
		diag_sys(err, "write", path);
		close(fd);
		return -1;
	}
	l->fd = fd;
	return 0;
}

void outlock_release(struct outlock *l)
{
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
}

void outfile_abort(struct outfile *o)
{
	if (o->fp)
		fclose(o->fp);
	if (o->tmp) {
		unlink(o->tmp);
		track(NULL, o->tmp);
	}
	free(o->tmp);
	free(o->path);
	o->fp = NULL;
	o->tmp = o->path = NULL;
}

int make_dirs(const char *dir, struct diag *err)
{
	char *p = xstrdup(dir);

	/* skip the root of an absolute path only: "" must fail at mkdir, not read past its end */
	for (char *s = p + (*p == '/'); ; s++) {
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

struct file_mark file_mark_of(const struct stat *st)
{
	return (struct file_mark){st->st_dev, st->st_ino, st->st_size, st->st_mtim, st->st_ctim};
}
