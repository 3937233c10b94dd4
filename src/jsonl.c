/* jsonl.c - a recursive-descent check of one line of JSON that keeps only
 * where the article's three strings are. Feeds are read twice (listed, then
 * each text when its document is read), so both passes must cost little
 * more than the bytes: no tree, no copy of what is not asked for. */
#include "jsonl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum { MAX_DEPTH = 2048 };	/* as jansson's: nesting, and so the stack, is bounded */

enum member { ID, DATE, TEXT, OTHER };

static const char expected_article[] = "{\"text\": string, \"id\": string, \"date\": \"YYYY-MM-DD\"}";

struct scan {
	const char *p, *end;
	const char *why;	/* what was expected at p */
};

static bool fail(struct scan *s, const char *why)
{
	s->why = why;
	return false;
}

static void skip_space(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

static bool at(const struct scan *s, char c)
{
	return s->p < s->end && *s->p == c;
}

static bool is_digit(const struct scan *s)
{
	return s->p < s->end && *s->p >= '0' && *s->p <= '9';
}

/* The four hex digits at p as a number, or -1. */
static long code_unit(const char *p, const char *end)
{
	long v = 0;

	if (end - p < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Whether any of the 8 bytes of x is a quote, a backslash or a control
 * character: bytes a string's scan must stop at (bit tricks on one word,
 * as an article's text is nearly all plain bytes). */
static bool stops(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t quote = x ^ (ones * '"'), bslash = x ^ (ones * '\\');

	return (((quote - ones) & ~quote) | ((bslash - ones) & ~bslash) | ((x - ones * 0x20) & ~x)) & highs;
}

/* The string at s->p (its opening quote); its contents are [*span, +*len). */
static bool string(struct scan *s, const char **span, size_t *len)
{
	const char *start = ++s->p;

	while (s->p < s->end) {
		unsigned char c;
		long u, low;
		uint64_t x;

		while (s->end - s->p >= 8 && (memcpy(&x, s->p, 8), !stops(x)))
			s->p += 8;
		if (s->p == s->end)
			break;
		c = (unsigned char)*s->p;

		if (c == '"') {
			*span = start;
			*len = (size_t)(s->p++ - start);
			return true;
		}
		if (c < 0x20)
			return fail(s, "no control character in a string (\\n, \\t or \\uXXXX)");
		if (c != '\\') {
			s->p++;
			continue;
		}
		c = s->p + 1 < s->end ? (unsigned char)s->p[1] : 0;
		if (c != 'u') {
			if (!c || !strchr("\"\\/bfnrt", c))
				return fail(s, "an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
			s->p += 2;
			continue;
		}
		if ((u = code_unit(s->p + 2, s->end)) < 0)
			return fail(s, "four hex digits after \\u");
		if (u == 0)
			return fail(s, "a character other than \\u0000");
		if (u >= 0xDC00 && u <= 0xDFFF)
			return fail(s, "a high surrogate (\\uD800-\\uDBFF) before a low one");
		s->p += 6;
		if (u >= 0xD800 && u <= 0xDBFF) {
			low = s->end - s->p >= 2 && s->p[0] == '\\' && s->p[1] == 'u' ? code_unit(s->p + 2, s->end) : -1;
			if (low < 0xDC00 || low > 0xDFFF)
				return fail(s, "a low surrogate (\\uDC00-\\uDFFF) after a high one");
			s->p += 6;
		}
	}
	return fail(s, "a closing quote");
}

static bool number(struct scan *s)
{
	if (at(s, '-'))
		s->p++;
	if (at(s, '0'))
		s->p++;
	else if (is_digit(s))
		while (is_digit(s))
			s->p++;
	else
		return fail(s, "a value");
	if (at(s, '.')) {
		s->p++;
		if (!is_digit(s))
			return fail(s, "a digit after the decimal point");
		while (is_digit(s))
			s->p++;
	}
	if (at(s, 'e') || at(s, 'E')) {
		s->p++;
		if (at(s, '+') || at(s, '-'))
			s->p++;
		if (!is_digit(s))
			return fail(s, "a digit in the exponent");
		while (is_digit(s))
			s->p++;
	}
	return true;
}

static bool literal(struct scan *s, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(s->end - s->p) < n || memcmp(s->p, word, n) != 0)
		return fail(s, "a value");
	s->p += n;
	return true;
}

static bool value(struct scan *s, int depth);

/* "key": at s->p, with the key's span. */
static bool key(struct scan *s, const char **span, size_t *len)
{
	skip_space(s);
	if (!at(s, '"'))
		return fail(s, "a key in quotes");
	if (!string(s, span, len))
		return false;
	skip_space(s);
	if (!at(s, ':'))
		return fail(s, "':' after the key");
	s->p++;
	skip_space(s);
	return true;
}

/* After a member or an element: ',' (true, *more set) or the closing bracket. */
static bool next(struct scan *s, char close, bool *more)
{
	skip_space(s);
	if ((*more = at(s, ',')) || at(s, close)) {
		s->p++;
		return true;
	}
	return fail(s, close == '}' ? "',' or '}'" : "',' or ']'");
}

/* An object or an array at s->p, checked and skipped. */
static bool container(struct scan *s, int depth)
{
	char close = *s->p == '{' ? '}' : ']';
	const char *span;
	size_t len;
	bool more = true;

	if (depth > MAX_DEPTH)
		return fail(s, "less nesting (2048 levels at most)");
	s->p++;
	skip_space(s);
	if (at(s, close)) {
		s->p++;
		return true;
	}
	while (more)
		if ((close == '}' && !key(s, &span, &len)) || !value(s, depth) || !next(s, close, &more))
			return false;
	return true;
}

static bool value(struct scan *s, int depth)
{
	const char *span;
	size_t len;

	skip_space(s);
	if (s->p >= s->end)
		return fail(s, "a value");
	switch (*s->p) {
	case '{':
	case '[':
		return container(s, depth + 1);
	case '"':
		return string(s, &span, &len);
	case 't':
		return literal(s, "true");
	case 'f':
		return literal(s, "false");
	case 'n':
		return literal(s, "null");
	default:
		return number(s);
	}
}

/* Which member a key names ("\u0069d" is "id" too). */
static enum member member_of(const char *span, size_t len)
{
	static const char *const names[] = {"id", "date", "text"};
	char *decoded = NULL;
	enum member m = ID;

	if (memchr(span, '\\', len))
		span = decoded = jsonl_string(span, len, &len);
	while (m < OTHER && (strlen(names[m]) != len || memcmp(span, names[m], len) != 0))
		m++;
	free(decoded);
	return m;
}

/* The article: an object whose id, date and text members are kept. */
static bool article(struct scan *s, struct jsonl_article *a)
{
	const char **spans[] = {&a->id, &a->date, &a->text};
	size_t *lens[] = {&a->id_len, &a->date_len, &a->text_len};
	const char *start = s->p, *span;
	size_t len;
	unsigned seen = 0;
	bool more = true;

	skip_space(s);
	if (!at(s, '{'))
		return fail(s, expected_article);
	s->p++;
	skip_space(s);
	if (at(s, '}')) {
		s->p++;
		more = false;
	}
	while (more) {
		enum member m;

		if (!key(s, &span, &len))
			return false;
		if ((m = member_of(span, len)) == OTHER) {
			if (!value(s, 1))
				return false;
		} else if (seen & 1u << m) {
			return fail(s, "each of \"id\", \"date\" and \"text\" once");
		} else if (at(s, '"')) {
			seen |= 1u << m;
			if (!string(s, spans[m], lens[m]))
				return false;
		} else if (m == DATE && literal(s, "null")) {
			seen |= 1u << m;
		} else {
			return fail(s, expected_article);
		}
		if (!next(s, '}', &more))
			return false;
	}
	skip_space(s);
	if (s->p < s->end)
		return fail(s, "the end of the line after the article");
	if (!a->text) {
		s->p = start;
		return fail(s, expected_article);
	}
	return true;
}

size_t jsonl_article(const char *line, size_t len, struct jsonl_article *a, const char **why)
{
	struct scan s = {line, line + len, NULL};

	memset(a, 0, sizeof *a);
	if (article(&s, a))
		return 0;
	*why = s.why;
	return (size_t)(s.p - line) + 1;
}

char *jsonl_string(const char *span, size_t span_len, size_t *len)
{
	char *out = xmalloc(span_len + 1), *o = out;	/* decoding never lengthens */
	const char *p = span, *end = span + span_len, *bs;
	long cp, low;

	while ((bs = memchr(p, '\\', (size_t)(end - p)))) {
		memcpy(o, p, (size_t)(bs - p));
		o += bs - p;
		p = bs + 1;
		switch (*p) {
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			cp = code_unit(p + 1, end);
			p += 5;
			if (cp >= 0xD800 && cp <= 0xDBFF) {	/* checked: a low surrogate follows */
				low = code_unit(p + 2, end);
				cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
				p += 6;
			}
			o += utf8_encode((unsigned long)cp, o);
			continue;
		default: *o++ = *p; break;	/* " \ / */
		}
		p++;
	}
	memcpy(o, p, (size_t)(end - p));
	o += end - p;
	*o = '\0';
	*len = (size_t)(o - out);
	return out;
}
