"""The fixed programs under plain mypy (no plugin) and ``mypy --strict`` (with it).

Plain mypy cannot read the plugin's annotation spellings (``Tensor[B, 784]`` for
``Tensor[B, Literal[784]]``, dims in strings, ``Final`` constants as dims): those are its
``valid-type`` errors on the annotation, and nothing else may be reported (computed dims are
``Any`` without the plugin). Under ``--strict`` a fix is as clean as under the default flags
(only the known false alarms tagged ``# ALARM`` remain).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from corpus import CONFIG, alarm_lines, code_of, pairs, run_mypy

PAIRS = pairs()
_SPELLING = "common_issues.html#variables-vs-type-aliases"  # mypy's note after a Final dim


def test_plain_mypy_reports_only_plugin_spellings() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain.ini"
        plain.write_text(CONFIG.read_text().replace("plugins = mypy_plugin\n", ""))
        static = run_mypy([p.fix for p in PAIRS], config=plain, cache="corpus-plain")
    other = [f"{p.id}:{n}: {t}" for p in PAIRS for n, marks in static[p.fix].items()
             for k, t in marks
             if not (k == "E" and code_of(t) == "valid-type" or k == "N" and _SPELLING in t)]
    assert not other, "\n".join(other)
    assert any(static[p.fix] for p in PAIRS)  # the spellings are there to be refused


def test_strict_fixes_are_clean() -> None:
    static = run_mypy([p.fix for p in PAIRS], "--strict", cache="corpus-strict")
    found = [f"{p.id}:{n}: {t}" for p in PAIRS for n, marks in static[p.fix].items()
             if n not in alarm_lines(p.fix) for _, t in marks]
    assert not found, "\n".join(found)
