/* test_cache.c - entries kept and found again, torn ones ignored, keys
 * that change with the text, the date and the schema. */
#include "helpers.h"

#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"

static char dir[] = "/tmp/actorgraph-test-cache-XXXXXX";

/* a tab and a backslash, which an entry's fields escape */
static const char text[] = "\"No,\" said Lars Quist. Quist accused Russia of lying. Russia met\tChina \\ today.";

/* The events of a run (from d's text), or of a cache hit (said), as lines of
 * "relation source target m rule sentence start [sentence text]". */
static char *lines(const struct schema *s, const struct event *ev, size_t ne, const struct doc *d,
		   const struct span *said)
{
	struct buf b = {0};

	buf_puts(&b, "");
	for (size_t i = 0; i < ne; i++) {
		struct span t = said ? said[i] : text_sentence(d, ev[i].sentence);

		buf_printf(&b, "%s %s %s %c %s %zu %zu [%.*s]\n", s->rels[ev[i].rel].id, s->actors[ev[i].source].id,
			   s->actors[ev[i].target].id, ev[i].modality == MOD_ASSERTED ? 'a' : 'h', ev[i].rule,
			   ev[i].sentence, ev[i].start, (int)t.len, t.p);
	}
	return b.data;
}

static struct cache *open_cache(void)
{
	struct diag err = {{0}};
	struct cache *c = cache_open(dir, test_schema(), "", &err);

	if (!c)
		fail_msg("%s", err.msg);
	return c;
}

/* Keep the results of run r under key k. */
static void keep(struct cache *c, struct cache_key k, const struct test_run *r)
{
	struct buf record = {0};

	cache_record(test_schema(), r->d, r->m, r->nm, r->ev, r->ne, &record);
	cache_put(c, k, -1, 0, record.data, record.len);
	free(record.data);
}

/* Run the stages on text, keep the results, and return their key. */
static struct cache_key put(struct cache *c, const char *date, struct test_run *r)
{
	struct cache_key k = cache_key(c, cache_doc_key(text, strlen(text), date));

	test_run(text, date, r);
	keep(c, k, r);
	return k;
}

/* The record kept under k, read back for schema s; hit's sentences point
 * into the record, kept until the next call. */
static struct buf record;

static bool get(struct cache *c, struct schema *s, struct cache_key k, struct cached *hit)
{
	bool found;

	record.len = 0;
	found = cache_get(c, k, &record);
	memset(hit, 0, sizeof *hit);
	if (found)
		assert_true(cache_replay(s, record.data, record.len, hit));
	return found;
}

static void finds_what_it_kept(void **state)
{
	struct cache *c = open_cache();
	struct test_run r;
	struct cached hit;
	struct cache_key k = put(c, "2024-05-01", &r);
	char *want = lines(test_schema(), r.ev, r.ne, r.d, NULL), *got;

	(void)state;
	assert_true(r.ne >= 2);	/* the introduced person's criticism, and the talks */
	assert_non_null(strstr(want, " [Russia met\tChina \\ today.]\n"));
	assert_true(get(c, test_schema(), k, &hit));
	got = lines(test_schema(), hit.ev, hit.ne, NULL, hit.said);
	assert_string_equal(got, want);
	{	/* the mentions as counts by actor */
		struct mention_count *counts;
		size_t nc = actors_count(r.m, r.nm, &counts);

		assert_int_equal(hit.nm, nc);
		for (size_t i = 0; i < nc; i++) {
			assert_int_equal(hit.m[i].actor, counts[i].actor);
			assert_int_equal(hit.m[i].count, counts[i].count);
		}
		free(counts);
	}
	assert_string_equal(hit.date, "2024-05-01");
	cached_free(&hit);
	/* another date, another text: no entry */
	assert_false(get(c, test_schema(), cache_key(c, cache_doc_key(text, strlen(text), "2024-05-02")), &hit));
	assert_false(get(c, test_schema(), cache_key(c, cache_doc_key(text, strlen(text) - 1, "2024-05-01")), &hit));
	free(got);
	free(want);
	test_run_free(&r);
	cache_close(c);
}

/* A record whose first bytes a long document's run moved to a file is kept
 * whole, as if given in memory. */
static void keeps_a_record_given_partly_in_a_file(void **state)
{
	struct cache *c = open_cache();
	struct test_run r;
	struct buf whole = {0}, got = {0};
	struct cache_key k = cache_key(c, cache_doc_key("in two parts", 12, NULL));
	FILE *fp = tmpfile();
	size_t half;

	(void)state;
	test_run(text, "2024-05-01", &r);
	cache_record(test_schema(), r.d, r.m, r.nm, r.ev, r.ne, &whole);
	half = whole.len / 2;
	assert_non_null(fp);
	assert_int_equal(fwrite(whole.data, 1, half, fp), half);
	assert_int_equal(fflush(fp), 0);
	cache_put(c, k, fileno(fp), half, whole.data + half, whole.len - half);
	assert_true(cache_get(c, k, &got));
	assert_int_equal(got.len, whole.len);
	assert_memory_equal(got.data, whole.data, whole.len);
	fclose(fp);
	free(whole.data);
	free(got.data);
	test_run_free(&r);
	cache_close(c);
}

