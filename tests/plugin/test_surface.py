"""Every exported function has a static shape rule or a deliberate, documented reason not to.

Functions of ``typedflux`` and ``typedflux.losses``: a spec in ``SPECS`` (the plugin routes it;
tests/plugin/test_plugin.py checks the routing), or an entry of
``typedflux.shapes.surface.WITHOUT_RULE`` (a hook of its own, its signature, or ``Any`` with a
reason listed in docs/reference.md). Layers are classes and have their own specs.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import List, Tuple

import typedflux as tf
from typedflux.shapes.catalog import SPECS
from typedflux.shapes.surface import WITHOUT_RULE

ROOT = Path(__file__).resolve().parents[2]


def _exported_functions() -> List[Tuple[str, str]]:
    out = []
    for module in (tf, tf.losses):
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isbuiltin(obj):
                out.append((module.__name__, name))
    return out


def test_every_exported_function_has_a_rule_or_a_reason() -> None:
    ruled = {fn for spec in SPECS.values() for fn in spec.functions}
    missing = [
        f"{module}.{name}"
        for module, name in _exported_functions()
        if name not in ruled and name not in WITHOUT_RULE
    ]
    assert not missing, f"no shape rule and no entry in shapes/surface.py: {missing}"
    assert len(_exported_functions()) > 60  # the scan sees the whole surface


def test_the_reasons_are_current_and_documented() -> None:
    exported = {name for _, name in _exported_functions()}
    ruled = {fn for spec in SPECS.values() for fn in spec.functions}
    stale = [n for n in WITHOUT_RULE if n not in exported or n in ruled]
    assert not stale, f"surface.py lists functions that are gone or have a rule now: {stale}"
    reference = (ROOT / "docs" / "reference.md").read_text()
    section = reference.split("## Functions without a static shape", 1)[1]
    documented = set(re.findall(r"^\| `(\w+)` \|", section, re.M))
    assert documented == {n for n, u in WITHOUT_RULE.items() if u.kind == "any"}
    assert {u.kind for u in WITHOUT_RULE.values()} <= {"hook", "signature", "any"}


def test_onehot_and_onecold_have_rules() -> None:
    assert SPECS["onehot"].rule(labels=(4,), nclasses=9) == (4, 9)
    assert SPECS["onecold"].rule(scores=(4, 9)) == (4,)
