"""The actor network: who does what to whom, as source → target edges weighted by events.

An event with several sources or targets gives one edge per (source, target) pair. Edges
keep their counts by PLOVER type; an edge's ``type`` is its most frequent one. Exports are
GEXF 1.3 and GraphML, both with ``weight`` and ``type`` on each edge.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .dashboard import Filters, record_where


def actor_network(conn: sqlite3.Connection, filters: Filters) -> dict[str, Any]:
    """``{"nodes": [{id, events}], "edges": [{source, target, weight, type, types}]}``, heaviest first."""
    where, args = record_where("events", filters)
    rows = conn.execute(
        "SELECT s.value AS source, t.value AS target, r.type AS type, count(*) AS n "
        "FROM events r JOIN articles a ON a.id = r.article_id, json_each(r.sources) s, json_each(r.targets) t "
        f"WHERE {' AND '.join(where)} AND s.value <> '' AND t.value <> '' AND s.value <> t.value "
        "GROUP BY 1, 2, 3", args)
    types: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in rows:
        types[(row["source"], row["target"])][row["type"]] += row["n"]
    edges = []
    degree: Counter = Counter()
    for (source, target), counts in types.items():
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        weight = sum(counts.values())
        edges.append({"source": source, "target": target, "weight": weight, "type": ranked[0][0],
                      "types": dict(ranked)})
        degree[source] += weight
        degree[target] += weight
    edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
    nodes = [{"id": name, "events": n} for name, n in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": edges}


def _node_ids(network: dict[str, Any]) -> dict[str, str]:
    return {node["id"]: f"n{i}" for i, node in enumerate(network["nodes"])}


def to_gexf(network: dict[str, Any]) -> str:
    """The network as GEXF 1.3 (Gephi): node labels are actor names, edges carry weight and type."""
    ids = _node_ids(network)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
             '<graph defaultedgetype="directed" mode="static">',
             '<attributes class="node"><attribute id="events" title="events" type="integer"/></attributes>',
             '<attributes class="edge"><attribute id="type" title="type" type="string"/></attributes>',
             "<nodes>"]
    for node in network["nodes"]:
        lines.append(f'<node id="{ids[node["id"]]}" label={quoteattr(node["id"])}><attvalues>'
                     f'<attvalue for="events" value="{node["events"]}"/></attvalues></node>')
    lines.append("</nodes><edges>")
    for i, edge in enumerate(network["edges"]):
        lines.append(f'<edge id="e{i}" source="{ids[edge["source"]]}" target="{ids[edge["target"]]}" '
                     f'weight="{edge["weight"]}"><attvalues><attvalue for="type" value={quoteattr(edge["type"])}/>'
                     f"</attvalues></edge>")
    lines += ["</edges>", "</graph>", "</gexf>"]
    return "\n".join(lines) + "\n"


def to_graphml(network: dict[str, Any]) -> str:
    """The network as GraphML with ``label``/``events`` on nodes and ``weight``/``type`` on edges."""
    ids = _node_ids(network)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '<key id="label" for="node" attr.name="label" attr.type="string"/>',
             '<key id="events" for="node" attr.name="events" attr.type="int"/>',
             '<key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
             '<key id="type" for="edge" attr.name="type" attr.type="string"/>',
             '<graph id="actors" edgedefault="directed">']
    for node in network["nodes"]:
        lines.append(f'<node id="{ids[node["id"]]}"><data key="label">{escape(node["id"])}</data>'
                     f'<data key="events">{node["events"]}</data></node>')
    for i, edge in enumerate(network["edges"]):
        lines.append(f'<edge id="e{i}" source="{ids[edge["source"]]}" target="{ids[edge["target"]]}">'
                     f'<data key="weight">{edge["weight"]}</data><data key="type">{edge["type"]}</data></edge>')
    lines += ["</graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


__all__ = ["actor_network", "to_gexf", "to_graphml"]
