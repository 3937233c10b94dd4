/* text.c - UTF-8 checking, tokens with byte offsets, and sentence splitting. */
#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* Punctuation outside ASCII that news text uses, with its normal form. */
static const char *punct_norm(unsigned long cp, unsigned *flags)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201b: case 0x2032:
		return "'";
	case 0x201c:
		*flags |= TOK_OPEN;
		return "\"";
	case 0x201d: case 0x201e: case 0x00ab: case 0x00bb:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
		return "-";
	case 0x2014: case 0x2015:
		return "--";
	case 0x2026:
		return "...";
	case 0x2022: case 0x00b7:
		return "*";
	default:
		return NULL;
	}
}

static inline bool is_space_cp(unsigned long cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp - '\t' < 5;	/* \t \n \v \f \r */
	return cp == 0xa0 || cp == 0x2009 || cp == 0x200a || cp == 0x202f || cp == 0x3000 ||
	       cp == 0xfeff || (cp >= 0x2000 && cp <= 0x200b);
}

/* ASCII classes by arithmetic: <ctype.h>'s calls through the locale's tables
 * were a fifth of tokenizing (the program keeps the C locale, so they agree). */
static bool ascii_upper(unsigned c)
{
	return c - 'A' < 26;
}

static bool ascii_lower(unsigned c)
{
	return c - 'a' < 26;
}

static bool ascii_alnum(unsigned c)
{
	return ascii_lower(c | 0x20) || c - '0' < 10;
}

/* Letters and digits, including every non-ASCII character that is not known
 * punctuation or space (accented names, other scripts). */
static bool is_other_word_cp(unsigned long cp)
{
	unsigned dummy = 0;

	return !is_space_cp(cp) && !punct_norm(cp, &dummy);
}

/* ASCII, nearly all of news text, is classed here without a call. */
static inline bool is_word_cp(unsigned long cp)
{
	return cp < 0x80 ? ascii_alnum((unsigned)cp) : is_other_word_cp(cp);
}

struct tokenizer {
	struct doc *d;
	struct buf norms;
	size_t *norm_off;	/* per token, until the norm buffer stops moving */
	size_t cap, off_cap;
	unsigned long line;
	size_t line_start;
	bool space, newline;
	size_t *breaks;		/* tokens that start a new line */
	size_t nbreaks, breaks_cap;
};

/* Room for the norm of one more token, of at most n bytes, at the end of
 * t->norms: where the caller writes it before add_token. */
static char *norm_room(struct tokenizer *t, size_t n)
{
	xgrow(&t->norms.data, &t->norms.cap, t->norms.len + n + 1, 1);
	return t->norms.data + t->norms.len;
}

/* Add the token whose norm of nlen bytes norm_room gave. */
static void add_token(struct tokenizer *t, size_t start, size_t end, size_t nlen, unsigned flags)
{
	struct doc *d = t->d;
	struct token *k;

	xgrow(&d->tok, &t->cap, d->ntok + 1, sizeof *d->tok);
	xgrow(&t->norm_off, &t->off_cap, d->ntok + 1, sizeof *t->norm_off);
	if (t->newline) {
		xgrow(&t->breaks, &t->breaks_cap, t->nbreaks + 1, sizeof *t->breaks);
		t->breaks[t->nbreaks++] = d->ntok;
	}
	k = &d->tok[d->ntok];
	k->start = start;
	k->end = end;
	k->flags = flags | (t->space ? TOK_SPACE : 0);
	k->len = (unsigned)nlen;
	t->norm_off[d->ntok] = t->norms.len;
	t->norms.len += nlen + 1;	/* keep each NUL inside the buffer */
	t->norms.data[t->norms.len - 1] = '\0';
	d->ntok++;
	t->space = t->newline = false;
}

static void add_punct(struct tokenizer *t, size_t start, size_t end, const char *norm, size_t nlen,
		      unsigned flags)
{
	memcpy(norm_room(t, nlen), norm, nlen);
	add_token(t, start, end, nlen, flags);
}

