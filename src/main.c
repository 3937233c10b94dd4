/* main.c - the command line: the only file that knows the whole pipeline. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <igraph.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "actors.h"
#include "analysis.h"
#include "cache.h"
#include "chunks.h"
#include "corpus.h"
#include "diag.h"
#include "diff.h"
#include "dot.h"
#include "events.h"
#include "gexf.h"
#include "graph.h"
#include "graphml.h"
#include "html.h"
#include "idset.h"
#include "jsonio.h"
#include "parallel.h"
#include "recipe.h"
#include "relations.h"
#include "schema.h"
#include "tables.h"
#include "text.h"
#include "util.h"

#ifndef VERSION
#define VERSION "0.1.0"
#endif
#ifndef SCHEMA_DIR
#define SCHEMA_DIR "/usr/local/share/actorgraph/schema"
#endif

/* EXIT_PARTIAL: done with what could be done; documents that could not be
 * read and drawings that Graphviz failed to make are reported. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2, EXIT_PARTIAL = 3 };

/* Where a recipe's build keeps the GraphML of the build before it, for diff. */
#define PREVIOUS_DIR ".previous"

static const char *const default_formats = "graphml,dot,svg";
static const char *const known_formats[] = {"graphml", "gexf", "json", "graphology", "csv", "dot", "svg", "png", "html",
					    NULL};

static void usage(FILE *fp)
{
	fputs("usage: actorgraph build [--schema DIR] [--out DIR] [--name NAME] [--format LIST]\n"
	      "                        [--level actor|state] [--per-document] [--quiet|--verbose]\n"
	      "                        [--min-weight W] [--relation LIST] [--top N [--by SCORE]]\n"
	      "                        [--ego ACTOR [--depth D]] [--clusters] [--limit LIST]\n"
	      "                        [--analyses LIST] [--cache DIR] [--render-timeout S]\n"
	      "                        [--jobs N] INPUT...\n"
	      "       actorgraph build [--schema DIR] [--format LIST] [--no-cache] [--jobs N] graphs/NAME\n"
	      "       actorgraph build --records [--schema DIR] [--out DIR] [--name NAME] [--format LIST]\n"
	      "                        [--level actor|state] [--quiet] [--min-weight W]\n"
	      "                        [--relation LIST] [--top N] [--ego ACTOR [--depth D]]\n"
	      "                        [--clusters] [--analyses LIST] [--render-timeout S]\n"
	      "                        RECORDS...\n"
	      "       actorgraph extract [--schema DIR] [--format json|tsv|records] [--compact]\n"
	      "                          [--limit LIST] [--jobs N] INPUT...\n"
	      "       actorgraph explain [--schema DIR] --edge SOURCE,TYPE,TARGET INPUT...\n"
	      "       actorgraph stats [--format text|csv|json] [--analyses LIST] GRAPH.graphml\n"
	      "       actorgraph diff [--format text|json] OLD.graphml NEW.graphml\n"
	      "       actorgraph diff [--format text|json] graphs/NAME\n"
	      "       actorgraph check [--schema DIR]\n"
	      "       actorgraph --help | --version\n"
	      "\n"
	      "Read news articles and build a graph of the political actors they name\n"
	      "(states, leaders, organizations) and the relations between them.\n"
	      "\n"
	      "Commands:\n"
	      "  build     write the graph of INPUT as OUT/NAME.graphml, .gexf, .json\n"
	      "            (networkx), .graphology.json, .nodes.csv and .edges.csv, .dot,\n"
	      "            .svg, .png, .html (a page to explore it in a browser, offline);\n"
	      "            given a recipe folder (graphs/NAME with a graph.yaml), build\n"
	      "            what the recipe says next to it; with --records, build from\n"
	      "            files of records (- for stdin) that extract wrote, in order\n"
	      "  extract   write one JSON line per relation mention to stdout, or with\n"
	      "            --format tsv a header line and one tab-separated line each,\n"
	      "            or with --format records one JSON line per document with\n"
	      "            what build needs of it (the map step of a sharded build)\n"
	      "  explain   print the sentences, evidence and rules behind one edge;\n"
	      "            SOURCE and TARGET are actor ids or labels (\"PRK,pact,RUS\")\n"
	      "  stats     print the analysis of a graph build wrote: centralities, k-core,\n"
	      "            community, friends and foes, and the structural balance\n"
	      "  diff      print what changed between two graphs build wrote, or between a\n"
	      "            recipe's previous and last build: actors and edges added and\n"
	      "            removed (conflict first), weights changed, the largest changes\n"
	      "            of PageRank and degree; exit status 0 whether or not they differ\n"
	      "  check     load the schema and report its first error\n"
	      "\n"
	      "INPUT is a text file, a folder (its *.txt and *.jsonl files, recursively),\n"
	      "a JSON lines file of articles ({\"id\", \"date\", \"text\"} per line) or - for stdin.\n"
	      "A document's date: the recipe's, the JSON line's, or a date line of its own\n"
	      "among its first five lines (\"Published: November 13, 2024\").\n"
	      "\n",
	      fp);
	fputs("Options:\n"
	      "  -s, --schema DIR     the schema folder (default: the installed schema/)\n"
	      "  -o, --out DIR        where build writes (default: .)\n"
	      "  -n, --name NAME      output file name without extension (default: graph)\n"
	      "  -f, --format LIST    build: comma-separated graphml,gexf,json,graphology,csv,\n"
	      "                       dot,svg,png,html (default: graphml,dot,svg); extract,\n"
	      "                       stats, diff: the one format shown in their usage\n"
	      "  -p, --per-document   build one graph per input document, named after it\n"
	      "  -e, --edge S,T,D     the edge to explain: source, relation type, target\n"
	      "      --min-weight W   keep the relations of weight W or more (mentions; a\n"
	      "                       hypothetical mention counts half)\n"
	      "      --relation LIST  keep these relation types (comma-separated)\n"
	      "      --top N          keep the N actors of highest PageRank...\n"
	      "      --by SCORE       ...or of highest degree, strength, betweenness,\n"
	      "                       closeness, eigenvector or mentions; and a diagram of\n"
	      "                       more than 80 actors draws the 80 highest so\n"
	      "      --analyses LIST  the analyses to run of those whose cost grows fastest:\n"
	      "                       betweenness, closeness, eigenvector, kcore, balance\n"
	      "                       (friends and foes), comma-separated, or none (default:\n"
	      "                       all); those left out are not written, nor shown by\n"
	      "                       stats. Degree, strength, PageRank and communities\n"
	      "                       are always found\n"
	      "      --ego ACTOR      keep ACTOR (id or label) and the actors around it...\n"
	      "      --depth D        ...up to D steps away (default 2)\n"
	      "  -c, --clusters       draw each community in a box of its own (dot, svg, png)\n"
	      "      --spells MODE    GEXF timeline: day (default), a spell for each day an\n"
	      "                       element is mentioned, or accumulate, one from its first\n"
	      "                       mention on\n"
	      "      --render-timeout S\n"
	      "                       stop drawing an SVG or PNG after S seconds (default 60)\n"
	      "  -l, --level LEVEL    actor (default) or state: fold persons into the state or\n"
	      "                       organization they lead or belong to on the article's date\n"
	      "      --cache DIR      keep what is extracted from each document in DIR, and\n"
	      "                       take it from there when the document, its date, the\n"
	      "                       limits, the schema and the program are unchanged (a\n"
	      "                       recipe's default: .cache in its folder); remove DIR to\n"
	      "                       clear it\n"
	      "      --no-cache       extract every document, keep nothing\n"
	      "      --allow-empty    let a graph with no actor replace the files of one\n"
	      "                       (else an error keeps them)\n"
	      "      --records        the inputs are files of records from extract --format\n"
	      "                       records, by the same actorgraph and schema; a document\n"
	      "                       given twice (by name) counts once\n"
	      "  -L, --limit LIST     what a document may cost: document=BYTES (default\n"
	      "                       1 MiB), longer ones are read in pieces of this;\n"
	      "                       line=BYTES (4 MiB), sentence=TOKENS (2000), past\n"
	      "                       which the text is cut with a warning; held=BYTES\n"
	      "                       (1 MiB) of a document's results held in memory,\n"
	      "                       the rest kept in a temporary file in $TMPDIR\n"
	      "  -k, --compact        extract: an event of the same sentence as the one\n"
	      "                       before it has no \"text\" (the sentence is written once)\n"
	      "  -j, --jobs N         extract in N processes (default: the processors this\n"
	      "                       process may use); the output is the same for any N\n"
	      "  -q, --quiet          no progress or summary on stderr\n"
	      "  -v, --verbose        build: a line per document on stderr (read from the\n"
	      "                       cache, extracted or left out)\n"
	      "  -h, --help           show this help\n"
	      "  -V, --version        show the version\n",
	      fp);
	fputs("\n"
	      "A document that cannot be read (a bad JSON line or record, a file closed\n"
	      "to us) is reported and left out; the others are built. A drawing (SVG or\n"
	      "PNG) that Graphviz fails to make is reported; the other formats are written.\n"
	      "\n"
	      "Exit status: 0 success, 1 bad input or I/O failure, 2 usage error,\n"
	      "3 done, but documents could not be read or drawings failed (see above).\n",
	      fp);
}

/* Standard output flushed, or a message with the system's reason. */
static int stdout_status(int ok)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "actorgraph: cannot write to standard output: %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	return ok;
}

static int misuse(const char *fmt, const char *arg)
{
	fputs("actorgraph: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'actorgraph --help'.\n", stderr);
	return EXIT_USAGE;
}

static int fail(const struct diag *err)
{
	fprintf(stderr, "actorgraph: %s\n", err->msg);
	return EXIT_FAIL;
}

struct options {
	const char *schema, *out, *name, *formats, *edge, *cache;
	double render_timeout;	/* seconds */
	enum graph_level level;
	struct graph_filter filter;
	struct corpus_limits limits;	/* --limit document=, line= (bytes) */
	size_t sentence_tokens;		/* --limit sentence= */
	size_t held;			/* --limit held=: bytes of a document's results held in memory */
	unsigned jobs;			/* worker processes */
	bool per_document, quiet, verbose, clusters, no_cache;
	bool keep_previous;	/* a recipe's: the GraphML replaced kept in PREVIOUS_DIR */
	const char *since, *until;	/* a recipe's window: documents dated outside are left out */
	const char *decay_day;	/* a recipe's: weights decay with age on this day... */
	double half_life;	/* ...halving every so many days (0: no decay) */
	bool records;		/* build --records: the inputs are files of records */
	enum { EXTRACT_JSON, EXTRACT_TSV, EXTRACT_RECORDS } extract_as;	/* extract --format */
	bool compact;	/* extract: a sentence's text once */
	bool allow_empty;	/* build: an empty graph may replace one written before */
	bool accumulate;	/* GEXF spells from an element's first date on */
	bool spells;		/* --spells was given */
	unsigned analyses;	/* --analyses: the bits of those to run (analysis.h)... */
	bool analyses_given;	/* ...if given */
};

