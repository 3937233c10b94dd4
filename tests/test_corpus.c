/* test_corpus.c - inputs: folders, JSON lines, dates. */
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "helpers.h"

/* Folders with links and faults are made by the tests, not kept in the repository. */
#define OUT "tests/out/corpus"

static void write_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		fail_msg("cannot create %s", path);
	fputs(text, fp);
	fclose(fp);
}

/* The first piece of document d: all of it, within the default limits. */
static int first_piece(const struct corpus_doc *d, const struct corpus_limits *lim, char **text, size_t *len,
		       struct diag *err)
{
	struct corpus_reader r;
	struct corpus_piece at;
	int rc = corpus_open(&r, d, lim, err);

	if (rc == 0)
		rc = corpus_next(&r, text, len, &at, err) < 0 ? -1 : 0;
	corpus_close(&r);
	return rc;
}

/* The documents of c's walk from where it is, into docs from docs[n] (at
 * most 8 in all); returns how many docs holds then. */
static size_t take_all(struct corpus *c, struct corpus_doc *docs, size_t n)
{
	while (n < 8 && corpus_take(c, &docs[n]))
		n++;
	return n;
}

static void free_docs(struct corpus_doc *docs, size_t n)
{
	while (n > 0)
		corpus_doc_free(&docs[--n]);
}

static void reads_folders_and_json_lines_in_name_order(void **state)
{
	struct corpus c = {0};
	struct corpus_doc docs[8];
	struct diag err = {{0}};
	const struct corpus_limits lim = CORPUS_LIMITS_DEFAULT;
	char *text;
	size_t len;

	(void)state;
	assert_int_equal(corpus_add(&c, "tests/data/corpus", "2020-01-01", &err), 0);
	assert_true(corpus_any(&c));
	assert_int_equal(take_all(&c, docs, 0), 3);	/* two JSON lines, one text file; not notes.md */
	assert_int_equal(c.found, 3);
	assert_string_equal(docs[0].name, "a1");
	assert_string_equal(docs[0].date, "2024-05-01");	/* its own date wins */
	assert_string_equal(docs[0].path, "tests/data/corpus/feed.jsonl:1");
	assert_string_equal(docs[1].name, "feed-3");	/* no id: file and line */
	assert_string_equal(docs[1].date, "2020-01-01");
	assert_string_equal(docs[2].name, "b");
	assert_int_equal(first_piece(&docs[1], &lim, &text, &len, &err), 0);
	assert_string_equal(text, "Egypt met with Sudan.");
	free(text);
	assert_int_equal(first_piece(&docs[2], &lim, &text, &len, &err), 0);
	assert_string_equal(text, "Egypt met with Sudan.\n");
	free(text);
	free_docs(docs, 3);
	corpus_free(&c);
}

/* A walk in a thread of its own gives the same documents in the same
 * order, and the same warnings, however far ahead it may go; it stops with
 * the corpus, wherever it is. */
