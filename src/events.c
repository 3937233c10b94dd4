/* events.c - JSON lines through jansson, so escaping and UTF-8 are done right. */
#include "events.h"

#include <jansson.h>
#include <string.h>
#include <strings.h>

static json_t *actor_json(const struct schema *s, int a)
{
	return json_pack("{s:s, s:s, s:s}", "id", s->actors[a].id, "label", s->actors[a].label, "kind",
			 schema_kind_name(s->actors[a].kind));
}

int events_write(FILE *fp, const struct schema *s, const struct doc *d, const struct event *ev,
		 size_t n, struct diag *err)
{
	for (size_t i = 0; i < n; i++) {
		const struct event *e = &ev[i];
		const struct sentence *st = &d->sent[e->sentence];
		size_t from = d->tok[st->first].start, to = d->tok[st->end - 1].end;
		json_t *o = json_pack("{s:s, s:s?, s:I, s:I, s:I, s:I, s:s, s:o, s:o, s:b, s:s, s:s, s:s%, s:s%}",
				      "doc", d->name, "date", d->date, "sentence", (json_int_t)e->sentence + 1,
				      "line", (json_int_t)st->line, "start", (json_int_t)e->start, "end",
				      (json_int_t)e->end, "relation", s->rels[e->rel].id, "source",
				      actor_json(s, e->source), "target", actor_json(s, e->target),
				      "directed", s->rels[e->rel].directed, "modality",
				      e->modality == MOD_ASSERTED ? "asserted" : "hypothetical", "rule",
				      e->rule, "evidence", d->text + e->start, e->end - e->start, "text",
				      d->text + from, to - from);
		int rc;

		if (!o)
			return diag_set(err, "%s: cannot encode event %zu as JSON", d->path, i + 1);
		rc = json_dumpf(o, fp, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(o);
		if (rc != 0 || fputc('\n', fp) == EOF)
			return diag_set(err, "cannot write events");
	}
	return 0;
}

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
		size_t from = d->tok[st->first].start, to = d->tok[st->end - 1].end;

		if (strcmp(s->rels[e->rel].id, q->relation) != 0 ||
		    !((names(src, q->source) && names(dst, q->target)) ||
		      (!s->rels[e->rel].directed && names(src, q->target) && names(dst, q->source))))
			continue;
		fprintf(fp, "%s:%lu: %s %s %s (%s, rule %s)\n  evidence: %.*s\n  sentence: %.*s\n",
			d->path, st->line, src->label, s->rels[e->rel].id, dst->label,
			e->modality == MOD_ASSERTED ? "asserted" : "hypothetical", e->rule,
			(int)(e->end - e->start), d->text + e->start, (int)(to - from), d->text + from);
		found++;
	}
	return found;
}