/* The default schema: beside the binary (a build tree), then the install prefix. */
static const char *find_schema(char *buf, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	const char *const rel[] = {"/schema/relations.yaml", "/../share/actorgraph/schema/relations.yaml"};

	if (n > 0) {
		char *slash;
		struct stat st;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')))
			*slash = '\0';
		for (size_t i = 0; i < 2; i++) {
			snprintf(buf, size, "%s%s", exe, rel[i]);
			if (stat(buf, &st) == 0) {
				*strrchr(buf, '/') = '\0';
				return buf;
			}
		}
	}
	return SCHEMA_DIR;
}

/* The stages every command shares: schema, matchers. */
struct pipeline {
	struct schema *schema;
	struct matcher *matcher;
	struct extractor *extractor;
};

static int pipeline_open(struct pipeline *p, const char *dir, struct diag *err)
{
	char buf[PATH_MAX + 64];

	if (!dir)
		dir = find_schema(buf, sizeof buf);
	if (!(p->schema = schema_load(dir, err)))
		return -1;
	p->matcher = actors_new(p->schema);
	p->extractor = relations_new(p->schema, actors_words(p->matcher));
	return 0;
}

static void pipeline_close(struct pipeline *p)
{
	relations_free(p->extractor);
	actors_free(p->matcher);
	schema_free(p->schema);
}

/* Read and analyse one document: its mentions and events. */
struct analysed {
	struct doc *doc;
	int *words;		/* per token: its word id (actors_find) */
	struct mention *m;
	size_t nm;
	struct event *ev;
	size_t ne;
};

static void analysed_free(struct analysed *a)
{
	free(a->words);
	free(a->m);
	free(a->ev);
	text_free(a->doc);
}

/* What is done with the pieces of a document as they are analysed. */
struct taker {
	/* told the document's identity when its first piece is all of it:
	 * true if what the document holds is known already, and need not be
	 * analysed (may be NULL) */
	bool (*known)(void *ctx, struct cache_key id);
	void (*take)(void *ctx, const struct analysed *piece);
	void *ctx;
};

/* Analyse the piece of document 'in' in 'text' (len bytes, which a->doc
 * takes), placed in the document by 'at', after 'sentences' sentences; *date
 * is the document's date (the given one, or the first piece's own) */
static void analyse_piece(const struct pipeline *p, const struct options *o, const struct corpus_doc *in,
			  char *text, size_t len, const struct corpus_piece *at, size_t sentences, char **date,
			  struct analysed *a)
{
	char own[11];
	unsigned long line;
	size_t n;

	if (at->long_lines)
		fprintf(stderr, "actorgraph: warning: %s:%lu: %zu line%s longer than %zu bytes (--limit line=%zu): "
			"read as spaces past the limit\n", in->path, at->first_long, at->long_lines,
			at->long_lines == 1 ? "" : "s", o->limits.line, o->limits.line);
	memset(a, 0, sizeof *a);
	a->doc = text_parse(in->path, in->name, *date, text, len);
	if (!*date && at->origin == 0 && text_date(a->doc, own)) {	/* a date line of the article's own */
		a->doc->date = xstrdup(own);
		*date = xstrdup(own);
	}
	text_place(a->doc, at->origin, at->lines, sentences);
	if (a->doc->bad_bytes)
		fprintf(stderr, "actorgraph: warning: %s:%lu:%lu: invalid UTF-8 (%zu byte%s read as spaces)\n",
			a->doc->path, a->doc->first_bad.line, a->doc->first_bad.col, a->doc->bad_bytes,
			a->doc->bad_bytes == 1 ? "" : "s");
	if ((n = text_limit_sentences(a->doc, o->sentence_tokens, &line)))
		fprintf(stderr, "actorgraph: warning: %s:%lu: %zu sentence%s longer than %zu tokens "
			"(--limit sentence=%zu): cut into pieces\n", in->path, line, n, n == 1 ? "" : "s",
			o->sentence_tokens, o->sentence_tokens);
	a->nm = actors_find(p->matcher, a->doc, &a->m, &a->words);
	a->ne = relations_find(p->extractor, a->doc, a->words, a->m, a->nm, &a->ev);
}

/* Read document 'in' piece by piece (corpus.h: what is held of it is
 * bounded whatever its size), analyse each piece and give it to t. *id is
 * the document's identity (cache.h) and *bytes its size. Returns 0, 1 when
 * t knew the document, -1 with err set when it cannot be read (some of its
 * pieces may have been taken). */
static int analyse(const struct pipeline *p, const struct options *o, const struct corpus_doc *in,
		   const struct taker *t, struct cache_key *id, size_t *bytes, struct diag *err)
{
	struct corpus_reader r;
	struct corpus_piece at;
	struct cache_doc_hash h;
	char *text, *date = in->date ? xstrdup(in->date) : NULL;
	size_t len, sentences = 0;
	int rc;

	*bytes = 0;
	cache_doc_begin(&h, in->date);
	rc = corpus_open(&r, in, &o->limits, err);
	while (rc == 0 && (rc = corpus_next(&r, &text, &len, &at, err)) > 0) {
		struct analysed a;

		cache_doc_more(&h, text, len);
		*bytes += len;
		*id = cache_doc_end(&h);
		if (at.origin == 0 && at.last && t->known && t->known(t->ctx, *id)) {
			free(text);
			rc = 1;
			break;
		}
		analyse_piece(p, o, in, text, len, &at, sentences, &date, &a);
		sentences += a.doc->nsent;
		t->take(t->ctx, &a);
		analysed_free(&a);
		rc = 0;
	}
	corpus_close(&r);
	free(date);
	return rc;
}

static int check_formats(const char *list)
{
	char *copy = xstrdup(list), *save = NULL;
	size_t n = 0;
	int rc = 0;

	for (char *f = strtok_r(copy, ",", &save); f && !rc; f = strtok_r(NULL, ",", &save), n++) {
		size_t i = 0;

		while (known_formats[i] && strcmp(known_formats[i], f) != 0)
			i++;
		if (!known_formats[i])
			rc = misuse("unknown format '%s' (expected graphml, gexf, json, graphology, csv, dot, svg, png "
				    "or html)", f);
	}
	if (!rc && n == 0)	/* "" or "," would write nothing */
		rc = misuse("--format needs a format, found '%s'", list);
	free(copy);
	return rc;
}

/* Is each type of the comma-separated list one of schema s? Else a usage
 * error naming the known types. */
static int check_relations(const struct schema *s, const char *list)
{
	char *copy = xstrdup(list), *save = NULL;
	struct buf msg = {0};
	size_t n = 0;
	int rc = 0;

	for (char *r = strtok_r(copy, ",", &save); r && !rc; r = strtok_r(NULL, ",", &save), n++) {
		if (schema_reltype(s, r) >= 0)
			continue;
		buf_printf(&msg, "unknown relation type '%s' in --relation (expected one of:", r);
		for (size_t i = 0; i < s->nrels; i++)
			buf_printf(&msg, "%s %s", i ? "," : "", s->rels[i].id);
		buf_puts(&msg, ")");
		rc = misuse("%s", msg.data);
	}
	if (!rc && n == 0)
		rc = misuse("--relation needs relation types, found '%s'", list);
	free(msg.data);
	free(copy);
	return rc;
}

/* The files of a format: csv is two tables, the others one file. */
static const char *const *format_files(const char *format)
{
	static const char *const csv[] = {"nodes.csv", "edges.csv", NULL}, *const graphology[] = {"graphology.json", NULL};
	static const char *one[2];

	if (strcmp(format, "csv") == 0)
		return csv;
	if (strcmp(format, "graphology") == 0)
		return graphology;
	one[0] = format;
	return one;
}

/* SVG and PNG are drawn by Graphviz, which may fail where we cannot help it. */
static bool is_drawing(const char *format)
{
	return strcmp(format, "svg") == 0 || strcmp(format, "png") == 0;
}

/* An empty graph (no actor: the documents named none, or a window or filter
 * left none) does not replace one written before, unless --allow-empty:
 * a night whose feed came up empty keeps yesterday's graph. */
static int keeps_empty(const struct graph *g, const struct options *o, const char *name, struct diag *err)
{
	char *copy, *save = NULL;
	int rc = 0;

	if (graph_node_count(g) > 0 || o->allow_empty)
		return 0;
	copy = xstrdup(o->formats);
	for (char *f = strtok_r(copy, ",", &save); f && rc == 0; f = strtok_r(NULL, ",", &save)) {
		const char *const *files = format_files(f);

		for (size_t k = 0; files[k] && rc == 0; k++) {
			struct buf path = {0};
			struct stat st;

			buf_printf(&path, "%s/%s.%s", o->out, name, files[k]);
			if (stat(path.data, &st) == 0)
				rc = diag_set(err, "the graph is empty (no document named an actor): '%s' and the other "
					      "outputs are kept as they were (--allow-empty replaces them)", path.data);
			free(path.data);
		}
	}
	free(copy);
	return rc;
}

/* Write g as 'format' to fp; 'name' is the graph's, for a diagram's or a page's title. */
static int write_format(const struct graph *g, const char *format, const struct options *o, const char *name,
			FILE *fp, struct diag *err)
{
	const struct dot_style st = {name, o->filter.by, o->clusters};

	if (strcmp(format, "graphml") == 0)
		return graphml_write(fp, g, err);
	if (strcmp(format, "json") == 0)
		return jsonio_graph(fp, g, err);
	if (strcmp(format, "graphology.json") == 0)
		return jsonio_graphology(fp, g, err);
	if (strcmp(format, "nodes.csv") == 0)
		return tables_nodes_csv(fp, g, err);
	if (strcmp(format, "edges.csv") == 0)
		return tables_edges_csv(fp, g, err);
	if (strcmp(format, "gexf") == 0)
		return gexf_write(fp, g, o->accumulate, err);
	if (strcmp(format, "dot") == 0)
		return dot_write(fp, g, &st, err);
	if (strcmp(format, "html") == 0)
		return html_write(fp, g, name, err);
	return dot_render(fp, g, format, &st, o->render_timeout, err);
}

/* The GraphML of a recipe's last build, or (previous) of the build before. */
static char *recipe_graphml(const char *dir, const char *name, bool previous)
{
	struct buf b = {0};

	buf_printf(&b, "%s/%s%s.graphml", dir, previous ? PREVIOUS_DIR "/" : "", name);
	return b.data;
}

