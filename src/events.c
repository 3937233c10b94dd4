/* events.c - relation mentions explained for a person to read. */
#include "events.h"

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
