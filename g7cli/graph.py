"""The network of bilateral talks, for Graphviz (DOT), Gephi (GraphML) or a notebook (JSON).

Nodes are people (Japan's delegates and their counterparts, each one person
across meetings, see g7cli.people) or countries; an edge joins the two sides
of one or more talks, weighted by how many, labelled with the meetings and
years they were held at ("2024 Verona"). A talk that names only the
counterpart's country joins the delegate to that country's node.

The talks are the rows `g7 bilaterals` prints with the same --year and
--country, so the two always agree.

    build(conn, nodes="people", year=None, country=None) -> Graph
    to_dot(graph) / to_graphml(graph) / to_json(graph) -> str
"""
from __future__ import annotations

import json
import re
import sqlite3

NODE_KINDS = ("people", "countries")
FORMATS = ("dot", "graphml", "json")


class Graph:
    def __init__(self, nodes: str):
        self.kind = nodes
        self.nodes: dict[str, dict] = {}    # id -> attributes (label, kind, country_code, country, talks)
        self.edges: dict[tuple[str, str], dict] = {}

    def node(self, node_id: str, **attrs) -> str:
        entry = self.nodes.setdefault(node_id, {"id": node_id, **attrs, "talks": 0})
        entry["talks"] += 1
        return node_id

    def edge(self, a: str, b: str, talk_id: int, meeting_id: int, label: str, year) -> None:
        e = self.edges.setdefault((a, b), {"source": a, "target": b, "weight": 0, "label": "",
                                           "meetings": [], "meeting_ids": [], "years": [], "talks": []})
        e["weight"] += 1
        e["talks"].append(talk_id)
        if meeting_id not in e["meeting_ids"]:
            e["meeting_ids"].append(meeting_id)
            e["meetings"].append(label)
        if year is not None and year not in e["years"]:
            e["years"].append(year)
        e["label"] = ", ".join(e["meetings"])


def build(conn: sqlite3.Connection, nodes: str = "people", year: tuple[int, int] | None = None,
          country: str | None = None) -> Graph:
    from g7cli import queries
    from g7cli.people import build as build_people

    if nodes not in NODE_KINDS:
        raise ValueError(f"unknown node kind {nodes!r}")
    talks = queries.bilaterals(conn, queries.Filters(year=year, country=country))
    index = build_people(conn)
    countries = dict(conn.execute("SELECT code, name FROM countries").fetchall())
    graph = Graph(nodes)
    for t in talks:
        meeting = index.meetings.get(t["meeting_id"], {})
        label = meeting.get("label", str(t["meeting_id"]))
        code = t["country_code"]
        country_name = t["country"] or countries.get(code) or code
        if nodes == "countries":
            if not code:
                continue   # a talk with no known country has no place here
            a = graph.node("JP", label=countries.get("JP") or "Japan", kind="japan", country_code="JP",
                           country=countries.get("JP") or "Japan")
            b = graph.node(code, label=country_name, kind="country", country_code=code, country=country_name)
        else:
            mine = index.by_talk_delegate.get(t["id"])
            if mine is not None:
                a = graph.node(mine.id, label=mine.name, kind="delegate", country_code=mine.country_code,
                               country=mine.country)
            else:
                name = t["delegate"] or "Japan"
                a = graph.node("JP:" + name, label=name, kind="delegate", country_code="JP",
                               country=countries.get("JP") or "Japan")
            theirs = index.by_talk_counterpart.get(t["id"])
            if theirs is not None:
                b = graph.node(theirs.id, label=theirs.name, kind="counterpart", country_code=code,
                               country=country_name)
            else:
                key = code or (t["counterpart"] or "unknown")
                b = graph.node("country:" + key, label=country_name or key, kind="country",
                               country_code=code, country=country_name)
        graph.edge(a, b, t["id"], t["meeting_id"], label, meeting.get("year", t["year"]))
    return graph


# --- serialisations ---------------------------------------------------------------

_DOT_COLOURS = {"delegate": "#f6c6c6", "japan": "#f6c6c6", "counterpart": "#cfe0f5", "country": "#e3e3e3"}