/* Keep DIR/NAME.graphml, about to be replaced, as DIR/.previous/NAME.graphml:
 * a link to it, which joins the set of outputs 'o'. */
static int keep_previous(const char *dir, const char *name, struct outfile **o, size_t *n, struct diag *err)
{
	struct buf keep_dir = {0};
	char *last = recipe_graphml(dir, name, false), *previous = recipe_graphml(dir, name, true);
	int rc;

	buf_printf(&keep_dir, "%s/" PREVIOUS_DIR, dir);
	*o = xrealloc(*o, (*n + 1) * sizeof **o);
	if ((rc = make_dirs(keep_dir.data, err)) == 0 && (rc = outfile_link(&(*o)[*n], last, previous, err)) == 0)
		(*n)++;
	free(keep_dir.data);
	free(previous);
	free(last);
	return rc < 0 ? -1 : 0;
}

/* Build, filter, analyse and write graph g as DIR/NAME.FORMAT for each format,
 * as one set: every file is written aside first, then all replace the old
 * ones together. A drawing that Graphviz fails to make is reported here and
 * left out of the set. Returns the number of such drawings, or -1 with err set. */
static int write_graph(struct graph *g, const struct options *o, const char *name, struct diag *err)
{
	char *copy, *save = NULL;
	struct outfile *outs = NULL;
	struct buf wrote = {0};
	size_t n = 0;
	bool graphml = false;
	int rc = 0, failed = 0;

	if (graph_build(g, err) < 0 || graph_filter_edges(g, &o->filter, err) < 0 ||
	    analysis_run(g, o->analyses, err) < 0 || graph_select(g, &o->filter, err) < 0 || keeps_empty(g, o, name, err) < 0)
		return -1;
	copy = xstrdup(o->formats);
	for (char *f = strtok_r(copy, ",", &save); f && rc == 0; f = strtok_r(NULL, ",", &save)) {
		const char *const *files = format_files(f);

		for (size_t k = 0; files[k] && rc == 0; k++) {
			struct buf path = {0};
			struct diag why = {{0}};

			buf_printf(&path, "%s/%s.%s", o->out, name, files[k]);
			outs = xrealloc(outs, (n + 1) * sizeof *outs);
			if (outfile_open(&outs[n], path.data, err) < 0) {
				rc = -1;
			} else if (write_format(g, files[k], o, name, outs[n].fp, &why) == 0) {
				n++;
				graphml |= strcmp(files[k], "graphml") == 0;
				buf_printf(&wrote, "actorgraph: wrote %s (%zu actors, %zu relations)\n", path.data,
					   graph_node_count(g), graph_edge_count(g));
			} else {
				outfile_abort(&outs[n]);
				if (is_drawing(files[k])) {
					fprintf(stderr, "actorgraph: cannot draw '%s': %s\n", path.data, why.msg);
					failed++;
				} else {
					rc = diag_set(err, "%s", why.msg);
				}
			}
			free(path.data);
		}
	}
	if (rc == 0 && graphml && o->keep_previous)
		rc = keep_previous(o->out, name, &outs, &n, err);
	if (rc == 0)
		rc = outfile_commit_all(outs, n, err);
	else
		for (size_t i = 0; i < n; i++)
			outfile_abort(&outs[i]);
	if (rc == 0 && !o->quiet && wrote.data)
		fputs(wrote.data, stderr);
	free(wrote.data);
	free(outs);
	free(copy);
	return rc < 0 ? rc : failed;
}


/* One graph per document needs one file name per document: a walk of the
 * corpus before the run, which then walks it again. */
static int distinct_names(struct corpus *in, struct diag *err)
{
	struct strmap *seen = strmap_new();
	char **paths = NULL;
	size_t n = 0, cap = 0;
	struct corpus_doc d;
	long first;
	int rc = 0;

	while (rc == 0 && corpus_take(in, &d)) {
		char *file = file_name_of(d.name);

		if ((first = strmap_put(seen, file, (long)n)) >= 0)
			rc = diag_set(err, "'%s' and '%s' would both be written as %s: give them distinct names",
				      paths[first], d.path, file);
		xgrow(&paths, &cap, n + 1, sizeof *paths);
		paths[n++] = d.path;
		d.path = NULL;
		corpus_doc_free(&d);
		free(file);
	}
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	strmap_free(seen);
	corpus_rewind(in);
	return rc;
}

/* A document that cannot be read is reported and left out of the run. */
static void skip_document(const char *why, size_t *failed)
{
	fprintf(stderr, "actorgraph: %s (document left out)\n", why);
	(*failed)++;
}

/* Nothing is written when no document could be read; else how many failed is said. */
static int all_failed(size_t failed, size_t n, struct diag *err)
{
	if (failed == n)
		return diag_set(err, "none of the documents could be read");
	if (failed)
		fprintf(stderr, "actorgraph: %zu of %zu documents could not be read and were left out\n", failed, n);
	return 0;
}

/* What a build did, for its progress, summary and exit status. */
struct tally {
	size_t done, from_cache, unread, drawings_failed;
	size_t named_twice, same_text;	/* documents given twice: left out unread, or read */
	size_t outside;		/* read, and dated outside the window */
	double bytes;		/* of the documents read */
	double start, shown;	/* when the run began, and the progress line was last shown */
	bool shows;		/* whether progress is shown: on a terminal, not --quiet, over documents */
};

/* What the caller knows of a document from its walk to its take: its
 * place, and whether it is left out or taken from the cache. A worker is
 * sent the same (held_write). */
struct held_doc {
	struct corpus_doc d;
	bool twin;		/* named as an earlier one (one graph only) */
	uint64_t sig;		/* with a cache, its file's signature (cache_signature) */
	bool known;		/* its file is as the cache's index knew it... */
	struct cache_key key;	/* ...with this identity */
};

/* A run over the documents of a corpus as it is walked, in worker
 * processes (parallel.c). */
struct run {
	const struct options *o;
	struct pipeline *p;
	struct cache *cache;	/* or NULL */
	struct corpus *in;	/* or NULL for build --records */
	struct held_doc *held;	/* document i in held[i % nheld], from its walk to its take */
	size_t nheld;
	bool walked;		/* all of the corpus */
	struct idset names;	/* the names of the documents (one graph only)... */
	struct idset texts;	/* ...and the identities (cache_doc_key) of those read */
	struct corpus_feed feed;	/* in a worker: the feed of the JSON line it read last */
	struct graph *g;	/* the graph of all documents, or NULL per document */
	struct chunks *chunks;	/* or NULL: where its documents go before g, with a cache (chunks.h) */
	struct tally t;
};

/* What the walk skipped since: links to folders read already, dangling links. */
static void print_warnings(struct corpus *in)
{
	char *msg;

	while ((msg = corpus_warning(in))) {
		fprintf(stderr, "actorgraph: warning: %s\n", msg);
		free(msg);
	}
}

static const char *doc_path(void *ctx, size_t i)
{
	const struct run *r = ctx;

	return r->held[i % r->nheld].d.path;
}

/* A description of document h for a worker, which held_read reads: the
 * worker is a fork, of one layout. */
static void held_write(const struct held_doc *h, struct buf *item)
{
	const char *s[] = {h->d.path, h->d.name, h->d.date, h->d.feed ? h->d.feed->path : NULL, h->d.error};

	buf_add(item, (const char *)h, sizeof *h);
	if (h->d.mark)
		buf_add(item, (const char *)h->d.mark, sizeof *h->d.mark);
	for (size_t k = 0; k < sizeof s / sizeof *s; k++) {
		buf_add(item, s[k] ? "+" : "-", 1);
		buf_add(item, s[k] ? s[k] : "", s[k] ? strlen(s[k]) + 1 : 1);
	}
}

/* The document that held_write described in 'item', pointing into it; a
 * JSON line's feed is r's, kept open for the lines after it. */
static void held_read(struct run *r, const char *item, struct held_doc *h, struct file_mark *mark)
{
	char **s[] = {&h->d.path, &h->d.name, &h->d.date, NULL, &h->d.error};
	char *feed = NULL;

	memcpy(h, item, sizeof *h);
	item += sizeof *h;
	if (h->d.mark) {
		memcpy(mark, item, sizeof *mark);
		h->d.mark = mark;
		item += sizeof *mark;
	}
	for (size_t k = 0; k < sizeof s / sizeof *s; k++) {
		char *value = *item == '+' ? (char *)item + 1 : NULL;

		*(s[k] ? s[k] : &feed) = value;
		item += 2 + (value ? strlen(value) : 0);
	}
	h->d.feed = NULL;
	if (feed) {
		corpus_feed_use(&r->feed, feed);
		h->d.feed = &r->feed;
	}
}

/* The next document of the walk, held as document i: whether it is named as
 * an earlier one, or known to the cache's index by the state the walk saw
 * its file in. */
static bool next_doc(void *ctx, size_t i, struct buf *item)
{
	struct run *r = ctx;
	struct held_doc *h = &r->held[i % r->nheld];

	corpus_doc_free(&h->d);
	if (!corpus_take(r->in, &h->d)) {
		r->walked = true;
		print_warnings(r->in);
		return false;
	}
	print_warnings(r->in);
	h->twin = r->g && idset_add(&r->names, hash64(HASH64_START, h->d.name, strlen(h->d.name)));
	h->sig = r->cache && h->d.mark && !h->d.error ? cache_signature(h->d.path, h->d.date, h->d.mark) : 0;
	h->known = !h->twin && h->sig && cache_known(r->cache, h->sig, &h->key);
	held_write(h, item);
	return true;
}

/* A document the cache's index knows is taken from the cache here: cheaper
 * than a worker's round trip; and one left out, too. */