/* Words: letters and digits with internal apostrophes ("don't", "O'Brien"),
 * abbreviations with dots ("U.S.", "U.N."), and numbers ("28,500", "3.5").
 * A possessive "'s" is left for the next token. Returns the end offset. */
static size_t scan_word(const unsigned char *s, size_t i, size_t len)
{
	size_t j = i;
	unsigned long cp;
	size_t l;

	/* abbreviation: two or more "X." pairs */
	while (j + 1 < len && isalpha(s[j]) && s[j + 1] == '.' && (j == i || s[j - 1] == '.'))
		j += 2;
	if (j - i >= 4 && !(j < len && isalnum(s[j])))
		return j;
	j = i;
	while (j < len) {
		if (ascii_alnum(s[j])) {	/* the common case, without decoding */
			j++;
			continue;
		}
		if (s[j] < 0x80 && s[j] != '\'' && s[j] != ',' && s[j] != '.')
			break;	/* a space or a mark that joins no word */
		l = utf8_decode(s + j, len - j, &cp);
		if (l && is_word_cp(cp)) {
			j += l;
			continue;
		}
		/* internal apostrophe: not before a final "s" */
		if (l && (cp == '\'' || cp == 0x2019) && j + l < len && isalpha(s[j + l]) &&
		    !((s[j + l] == 's' || s[j + l] == 'S') &&
		      (j + l + 1 >= len || !isalnum(s[j + l + 1])))) {
			j += l;
			continue;
		}
		/* digit separators (by byte: cp is stale when l is 0) */
		if ((s[j] == ',' || s[j] == '.') && j > i && isdigit(s[j - 1]) && j + 1 < len &&
		    isdigit(s[j + 1])) {
			j++;
			continue;
		}
		break;
	}
	return j;
}

/* A word's norm: letters lowercased (those outside ASCII too, so that
 * "RAÚL" and "Raúl" have one key), a curly apostrophe made straight. Its
 * flags come from the case of its letters, by code point. */
static void norm_word(struct tokenizer *t, size_t start, size_t end)
{
	const unsigned char *s = (const unsigned char *)t->d->text;
	char *w = norm_room(t, end - start);	/* lowercase is never longer */
	unsigned flags = TOK_WORD;
	size_t lower = 0, upper = 0, n = 0;

	for (size_t i = start, l; i < end; i += l) {
		unsigned long cp = 0;
		int c;

		if (s[i] < 0x80) {	/* ASCII without decoding */
			l = 1;
			c = ascii_upper(s[i]) ? 1 : ascii_lower(s[i]) ? -1 : 0;
			if (i == start && c > 0)
				flags |= TOK_UPPER;
			upper += c > 0;
			lower += c < 0;
			w[n++] = (char)(c > 0 ? s[i] | 0x20 : s[i]);
			continue;
		}
		if (!(l = utf8_decode(s + i, end - i, &cp))) {
			l = 1;	/* scan_word ends words at whole characters; never loop on a byte */
			continue;
		}
		if (cp == 0x2019) {
			w[n++] = '\'';	/* a curly apostrophe inside a word */
			continue;
		}
		c = utf8_case(cp);
		if (i == start && c > 0)
			flags |= TOK_UPPER;
		upper += c > 0;
		lower += c < 0;
		/* lowercase is never longer than its capital in the table */
		n += c > 0 ? utf8_encode(utf8_lower(cp), w + n) : (memcpy(w + n, s + i, l), l);
	}
	if (upper >= 2 && lower == 0)
		flags |= TOK_CAPS;
	add_token(t, start, end, n, flags);
}