/* Cut the entry of key k at byte 'at', or change that byte. */
static void tamper(struct cache_key k, size_t at, bool cut)
{
	struct buf path = {0};
	FILE *fp;
	char *data;
	size_t len;
	struct diag err = {{0}};

	buf_printf(&path, "%s/%.2s/%s", dir, k.hex, k.hex + 2);
	assert_int_equal(read_file(path.data, SIZE_MAX, &data, &len, &err), 0);
	assert_true(at < len);
	data[at] ^= 1;
	fp = fopen(path.data, "w");
	assert_non_null(fp);
	fwrite(data, 1, cut ? at : len, fp);
	fclose(fp);
	free(data);
	free(path.data);
}

static void ignores_torn_and_altered_entries(void **state)
{
	struct cache *c = open_cache();
	struct test_run r;
	struct cached hit;
	struct cache_key k = put(c, NULL, &r);

	(void)state;
	assert_true(get(c, test_schema(), k, &hit));
	cached_free(&hit);
	tamper(k, 40, true);	/* torn */
	assert_false(get(c, test_schema(), k, &hit));
	keep(c, k, &r);
	tamper(k, 60, false);	/* one byte changed */
	assert_false(get(c, test_schema(), k, &hit));
	keep(c, k, &r);
	assert_true(get(c, test_schema(), k, &hit));	/* and written again, found again */
	cached_free(&hit);
	test_run_free(&r);
	cache_close(c);
}

static void brings_back_the_actors_a_document_introduced(void **state)
{
	struct cache *c = open_cache(), *fresh;
	struct test_run r;
	struct cached hit;
	struct cache_key k = put(c, NULL, &r);
	struct diag err = {{0}};
	struct schema *s = schema_load("schema", &err);	/* a later run's, that never saw him */
	int quist;
	bool found = false;

	(void)state;
	assert_non_null(s);
	assert_int_equal(schema_actor(s, "lars_quist"), -1);
	assert_non_null(fresh = cache_open(dir, s, "", &err));
	assert_true(get(fresh, s, k, &hit));
	assert_true((quist = schema_actor(s, "lars_quist")) >= 0);
	assert_string_equal(s->actors[quist].label, "Lars Quist");
	assert_int_equal(s->actors[quist].kind, KIND_PERSON);
	for (size_t i = 0; i < hit.ne; i++)
		found = found || hit.ev[i].source == quist;
	assert_true(found);
	cached_free(&hit);
	cache_close(fresh);
	schema_free(s);
	test_run_free(&r);
	cache_close(c);
}

/* A text given in pieces, cut anywhere, has the identity of the whole. */
static void knows_a_text_in_pieces_as_the_whole(void **state)
{
	const char *whole = "North Korea and Russia signed a pact. Putin met Kim Jong Un in Pyongyang.";
	size_t n = strlen(whole);
	struct cache_key k = cache_doc_key(whole, n, "2024-06-19");

	(void)state;
	for (size_t a = 0; a <= n; a++)
		for (size_t b = a; b <= n; b += 3) {
			struct cache_doc_hash x;

			cache_doc_begin(&x, "2024-06-19");
			cache_doc_more(&x, whole, a);
			cache_doc_more(&x, whole + a, b - a);
			cache_doc_more(&x, whole + b, n - b);
			assert_string_equal(cache_doc_end(&x).hex, k.hex);
		}
	assert_string_not_equal(cache_doc_key(whole, n - 1, "2024-06-19").hex, k.hex);
}

/* The index knows a file as it was: a change of size, inode or time is a miss. */
static void knows_unchanged_files_without_reading_them(void **state)
{
	struct cache *c = open_cache();
	const char *file = "tests/out/cache-indexed.txt";
	struct cache_key id = cache_doc_key(text, strlen(text), NULL), got;
	struct stat file_st;
	struct file_mark st, again;
	FILE *fp;

	(void)state;
	assert_non_null(fp = fopen(file, "w"));
	fputs(text, fp);
	fclose(fp);
	assert_int_equal(stat(file, &file_st), 0);
	st = file_mark_of(&file_st);
	assert_false(cache_known(c, cache_signature(file, NULL, &st), &got));
	cache_know(c, cache_signature(file, NULL, &st), id);
	cache_close(c);	/* writes the index */
	c = open_cache();
	assert_true(cache_known(c, cache_signature(file, NULL, &st), &got));
	assert_string_equal(got.hex, id.hex);
	assert_false(cache_known(c, cache_signature(file, "2024-01-01", &st), &got));	/* another given date */
	again = st;
	again.mtime.tv_nsec++;	/* written again */
	assert_false(cache_known(c, cache_signature(file, NULL, &again), &got));
	again = st;
	again.ctime.tv_sec++;	/* written, its time of change set back */
	assert_false(cache_known(c, cache_signature(file, NULL, &again), &got));
	again = st;
	again.size++;
	assert_false(cache_known(c, cache_signature(file, NULL, &again), &got));
	again = st;
	again.ino++;	/* another file moved in its place */
	assert_false(cache_known(c, cache_signature(file, NULL, &again), &got));
	cache_close(c);	/* nothing known this time: the index stays */
	c = open_cache();
	assert_true(cache_known(c, cache_signature(file, NULL, &st), &got));
	cache_close(c);
	unlink(file);
}