static bool known_here(void *ctx, size_t i)
{
	const struct run *r = ctx;
	const struct held_doc *h = &r->held[i % r->nheld];

	return h->known || h->twin;
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* On a terminal, a few times a second and at the 'last': documents done of
 * those found (a "+" while the walk goes on), throughput, what the cache
 * gave, the time left at this pace once all are found. */
static void progress(struct run *r, bool last)
{
	struct tally *t = &r->t;
	double now = seconds(), spent = now - t->start;

	if (!t->shows || (last ? t->shown == 0 : now - t->shown < 0.25))
		return;
	fprintf(stderr, "\r\033[Kactorgraph: %zu/%zu%s documents, %.1f MB/s, %zu from the cache", t->done,
		corpus_found(r->in), r->walked ? "" : "+", spent > 0 ? t->bytes / spent / 1e6 : 0.0, t->from_cache);
	if (r->walked && !last && t->done > 0)
		fprintf(stderr, ", %.0f s left", spent / (double)t->done * (double)(corpus_found(r->in) - t->done));
	if (last)
		fputc('\n', stderr);
	t->shown = now;
}

/* Before run r's documents: the ring of those held, and the clock. */
static void run_begin(struct run *r)
{
	r->nheld = parallel_window(r->o->jobs);
	r->held = xcalloc(r->nheld, sizeof *r->held);
	r->t.start = seconds();
	r->t.shows = !r->o->quiet && r->in && isatty(STDERR_FILENO);
}

static void run_end(struct run *r)
{
	for (size_t i = 0; i < r->nheld; i++)
		corpus_doc_free(&r->held[i].d);
	free(r->held);
	idset_free(&r->names);
	idset_free(&r->texts);
	chunks_free(r->chunks);
	corpus_feed_close(&r->feed);
}

/* The line that ends a build: what was read and built, and how long it took. */
static void summary(const struct run *r, const struct graph *g)
{
	const struct tally *t = &r->t;
	size_t read = t->done - t->unread - t->named_twice;

	if (r->o->quiet)
		return;
	fprintf(stderr, "actorgraph: %zu document%s", read, read == 1 ? "" : "s");
	if (r->cache)
		fprintf(stderr, ": %zu from the cache, %zu extracted", t->from_cache, read - t->from_cache);
	else
		fputs(r->in ? " extracted" : " from the records", stderr);
	if (t->unread)
		fprintf(stderr, ", %zu could not be read", t->unread);
	if (t->named_twice + t->same_text)
		fprintf(stderr, ", %zu given twice", t->named_twice + t->same_text);
	if (t->outside)
		fprintf(stderr, ", %zu outside the window", t->outside);
	if (g)
		fprintf(stderr, "; %zu actors, %zu relations", graph_node_count(g), graph_edge_count(g));
	fprintf(stderr, "; %.1f s\n", seconds() - t->start);
}

/* An empty graph as the options say. */
static struct graph *new_graph(const struct options *o, const struct schema *s)
{
	struct graph *g = graph_new(s, o->level);

	if (o->half_life > 0)
		graph_set_decay(g, o->decay_day, o->half_life);
	return g;
}

/* Is 'date' outside the window of the options? */
static bool outside_window(const struct options *o, const char *date)
{
	return date && ((o->since && strcmp(date, o->since) < 0) || (o->until && strcmp(date, o->until) > 0));
}

static int damaged(const char *path, struct diag *err)
{
	return diag_set(err, "%s: the record of what was extracted from it is damaged", path);
}

/* Add document in's record (cache.h) to graph g, unless its date is outside
 * the window. Returns 0, 1 when outside, -1 with err set. */
static int add_record(const struct options *o, struct schema *s, const struct corpus_doc *in, struct graph *g,
		      char *record, size_t len, struct diag *err)
{
	struct cached x;
	struct doc d = {.name = in->name, .path = in->path};
	int rc = 0;

	if (!cache_replay(s, record, len, &x))
		return damaged(in->path, err);
	d.date = x.date;
	if (outside_window(o, d.date))
		rc = 1;
	else
		graph_add(g, &d, x.m, x.nm, x.ev, x.ne, x.said);
	cached_free(&x);
	return rc;
}

/* A record too long to be held whole (parallel_spill), added in pieces of
 * whole lines: a first reading gathers the ties that folding needs. */
struct long_record {
	struct run *r;
	struct graph *g;
	struct doc d;
	struct event *ties;
	size_t nties, cap;
	bool more;		/* a piece was added */
	bool outside;		/* dated outside the window */
};

static const size_t LONG_RECORD_PIECE = 1 << 20;

static int gather_ties(void *ctx, char *piece, size_t n, struct diag *err)
{
	struct long_record *x = ctx;
	char *copy = xmalloc(n + 1);	/* replaying changes the piece, which is read again */
	struct cached c;

	memcpy(copy, piece, n + 1);
	if (!cache_replay(x->r->p->schema, copy, n, &c)) {
		free(copy);
		return damaged(x->d.path, err);
	}
	for (size_t i = 0; i < c.ne; i++)
		if (graph_ties(x->g, &c.ev[i])) {
			xgrow(&x->ties, &x->cap, x->nties + 1, sizeof *x->ties);
			x->ties[x->nties++] = c.ev[i];
		}
	cached_free(&c);
	free(copy);
	return 0;
}

static int add_piece(void *ctx, char *piece, size_t n, struct diag *err)
{
	struct long_record *x = ctx;
	struct cached c;

	if (!cache_replay(x->r->p->schema, piece, n, &c))
		return damaged(x->d.path, err);
	if (!x->more) {	/* the record's first line dates it */
		x->d.date = c.date ? xstrdup(c.date) : NULL;
		x->outside = outside_window(x->r->o, x->d.date);
	}
	if (!x->outside)
		graph_add_part(x->g, &x->d, x->more, c.m, c.nm, c.ev, c.ne, c.said, x->ties, x->nties);
	x->more = true;
	cached_free(&c);
	return 0;
}

/* add_record of document in's record, given as result res, to graph g. */
static int add_long_record(struct run *r, struct graph *g, const struct corpus_doc *in, struct parallel_out *res,
			   struct diag *err)
{
	struct long_record x = {r, g, {.name = in->name, .path = in->path}, NULL, 0, 0, false, false};
	int rc = parallel_lines(res, LONG_RECORD_PIECE, gather_ties, &x, err);

	if (rc == 0)
		rc = parallel_lines(res, LONG_RECORD_PIECE, add_piece, &x, err);
	free(x.ties);
	free(x.d.date);
	return rc < 0 ? -1 : x.outside;
}

/* What build_work says of a document, after its record (or message). */
struct report {
	enum { DOC_RECORD, DOC_WRITTEN, DOC_OUTSIDE, DOC_UNREAD, DOC_TWIN, DOC_FAILED } status;
	bool cached;		/* taken from the cache... */
	bool deferred;		/* ...and its record read if its chunk needs it */
	size_t bytes;		/* read */
	struct cache_key id;	/* its identity */
	int drawings_failed;	/* DOC_WRITTEN */
};

/* Document in's own graph, written. */
static void write_one(struct run *r, const struct corpus_doc *in, struct buf *record, struct report *rep,
		      struct buf *msg)
{
	struct graph *one = new_graph(r->o, r->p->schema);
	char *file = file_name_of(in->name);	/* a JSON line's id may be "../../x" */
	struct diag err = {{0}};
	int added = add_record(r->o, r->p->schema, in, one, record->data, record->len, &err);

	rep->drawings_failed = -1;
	if (added == 0)
		rep->drawings_failed = write_graph(one, r->o, file, &err);
	rep->status = added > 0 ? DOC_OUTSIDE : rep->drawings_failed < 0 ? DOC_FAILED : DOC_WRITTEN;
	buf_puts(msg, err.msg);
	free(file);
	graph_free(one);
}

/* build_work's taker: a document's record, from the cache or of its pieces. */
struct recording {
	const struct run *r;
	struct buf *record;
	struct parallel_out *out;	/* whose buffer record is, to spill a long document's to; or NULL */
};

static bool record_known(void *ctx, struct cache_key id)
{
	const struct recording *x = ctx;

	return x->r->cache && cache_get(x->r->cache, cache_key(x->r->cache, id), x->record);
}

static void record_piece(void *ctx, const struct analysed *a)
{
	const struct recording *x = ctx;

	cache_record(x->r->p->schema, a->doc, a->m, a->nm, a->ev, a->ne, x->record);
	if (x->out)
		parallel_spill(x->out, x->r->o->held);
}

/* In a worker: document i's record (taken from the cache or extracted, and
 * kept), or the reason it could not be read or its graph (per document)
 * written; then a report on it. */
static void build_work(void *ctx, size_t i, const char *item, size_t len, struct parallel_out *out)
{
	struct run *r = ctx;
	struct held_doc h;
	struct file_mark mark;
	const struct corpus_doc *in = &h.d;
	struct report rep = {DOC_RECORD, false, false, 0, {{0}}, 0};
	struct buf own = {0}, msg = {0};
	/* the record goes into the result as it is made, unless it is written here */
	struct recording x = {r, r->o->per_document ? &own : &out->buf, r->o->per_document ? NULL : out};
	const struct taker t = {record_known, record_piece, &x};
	struct diag err = {{0}};
	int rc;

	(void)i, (void)len;
	held_read(r, item, &h, &mark);
	if (h.twin) {
		rep.status = DOC_TWIN;
	} else if (h.known && (r->chunks || cache_get(r->cache, cache_key(r->cache, h.key), x.record))) {
		rep.cached = true;	/* neither read nor hashed: its file is as the last build saw it */
		rep.deferred = r->chunks != NULL;
		rep.bytes = (size_t)in->mark->size;
		rep.id = h.key;
	} else if ((rc = analyse(r->p, r->o, in, &t, &rep.id, &rep.bytes, &err)) < 0) {
		rep.status = DOC_UNREAD;
		parallel_drop(out);	/* what its pieces before gave */
		buf_puts(&out->buf, err.msg);
	} else {
		rep.cached = rc == 1;
		if (!rep.cached && r->cache)
			cache_put(r->cache, cache_key(r->cache, rep.id), x.out ? out->fd : -1, x.out ? out->spilled : 0,
				  x.record->data, x.record->len);
	}
	if (r->o->per_document && rep.status == DOC_RECORD) {
		write_one(r, in, &own, &rep, &msg);
		buf_add(&out->buf, msg.data ? msg.data : "", msg.len);
	}
	buf_add(&out->buf, (const char *)&rep, sizeof rep);	/* the worker is a fork: one layout */
	free(own.data);
	free(msg.data);
}

/* The record of a document of a chunk whose cache entry is gone or damaged:
 * read and extracted again here, and kept. Returns 0; 1 when its text is no
 * longer the one its chunk was keyed by; -1 with err set when it cannot be
 * read. */
static int record_again(struct run *r, const struct corpus_doc *in, struct cache_key was, struct buf *record,
			struct diag *err)
{
	struct recording x = {r, record, NULL};
	const struct taker t = {record_known, record_piece, &x};
	struct cache_key id;
	size_t bytes;
	int rc = analyse(r->p, r->o, in, &t, &id, &bytes, err);

	if (rc == 0)
		cache_put(r->cache, cache_key(r->cache, id), -1, 0, record->data, record->len);
	return rc < 0 ? -1 : strcmp(id.hex, was.hex) != 0;
}

/* chunk_hooks: an empty graph of r's options. */
static struct graph *chunk_graph(void *ctx)
{
	const struct run *r = ctx;

	return new_graph(r->o, r->p->schema);
}

/* chunk_hooks: add the record of a document taken without it to g: its
 * cache entry, or if that is gone, itself read and extracted again. */
static int chunk_doc(void *ctx, const struct corpus_doc *d, struct cache_key id, struct graph *g, size_t *outside,
		     bool *changed, struct diag *err)
{
	struct run *r = ctx;
	struct buf record = {0};
	struct diag why = {{0}};
	int again = 0, added = 0;

	if (!cache_get(r->cache, cache_key(r->cache, id), &record)) {
		r->t.from_cache--;
		if ((again = record_again(r, d, id, &record, &why)) < 0)
			skip_document(why.msg, &r->t.unread);
	}
	if (again >= 0 && (added = add_record(r->o, r->p->schema, d, g, record.data, record.len, err)) > 0)
		*outside += (size_t)added;
	*changed = again != 0;
	free(record.data);
	return added < 0 ? -1 : 0;
}

/* Document in, its record in res unless deferred, into the chunks. */
static int chunk_take(struct run *r, const struct corpus_doc *in, const struct report *rep,
		      struct parallel_out *res, struct diag *err)
{
	struct graph *g;
	size_t *outside;
	int added;

	if (rep->deferred) {
		if (chunks_add_unread(r->chunks, in, rep->id, err) < 0)
			return -1;
	} else {
		if (!(g = chunks_add_read(r->chunks, in->name, rep->id, &outside, err)) ||
		    (added = res->fd < 0 ? add_record(r->o, r->p->schema, in, g, res->buf.data, res->buf.len, err)
					 : add_long_record(r, g, in, res, err)) < 0)
			return -1;
		*outside += (size_t)added;
	}
	return chunks_after(r->chunks, in->name, err);
}

/* In the build, document by document in order: build_work's result. A
 * document given twice (one name, or one text and date) counts once. */
static int build_take(void *ctx, size_t i, struct parallel_out *res, struct diag *err)
{
	struct run *r = ctx;
	const struct held_doc *h = &r->held[i % r->nheld];
	const struct corpus_doc *in = &h->d;
	struct report rep;
	char *rest = res->buf.data;
	int added;

	res->buf.len -= sizeof rep;
	memcpy(&rep, rest + res->buf.len, sizeof rep);
	rest[res->buf.len] = '\0';
	r->t.done++;
	r->t.bytes += (double)rep.bytes;
	r->t.from_cache += rep.cached;
	switch (rep.status) {
	case DOC_UNREAD:
		skip_document(rest, &r->t.unread);
		break;
	case DOC_FAILED:
		return diag_set(err, "%s", rest);
	case DOC_WRITTEN:
		r->t.drawings_failed += (size_t)rep.drawings_failed;
		break;
	case DOC_TWIN:
		fprintf(stderr, "actorgraph: warning: %s: named '%s' as an earlier document is: counted once\n",
			in->path, in->name);
		r->t.named_twice++;
		break;
	case DOC_RECORD:
		if (idset_add(&r->texts, strtoull(rep.id.hex, NULL, 16))) {
			fprintf(stderr, "actorgraph: warning: %s: the same text as an earlier document: counted once\n",
				in->path);
			r->t.same_text++;
			break;
		}
		if (r->chunks) {
			if (chunk_take(r, in, &rep, res, err) < 0)
				return -1;
			break;
		}
		if ((added = res->fd < 0 ? add_record(r->o, r->p->schema, in, r->g, rest, res->buf.len, err)
					  : add_long_record(r, r->g, in, res, err)) < 0)
			return -1;
		r->t.outside += (size_t)added;
		break;
	case DOC_OUTSIDE:
		r->t.outside++;
		break;
	}
	if (h->sig && rep.status != DOC_UNREAD && rep.status != DOC_TWIN)
		cache_know(r->cache, h->sig, rep.id);
	if (r->o->verbose && rep.status != DOC_UNREAD && rep.status != DOC_FAILED)
		fprintf(stderr, "actorgraph: %s: %zu bytes, %s\n", in->path, rep.bytes,
			rep.status == DOC_TWIN ? "left out" : rep.cached ? "from the cache" : "extracted");
	progress(r, false);
	return 0;
}

/* What else than the document, the schema and the program extraction
 * depends on: the limits. */
static char *cache_settings(const struct options *o)
{
	struct buf b = {0};

	buf_printf(&b, "document=%zu line=%zu sentence=%zu", o->limits.document, o->limits.line,
		   o->sentence_tokens);
	return b.data;
}

/* The documents seen in the files of records a build replays, and where
 * each was first seen. */
struct replay {
	struct strmap *seen;	/* a document's name -> its index in at */
	struct {
		const char *file;
		unsigned long line;
	} *at;
	size_t n, cap;
};

/* Line 'line' at p (len bytes, its newline included) of a file of records:
 * its document added to r's graph, unless one of its name was (a warning
 * says so); or reported and left out. */
static void replay_line(struct run *r, char *line, size_t len, struct pos p, struct replay *rp)
{
	struct jsonio_record rec;
	struct diag why = {{0}};
	long first;
	int added;

	r->t.done++;
	if (jsonio_record_read(line, len - (line[len - 1] == '\n'), p, &rec, &why) < 0) {
		skip_document(why.msg, &r->t.unread);
		return;
	}
	if ((first = strmap_get(rp->seen, rec.doc)) >= 0) {
		fprintf(stderr, "actorgraph: warning: %s:%lu: document '%s' given again (first at %s:%lu): "
			"counted once\n", p.file, p.line, rec.doc, rp->at[first].file, rp->at[first].line);
		r->t.named_twice++;
	} else {
		const struct corpus_doc in = {.name = rec.doc, .path = rec.path};

		strmap_put(rp->seen, rec.doc, (long)rp->n);
		xgrow(&rp->at, &rp->cap, rp->n + 1, sizeof *rp->at);
		rp->at[rp->n].file = p.file;
		rp->at[rp->n++].line = p.line;
		if ((added = add_record(r->o, r->p->schema, &in, r->g, rec.record, rec.len, &why)) >= 0) {
			r->t.outside += (size_t)added;
		} else {
			why = (struct diag){{0}};	/* said again with the line */
			diag_at(&why, p, "the record of document '%s' is damaged, or names actors or relation "
				"types that this schema lacks (extract and build with one schema and actorgraph)",
				rec.doc);
			skip_document(why.msg, &r->t.unread);
		}
	}
	jsonio_record_free(&rec);
}

/* Build r's graph from the records of 'files' ("-" is stdin), line by line
 * in order (extract --format records wrote them). Returns 0, or -1 with err
 * set when a file cannot be opened or read. */
static int replay_files(struct run *r, char *const *files, size_t nfiles, struct diag *err)
{
	struct replay rp = {.seen = strmap_new()};
	char *line = NULL;
	size_t cap = 0;
	int rc = 0;

	for (size_t f = 0; f < nfiles && rc == 0; f++) {
		bool is_stdin = strcmp(files[f], "-") == 0;
		FILE *fp = is_stdin ? stdin : fopen(files[f], "r");
		struct pos p = {files[f], 0, 1};
		ssize_t n;

		if (!fp) {
			rc = diag_sys(err, "open", files[f]);
			break;
		}
		while ((n = getline(&line, &cap, fp)) > 0)
			if (++p.line, strspn(line, " \t\r\n") < (size_t)n)	/* blank lines are none */
				replay_line(r, line, (size_t)n, p, &rp);
		if (ferror(fp))
			rc = diag_sys(err, "read", files[f]);
		if (!is_stdin)
			fclose(fp);
	}
	free(line);
	free(rp.at);
	strmap_free(rp.seen);
	return rc;
}

/* The documents a build's walk may find before they are taken (some 250
 * bytes each): with a cache, whose rebuild takes most documents at once and
 * holds each it has not read until its graph is made anyway, far enough
 * ahead to walk through the schema's load; without, a few, so that memory
 * stays flat however many documents there are. */
enum { WALK_AHEAD_CACHED = 1 << 14, WALK_AHEAD = 1 << 9 };

/* Returns 0, 1 when some documents could not be read or some drawings
 * failed, -1 on failure, -2 on a usage error (reported). The documents are
 * those of corpus 'in', or when it is NULL the records of the nrecords
 * files 'records'. */
static int build(const struct options *o, struct corpus *in, char *const *records, size_t nrecords,
		 struct diag *err)
{
	struct pipeline p = {0};
	struct run r = {.o = o, .p = &p, .in = in};
	const struct parallel_job job = {next_doc, build_work, build_take, doc_path, &r, known_here};
	int rc = -1, drawn = 0;
	struct outlock lock = {-1};
	struct buf lock_path = {0};

	if (o->per_document && distinct_names(in, err) < 0)
		return -1;
	/* the walk in a thread, apart from the schema's load and all that
	 * follows: on a rebuild from a cache, the files' stat() calls take as
	 * long as the rest of the work on them */
	if (in)
		corpus_walk_apart(in, o->cache && !o->no_cache ? WALK_AHEAD_CACHED : WALK_AHEAD);
	if (pipeline_open(&p, o->schema, err) < 0)
		return -1;
	if (o->filter.relations && check_relations(p.schema, o->filter.relations) != 0) {
		rc = -2;
		goto out;
	}
	if (o->filter.by && (o->analyses & analysis_of(o->filter.by)) != analysis_of(o->filter.by)) {
		misuse("--by %s needs that analysis, which --analyses (or the recipe's 'analyses') leaves out",
		       o->filter.by);
		rc = -2;
		goto out;
	}
	/* one build at a time writes NAME's files in the folder, or none */
	buf_printf(&lock_path, "%s/.%s.lock", o->out, o->name);
	if (make_dirs(o->out, err) < 0 || outlock_take(&lock, lock_path.data, err) < 0)
		goto out;
	if (o->cache && !o->no_cache) {
		char *settings = cache_settings(o);

		r.cache = cache_open(o->cache, p.schema, settings, err);
		free(settings);
		if (!r.cache)
			goto out;
	}
	if (!o->per_document)
		r.g = new_graph(o, p.schema);
	/* not with decay: a chunk's weights, summed apart, could differ in their last bits */
	if (r.cache && r.g && in && o->half_life <= 0) {
		const struct chunk_hooks hooks = {chunk_graph, chunk_doc, &r};
		const char *const window[] = {o->since, o->until};
		uint64_t settings = hash64(HASH64_START, &o->level, sizeof o->level);

		for (size_t i = 0; i < 2; i++)
			settings = hash64(settings, window[i] ? window[i] : "", window[i] ? strlen(window[i]) + 1 : 1);
		r.chunks = chunks_new(r.cache, p.schema, settings, &hooks);
	}
	run_begin(&r);
	if ((in ? parallel_run(&job, o->jobs, err) : replay_files(&r, records, nrecords, err)) < 0 ||
	    (r.chunks && chunks_end(r.chunks, r.g, &r.t.outside, err) < 0) ||
	    all_failed(r.t.unread, r.t.done, err) < 0)
		goto out;
	if (in)
		progress(&r, true);
	if (!o->per_document && (drawn = write_graph(r.g, o, o->name, err)) < 0)
		goto out;
	summary(&r, r.g);
	r.t.drawings_failed += (size_t)drawn;
	rc = r.t.unread > 0 || r.t.drawings_failed > 0;
out:
	run_end(&r);
	cache_close(r.cache);
	graph_free(r.g);
	pipeline_close(&p);
	outlock_release(&lock);
	free(lock_path.data);
	return rc;
}

/* extract_work's taker: each piece's events as JSON lines or TSV, or the
 * pieces' record. */
struct extracting {
	const struct run *r;
	struct parallel_out *out;	/* the lines, spilled from when long */
	struct buf record;
};

/* Lines are written to a memory stream, then appended to x's result. */
struct lines {
	FILE *fp;
	char *data;
	size_t len;
};

static FILE *lines_open(struct lines *l)
{
	*l = (struct lines){NULL, NULL, 0};
	return l->fp = open_memstream(&l->data, &l->len);
}

static void lines_end(struct lines *l, struct extracting *x)
{
	if (!l->fp || ferror(l->fp) | fclose(l->fp)) {
		fprintf(stderr, "actorgraph: out of memory\n");	/* all a memory stream can lack */
		abort();
	}
	buf_add(&x->out->buf, l->data, l->len);
	free(l->data);
	parallel_spill(x->out, x->r->o->held);
}

static void extract_piece(void *ctx, const struct analysed *a)
{
	struct extracting *x = ctx;
	const struct schema *s = x->r->p->schema;
	struct diag err = {{0}};	/* a memory stream fails only for want of memory: lines_end tells */
	struct lines l;

	if (x->r->o->extract_as == EXTRACT_RECORDS) {
		cache_record(s, a->doc, a->m, a->nm, a->ev, a->ne, &x->record);
	} else if (lines_open(&l)) {
		if (x->r->o->extract_as == EXTRACT_TSV)
			events_tsv(l.fp, s, a->doc, a->ev, a->ne, &err);
		else
			jsonio_events(l.fp, s, a->doc, a->ev, a->ne, x->r->o->compact, &err);
	}
	if (x->r->o->extract_as != EXTRACT_RECORDS)
		lines_end(&l, x);
}

/* In a worker: the lines of document i then 'o', or why it cannot be read
 * then 'u'. */
static void extract_work(void *ctx, size_t i, const char *item, size_t len, struct parallel_out *out)
{
	struct run *r = ctx;
	struct held_doc h;
	struct file_mark mark;
	const struct corpus_doc *in = &h.d;
	struct extracting x = {r, out, {0}};
	const struct taker t = {NULL, extract_piece, &x};
	struct diag err = {{0}};
	struct cache_key id;
	struct lines l;
	size_t bytes;
	int rc;

	(void)i, (void)len;
	held_read(r, item, &h, &mark);
	rc = analyse(r->p, r->o, in, &t, &id, &bytes, &err);

	if (rc == 0 && r->o->extract_as == EXTRACT_RECORDS) {
		if (lines_open(&l))
			jsonio_record(l.fp, in->name, in->path, x.record.data, x.record.len, &err);
		lines_end(&l, &x);
	}
	if (rc < 0) {
		parallel_drop(out);
		buf_puts(&out->buf, err.msg);
	}
	buf_add(&out->buf, rc < 0 ? "u" : "o", 1);
	free(x.record.data);
}

static int write_lines(void *ctx, char *piece, size_t n, struct diag *err)
{
	(void)ctx;
	if (fwrite(piece, 1, n, stdout) != n)
		return diag_set(err, "cannot write to standard output: %s", strerror(errno));
	return 0;
}

/* In extract, document by document in order: extract_work's result. */
static int extract_take(void *ctx, size_t i, struct parallel_out *res, struct diag *err)
{
	struct run *r = ctx;
	char mark = res->buf.data[--res->buf.len];

	res->buf.data[res->buf.len] = '\0';
	if (mark == 'u')
		skip_document(res->buf.data, &r->t.unread);
	else
		return parallel_lines(res, 1 << 20, write_lines, NULL, err);
	return 0;
}

/* Returns 0, 1 when some documents could not be read, -1 on failure. */
static int extract(const struct options *o, struct corpus *in, struct diag *err)
{
	struct pipeline p = {0};
	struct run r = {.o = o, .p = &p, .in = in};
	const struct parallel_job job = {next_doc, extract_work, extract_take, doc_path, &r, NULL};
	int rc;

	if (pipeline_open(&p, o->schema, err) < 0)
		return -1;
	run_begin(&r);
	rc = o->extract_as == EXTRACT_TSV ? events_tsv_header(stdout, err) : 0;
	if (rc == 0)
		rc = parallel_run(&job, o->jobs, err);
	if (rc == 0)
		rc = all_failed(r.t.unread, corpus_found(in), err) < 0 ? -1 : r.t.unread > 0;
	run_end(&r);
	pipeline_close(&p);
	return rc;
}

/* explain's taker: the events of each piece that the query asks for. */
struct explaining {
	const struct schema *s;
	const struct edge_query *q;
	size_t *found;
};

static void explain_piece(void *ctx, const struct analysed *a)
{
	const struct explaining *x = ctx;

	*x->found += events_explain(stdout, x->s, a->doc, a->ev, a->ne, x->q);
}

/* Print the evidence of one edge; it is an error when no text states it. */
static int explain(const struct options *o, struct corpus *in, struct diag *err)
{
	struct pipeline p = {0};
	char *spec = xstrdup(o->edge), *save = NULL;
	struct edge_query q = {strtok_r(spec, ",", &save), strtok_r(NULL, ",", &save),
			       strtok_r(NULL, ",", &save)};
	size_t found = 0, failed = 0;
	struct corpus_doc d;
	int rc = 0;

	if (pipeline_open(&p, o->schema, err) < 0) {
		free(spec);
		return -1;
	}
	while (corpus_take(in, &d)) {
		struct explaining x = {p.schema, &q, &found};
		const struct taker t = {NULL, explain_piece, &x};
		struct cache_key id;
		size_t bytes;

		print_warnings(in);
		if (analyse(&p, o, &d, &t, &id, &bytes, err) < 0)
			skip_document(err->msg, &failed);
		corpus_doc_free(&d);
	}
	print_warnings(in);
	if (all_failed(failed, corpus_found(in), err) < 0)
		rc = -1;
	else if (!found)
		rc = diag_set(err, "no relation %s in the input", o->edge);
	else
		rc = failed > 0;
	pipeline_close(&p);
	free(spec);
	return rc;
}

/* Read a GraphML that build wrote, analyse it again, print the table. */
static int stats(const char *path, const char *format, unsigned analyses, struct diag *err)
{
	struct graph *g = graph_load(path, err);
	int rc = -1;

	if (g && analysis_run(g, analyses, err) == 0)
		rc = strcmp(format, "json") == 0 ? jsonio_stats(stdout, g, err)
						 : tables_stats(stdout, g, strcmp(format, "csv") == 0, err);
	graph_free(g);
	return rc;
}

/* Print what changed from the graph of old_path to that of new_path. */
static int changes(const char *old_path, const char *new_path, bool json, struct diag *err)
{
	struct graph *old = graph_load(old_path, err), *new = old ? graph_load(new_path, err) : NULL;
	struct diff d = {0};
	int rc = -1;

	if (new && diff_run(&d, old, old_path, new, new_path, err) == 0)
		rc = json ? jsonio_diff(stdout, &d, old_path, new_path, err) : diff_write(stdout, &d, err);
	diff_destroy(&d);
	graph_free(new);
	graph_free(old);
	return rc;
}

/* Today's date (UTC) in 'day', which it returns. */
static const char *today(char day[11])
{
	date_of_days((long)(time(NULL) / 86400), day);
	return day;
}

/* What changed between a recipe's previous build and its last. */
static int recipe_changes(const char *dir, bool json, struct diag *err)
{
	char day[11];
	struct recipe *r = recipe_load(dir, today(day), err);
	char *old, *new;
	struct stat st;
	int rc;

	if (!r)
		return -1;
	old = recipe_graphml(r->dir, r->name, true);
	new = recipe_graphml(r->dir, r->name, false);
	if (stat(old, &st) != 0 && errno == ENOENT)
		rc = diag_set(err, "%s: no previous build to compare with (no '%s'; a build keeps it when it "
			      "replaces %s.graphml)", dir, old, r->name);
	else
		rc = changes(old, new, json, err);
	free(new);
	free(old);
	recipe_free(r);
	return rc;
}

/* "SOURCE,TYPE,TARGET" with three non-empty parts. */
static bool is_edge_spec(const char *s)
{
	const char *c1 = strchr(s, ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL;

	return c1 && c2 && c1 > s && c2 > c1 + 1 && c2[1] && !strchr(c2 + 1, ',');
}

/* A number in [min, max], the whole string. */
static int parse_number(const char *s, double min, double max, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return errno || end == s || *end || *out < min || *out > max ? -1 : 0;
}

/* "document=N,line=N,sentence=N", any of them. */
static int parse_limits(const char *s, struct options *o)
{
	char *copy = xstrdup(s), *save = NULL, *eq;
	double num;
	int rc = 0;

	for (char *l = strtok_r(copy, ",", &save); l && rc == 0; l = strtok_r(NULL, ",", &save)) {
		size_t *limit = NULL;

		if ((eq = strchr(l, '='))) {
			*eq = '\0';
			limit = strcmp(l, "document") == 0 ? &o->limits.document
				: strcmp(l, "line") == 0   ? &o->limits.line
				: strcmp(l, "sentence") == 0 ? &o->sentence_tokens
				: strcmp(l, "held") == 0     ? &o->held
							     : NULL;
		}
		if (!limit || parse_number(eq + 1, 1, 1e15, &num) < 0 || num != (size_t)num)
			rc = -1;
		else
			*limit = (size_t)num;
	}
	free(copy);
	return rc;
}

static int parse_level(const char *s, enum graph_level *level)
{
	if (strcmp(s, "actor") == 0)
		*level = LEVEL_ACTOR;
	else if (strcmp(s, "state") == 0)
		*level = LEVEL_STATE;
	else
		return -1;
	return 0;
}

/* --analyses LIST: comma-separated names of analysis_names, or "none". */
static int parse_analyses(const char *list, unsigned *which)
{
	char *copy = xstrdup(list), *save = NULL;
	int rc = 0;

	*which = 0;
	if (strcmp(list, "none") == 0) {
		free(copy);
		return 0;
	}
	for (char *w = strtok_r(copy, ",", &save); w && rc == 0; w = strtok_r(NULL, ",", &save)) {
		rc = analysis_bit(w) ? 0 : -1;
		*which |= analysis_bit(w);
	}
	if (*which == 0)
		rc = -1;	/* nothing named: "" or "," */
	free(copy);
	return rc;
}

static bool is_recipe(const char *path)
{
	struct buf b = {0};
	struct stat st;
	bool yes;

	buf_printf(&b, "%s/graph.yaml", path);
	yes = stat(b.data, &st) == 0 && S_ISREG(st.st_mode);
	free(b.data);
	return yes;
}

/* A recipe's folder as given, without trailing slashes. */
static char *recipe_dir(const char *arg)
{
	char *dir = xstrdup(arg);
	size_t len = strlen(dir);

	while (len > 1 && dir[len - 1] == '/')
		dir[--len] = '\0';
	return dir;
}

/* Build what recipe folder 'dir' says, with the command line's options
 * before its own. Returns as build(), or -2 for a usage error. */
static int build_recipe(const struct options *given, const char *dir, struct diag *err)
{
	struct options o = *given;
	char day[11];
	struct recipe *r;
	struct corpus in = {0};
	struct buf cache = {0};
	int rc = -1, added = 0;

	if (!(r = recipe_load(dir, today(day), err)))
		return -1;
	for (size_t i = 0; i < r->nwarnings; i++)
		fprintf(stderr, "actorgraph: warning: %s\n", r->warnings[i]);
	for (size_t i = 0; i < r->ninputs && added == 0; i++)
		added = corpus_add(&in, r->inputs[i].path, r->inputs[i].date, err);
	if (added < 0)
		goto out;
	if (!corpus_any(&in)) {
		print_warnings(&in);
		diag_set(err, "%s: the recipe's inputs hold no *.txt or *.jsonl documents", dir);
		goto out;
	}
	o.schema = o.schema ? o.schema : r->schema;
	o.formats = o.formats ? o.formats : r->formats ? r->formats : default_formats;
	if (check_formats(o.formats) != 0) {
		rc = -2;
		goto out;
	}
	if (r->level)
		parse_level(r->level, &o.level);
	o.out = r->dir;
	o.name = r->name;
	o.keep_previous = true;
	if (!o.cache) {	/* a recipe keeps its cache beside it */
		buf_printf(&cache, "%s/.cache", r->dir);
		o.cache = cache.data;
	}
	o.since = r->since[0] ? r->since : NULL;
	o.until = r->until[0] ? r->until : NULL;
	o.half_life = r->half_life;
	o.decay_day = o.until ? o.until : day;
	o.filter.min_weight = o.filter.min_weight > 0 ? o.filter.min_weight : r->min_weight;
	o.filter.relations = o.filter.relations ? o.filter.relations : r->relations;
	o.filter.top = o.filter.top ? o.filter.top : r->top;
	o.filter.ego = o.filter.ego ? o.filter.ego : r->ego;
	if (o.filter.depth < 0)
		o.filter.depth = r->depth;
	o.filter.by = o.filter.by ? o.filter.by : r->by;
	if (!o.analyses_given)
		o.analyses = r->analyses;
	o.clusters = o.clusters || r->clusters;
	if (!o.spells && r->spells)
		o.accumulate = strcmp(r->spells, "accumulate") == 0;
	rc = build(&o, &in, NULL, 0, err);
out:
	free(cache.data);
	corpus_free(&in);
	recipe_free(r);
	return rc;
}

/* Build each recipe folder of 'dirs' (graphs/NAME...): a failure is reported and
 * the others are built. The exit status is the worst of them. */
static int build_recipes(const struct options *o, char **dirs, int n)
{
	int status = EXIT_OK;

	for (int i = 0; i < n; i++) {
		char *dir = recipe_dir(dirs[i]);
		struct diag err = {{0}};
		int rc;

		if (!is_recipe(dir)) {
			rc = misuse("'%s' is no recipe folder (no graph.yaml): build several recipes, or inputs", dir);
		} else if ((rc = build_recipe(o, dir, &err)) == -2) {
			rc = EXIT_USAGE;
		} else {
			rc = rc < 0 ? fail(&err) : rc > 0 ? EXIT_PARTIAL : EXIT_OK;
			if (rc == EXIT_FAIL && n > 1)
				fprintf(stderr, "actorgraph: %s not built\n", dir);
		}
		free(dir);
		if (rc == EXIT_USAGE)
			return rc;
		if (rc == EXIT_FAIL || (rc == EXIT_PARTIAL && status == EXIT_OK))
			status = rc;
	}
	return status;
}

static const struct option longopts[] = {
	{"schema", required_argument, NULL, 's'}, {"out", required_argument, NULL, 'o'},
	{"name", required_argument, NULL, 'n'}, {"format", required_argument, NULL, 'f'},
	{"per-document", no_argument, NULL, 'p'}, {"quiet", no_argument, NULL, 'q'},
	{"level", required_argument, NULL, 'l'}, {"edge", required_argument, NULL, 'e'},
	{"min-weight", required_argument, NULL, 'w'}, {"relation", required_argument, NULL, 'r'},
	{"top", required_argument, NULL, 't'}, {"ego", required_argument, NULL, 'g'},
	{"depth", required_argument, NULL, 'd'}, {"clusters", no_argument, NULL, 'c'},
	{"limit", required_argument, NULL, 'L'}, {"cache", required_argument, NULL, 'C'},
	{"no-cache", no_argument, NULL, 'N'}, {"render-timeout", required_argument, NULL, 'T'},
	{"jobs", required_argument, NULL, 'j'}, {"compact", no_argument, NULL, 'k'},
	{"verbose", no_argument, NULL, 'v'}, {"records", no_argument, NULL, 'R'},
	{"spells", required_argument, NULL, 'S'}, {"by", required_argument, NULL, 'B'},
	{"allow-empty", no_argument, NULL, 'E'}, {"analyses", required_argument, NULL, 'A'},
	{"help", no_argument, NULL, 'h'}, {"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0}
};

/* The options each command takes, by their short codes in longopts (--help
 * and --version go with any). A recipe build takes what build takes; a
 * build from records nothing that reads or extracts documents. */
static const struct {
	const char *cmd, *codes;
} command_options[] = {
	{"build", "sonfpqvlwrtgdcLCNTjRSBEA"}, {"build --records", "sonfqlwrtgdcTRSBEA"}, {"extract", "sfLjk"},
	{"explain", "seL"}, {"stats", "fA"}, {"diff", "f"}, {"check", "s"},
};

/* Does command 'cmd' take option 'code'? */
static bool takes(const char *cmd, int code)
{
	for (size_t i = 0; i < sizeof command_options / sizeof *command_options; i++)
		if (strcmp(command_options[i].cmd, cmd) == 0 && strchr(command_options[i].codes, code))
			return true;
	return false;
}

/* The help of command 'cmd', cut from the whole: its synopsis, what it does,
 * the options it takes and the exit statuses. */
static void command_usage(FILE *fp, const char *cmd)
{
	char *all = NULL, *save = NULL;
	size_t len = 0, n = strlen(cmd);
	FILE *mem = open_memstream(&all, &len);
	enum { SYNOPSIS, COMMANDS, OPTIONS, OTHER } part = SYNOPSIS;
	bool keep = false, first = true;

	if (!mem) {
		usage(fp);
		return;
	}
	usage(mem);
	fclose(mem);
	for (char *line = strtok_r(all, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		const char *word = line + strspn(line, " ");
		bool entry = *word && word - line < 10;	/* else it continues the entry above */

		if (strncmp(line, "Commands:", 9) == 0 || strncmp(line, "Options:", 8) == 0) {
			part = *line == 'C' ? COMMANDS : OPTIONS;
			fprintf(fp, part == OPTIONS ? "\n%s\n" : "\n", line);
			keep = false;
			continue;
		}
		if (part == SYNOPSIS && entry) {
			if (strncmp(word, "usage: ", 7) == 0)
				word += 7;
			keep = strncmp(word, "actorgraph ", 11) == 0 && strncmp(word + 11, cmd, n) == 0 &&
			       word[11 + n] == ' ';
			if (keep) {
				fprintf(fp, "%s%s\n", first ? "usage: " : "       ", word);
				first = false;
				continue;
			}
		} else if (part == COMMANDS && entry) {
			keep = strncmp(word, cmd, n) == 0 && word[n] == ' ';
			if (!keep && word == line)	/* "INPUT is...": the paragraphs after the commands */
				part = OTHER;
		} else if (part == OPTIONS && entry) {
			const char *name = strstr(word, "--");
			size_t i = 0;

			while (name && longopts[i].name && strncmp(name + 2, longopts[i].name, strcspn(name + 2, " ,")) != 0)
				i++;
			keep = name && longopts[i].name && (takes(cmd, longopts[i].val) || longopts[i].val == 'h');
			if (!name || word == line)
				part = OTHER;
		}
		if (part == OTHER && strncmp(line, "Exit status", 11) == 0)
			keep = true;
		if (keep)
			fprintf(fp, "%s\n", line);
	}
	free(all);
}

/* Is option 'code' one that command 'cmd' takes? Else a usage error naming it. */
static int check_option(const char *cmd, int code)
{
	struct buf msg = {0};
	int rc;

	if (takes(cmd, code))
		return 0;
	for (size_t i = 0; longopts[i].name; i++)
		if (longopts[i].val == code)
			buf_printf(&msg, "option '--%s' does not apply to %s", longopts[i].name, cmd);
	rc = misuse("%s", msg.data);
	free(msg.data);
	return rc;
}

/* Page faults cost 10-15 us each in the virtual machines measured here
 * (Firecracker), and a rebuild from a cache touched some 3,300 pages: a
 * third of its time. So the heap grows 64 MB at a time (a page never
 * touched costs nothing), its first 64 MB in huge pages where the kernel
 * gives them (its transparent huge pages set to "madvise" or "always"; what
 * the heap grows by later is in plain pages, which a build of millions of
 * documents may need and a rebuild does not), and blocks up to 32 MB come
 * from it rather than from mappings of their own that fault anew each
 * time: that rebuild then faults some 900 times. */
static void tune_memory(void)
{
	const uintptr_t huge = 2 << 20;
	char *start = sbrk(0), *end;
	void *p;

	if (start == (void *)-1 || !mallopt(M_TOP_PAD, 64 << 20) || !mallopt(M_MMAP_THRESHOLD, 32 << 20))
		return;
	if (!(p = malloc(1 << 20)))	/* more than the heap has left: it grows by the pad */
		return;
	*(volatile char *)p = 0;	/* else the compiler drops malloc and free */
	end = sbrk(0);
	free(p);
	start = (char *)(((uintptr_t)start + huge - 1) & ~(huge - 1));
	if (end > start)
		madvise(start, (size_t)(end - start), MADV_HUGEPAGE);
}

int main(int argc, char **argv)
{
	struct options o = {.render_timeout = DOT_TIMEOUT, .filter.depth = -1, .limits = CORPUS_LIMITS_DEFAULT, .held = 1 << 20,
			    .sentence_tokens = TEXT_SENTENCE_TOKENS, .analyses = ANALYSIS_ALL};
	struct corpus in = {0};
	struct diag err = {{0}};
	const char *cmd;
	char seen[64] = "";	/* the options given, by their codes */
	double num;
	int c, rc;

	tune_memory();
	o.jobs = parallel_cores();
	igraph_set_error_handler(igraph_error_handler_ignore);
	igraph_set_warning_handler(igraph_warning_handler_ignore);
	igraph_set_attribute_table(&igraph_cattribute_table);
	signal(SIGCHLD, SIG_DFL);	/* an ignored SIGCHLD, inherited, would hide how a drawing ended */
	if (argc < 2)
		return misuse("%s", "missing command (build, extract, explain, stats, diff or check)");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		puts("actorgraph " VERSION);
		return EXIT_OK;
	}
	cmd = argv[1];
	if (strcmp(cmd, "build") != 0 && strcmp(cmd, "extract") != 0 && strcmp(cmd, "check") != 0 &&
	    strcmp(cmd, "explain") != 0 && strcmp(cmd, "stats") != 0 && strcmp(cmd, "diff") != 0)
		return misuse("unknown command '%s' (expected build, extract, explain, stats, diff or check)", cmd);
	argv++, argc--;
	opterr = 0;	/* misuse is reported below, as "actorgraph: ..." */
	while ((c = getopt_long(argc, argv, ":s:o:n:f:l:e:w:r:t:g:d:L:j:kcpqvhV", longopts, NULL)) != -1) {
		if (c != ':' && c != '?' && c != 'h' && c != 'V') {
			if ((rc = check_option(cmd, c)) != 0)
				return rc;
			if (!strchr(seen, c) && strlen(seen) < sizeof seen - 1)
				seen[strlen(seen)] = (char)c;
		}
		switch (c) {
		case 's': o.schema = optarg; break;
		case 'o':
			if (!*optarg)
				return misuse("%s", "--out needs a folder, found ''");
			o.out = optarg;
			break;
		case 'n':
			if (!is_file_name(optarg))
				return misuse("--name needs a file name (no '/', no leading dot), found '%s'", optarg);
			o.name = optarg;
			break;
		case 'f': o.formats = optarg; break;
		case 'p': o.per_document = true; break;
		case 'e': o.edge = optarg; break;
		case 'r': o.filter.relations = optarg; break;
		case 'g': o.filter.ego = optarg; break;
		case 'w':
			if (parse_number(optarg, 0, 1e12, &num) < 0)
				return misuse("--min-weight needs a number >= 0, found '%s'", optarg);
			o.filter.min_weight = num;
			break;
		case 't':
			if (parse_number(optarg, 1, 1e9, &num) < 0 || num != (size_t)num)
				return misuse("--top needs a whole number >= 1, found '%s'", optarg);
			o.filter.top = (size_t)num;
			break;
		case 'd':
			if (parse_number(optarg, 0, 100, &num) < 0 || num != (int)num)
				return misuse("--depth needs a whole number from 0 to 100, found '%s'", optarg);
			o.filter.depth = (int)num;
			break;
		case 'T':
			if (parse_number(optarg, 0.001, 86400, &num) < 0)
				return misuse("--render-timeout needs seconds from 0.001 to 86400, found '%s'", optarg);
			o.render_timeout = num;
			break;
		case 'l':
			if (parse_level(optarg, &o.level) < 0)
				return misuse("unknown level '%s' (expected actor or state)", optarg);
			break;
		case 'L':
			if (parse_limits(optarg, &o) < 0)
				return misuse("--limit needs NAME=N,... with NAME document, line or sentence "
					      "and N a whole number >= 1, found '%s'", optarg);
			break;
		case 'j':
			if (parse_number(optarg, 1, 1024, &num) < 0 || num != (unsigned)num)
				return misuse("--jobs needs a whole number from 1 to 1024, found '%s'", optarg);
			o.jobs = (unsigned)num;
			break;
		case 'q': o.quiet = true; break;
		case 'k': o.compact = true; break;
		case 'v': o.verbose = true; break;
		case 'c': o.clusters = true; break;
		case 'C': o.cache = optarg; break;
		case 'N': o.no_cache = true; break;
		case 'R': o.records = true; break;
		case 'E': o.allow_empty = true; break;
		case 'B':
			if (!word_in(optarg, graph_rankings))
				return misuse("--by needs pagerank, degree, strength, betweenness, closeness, "
					      "eigenvector or mentions, found '%s'", optarg);
			o.filter.by = optarg;
			break;
		case 'A':
			if (parse_analyses(optarg, &o.analyses) < 0)
				return misuse("--analyses needs a comma-separated list of betweenness, closeness, "
					      "eigenvector, kcore and balance (or none), found '%s'", optarg);
			o.analyses_given = true;
			break;
		case 'S':
			if (strcmp(optarg, "day") != 0 && strcmp(optarg, "accumulate") != 0)
				return misuse("--spells needs day or accumulate, found '%s'", optarg);
			o.accumulate = strcmp(optarg, "accumulate") == 0;
			o.spells = true;
			break;
		case 'h': command_usage(stdout, cmd); return EXIT_OK;
		case 'V': puts("actorgraph " VERSION); return EXIT_OK;
		case ':': return misuse("option '%s' needs an argument", argv[optind - 1]);
		default: return misuse("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (strcmp(cmd, "check") == 0) {
		struct pipeline p = {0};

		if (optind < argc)
			return misuse("check takes no inputs, found '%s'", argv[optind]);
		if (pipeline_open(&p, o.schema, &err) < 0)
			return fail(&err);
		printf("%s: %zu actors, %zu names, %zu relation types, %zu trigger forms\n", p.schema->dir,
		       p.schema->nactors, p.schema->nnames, p.schema->nrels, p.schema->ntriggers);
		pipeline_close(&p);
		return stdout_status(EXIT_OK);
	}
	if (strcmp(cmd, "stats") == 0) {
		if (argc - optind != 1)
			return misuse("%s", "stats takes one GraphML file that build wrote");
		if (o.formats && strcmp(o.formats, "text") != 0 && strcmp(o.formats, "csv") != 0 &&
		    strcmp(o.formats, "json") != 0)
			return misuse("unknown stats format '%s' (expected text, csv or json)", o.formats);
		if (stats(argv[optind], o.formats ? o.formats : "text", o.analyses, &err) < 0)
			return fail(&err);
		return stdout_status(EXIT_OK);
	}
	if (strcmp(cmd, "diff") == 0) {
		bool json = o.formats && strcmp(o.formats, "json") == 0;
		int n = argc - optind;

		if (o.formats && !json && strcmp(o.formats, "text") != 0)
			return misuse("unknown diff format '%s' (expected text or json)", o.formats);
		if (n == 1 && is_recipe(argv[optind])) {
			char *dir = recipe_dir(argv[optind]);

			rc = recipe_changes(dir, json, &err);
			free(dir);
		} else if (n == 2) {
			rc = changes(argv[optind], argv[optind + 1], json, &err);
		} else {
			return misuse("%s", "diff takes two GraphML files that build wrote, or a recipe folder");
		}
		return rc < 0 ? fail(&err) : stdout_status(EXIT_OK);
	}
	for (size_t i = 0; o.records && seen[i]; i++)
		if ((rc = check_option("build --records", seen[i])) != 0)
			return rc;
	if (strcmp(cmd, "explain") == 0 && (!o.edge || !is_edge_spec(o.edge)))
		return misuse("explain needs --edge SOURCE,TYPE,TARGET, found '%s'", o.edge ? o.edge : "");
	if (optind >= argc)
		return misuse("%s", "no input (give files, folders, or - for stdin)");
	if (strcmp(cmd, "build") == 0 && !o.records && is_recipe(argv[optind])) {
		if (o.out || o.name || o.per_document)
			return misuse("%s", "a recipe sets --out and --name itself");
		return build_recipes(&o, argv + optind, argc - optind);
	}
	if (o.filter.depth < 0)
		o.filter.depth = 2;
	if (strcmp(cmd, "extract") == 0 && o.formats) {
		if (strcmp(o.formats, "json") == 0)
			o.extract_as = EXTRACT_JSON;
		else if (strcmp(o.formats, "tsv") == 0)
			o.extract_as = EXTRACT_TSV;
		else if (strcmp(o.formats, "records") == 0)
			o.extract_as = EXTRACT_RECORDS;
		else
			return misuse("unknown extract format '%s' (expected json, tsv or records)", o.formats);
	} else if (o.formats && (rc = check_formats(o.formats)) != 0) {
		return rc;
	}
	if (!o.formats)
		o.formats = default_formats;
	if (!o.out)
		o.out = ".";
	if (!o.name)
		o.name = "graph";
	rc = 0;
	for (int i = optind; i < argc && rc == 0 && !o.records; i++)
		rc = corpus_add(&in, argv[i], NULL, &err);
	if (rc < 0) {
		corpus_free(&in);
		return fail(&err);
	}
	if (!o.records && !corpus_any(&in)) {
		print_warnings(&in);
		corpus_free(&in);
		return misuse("%s", "no *.txt or *.jsonl documents in the given folders");
	}
	rc = o.records			   ? build(&o, NULL, argv + optind, (size_t)(argc - optind), &err)
	     : strcmp(cmd, "build") == 0	 ? build(&o, &in, NULL, 0, &err)
	     : strcmp(cmd, "explain") == 0 ? explain(&o, &in, &err)
					   : extract(&o, &in, &err);
	corpus_free(&in);
	if (rc == -2)
		return EXIT_USAGE;
	if (rc < 0)
		return fail(&err);
	return stdout_status(rc > 0 ? EXIT_PARTIAL : EXIT_OK);
}