def _dot_string(text) -> str:
    s = str(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def _dot_label(node: dict) -> str:
    """One line per spelling ("Kono / 河野太郎" on two), then the country."""
    lines = node["label"].split(" / ")
    if node["kind"] == "counterpart" and node.get("country"):
        lines.append(node["country"])
    return "\n".join(lines)


def to_dot(graph: Graph) -> str:
    """Graphviz DOT: `g7 graph | dot -Tsvg > talks.svg` (or neato, sfdp)."""
    key = ("red: Japan's delegates, blue: their counterparts" if graph.kind == "people"
           else "red: Japan, grey: the counterparts' countries")
    caption = (f"Bilateral talks at G7 ministerial meetings\n{key}; "
               "a line: the meetings (and the number of talks when more than one)")
    lines = [
        "graph g7 {",
        f"  graph [label={_dot_string(caption)}, labelloc=t, fontsize=14,",
        '         layout=neato, overlap=false, splines=true, sep="+12", fontname="sans-serif"];',
        '  node [shape=box, style="rounded,filled", fontname="sans-serif", fontsize=11, color="#555555"];',
        '  edge [fontname="sans-serif", fontsize=9, fontcolor="#444444", color="#888888"];',
    ]
    for node in graph.nodes.values():
        attrs = {"label": _dot_label(node), "fillcolor": _DOT_COLOURS.get(node["kind"], "#ffffff")}
        if node["kind"] in ("delegate", "japan"):
            attrs["penwidth"] = 1.5
        lines.append(f"  {_dot_string(node['id'])} [{_dot_attrs(attrs)}];")
    for e in graph.edges.values():
        # One meeting a line; the number of talks when more than one.
        label = "\n".join(e["meetings"]) + (f" ({e['weight']})" if e["weight"] > 1 else "")
        attrs = {"label": label, "weight": e["weight"], "penwidth": round(1 + (e["weight"] - 1) * 1.5, 2)}
        if len(e["meetings"]) > 1:
            attrs["len"] = 1 + 0.6 * len(e["meetings"])   # room for the label (neato)
        lines.append(f"  {_dot_string(e['source'])} -- {_dot_string(e['target'])} [{_dot_attrs(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_attrs(attrs: dict) -> str:
    return ", ".join(f"{k}={_dot_string(v) if isinstance(v, str) else v}" for k, v in attrs.items())


# Characters XML 1.0 does not allow, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_GRAPHML_KEYS = [
    # (id, for, attr.name, attr.type)
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("country_code", "node", "country_code", "string"),
    ("country", "node", "country", "string"),
    ("talks", "node", "talks", "int"),
    ("edge_label", "edge", "label", "string"),
    ("weight", "edge", "weight", "double"),
    ("meetings", "edge", "meetings", "string"),
    ("meeting_ids", "edge", "meeting_ids", "string"),
    ("years", "edge", "years", "string"),
]


def to_graphml(graph: Graph) -> str:
    """GraphML (Gephi, yEd, networkx.read_graphml): node `label`, edge `weight`."""
    import xml.etree.ElementTree as ET

    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {
        "xmlns": ns,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": f"{ns} {ns}/1.0/graphml.xsd",
    })
    for key_id, for_, name, type_ in _GRAPHML_KEYS:
        ET.SubElement(root, "key", {"id": key_id, "for": for_, "attr.name": name, "attr.type": type_})
    g = ET.SubElement(root, "graph", {"id": "g7", "edgedefault": "undirected"})

    def data(parent, key: str, value) -> None:
        if value is None or value == "" or value == []:
            return
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        ET.SubElement(parent, "data", {"key": key}).text = _XML_INVALID.sub("", str(value))

    for node in graph.nodes.values():
        el = ET.SubElement(g, "node", {"id": _XML_INVALID.sub("", node["id"])})
        for key in ("label", "kind", "country_code", "country", "talks"):
            data(el, key, node.get(key))
    for n, e in enumerate(graph.edges.values()):
        el = ET.SubElement(g, "edge", {"id": f"e{n}", "source": _XML_INVALID.sub("", e["source"]),
                                       "target": _XML_INVALID.sub("", e["target"])})
        data(el, "edge_label", e["label"])
        data(el, "weight", e["weight"])
        data(el, "meetings", e["meetings"])
        data(el, "meeting_ids", e["meeting_ids"])
        data(el, "years", e["years"])
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def to_json(graph: Graph) -> str:
    """Node-link JSON (networkx.node_link_graph(data, edges="links") reads it)."""
    doc = {
        "directed": False, "multigraph": False,
        "graph": {"name": "g7 bilateral talks", "nodes": graph.kind},
        "nodes": list(graph.nodes.values()),
        "links": list(graph.edges.values()),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render(graph: Graph, fmt: str) -> str:
    return {"dot": to_dot, "graphml": to_graphml, "json": to_json}[fmt](graph)
