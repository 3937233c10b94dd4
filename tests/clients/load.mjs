// load.mjs DIR NAME - loads DIR/NAME.graphml, DIR/NAME.gexf and
// DIR/NAME.graphology.json with graphology (the library sigma.js draws with),
// DIR/NAME.json and the two CSV tables, and checks that all of them carry the
// same nodes, edges and attributes.
import fs from 'node:fs';
import Graph from 'graphology';
import * as graphml from 'graphology-graphml';
import * as gexf from 'graphology-gexf';

const [dir, name] = process.argv.slice(2);
const read = ext => fs.readFileSync(`${dir}/${name}.${ext}`, 'utf8');
const fail = msg => { console.error(`load.mjs: ${msg}`); process.exit(1); };

// Each format as {nodes: Map(id -> attrs), edges: Map("relation source target" -> attrs)}.
function fromGraphology(g) {
	const nodes = new Map(), edges = new Map();
	g.forEachNode((id, a) => nodes.set(id, a));
	g.forEachEdge((e, a, s, t) => edges.set(`${a.relation} ${s} ${t}`, {...a, id: e}));
	return {nodes, edges};
}

function csv(text) {
	const rows = [];
	let row = [], field = '', quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') { row.push(field); field = ''; }
		else if (c === '\r') continue;
		else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
		else field += c;
	}
	const [head, ...body] = rows;
	return body.map(r => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

const formats = {
	graphml: fromGraphology(graphml.parse(Graph, read('graphml'))),
	gexf: fromGraphology(gexf.parse(Graph, read('gexf'))),
	graphology: fromGraphology(Graph.from(JSON.parse(read('graphology.json')))),
	json: (() => {
		const j = JSON.parse(read('json'));
		return {nodes: new Map(j.nodes.map(n => [n.id, n])),
			edges: new Map(j.edges.map(e => [`${e.relation} ${e.source} ${e.target}`, e]))};
	})(),
	csv: {nodes: new Map(csv(read('nodes.csv')).map(n => [n.id, n])),
	      edges: new Map(csv(read('edges.csv')).map(e => [`${e.relation} ${e.source} ${e.target}`, e]))},
};

const same = (a, b) => a !== undefined && b !== undefined && ((typeof a === 'number' || typeof b === 'number')
	? Math.abs(Number(a) - Number(b)) < 1e-6 : String(a) === String(b));
const ref = formats.graphml;
if (ref.nodes.size === 0 || ref.edges.size === 0) fail('the GraphML has no nodes or no edges');
for (const [fmt, f] of Object.entries(formats)) {
	if (f.nodes.size !== ref.nodes.size) fail(`${fmt}: ${f.nodes.size} nodes, GraphML ${ref.nodes.size}`);
	if (f.edges.size !== ref.edges.size) fail(`${fmt}: ${f.edges.size} edges, GraphML ${ref.edges.size}`);
	for (const [id, a] of ref.nodes) {
		const b = f.nodes.get(id);
		if (!b) fail(`${fmt}: no node ${id}`);
		for (const k of ['label', 'kind', 'mentions', 'degree', 'pagerank', 'betweenness', 'community'])
			if (!same(a[k], b[k])) fail(`${fmt}: node ${id} ${k} is ${b[k]}, GraphML ${a[k]}`);
	}
	for (const [key, a] of ref.edges) {
		const b = f.edges.get(key);
		if (!b) fail(`${fmt}: no edge ${key}`);
		for (const k of ['id', 'weight', 'asserted', 'hypothetical', 'directed', 'first_seen', 'rules', 'documents',
				 'doc_count', 'first_evidence', 'last_evidence'])
			if (!same(a[k], b[k])) fail(`${fmt}: edge ${key} ${k} is ${b[k]}, GraphML ${a[k]}`);
	}
}
console.log(`${ref.nodes.size} nodes and ${ref.edges.size} edges agree in GraphML, GEXF, graphology's JSON, JSON and CSV`);