static void tokenize(struct tokenizer *t)
{
	struct doc *d = t->d;
	const unsigned char *s = (const unsigned char *)d->text;
	size_t i = 0, n = d->len;

	t->space = t->newline = true;
	while (i < n) {
		unsigned long cp = 0;
		size_t l = utf8_decode(s + i, n - i, &cp);
		unsigned flags = 0;
		const char *pn;

		if (!l || cp == 0) {	/* invalid byte: count it, make it a space */
			if (!d->bad_bytes++)
				d->first_bad = (struct pos){d->path, t->line, i - t->line_start + 1};
			d->text[i] = ' ';
			t->space = true;
			i++;
			continue;
		}
		if (cp == '\n') {
			t->line++;
			t->line_start = i + 1;
			t->space = t->newline = true;
			i++;
			continue;
		}
		if (is_space_cp(cp)) {
			t->space = true;
			i += l;
			continue;
		}
		if (cp == '[' || cp == ']') {	/* editorial insertions: read through them */
			i++;
			continue;
		}
		if (is_word_cp(cp)) {
			size_t end = scan_word(s, i, n);

			norm_word(t, i, end);
			i = end;
			continue;
		}
		if ((cp == '\'' || cp == 0x2019) && i + l < n && (s[i + l] == 's' || s[i + l] == 'S') &&
		    (i + l + 1 >= n || !isalnum(s[i + l + 1]))) {
			add_punct(t, i, i + l + 1, "'s", 2, 0);
			i += l + 1;
			continue;
		}
		if (cp == '-' && i + 1 < n && s[i + 1] == '-') {
			add_punct(t, i, i + 2, "--", 2, 0);
			i += 2;
			continue;
		}
		if (cp == '"' && t->space)
			flags |= TOK_OPEN;
		pn = punct_norm(cp, &flags);
		if (pn) {
			add_punct(t, i, i + l, pn, strlen(pn), flags);
		} else {
			char c = (char)cp;

			add_punct(t, i, i + l, &c, 1, flags);
		}
		i += l;
	}
}

/* Is token k a word after which a full stop does not end a sentence? */
static bool is_abbrev(const struct token *k)
{
	static const char *const list[] = {
		"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
		"adm", "prof", "jr", "sr", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "aug",
		"sept", "oct", "nov", "dec", "fig", "rev", "pres", "amb", "cmdr", "maj", NULL
	};
	const char *w = k->norm;

	if (w[0] && !w[1] && isalpha((unsigned char)w[0]))	/* an initial: "J. Smith" */
		return true;
	if (k->len > 4)	/* longer than any in the list: most words before a stop */
		return false;
	for (size_t i = 0; list[i]; i++)
		if (list[i][0] == w[0] && strcmp(list[i], w) == 0)
			return true;
	return false;
}

/* Whether k is the one character c (a test by bytes: one per token and stage). */
static bool is_char(const struct token *k, char c)
{
	return k->len == 1 && k->norm[0] == c;
}

static bool is_closer(const struct token *k)
{
	return !(k->flags & (TOK_SPACE | TOK_OPEN)) && (is_char(k, '"') || is_char(k, '\'') || is_char(k, ')'));
}

/* The line breaks before a byte of the text, counted as sentences start. */
struct lines {
	size_t at;		/* counted up to here */
	unsigned long line;	/* breaks before 'at' */
	size_t start;		/* where the line of 'at' starts */
};

static void count_lines(const struct doc *d, struct lines *l, size_t to)
{
	const char *nl;

	while (l->at < to && (nl = memchr(d->text + l->at, '\n', to - l->at))) {
		l->line++;
		l->at = l->start = (size_t)(nl - d->text) + 1;
	}
	l->at = to;
}

static void add_sentence(struct doc *d, size_t *cap, size_t first, size_t end, struct lines *l)
{
	struct sentence *s;

	if (first >= end)
		return;
	count_lines(d, l, d->tok[first].start);
	xgrow(&d->sent, cap, d->nsent + 1, sizeof *d->sent);
	s = &d->sent[d->nsent++];
	s->first = first;
	s->end = end;
	s->line = l->line + 1;
	s->col = d->tok[first].start - l->start + 1;
	s->question = false;
	for (size_t i = end; i-- > first;) {
		if (is_char(&d->tok[i], '?'))
			s->question = true;
		if (!is_closer(&d->tok[i]))
			break;
	}
}