static void walks_apart_as_in_the_callers_thread(void **state)
{
	struct corpus_doc docs[8];
	char *warning;

	(void)state;
	mkdir(OUT, 0755);
	mkdir(OUT "/apart", 0755);
	write_text(OUT "/apart/a.txt", "Egypt met with Sudan.");
	write_text(OUT "/apart/b.txt", "Sudan met with Egypt.");
	unlink(OUT "/apart/c.txt");
	assert_int_equal(symlink("nowhere.txt", OUT "/apart/c.txt"), 0);	/* a warning */
	for (size_t ahead = 0; ahead <= 4; ahead++) {
		struct corpus c = {0};
		struct diag err = {{0}};

		assert_int_equal(corpus_add(&c, "tests/data/corpus", "2020-01-01", &err), 0);
		assert_int_equal(corpus_add(&c, OUT "/apart", NULL, &err), 0);
		assert_true(corpus_walk_apart(&c, ahead));
		assert_int_equal(take_all(&c, docs, 0), 5);
		assert_int_equal(corpus_found(&c), 5);
		assert_string_equal(docs[0].name, "a1");
		assert_string_equal(docs[1].name, "feed-3");
		assert_string_equal(docs[2].name, "b");
		assert_string_equal(docs[3].path, OUT "/apart/a.txt");
		assert_string_equal(docs[4].path, OUT "/apart/b.txt");
		assert_non_null(docs[4].mark);
		assert_non_null(warning = corpus_warning(&c));
		assert_non_null(strstr(warning, "apart/c.txt: skipped, a symbolic link to 'nowhere.txt'"));
		free(warning);
		assert_null(corpus_warning(&c));
		free_docs(docs, 5);
		corpus_free(&c);
	}
	{	/* taken slower than found, the queue stays as short as the walk ahead */
		struct corpus c = {0};
		struct diag err = {{0}};
		struct corpus_doc d;
		char path[64];
		size_t n = 0;

		mkdir(OUT "/many", 0755);
		for (int i = 0; i < 300; i++) {
			snprintf(path, sizeof path, OUT "/many/%03d.txt", i);
			write_text(path, "Egypt met with Sudan.");
		}
		assert_int_equal(corpus_add(&c, OUT "/many", NULL, &err), 0);
		assert_true(corpus_walk_apart(&c, 4));
		while (corpus_take(&c, &d)) {
			usleep(100);
			corpus_doc_free(&d);
			n++;
		}
		assert_int_equal(n, 300);
		assert_true(c.cap <= 32);	/* read once the walk has ended */
		corpus_free(&c);
	}
	for (size_t taken = 0; taken <= 2; taken++) {	/* stopped where it is */
		struct corpus c = {0};
		struct diag err = {{0}};

		assert_int_equal(corpus_add(&c, OUT "/apart", NULL, &err), 0);
		assert_true(corpus_walk_apart(&c, 1));
		for (size_t k = 0; k < taken; k++)	/* of its two documents */
			assert_int_equal(corpus_take(&c, &docs[k]), 1);
		free_docs(docs, taken);
		corpus_free(&c);
	}
}

static void cleans_ids_of_controls(void **state)
{
	struct corpus c = {0};
	struct corpus_doc d;
	struct diag err = {{0}};

	(void)state;
	assert_int_equal(corpus_add(&c, "tests/data/corpus-controls.jsonl", NULL, &err), 0);
	assert_int_equal(corpus_take(&c, &d), 1);
	assert_string_equal(d.name, "a b c ");
	corpus_doc_free(&d);
	corpus_free(&c);
}

/* A bad JSON line is a document that fails with its position; the lines
 * after it are read. */
static void reports_bad_json_lines_where_they_are(void **state)
{
	struct corpus c = {0};
	struct corpus_doc docs[8];
	struct diag err = {{0}};
	const struct corpus_limits lim = CORPUS_LIMITS_DEFAULT;
	char *text;
	size_t len;

	(void)state;
	assert_int_equal(make_dirs(OUT, &err), 0);
	write_text(OUT "/feed.jsonl", "{\"text\": \"x\"\n{\"text\": \"Egypt met with Sudan.\"}\n");
	assert_int_equal(corpus_add(&c, OUT "/feed.jsonl", NULL, &err), 0);
	assert_int_equal(corpus_add(&c, "tests/data/corpus-bad-field.jsonl", NULL, &err), 0);
	assert_int_equal(take_all(&c, docs, 0), 3);
	assert_string_equal(docs[0].path, OUT "/feed.jsonl:1");
	assert_int_equal(first_piece(&docs[0], &lim, &text, &len, &err), -1);
	assert_string_equal(err.msg, OUT "/feed.jsonl:1:13: expected ',' or '}'");
	assert_int_equal(first_piece(&docs[1], &lim, &text, &len, &err), 0);
	free(text);
	err.msg[0] = '\0';
	assert_int_equal(first_piece(&docs[2], &lim, &text, &len, &err), -1);
	assert_string_equal(err.msg, "tests/data/corpus-bad-field.jsonl:1:8: expected {\"text\": string, "
				     "\"id\": string, \"date\": \"YYYY-MM-DD\"}");
	err.msg[0] = '\0';
	assert_int_equal(corpus_add(&c, "tests/data/corpus-bad-date.jsonl", NULL, &err), 0);
	assert_int_equal(take_all(&c, docs, 3), 5);
	assert_string_equal(docs[4].path, "tests/data/corpus-bad-date.jsonl:2");
	assert_int_equal(first_piece(&docs[4], &lim, &text, &len, &err), -1);
	assert_string_equal(err.msg, "tests/data/corpus-bad-date.jsonl:2:22: expected a date YYYY-MM-DD, "
				     "found '2023-02-29' (no such day)");
	err.msg[0] = '\0';
	assert_int_equal(corpus_add(&c, "tests/data/none", NULL, &err), -1);
	assert_string_equal(err.msg, "cannot open 'tests/data/none': No such file or directory");
	free_docs(docs, 5);
	corpus_free(&c);
}

