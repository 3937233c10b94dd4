/* events.c - relation mentions explained for a person to read, and as a
 * table of events for event-data tools. */
#include "events.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static bool names(const struct actor *a, const char *name)
{
	return strcasecmp(a->id, name) == 0 || strcasecmp(a->label, name) == 0;
}

size_t events_explain(FILE *fp, const struct schema *s, const struct doc *d, const struct event *ev,
		      size_t n, const struct edge_query *q)
{
	size_t found = 0;

	for (size_t i = 0; i < n; i++) {
		const struct event *e = &ev[i];
		const struct sentence *st = &d->sent[e->sentence];
		const struct actor *src = &s->actors[e->source], *dst = &s->actors[e->target];
		struct span said = text_sentence(d, e->sentence);

		if (strcmp(s->rels[e->rel].id, q->relation) != 0 ||
		    !((names(src, q->source) && names(dst, q->target)) ||
		      (!s->rels[e->rel].directed && names(src, q->target) && names(dst, q->source))))
			continue;
		fprintf(fp, "%s:%lu: %s %s %s (%s, rule %s)\n  evidence: %.*s\n  sentence: %.*s\n",
			d->path, st->line, src->label, s->rels[e->rel].id, dst->label,
			e->modality == MOD_ASSERTED ? "asserted" : "hypothetical", e->rule,
			(int)(e->end - e->start), d->text + e->start, (int)said.len, said.p);
		found++;
	}
	return found;
}

void events_cameo_root(const char *code, char root[3])
{
	bool digits = isdigit((unsigned char)code[0]) && isdigit((unsigned char)code[1]);

	root[0] = digits ? code[0] : '\0';
	root[1] = digits ? code[1] : '\0';
	root[2] = '\0';
}

bool events_goldstein(const char *root, double *score)
{
	/* Goldstein, J. S. (1992), "A Conflict-Cooperation Scale for WEIS Events
	 * Data", Journal of Conflict Resolution 36(2): 369-385, as mapped to
	 * CAMEO's codes with the CAMEO codebook (GDELT's CAMEO.goldsteinscale.txt):
	 * the value of each root's own code ("010", "020", ..., "200"). */
	static const double scale[20] = {
		0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0, 5.0, -2.0, -5.0,	/* 01 to 10 */
		-2.0, -4.0, -4.4, -6.5, -7.2, -4.0, -7.0, -9.0, -10.0, -10.0	/* 11 to 20 */
	};
	int k;

	if (!isdigit((unsigned char)root[0]) || !isdigit((unsigned char)root[1]) || root[2])
		return false;
	k = (root[0] - '0') * 10 + (root[1] - '0');
	if (k < 1 || k > 20)
		return false;
	*score = scale[k - 1];
	return true;
}

/* A field and its separator: tabs and line breaks become spaces. */
static void tsv_str(FILE *fp, const char *s, bool last)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
	fputc(last ? '\n' : '\t', fp);
}

int events_tsv_header(FILE *fp, struct diag *err)
{
	fputs("document\tdate\tsentence\tsource\tsource_kind\ttarget\ttarget_kind\trelation\tcameo\t"
	      "cameo_root\tgoldstein\thypothetical\trule\n", fp);
	return ferror(fp) ? diag_set(err, "cannot write events") : 0;
}

int events_tsv(FILE *fp, const struct schema *s, const struct doc *d, const struct event *ev, size_t n,
	       struct diag *err)
{
	for (size_t i = 0; i < n; i++) {
		const struct event *e = &ev[i];
		const struct reltype *rt = &s->rels[e->rel];
		const struct actor *src = &s->actors[e->source], *dst = &s->actors[e->target];
		char num[32], root[3];
		double score;

		events_cameo_root(rt->cameo, root);
		tsv_str(fp, d->name, false);
		tsv_str(fp, d->date ? d->date : "", false);
		snprintf(num, sizeof num, "%zu", d->sentences_before + e->sentence + 1);
		tsv_str(fp, num, false);
		tsv_str(fp, src->id, false);
		tsv_str(fp, schema_kind_name(src->kind), false);
		tsv_str(fp, dst->id, false);
		tsv_str(fp, schema_kind_name(dst->kind), false);
		tsv_str(fp, rt->id, false);
		tsv_str(fp, rt->cameo, false);
		tsv_str(fp, root, false);
		if (events_goldstein(root, &score))
			snprintf(num, sizeof num, "%.1f", score);
		else
			num[0] = '\0';
		tsv_str(fp, num, false);
		tsv_str(fp, e->modality == MOD_HYPOTHETICAL ? "true" : "false", false);
		tsv_str(fp, e->rule, true);
	}
	return ferror(fp) ? diag_set(err, "cannot write events") : 0;
}
