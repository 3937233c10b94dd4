/* html.c - the interactive view: the graph's JSON and the viewer's files,
 * inline in one HTML page that opens offline. */
#include "html.h"

#include <stdlib.h>
#include <string.h>

#include "jsonio.h"
#include "viewer.h"

/* Text in an element or attribute: the five characters HTML gives meaning. */
static void put_text(FILE *fp, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		default: fputc(*s, fp);
		}
}

/* JSON inside <script>: a '<' could start "</script" or "<!--", which HTML
 * reads before JavaScript does, so every '<' becomes \u003c (JSON has it
 * only in strings); U+2028 and U+2029 end a line in older JavaScript. */
static void put_script_json(FILE *fp, const char *json)
{
	for (const char *p = json; *p; p++)
		if (*p == '<')
			fputs("\\u003c", fp);
		else if (p[0] == '\xe2' && p[1] == '\x80' && (p[2] == '\xa8' || p[2] == '\xa9'))
			fprintf(fp, "\\u202%c", p[2] == '\xa8' ? '8' : '9'), p += 2;
		else
			fputc(*p, fp);
}

static void put_file(FILE *fp, const char *open, const struct viewer_file *f, const char *close)
{
	fputs(open, fp);
	fwrite(f->data, 1, f->len, fp);
	fputs(close, fp);
}

int html_write(FILE *fp, const struct graph *g, const char *name, struct diag *err)
{
	char *json = jsonio_graph_text(g);

	if (!json)
		return diag_set(err, "cannot encode the graph as JSON");
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", fp);
	put_text(fp, name);
	fputs(" - actorgraph</title>\n", fp);
	put_file(fp, "<style>\n", &viewer_css, "</style>\n");
	fputs("</head>\n<body>\n<header><h1 id=\"title\">", fp);
	put_text(fp, name);
	fputs("</h1><p id=\"summary\"></p></header>\n"
	      "<main><div id=\"graph\"></div><aside id=\"side\"></aside></main>\n"
	      "<pre id=\"errors\" hidden></pre>\n"
	      "<script type=\"application/json\" id=\"graph-data\">", fp);
	put_script_json(fp, json);
	fputs("</script>\n"	/* before the other scripts, so that it sees their errors too */
	      "<script>addEventListener(\"error\", function (e) { var p = document.getElementById(\"errors\");"
	      " p.hidden = false; p.textContent += e.message + \"\\n\"; document.body.dataset.errors = \"1\"; });"
	      "</script>\n", fp);
	put_file(fp, "<script>\n", &viewer_graphology, "\n</script>\n");
	put_file(fp, "<script>\n", &viewer_library, "\n</script>\n");
	put_file(fp, "<script>\n", &viewer_sigma, "\n</script>\n");
	put_file(fp, "<script>\n", &viewer_js, "\n</script>\n");
	fputs("</body>\n</html>\n", fp);
	free(json);
	if (ferror(fp))
		return diag_set(err, "cannot write HTML");
	return 0;
}