/* A folder with links to itself and to its parent, a dangling link, a
 * second link to a file, a file given again: each file is read once, each
 * skip is a warning. */
static void reads_each_file_once_and_warns_of_links(void **state)
{
	struct corpus c = {0};
	struct corpus_doc docs[8];
	struct diag err = {{0}};

	(void)state;
	assert_int_equal(make_dirs(OUT "/links/sub", &err), 0);
	write_text(OUT "/links/a.txt", "Egypt met with Sudan.\n");
	write_text(OUT "/links/sub/c.txt", "Egypt met with Sudan.\n");
	assert_int_equal(symlink(".", OUT "/links/self"), 0);
	assert_int_equal(symlink("..", OUT "/links/sub/up"), 0);
	assert_int_equal(symlink("nowhere.txt", OUT "/links/dangling.txt"), 0);
	assert_int_equal(symlink("a.txt", OUT "/links/b.txt"), 0);
	assert_int_equal(corpus_add(&c, OUT "/links", NULL, &err), 0);
	alarm(20);	/* the loop was followed until the path was too long */
	assert_int_equal(take_all(&c, docs, 0), 2);
	alarm(0);
	assert_string_equal(docs[0].path, OUT "/links/a.txt");
	assert_string_equal(docs[1].path, OUT "/links/sub/c.txt");
	assert_int_equal(c.nwarnings, 4);
	/* a file read first is kept by its identity alone; a link, with its path */
	assert_string_equal(c.warnings[0], OUT "/links/b.txt: skipped, the same file as one walked before");
	assert_string_equal(c.warnings[1], OUT "/links/dangling.txt: skipped, a symbolic link to 'nowhere.txt': "
					   "No such file or directory");
	assert_string_equal(c.warnings[2], OUT "/links/self: skipped, the same folder as " OUT "/links");
	assert_string_equal(c.warnings[3], OUT "/links/sub/up: skipped, the same folder as " OUT "/links");
	/* named again, a folder is read once too */
	assert_int_equal(corpus_add(&c, OUT "/links/sub", NULL, &err), 0);
	assert_int_equal(take_all(&c, docs, 2), 2);
	assert_string_equal(c.warnings[4], OUT "/links/sub: skipped, the same folder as " OUT "/links/sub");
	assert_int_equal(corpus_add(&c, OUT "/links/b.txt", NULL, &err), 0);
	assert_int_equal(take_all(&c, docs, 2), 2);
	assert_string_equal(c.warnings[5], OUT "/links/b.txt: skipped, the same file as one walked before");
	free_docs(docs, 2);
	/* walked again from the first input, as if for the first time */
	assert_int_equal(take_all(&c, docs, 0), 0);
	corpus_rewind(&c);
	assert_int_equal(c.nwarnings, 0);
	assert_int_equal(take_all(&c, docs, 0), 2);
	assert_string_equal(docs[1].path, OUT "/links/sub/c.txt");
	assert_int_equal(c.nwarnings, 6);
	assert_int_equal(c.found, 2);
	free_docs(docs, 2);
	corpus_free(&c);
}

