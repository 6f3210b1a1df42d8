"""The schema.org vocabulary (release 30.0, ../shared/schemaorg/): does a JSON-LD node use real types and
properties, each allowed on its type or one of its ancestors?"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from config.env import BASE_DIR

VOCABULARY = BASE_DIR.parent / "shared" / "schemaorg" / "schemaorg-current-https-30.0.jsonld"
# JSON-LD keywords and values that are not schema.org properties.
KEYWORDS = {"@context", "@type", "@id"}
# schema.org's Potential Actions note lets an Action annotate one of its properties with
# "<property>-input" / "<property>-output" (e.g. SearchAction's "query-input", which Google
# reads). They are not in the vocabulary, so such a key is checked as its base property.
ACTION_ANNOTATIONS = ("-input", "-output")


def _ids(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [item["@id"].removeprefix("schema:") for item in items if isinstance(item, dict) and "@id" in item]


@dataclass
class Vocabulary:
    parents: dict[str, list[str]]
    domains: dict[str, set[str]]

    def ancestors(self, type_name: str) -> set[str]:
        seen, todo = set(), [type_name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.parents.get(current, []))
        return seen

    def problems(self, node: Any, where: str = "$") -> list[str]:
        found: list[str] = []
        if isinstance(node, list):
            for index, item in enumerate(node):
                found += self.problems(item, f"{where}[{index}]")
            return found
        if not isinstance(node, dict):
            return found
        types = node.get("@type")
        types = types if isinstance(types, list) else [types] if types else []
        for type_name in types:
            if type_name not in self.parents:
                found.append(f"{where}: unknown type {type_name}")
        allowed = set().union(*(self.ancestors(t) for t in types)) if types else set()
        for key, value in node.items():
            if key in KEYWORDS:
                continue
            prop = key.rsplit("-", 1)[0] if key.endswith(ACTION_ANNOTATIONS) and "Action" in allowed else key
            if prop not in self.domains:
                found.append(f"{where}.{key}: unknown property")
            elif types and not (self.domains[prop] & allowed):
                found.append(f"{where}.{key}: not a property of {'/'.join(types)}")
            found += self.problems(value, f"{where}.{key}")
        return found


@cache
def vocabulary() -> Vocabulary:
    graph = json.loads(VOCABULARY.read_text(encoding="utf-8"))["@graph"]
    parents: dict[str, list[str]] = {}
    domains: dict[str, set[str]] = {}
    for node in graph:
        name = node["@id"].removeprefix("schema:")
        kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        if "rdfs:Class" in kinds:
            parents[name] = _ids(node.get("rdfs:subClassOf", []))
        if "rdf:Property" in kinds:
            domains[name] = set(_ids(node.get("schema:domainIncludes", [])))
    return Vocabulary(parents=parents, domains=domains)