static void keys_change_with_the_schema(void **state)
{
	char sdir[] = "/tmp/actorgraph-test-schema-XXXXXX";
	struct buf cmd = {0};
	struct diag err = {{0}};
	struct schema *s;
	struct cache *c;
	struct cache_key k1, k2;

	(void)state;
	assert_non_null(mkdtemp(sdir));
	buf_printf(&cmd, "cp schema/*.yaml %s/", sdir);
	assert_int_equal(system(cmd.data), 0);
	assert_non_null(s = schema_load(sdir, &err));
	assert_non_null(c = cache_open(dir, s, "", &err));
	k1 = cache_key(c, cache_doc_key(text, strlen(text), NULL));
	cache_close(c);
	schema_free(s);
	/* the same files elsewhere: the same key */
	assert_non_null(c = cache_open(dir, test_schema(), "", &err));
	assert_string_equal(cache_key(c, cache_doc_key(text, strlen(text), NULL)).hex, k1.hex);
	cache_close(c);
	cmd.len = 0;
	buf_printf(&cmd, "echo '# changed' >> %s/places.yaml", sdir);
	assert_int_equal(system(cmd.data), 0);
	assert_non_null(s = schema_load(sdir, &err));
	assert_non_null(c = cache_open(dir, s, "", &err));
	k2 = cache_key(c, cache_doc_key(text, strlen(text), NULL));
	assert_string_not_equal(k1.hex, k2.hex);
	cache_close(c);
	schema_free(s);
	cmd.len = 0;
	buf_printf(&cmd, "rm -r %s", sdir);
	assert_int_equal(system(cmd.data), 0);
	free(cmd.data);
}

/* The file of the entry of document 'doc' in cache c. */
static char *entry_of(const struct cache *c, const char *doc)
{
	struct cache_key k = cache_key(c, cache_doc_key(doc, strlen(doc), NULL));
	struct buf path = {0};

	buf_printf(&path, "%s/%.2s/%s", dir, k.hex, k.hex + 2);
	return path.data;
}

static void prunes_old_entries_but_those_of_its_documents(void **state)
{
	struct cache *c = open_cache();
	char *kept = entry_of(c, "in the index"), *gone = entry_of(c, "not in it"), *stamp = NULL;
	const struct timespec old[2] = {{time(NULL) - (CACHE_DAYS + 1) * 24 * 3600, 0},
					{time(NULL) - (CACHE_DAYS + 1) * 24 * 3600, 0}};
	struct file_mark mark = {0};
	struct buf b = {0};

	(void)state;
	cache_put(c, cache_key(c, cache_doc_key("in the index", 12, NULL)), -1, 0, "date\t\n", 6);
	cache_put(c, cache_key(c, cache_doc_key("not in it", 9, NULL)), -1, 0, "date\t\n", 6);
	assert_int_equal(utimensat(AT_FDCWD, kept, old, 0), 0);	/* neither used for a month */
	assert_int_equal(utimensat(AT_FDCWD, gone, old, 0), 0);
	buf_printf(&b, "%s/pruned", dir);
	stamp = b.data;
	unlink(stamp);	/* not pruned today */
	cache_know(c, cache_signature("indexed.txt", NULL, &mark), cache_doc_key("in the index", 12, NULL));
	cache_close(c);
	assert_int_equal(access(kept, F_OK), 0);	/* a document of the build: its entry kept */
	assert_int_equal(access(gone, F_OK), -1);
	assert_int_equal(access(stamp, F_OK), 0);
	free(kept);
	free(gone);
	free(stamp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_what_it_kept),
		cmocka_unit_test(keeps_a_record_given_partly_in_a_file),
		cmocka_unit_test(ignores_torn_and_altered_entries),
		cmocka_unit_test(brings_back_the_actors_a_document_introduced),
		cmocka_unit_test(keys_change_with_the_schema),
		cmocka_unit_test(knows_a_text_in_pieces_as_the_whole),
		cmocka_unit_test(knows_unchanged_files_without_reading_them),
		cmocka_unit_test(prunes_old_entries_but_those_of_its_documents),
	};
	struct buf cmd = {0};
	int rc;

	if (!mkdtemp(dir))
		return 1;
	rc = cmocka_run_group_tests_name("cache", tests, NULL, NULL);
	buf_printf(&cmd, "rm -r %s", dir);
	if (system(cmd.data) != 0)
		rc = 1;
	free(cmd.data);
	schema_free(test_schema());
	free(record.data);
	return rc;
}