/* Documents that cannot be read fail alone: a FIFO named like a text (it
 * would block), a file removed after the walk found it. */
static void documents_that_cannot_be_read_fail_alone(void **state)
{
	struct corpus c = {0};
	struct corpus_doc docs[8];
	struct diag err = {{0}};
	const struct corpus_limits lim = CORPUS_LIMITS_DEFAULT;
	char *text;
	size_t len;

	(void)state;
	assert_int_equal(make_dirs(OUT "/faults", &err), 0);
	assert_int_equal(mkfifo(OUT "/faults/fifo.txt", 0644), 0);
	write_text(OUT "/faults/gone.txt", "Egypt met with Sudan.\n");
	assert_int_equal(corpus_add(&c, OUT "/faults", NULL, &err), 0);
	assert_int_equal(take_all(&c, docs, 0), 2);
	assert_int_equal(first_piece(&docs[0], &lim, &text, &len, &err), -1);
	assert_string_equal(err.msg, "cannot read '" OUT "/faults/fifo.txt': not a regular file");
	assert_int_equal(unlink(OUT "/faults/gone.txt"), 0);
	err.msg[0] = '\0';
	assert_int_equal(first_piece(&docs[1], &lim, &text, &len, &err), -1);
	assert_string_equal(err.msg, "cannot open '" OUT "/faults/gone.txt': No such file or directory");
	free_docs(docs, 2);
	corpus_free(&c);
}

/* The pieces of document d, each checked against the next of 'want'
 * (NULL-terminated): its text, and where it starts. */
struct want_piece {
	const char *text;
	size_t origin;
	unsigned long lines;
	size_t long_lines;
	unsigned long first_long;
};

static void reads_pieces(const struct corpus_doc *d, const struct corpus_limits *lim, const struct want_piece *want)
{
	struct corpus_reader r;
	struct corpus_piece at;
	struct diag err = {{0}};
	char *text;
	size_t len, n = 0;

	assert_int_equal(corpus_open(&r, d, lim, &err), 0);
	for (; want[n].text; n++) {
		assert_int_equal(corpus_next(&r, &text, &len, &at, &err), 1);
		assert_string_equal(text, want[n].text);
		assert_int_equal(len, strlen(want[n].text));
		assert_int_equal(at.origin, want[n].origin);
		assert_int_equal(at.lines, want[n].lines);
		assert_int_equal(at.long_lines, want[n].long_lines);
		if (at.long_lines)
			assert_int_equal(at.first_long, want[n].first_long);
		assert_int_equal(at.last, !want[n + 1].text);
		free(text);
	}
	assert_int_equal(corpus_next(&r, &text, &len, &at, &err), 0);
	corpus_close(&r);
}

/* Past the document limit a text is read in pieces, each up to its last
 * line break, or else before a character the limit splits; past the line
 * limit a line (across pieces too) is read as spaces. JSON lines and files
 * alike. */
