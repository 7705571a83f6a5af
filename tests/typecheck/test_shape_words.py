"""Every `[shape]` message speaks in dims (`784`, `B`, `2*N`), never in mypy's `Literal[...]`.

Scans the expectations of every snapshot case and every `text mypy` block of the docs: a
`[shape]` error, and any note that is not a revealed type (bindings, a layer's input), must
not hold `Literal[`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import List, Tuple

from typecheck_snapshots import CASES, expected_of

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]


def _snapshot_messages() -> List[Tuple[str, str]]:
    out = []
    for case in CASES:
        for line, marks in expected_of(case).items():
            for kind, text in marks:
                if (kind == "E" and text.endswith("[shape]")) or (
                    kind == "N" and not text.startswith("Revealed type is")
                ):
                    out.append((f"{case.name}:{line}", text))
    return out


def _doc_messages() -> List[Tuple[str, str]]:
    out = []
    for doc in DOCS:
        blocks = re.findall(r"```text mypy\n(.*?)```", doc.read_text(), re.S)
        for block in blocks:
            for text in block.splitlines():
                if text.endswith("[shape]") or (": note: " in text and "Revealed type" not in text):
                    out.append((doc.name, text))
    return out


def test_shape_messages_never_show_literal() -> None:
    messages = _snapshot_messages() + _doc_messages()
    offenders = [f"{where}: {text}" for where, text in messages if "Literal[" in text]
    assert not offenders, "\n".join(offenders)
    # The scan must see the boundary family and the op family alike.
    texts = [t for _, t in messages]
    assert any(t.startswith("Return shape ") for t in texts)
    assert any(t.startswith('Argument "') for t in texts)
    assert sum(t.endswith("[shape]") for t in texts) > 100
