/* diag.c - error messages with file:line:col positions. */
#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int vset(struct diag *d, const char *prefix, const char *fmt, va_list ap)
{
	size_t n;

	if (d->msg[0])		/* the first error wins */
		return -1;
	n = (size_t)snprintf(d->msg, sizeof d->msg, "%s", prefix);
	if (n < sizeof d->msg)
		vsnprintf(d->msg + n, sizeof d->msg - n, fmt, ap);
	return -1;
}

int diag_at(struct diag *d, struct pos p, const char *fmt, ...)
{
	char prefix[300];
	va_list ap;

	snprintf(prefix, sizeof prefix, "%s:%lu:%lu: ", p.file ? p.file : "-", p.line, p.col);
	va_start(ap, fmt);
	vset(d, prefix, fmt, ap);
	va_end(ap);
	return -1;
}

int diag_set(struct diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(d, "", fmt, ap);
	va_end(ap);
	return -1;
}

int diag_sys(struct diag *d, const char *what, const char *path)
{
	return diag_set(d, "cannot %s '%s': %s", what, path, strerror(errno));
}