static void split_sentences(struct doc *d, const size_t *breaks, size_t nbreaks)
{
	size_t cap = 0, first = 0, b = 0;
	struct lines l = {0, 0, 0};

	for (size_t i = 0; i < d->ntok; i++) {
		const struct token *k = &d->tok[i];
		size_t j;

		if (b < nbreaks && breaks[b] == i) {
			add_sentence(d, &cap, first, i, &l);
			first = i;
			b++;
		}
		if (!is_char(k, '.') && !is_char(k, '?') && !is_char(k, '!'))
			continue;
		if (is_char(k, '.') && i > first && (d->tok[i - 1].flags & TOK_WORD) &&
		    !(d->tok[i].flags & TOK_SPACE) && is_abbrev(&d->tok[i - 1]))
			continue;
		for (j = i + 1; j < d->ntok && is_closer(&d->tok[j]); j++)
			;
		if (j < d->ntok && !(b < nbreaks && breaks[b] == j) &&
		    !(d->tok[j].flags & (TOK_UPPER | TOK_OPEN)) && !isdigit((unsigned char)d->tok[j].norm[0]))
			continue;
		add_sentence(d, &cap, first, j, &l);
		first = j;
		i = j - 1;
	}
	add_sentence(d, &cap, first, d->ntok, &l);
}

enum { TEXT_GUESS_BYTES = 64 << 10 };	/* an article is shorter */

struct doc *text_parse(const char *path, const char *name, const char *date, char *text, size_t len)
{
	struct doc *d = xcalloc(1, sizeof *d);
	struct tokenizer t = {.d = d, .line = 1};
	size_t guess;

	d->path = xstrdup(path);
	d->name = xstrdup(name);
	d->date = date ? xstrdup(date) : NULL;
	d->text = text;
	d->len = len;
	/* room for the tokens of an article (news runs at five or six bytes a
	 * token), so that the arrays seldom move as they grow; a long piece's
	 * grow as they did, as allocating its guess whole held the peak memory
	 * of a build of one large file 10 MB higher */
	guess = len < TEXT_GUESS_BYTES ? len : TEXT_GUESS_BYTES;
	xgrow(&d->tok, &t.cap, guess / 4 + 16, sizeof *d->tok);
	xgrow(&t.norm_off, &t.off_cap, t.cap, sizeof *t.norm_off);
	xgrow(&t.norms.data, &t.norms.cap, guess + guess / 4 + 16, 1);
	tokenize(&t);
	d->norms = t.norms.data;
	for (size_t i = 0; i < d->ntok; i++)
		d->tok[i].norm = d->norms + t.norm_off[i];
	split_sentences(d, t.breaks, t.nbreaks);
	free(t.norm_off);
	free(t.breaks);
	return d;
}

void text_place(struct doc *d, size_t origin, unsigned long lines, size_t sentences)
{
	d->origin = origin;
	d->sentences_before = sentences;
	for (size_t i = 0; i < d->nsent; i++)
		d->sent[i].line += lines;
	if (d->bad_bytes)
		d->first_bad.line += lines;
}

size_t text_limit_sentences(struct doc *d, size_t max, unsigned long *first_line)
{
	struct sentence *all = NULL;
	size_t n = 0, cap = 0, cut = 0, i = 0;

	while (i < d->nsent && d->sent[i].end - d->sent[i].first <= max)
		i++;
	if (i == d->nsent)
		return 0;
	for (i = 0; i < d->nsent; i++) {
		struct sentence s = d->sent[i];

		if (s.end - s.first > max && !cut++)
			*first_line = s.line;
		for (size_t first = s.first; first < s.end; first += max) {
			xgrow(&all, &cap, n + 1, sizeof *all);
			all[n] = s;
			all[n].first = first;
			all[n].end = s.end - first > max ? first + max : s.end;
			/* a sentence is within a line: its pieces differ in column only */
			all[n].col = s.col + d->tok[first].start - d->tok[s.first].start;
			all[n].question = s.question && all[n].end == s.end;
			n++;
		}
	}
	free(d->sent);
	d->sent = all;
	d->nsent = n;
	return cut;
}

void text_free(struct doc *d)
{
	if (!d)
		return;
	free(d->path);
	free(d->name);
	free(d->date);
	free(d->text);
	free(d->tok);
	free(d->sent);
	free(d->norms);
	free(d);
}