static void reads_documents_in_pieces_within_the_limits(void **state)
{
	struct corpus c = {0};
	struct corpus_doc docs[8];
	struct diag err = {{0}};

	(void)state;
	assert_int_equal(make_dirs(OUT, &err), 0);
	write_text(OUT "/long.txt", "Egypt met Sudan.\nChina sanctioned Japan.\n");
	write_text(OUT "/long.jsonl", "{\"text\": \"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"}\n");
	write_text(OUT "/line.txt", "abcdefghijklmnopqrst\nuv");
	write_text(OUT "/empty.txt", "");
	assert_int_equal(corpus_add(&c, OUT "/long.txt", NULL, &err), 0);
	assert_int_equal(corpus_add(&c, OUT "/long.jsonl", NULL, &err), 0);
	assert_int_equal(corpus_add(&c, OUT "/line.txt", NULL, &err), 0);
	assert_int_equal(corpus_add(&c, OUT "/empty.txt", NULL, &err), 0);
	assert_int_equal(take_all(&c, docs, 0), 4);
	reads_pieces(&docs[0], &(struct corpus_limits){30, 12},
		     (const struct want_piece[]){{"Egypt met Su    \n", 0, 0, 1, 1},
						 {"China sancti           \n", 17, 1, 1, 2}, {NULL}});
	reads_pieces(&docs[0], &(struct corpus_limits){100, 100},
		     (const struct want_piece[]){{"Egypt met Sudan.\nChina sanctioned Japan.\n", 0, 0, 0, 0}, {NULL}});
	/* "é" is two bytes: three and a half fit */
	reads_pieces(&docs[1], &(struct corpus_limits){7, 100},
		     (const struct want_piece[]){{"\u00e9\u00e9\u00e9", 0, 0, 0, 0},
						 {"\u00e9\u00e9\u00e9", 6, 0, 0, 0}, {NULL}});
	reads_pieces(&docs[1], &(struct corpus_limits){100, 5},
		     (const struct want_piece[]){{"\u00e9\u00e9        ", 0, 0, 1, 1}, {NULL}});
	/* a line of three pieces is counted once, where it crosses the limit */
	reads_pieces(&docs[2], &(struct corpus_limits){8, 12},
		     (const struct want_piece[]){{"abcdefgh", 0, 0, 0, 0}, {"ijkl    ", 8, 0, 1, 1},
						 {"    \nuv", 16, 0, 0, 0}, {NULL}});
	reads_pieces(&docs[3], &(struct corpus_limits){8, 12}, (const struct want_piece[]){{"", 0, 0, 0, 0}, {NULL}});
	free_docs(docs, 4);
	corpus_free(&c);
}

/* A feed's lines are read again through one descriptor, opened by the
 * first; a line that changed since the walk read it fails. */
static void reads_a_feed_again_through_one_descriptor(void **state)
{
	struct corpus c = {0};
	struct corpus_doc docs[8];
	struct diag err = {{0}};
	const struct corpus_limits lim = CORPUS_LIMITS_DEFAULT;
	char *text;
	size_t len;
	int fd;

	(void)state;
	assert_int_equal(make_dirs(OUT, &err), 0);
	write_text(OUT "/again.jsonl", "{\"text\": \"Egypt met Sudan.\"}\n{\"text\": \"China met Japan.\"}\n");
	assert_int_equal(corpus_add(&c, OUT "/again.jsonl", NULL, &err), 0);
	assert_int_equal(take_all(&c, docs, 0), 2);
	assert_int_equal(docs[0].feed->fd, -1);
	assert_int_equal(first_piece(&docs[0], &lim, &text, &len, &err), 0);
	assert_string_equal(text, "Egypt met Sudan.");
	free(text);
	fd = docs[0].feed->fd;
	assert_true(fd >= 0);
	assert_int_equal(first_piece(&docs[1], &lim, &text, &len, &err), 0);
	assert_string_equal(text, "China met Japan.");
	free(text);
	assert_int_equal(docs[1].feed->fd, fd);
	write_text(OUT "/again.jsonl", "{\"text\": \"Egypt met the Sudan.\"}\n{\"text\": \"China met Japan.\"}\n");
	assert_int_equal(first_piece(&docs[1], &lim, &text, &len, &err), -1);
	assert_string_equal(err.msg, OUT "/again.jsonl:2: cannot read the line again: the file changed");
	free_docs(docs, 2);
	corpus_free(&c);
}

int main(void)
{
	if (system("rm -rf " OUT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_folders_and_json_lines_in_name_order),
		cmocka_unit_test(walks_apart_as_in_the_callers_thread),
		cmocka_unit_test(cleans_ids_of_controls),
		cmocka_unit_test(reports_bad_json_lines_where_they_are),
		cmocka_unit_test(reads_each_file_once_and_warns_of_links),
		cmocka_unit_test(documents_that_cannot_be_read_fail_alone),
		cmocka_unit_test(reads_documents_in_pieces_within_the_limits),
		cmocka_unit_test(reads_a_feed_again_through_one_descriptor),
	};

	return cmocka_run_group_tests_name("corpus", tests, NULL, NULL);
}
