/* jsonl.h - an article on a line of JSON, {"id": ..., "date": ..., "text":
 * ...}, read without building a tree: the line is checked as JSON in one
 * pass, and its strings are decoded only when asked for. A feed is listed
 * once (ids and dates) and each text decoded when its document is read. */
#ifndef JSONL_H
#define JSONL_H

#include <stdbool.h>
#include <stddef.h>

/* The members an article may have, as spans of the line between the
 * quotes of their strings (still escaped), or NULL when absent (or null,
 * for the date). Other members are checked as JSON and skipped. */
struct jsonl_article {
	const char *id, *date, *text;
	size_t id_len, date_len, text_len;
};

/* Read line [line, line+len) (no newline) as an article into *a. Returns
 * 0, or else the byte column (1-based) of the first error with *why set to
 * what was expected there. The line must be one JSON object whose "text"
 * is a string, whose "id", if any, is a string, and whose "date", if any,
 * is a string or null; none of these three appears twice. Bytes that are
 * not UTF-8 are taken as they are (the text stage reports them), and
 * "\u0000" is refused (no NUL reaches a C string). */
size_t jsonl_article(const char *line, size_t len, struct jsonl_article *a, const char **why);

/* The decoded string of a span that jsonl_article returned, NUL-terminated
 * (caller frees), with its length in *len. */
char *jsonl_string(const char *span, size_t span_len, size_t *len);

#endif