struct span text_sentence(const struct doc *d, size_t i)
{
	size_t from = d->tok[d->sent[i].first].start, to = d->tok[d->sent[i].end - 1].end;

	return (struct span){d->text + from, to - from};
}

/* Is p words of ASCII letters, one space apart? Their tokens are those
 * words, lowercased: most of the schema's thousands of names and triggers,
 * which so load without a parse each. */
static bool plain_words(const char *p)
{
	bool letter = false;

	for (; *p; p++) {
		if (*p == ' ' && letter)
			letter = false;
		else if (ascii_lower((unsigned char)*p | 0x20))
			letter = true;
		else
			return false;
	}
	return letter;
}

char *text_key(const char *phrase)
{
	struct doc *d;
	struct buf key = {0};

	if (plain_words(phrase)) {
		char *k = xstrdup(phrase);

		for (char *p = k; *p; p++)
			*p = (char)(*p | (*p == ' ' ? 0 : 0x20));
		return k;
	}
	d = text_parse("", "", NULL, xstrdup(phrase), strlen(phrase));

	for (size_t i = 0; i < d->ntok; i++) {
		if (i)
			buf_add(&key, " ", 1);
		buf_puts(&key, d->tok[i].norm);
	}
	text_free(d);
	if (!key.data)
		buf_add(&key, "", 0);
	return key.data;
}

static int month_number(const char *w, size_t n)
{
	static const char *const months[] = {"january", "february", "march", "april", "may", "june", "july",
					     "august", "september", "october", "november", "december"};

	for (int m = 0; m < 12; m++)
		if ((n == 3 || n == strlen(months[m]) || (n == 4 && m == 8)) && strncasecmp(w, months[m], n) == 0)
			return m + 1;	/* "Nov", "November", "Sept" */
	return 0;
}

/* A whole line that is a date, after an optional label. */
static bool line_date(const char *s, const char *end, char out[11])
{
	static const char *const labels[] = {"date", "published", "updated", "posted", NULL};
	char words[4][16], date[40];
	int n = 0, y = 0, m = 0, day = 0;

	for (size_t i = 0; labels[i]; i++) {
		size_t k = strlen(labels[i]);

		if ((size_t)(end - s) > k && strncasecmp(s, labels[i], k) == 0 && !isalpha((unsigned char)s[k])) {
			s += k;
			break;
		}
	}
	while (s < end && n < 4) {	/* up to four words: "November 13, 2024" */
		size_t k = 0;

		while (s < end && (isspace((unsigned char)*s) || *s == ':' || *s == ',' || *s == '.'))
			s++;
		if (s == end)
			break;
		while (s < end && !isspace((unsigned char)*s) && *s != ',' && k < sizeof words[0] - 1)
			words[n][k++] = *s++;
		words[n++][k] = '\0';
		if (k && words[n - 1][k - 1] == '.')
			words[n - 1][k - 1] = '\0';
	}
	while (s < end && isspace((unsigned char)*s))
		s++;
	if (s != end)
		return false;
	if (n == 1 && sscanf(words[0], "%4d-%2d-%2d", &y, &m, &day) != 3)
		return false;
	if (n == 3 && (m = month_number(words[0], strlen(words[0])))) {	/* November 13 2024 */
		day = atoi(words[1]);
		y = atoi(words[2]);
	} else if (n == 3 && (m = month_number(words[1], strlen(words[1])))) {	/* 13 Nov 2024 */
		day = atoi(words[0]);
		y = atoi(words[2]);
	} else if (n != 1) {
		return false;
	}
	snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, day);
	if (!is_date(date, false))	/* "February 30, 2024" is ignored */
		return false;
	memcpy(out, date, 11);
	return true;
}

bool text_date(const struct doc *d, char out[11])
{
	const char *s = d->text, *end = d->text + d->len;

	for (int line = 0; line < 5 && s < end; line++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *stop = nl ? nl : end;

		if (stop - s < 40 && line_date(s, stop, out))
			return true;
		s = stop + 1;
	}
	return false;
}

char *text_doc_name(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	return xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}
