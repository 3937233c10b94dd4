/* viewer.h - the files of the HTML view (src/viewer/ and vendor/), compiled
 * into the binary: the Makefile makes src/viewer_assets.c from them with
 * src/viewer/embed.sh, so the installed program needs no file beside it. */
#ifndef VIEWER_H
#define VIEWER_H

#include <stddef.h>

struct viewer_file {
	const char *path;		/* where it came from, in the source tree */
	const unsigned char *data;	/* its bytes, not NUL-terminated */
	size_t len;
};

extern const struct viewer_file viewer_css, viewer_graphology, viewer_library, viewer_sigma, viewer_js;

#endif
