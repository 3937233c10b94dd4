/* viewer.js - the interactive view of an actorgraph graph: draws the JSON of
 * #graph-data with sigma.js, sizes actors by a chosen centrality, filters
 * edges by relation type and date, finds an actor, and shows the evidence
 * behind an edge. Data reaches the page only through textContent.
 * The URL fragment says what to show: #edge=ID, #node=ID, #find=QUERY (an
 * actor by id or label, as the search box finds it), and on load also
 * size=CENTRALITY, relations=A,B, from=DATE, to=DATE (for links and tests). */
(function () {
	"use strict";

	var data = JSON.parse(document.getElementById("graph-data").textContent);
	/* those the graph has: a build may leave analyses out (--analyses) */
	var CENTRALITIES = ["pagerank", "degree", "strength", "betweenness", "closeness", "eigenvector",
		"kcore", "mentions"].filter(function (c) {
		return data.nodes.length === 0 || data.nodes[0][c] !== undefined;
	});
	var nodes = new Map(), edges = new Map();
	var graph = new graphology.MultiGraph();
	var state = {size: "pagerank", relations: new Set(), from: "", to: "", node: null, edge: null};
	var renderer, dates, shown = {nodes: 0, edges: 0};

	function el(tag, text, cls) {
		var e = document.createElement(tag);

		if (text !== undefined && text !== null)
			e.textContent = String(text);
		if (cls)
			e.className = cls;
		return e;
	}

	/* #a=1&b=2 as {a: "1", b: "2"} */
	function fragment() {
		var p = {};

		location.hash.slice(1).split("&").forEach(function (kv) {
			var i = kv.indexOf("=");

			if (i > 0)
				p[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
		});
		return p;
	}

	/* The documents attribute: names joined by '|', '|' and '\' escaped by '\'. */
	function documents(s) {
		var out = [], cur = "", esc = false;

		if (!s)
			return out;
		for (var ch of s) {
			if (esc) {
				cur += ch;
				esc = false;
			} else if (ch === "\\") {
				esc = true;
			} else if (ch === "|") {
				out.push(cur);
				cur = "";
			} else {
				cur += ch;
			}
		}
		out.push(cur);
		return out;
	}

	/* Sigma's edge program with its middle third left out: a double line,
	 * which tells a conflict from cooperation without its colour, as the
	 * diagrams do. The fragment shader is sigma's own, changed in one line;
	 * should a new sigma.js not have that line, the page says so. */
	function doubled(Program) {
		return class extends Program {
			getDefinition() {
				var d = super.getDefinition(), line = "gl_FragColor = mix(v_color, transparent, t);";

				if (d.FRAGMENT_SHADER_SOURCE.indexOf(line) < 0)
					throw new Error("viewer.js: sigma's edge shader has changed; conflicts are not drawn double");
				return Object.assign({}, d, {FRAGMENT_SHADER_SOURCE: d.FRAGMENT_SHADER_SOURCE.replace(line,
					"float gap = 1.0 - smoothstep(v_thickness / 3.0 - v_feather, v_thickness / 3.0, dist);\n" +
					"  gl_FragColor = mix(v_color, transparent, max(t, gap));")});
			}
		};
	}

	var EDGE_PROGRAMS = {
		double: doubled(Sigma.rendering.EdgeRectangleProgram),
		doubleArrow: Sigma.rendering.createEdgeCompoundProgram([doubled(Sigma.rendering.EdgeClampedProgram),
			Sigma.rendering.EdgeArrowHeadProgram])
	};

	function build() {
		data.nodes.forEach(function (n) {
			nodes.set(n.id, n);
			graph.addNode(n.id, {label: n.label, color: n.color, size: 5, x: 0, y: 0});
		});
		data.edges.forEach(function (e) {
			var size = Math.min(6, 1 + Math.log2(Math.max(1, e.weight)));
			var attrs = {color: e.color, size: size, type: e.directed ? "arrow" : "line"};

			if (e.sign < 0) {	/* two lines and a gap, each about as wide as a single line */
				attrs.size = 2 * size + 1;
				attrs.type = e.directed ? "doubleArrow" : "double";
			}

			edges.set(e.id, e);
			state.relations.add(e.relation);
			if (e.directed)
				graph.addDirectedEdgeWithKey(e.id, e.source, e.target, attrs);
			else
				graph.addUndirectedEdgeWithKey(e.id, e.source, e.target, attrs);
		});
		dates = Array.from(new Set(data.edges.flatMap(function (e) {
			return [e.first_seen, e.last_seen];
		}).filter(Boolean))).sort();
	}

	/* A circle, then ForceAtlas2: deterministic, and a few hundred
	 * iterations stay under a second or two up to about 1000 actors. */
	function layout() {
		var fa2 = graphologyLibrary.layoutForceAtlas2, n = graph.order;

		graphologyLibrary.layout.circular.assign(graph);
		if (n > 1)
			fa2.assign(graph, {iterations: Math.max(50, Math.min(300, Math.round(3e8 / (n * n)))),
				settings: fa2.inferSettings(graph)});
		ringSmallParts();
	}

	/* ForceAtlas2 pushes the actors outside the largest connected part far
	 * out, which squeezes that part into a corner: put each other part,
	 * as it is, on a ring just around the largest. */
	function ringSmallParts() {
		var parts = graphologyLibrary.components.connectedComponents(graph).sort(function (a, b) {
			return b.length - a.length;
		});
		var centre = function (ids) {
			var c = {x: 0, y: 0};

			ids.forEach(function (id) {
				c.x += graph.getNodeAttribute(id, "x") / ids.length;
				c.y += graph.getNodeAttribute(id, "y") / ids.length;
			});
			return c;
		};
		var main = parts.shift() || [], c = centre(main), r = 0;

		main.forEach(function (id) {
			r = Math.max(r, Math.hypot(graph.getNodeAttribute(id, "x") - c.x, graph.getNodeAttribute(id, "y") - c.y));
		});
		parts.forEach(function (ids, i) {
			var a = 2 * Math.PI * i / parts.length, from = centre(ids);
			var dx = c.x + 1.15 * (r || 1) * Math.cos(a) - from.x, dy = c.y + 1.15 * (r || 1) * Math.sin(a) - from.y;

			ids.forEach(function (id) {
				graph.updateNodeAttributes(id, function (at) {
					return Object.assign(at, {x: at.x + dx, y: at.y + dy});
				});
			});
		});
	}

	function resize() {
		var max = 0;

		nodes.forEach(function (n) {
			max = Math.max(max, n[state.size]);
		});
		nodes.forEach(function (n, id) {
			graph.setNodeAttribute(id, "size", max > 0 ? 4 + 16 * Math.sqrt(n[state.size] / max) : 6);
		});
	}

	function edgeShown(id) {
		var e = edges.get(id);

		if (!state.relations.has(e.relation))
			return false;
		if (!dates.length || !e.first_seen)
			return true;
		return e.first_seen <= state.to && e.last_seen >= state.from;
	}

	/* An actor is shown while one of its edges is, or if it has none. */
	function nodeShown(id) {
		return graph.degree(id) === 0 || graph.someEdge(id, edgeShown);
	}

	function count() {
		shown.nodes = graph.filterNodes(nodeShown).length;
		shown.edges = graph.filterEdges(edgeShown).length;
		document.body.dataset.visibleNodes = shown.nodes;
		document.body.dataset.visibleEdges = shown.edges;
		summary();
	}

	function summary() {
		var s = data.nodes.length + " actors, " + data.edges.length + " relations";

		if (dates.length)
			s += ", " + dates[0] + (dates.length > 1 ? " to " + dates[dates.length - 1] : "");
		if (shown.nodes !== data.nodes.length || shown.edges !== data.edges.length)
			s += " (shown: " + shown.nodes + " actors, " + shown.edges + " relations)";
		document.getElementById("summary").textContent = s;
	}

	function nodeReducer(id, attrs) {
		var out = Object.assign({}, attrs);

		if (!nodeShown(id))
			out.hidden = true;
		if (state.node === id || (state.edge && graph.hasExtremity(state.edge, id))) {
			out.highlighted = true;
			out.zIndex = 1;
		} else if ((state.node && !graph.areNeighbors(id, state.node)) || state.edge) {
			out.color = "#e0e0e0";
			out.label = "";
		}
		return out;
	}

	function edgeReducer(id, attrs) {
		var out = Object.assign({}, attrs);

		if (!edgeShown(id))
			out.hidden = true;
		if (state.edge === id) {
			out.size = attrs.size + 3;
			out.zIndex = 1;
		} else if (state.edge || (state.node && !graph.hasExtremity(id, state.node))) {
			out.color = "#eeeeee";
		}
		return out;
	}

	function update() {
		count();
		renderer.refresh();
	}

	function field(dl, name, value) {
		dl.append(el("dt", name), el("dd", value));
	}

	function label(id) {
		return nodes.get(id).label;
	}

	function link(text, key, id) {
		var a = el("a", text);

		a.href = "#" + key + "=" + encodeURIComponent(id);
		return a;
	}

	function showEdge(id) {
		var e = edges.get(id), side = document.getElementById("side"), dl = el("dl");
		var docs = documents(e.documents), list = el("ul", null, "documents");

		side.replaceChildren(el("h2", label(e.source) + (e.directed ? " \u2192 " : " \u2014 ") +
			e.relation + (e.directed ? " \u2192 " : " \u2014 ") + label(e.target)));
		side.dataset.edge = id;
		field(dl, "relation", e.relation);
		field(dl, "direction", e.directed ? "from " + label(e.source) + " to " + label(e.target) : "undirected");
		field(dl, "weight", e.weight);
		field(dl, "sign", e.sign > 0 ? "cooperation" : e.sign < 0 ? "conflict" : "neutral");
		field(dl, "first seen", e.first_seen || "undated");
		field(dl, "last seen", e.last_seen || "undated");
		field(dl, "documents", e.doc_count);
		side.append(dl, el("h3", "First evidence"), el("blockquote", e.first_evidence, "first-evidence"));
		if (e.last_evidence && e.last_evidence !== e.first_evidence)
			side.append(el("h3", "Last evidence"), el("blockquote", e.last_evidence, "last-evidence"));
		docs.forEach(function (d) {
			list.append(el("li", d, "document"));
		});
		if (e.doc_count > docs.length)
			list.append(el("li", "and " + (e.doc_count - docs.length) + " more", "more"));
		side.append(el("h3", "Documents"), list);
		side.append(link(label(e.source), "node", e.source), el("span", " \u00b7 "),
			link(label(e.target), "node", e.target));
	}

	function showNode(id) {
		var n = nodes.get(id), side = document.getElementById("side"), dl = el("dl"), list = el("ul");

		side.replaceChildren(el("h2", n.label));
		side.dataset.node = id;
		field(dl, "id", n.id);
		field(dl, "kind", n.kind);
		field(dl, "mentions", n.mentions);
		field(dl, "community", n.community);
		CENTRALITIES.filter(function (c) {
			return c !== "mentions";
		}).forEach(function (c) {
			field(dl, c, n[c]);
		});
		graph.forEachEdge(id, function (e) {
			var d = edges.get(e), li = el("li", null, "relation");

			li.append(link(label(d.source) + " " + d.relation + " " + label(d.target) + " (" + d.weight + ")",
				"edge", e));
			list.append(li);
		});
		side.append(dl, el("h3", "Relations (click one for its evidence)"), list);
	}

	function centre(id) {
		var d = renderer.getNodeDisplayData(id);

		if (d)
			renderer.getCamera().animate({x: d.x, y: d.y, ratio: 0.5}, {duration: 300});
	}

	/* What the fragment names: an edge's evidence or an actor. */
	function route() {
		var p = fragment(), side = document.getElementById("side");
		var node = p.find !== undefined ? find(p.find) : p.node;

		state.node = state.edge = null;
		delete side.dataset.edge;
		delete side.dataset.node;
		document.getElementById("search-note").textContent = node || p.find === undefined ? "" : "not found";
		if (p.edge && edges.has(p.edge)) {
			state.edge = p.edge;
			showEdge(p.edge);
		} else if (node && nodes.has(node)) {
			state.node = node;
			showNode(node);
			centre(node);
		} else {
			side.replaceChildren(el("p", "Click an edge for its evidence, or an actor for its relations.", "hint"));
		}
		renderer.refresh();
	}

	/* By id, by label, then the first label that holds the query. */
	function find(q) {
		var want = q.trim().toLowerCase(), found = null;

		if (!want)
			return null;
		nodes.forEach(function (n) {
			if (!found && (n.id.toLowerCase() === want || n.label.toLowerCase() === want))
				found = n.id;
		});
		nodes.forEach(function (n) {
			if (!found && n.label.toLowerCase().indexOf(want) >= 0)
				found = n.id;
		});
		return found;
	}

	function searchBox(controls) {
		var form = el("form"), input = el("input"), list = el("datalist"), note = el("span", "", "note");

		note.id = "search-note";

		input.type = "search";
		input.id = "search";
		input.placeholder = "find an actor";
		input.setAttribute("list", "actors");
		list.id = "actors";
		nodes.forEach(function (n) {
			var o = el("option");

			o.value = n.label;
			list.append(o);
		});
		form.addEventListener("submit", function (ev) {
			ev.preventDefault();
			location.hash = "find=" + encodeURIComponent(input.value);
		});
		input.addEventListener("change", function () {
			form.requestSubmit();
		});
		form.append(input, list, note);
		controls.append(form);
	}

	function sizeSelect(controls) {
		var select = el("select"), lab = el("label", "size by ");

		select.id = "size-by";
		CENTRALITIES.forEach(function (c) {
			var o = el("option", c);

			o.value = c;
			select.append(o);
		});
		select.value = state.size;
		select.addEventListener("change", function () {
			state.size = select.value;
			resize();
			renderer.refresh();
		});
		lab.append(select);
		controls.append(lab);
	}

	function relationFilter(controls) {
		var box = el("fieldset"), seen = new Map();

		box.id = "relations";
		box.append(el("legend", "relations"));
		data.edges.forEach(function (e) {
			seen.set(e.relation, {color: e.color, sign: e.sign,
				n: (seen.has(e.relation) ? seen.get(e.relation).n : 0) + 1});
		});
		Array.from(seen.keys()).sort().forEach(function (r) {
			var lab = el("label"), check = el("input");
			var swatch = el("span", null, seen.get(r).sign < 0 ? "swatch line double" : "swatch line");

			check.type = "checkbox";
			check.value = r;
			check.checked = state.relations.has(r);
			check.addEventListener("change", function () {
				if (check.checked)
					state.relations.add(r);
				else
					state.relations.delete(r);
				update();
			});
			swatch.style.borderColor = seen.get(r).color;	/* a line as the graph draws it */
			lab.append(check, swatch, document.createTextNode(r + " (" + seen.get(r).n + ")"));
			box.append(lab);
		});
		controls.append(box);
	}

	/* Two sliders over the graph's dates: an edge is shown while its
	 * first_seen..last_seen meets the range. None for a graph of one date
	 * or none. */
	function dateFilter(controls) {
		var box = el("fieldset"), out = el("output");
		var from = el("input"), to = el("input");

		if (dates.length < 2)
			return;
		box.id = "dates";
		box.append(el("legend", "dates"));
		[from, to].forEach(function (r, i) {
			r.type = "range";
			r.min = 0;
			r.max = dates.length - 1;
			r.value = dates.indexOf(i ? state.to : state.from);
			r.id = i ? "date-to" : "date-from";
			r.addEventListener("input", function () {
				if (+from.value > +to.value)
					(r === from ? to : from).value = r.value;
				state.from = dates[from.value];
				state.to = dates[to.value];
				out.textContent = state.from + " to " + state.to;
				update();
			});
		});
		out.textContent = state.from + " to " + state.to;
		box.append(from, to, out);
		controls.append(box);
	}

	/* The communities, largest first, each named by its actor of highest
	 * PageRank; those that share a colour (actorgraph gives one grey to the
	 * communities past its palette and to actors alone) on one line. */
	function legend(controls) {
		var top = new Map(), size = new Map(), users = new Map(), list = el("ul"), box = el("fieldset");
		var others = {n: 0, actors: 0, color: null};

		function item(color, text, cls) {
			var li = el("li", null, cls), swatch = el("span", null, "swatch");

			swatch.style.background = color;
			li.append(swatch, document.createTextNode(text));
			list.append(li);
		}

		nodes.forEach(function (n) {
			size.set(n.community, (size.get(n.community) || 0) + 1);
			if (!top.has(n.community) || n.pagerank > top.get(n.community).pagerank)
				top.set(n.community, n);
		});
		top.forEach(function (n) {
			users.set(n.color, (users.get(n.color) || 0) + 1);
		});
		Array.from(top.values()).sort(function (a, b) {
			return size.get(b.community) - size.get(a.community) || b.pagerank - a.pagerank;
		}).forEach(function (n) {
			if (users.get(n.color) > 1) {
				others.n++;
				others.actors += size.get(n.community);
				others.color = n.color;
			} else if (size.get(n.community) > 1) {
				item(n.color, n.label + " (" + size.get(n.community) + ")");
			}
		});
		if (!list.childElementCount)
			return;
		if (others.n)
			item(others.color, others.n + " other communities (" + others.actors + ")", "others");
		box.append(el("legend", "communities"), list);
		controls.append(box);
	}

	/* The fragment's filters, taken once at load. */
	function initialFilters() {
		var p = fragment();

		if (p.size && CENTRALITIES.indexOf(p.size) >= 0)
			state.size = p.size;
		if (p.relations !== undefined)
			state.relations = new Set(p.relations.split(",").filter(function (r) {
				return state.relations.has(r);
			}));
		state.from = dates[0] || "";
		state.to = dates[dates.length - 1] || "";
		if (p.from)
			state.from = dates.find(function (d) { return d >= p.from; }) || state.to;
		if (p.to)
			state.to = dates.slice().reverse().find(function (d) { return d <= p.to; }) || state.from;
	}

	function main() {
		var controls = el("div"), container = document.getElementById("graph"), first = true;

		build();
		initialFilters();
		layout();
		resize();
		controls.id = "controls";
		searchBox(controls);
		sizeSelect(controls);
		relationFilter(controls);
		dateFilter(controls);
		legend(controls);
		document.querySelector("header").append(controls);
		renderer = new Sigma(graph, container, {
			enableEdgeEvents: true, zIndex: true, labelRenderedSizeThreshold: 8, edgeProgramClasses: EDGE_PROGRAMS,
			nodeReducer: nodeReducer, edgeReducer: edgeReducer
		});
		renderer.on("clickEdge", function (ev) {
			location.hash = "edge=" + encodeURIComponent(ev.edge);
		});
		renderer.on("clickNode", function (ev) {
			location.hash = "node=" + encodeURIComponent(ev.node);
		});
		/* for tests/html.sh: rendered, and where, so that a screenshot can be checked */
		renderer.on("afterRender", function () {
			var r = container.getBoundingClientRect();

			if (first)
				document.body.dataset.ready = "1";
			document.body.dataset.graphBox = [r.left, r.top, r.width, r.height].map(Math.round).join(",");
			first = false;
		});
		addEventListener("hashchange", route);
		document.body.dataset.nodes = graph.order;
		document.body.dataset.edges = graph.size;
		count();
		route();
	}

	main();
})();
