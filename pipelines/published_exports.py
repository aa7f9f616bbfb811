"""The published exports, as the dbt project declares them: one `meta.publish` per export
model's yml (name, Swedish sheet name, the mart it explains, what blocks it).

The export asset, the CLI summary, the workbooks and the fault-injection benchmark all read
this list from the dbt manifest, so adding a published mart is one SQL file and its yml.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Export:
    """One published export: `exports.<view>` written as `data/marts/<name>.parquet`."""

    name: str
    view: str
    sheet: str
    explains: str  # the internal mart whose columns it publishes
    blocked_by: tuple[str, ...]  # Flag.affects values whose ERROR flags stop publishing it
    description: str
    columns: dict[str, str]  # column → description, from the export's and its mart's yml


def _columns(nodes: dict[str, dict], node: dict, explains: str) -> dict[str, str]:
    mart = next((n for n in nodes.values() if n["resource_type"] == "model"
                 and n["name"] == explains), None)
    described = {name: c.get("description", "") for name, c in
                 (mart or {}).get("columns", {}).items()}
    described.update({name: c["description"] for name, c in node.get("columns", {}).items()
                      if c.get("description")})
    return described


def published_exports(manifest_path: Path) -> list[Export]:
    """Every export model with `meta.publish`, in the order of their names."""
    nodes = json.loads(manifest_path.read_text(encoding="utf-8"))["nodes"]
    exports = []
    for node in nodes.values():
        publish = node.get("config", {}).get("meta", {}).get("publish")
        if node["resource_type"] != "model" or not publish:
            continue
        exports.append(Export(
            name=publish["name"], view=node["name"], sheet=publish["sheet"],
            explains=publish["explains"], blocked_by=tuple(publish.get("blocked_by", ())),
            description=" ".join(node.get("description", "").split()),
            columns=_columns(nodes, node, publish["explains"])))
    return sorted(exports, key=lambda e: e.view)
