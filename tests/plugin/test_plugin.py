"""The plugin as a whole: failures become notes, own error codes, routing, cache key, no
false alarms on correct code, and random concrete programs whose static verdicts must match
what running them does. One in-process mypy run (plugin on) serves every test here.

Random programs: a seeded generator (random_program.py) writes a few hundred one-line tensor
expressions over literal shapes, valid and invalid alike. A ``[shape]`` error from mypy must
be a ShapeError at run time with the same text (never a false alarm); with every dim a
literal, a run-time ShapeError must have been reported (nothing missed); a revealed
``Tensor[...]`` must agree with the run-time shape (``Any`` dims allowed: not knowing is fine,
being wrong is not).
"""

from __future__ import annotations

import importlib
import re
import textwrap
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import pytest
from mypy import api

import mypy_plugin
import typedflux as tf
from plugin_snippets import SNIPPETS
from random_program import ASSIGNMENTS, program, symbolic_program, symbolic_source
from typedflux.shapes.errors import ShapeError

# The plugin's own view of the op table: patch and inspect that one.
from mypy_plugin.routing import ROUTES, SPECS, TENSOR_FULLNAME, OpSpec, specs_digest

from plugin_run import RANDOM, SYMBOLIC, Output


def test_internal_failure_is_a_note_and_checking_goes_on(output: Dict[str, List[str]]) -> None:
    lines = output["internal_failure"]
    assert any(
        line.startswith("note: typedflux plugin failed in \"softplus\" (RuntimeError: boom")
        for line in lines
    ), lines
    # The default type is kept, and other lines are still checked.
    assert 'note: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"' in lines
    assert any(line.startswith("error: Inner dimensions differ") for line in lines), lines


def test_shape_errors_use_their_own_code(output: Dict[str, List[str]]) -> None:
    assert output["ignored"] == []
    assert output["disabled"] == []
    [line] = output["annotation_code"]
    assert line.endswith("[shape-annotation]"), line


def test_losses_are_routed(output: Dict[str, List[str]]) -> None:
    lines = output["losses"]
    assert lines[0] == 'note: Revealed type is "typedflux.tensor.Tensor[()]"', lines
    assert lines[1].startswith("error: ") and lines[1].endswith("[shape]"), lines
    assert len(lines) == 2, lines


def test_correct_code_is_clean(output: Dict[str, List[str]]) -> None:
    assert output["realistic"] == []


def test_unreadable_calls_are_silent(output: Dict[str, List[str]]) -> None:
    assert output["odd"] == []


def test_routing_reaches_every_public_name_of_every_spec(output: Dict[str, List[str]]) -> None:
    import typedflux
    import typedflux.losses
    from typedflux.tensor import Tensor

    assert ROUTES.functions_resolved and ROUTES.methods_resolved
    for spec in SPECS.values():
        for fn in spec.functions:
            obj = getattr(typedflux, fn, None) or getattr(typedflux.losses, fn)
            fullname = f"{obj.__module__}.{obj.__qualname__}"
            assert ROUTES.by_function_fullname[fullname].spec is spec, fullname
        for m in (*spec.methods, *spec.reflected):
            owner = next(c for c in Tensor.__mro__ if m in vars(c))
            fullname = f"{owner.__module__}.{owner.__qualname__}.{m}"
            assert ROUTES.by_method_fullname[fullname].spec is spec, fullname
        for p in spec.properties:
            assert ROUTES.by_property_fullname[f"{TENSOR_FULLNAME}.{p}"].spec is spec


def test_cache_key_changes_with_the_op_table() -> None:
    plugin = mypy_plugin.TypedfluxPlugin.__new__(mypy_plugin.TypedfluxPlugin)
    key = plugin.report_config_data(None)  # type: ignore[arg-type]
    assert isinstance(key, str) and specs_digest() in key
    before = specs_digest()
    extra = OpSpec("zz_demo", lambda x: x, ())
    SPECS["zz_demo"] = extra
    try:
        assert specs_digest() != before
    finally:
        del SPECS["zz_demo"]
    assert specs_digest() == before


def test_plugin_module_reloads_cleanly() -> None:
    # mypy imports the entry point by name; importing it twice must not register twice.
    importlib.reload(importlib.import_module("mypy_plugin.codes"))
    assert mypy_plugin.plugin("2.4.1") is mypy_plugin.TypedfluxPlugin


_REVEAL = re.compile(r'Revealed type is "typedflux\.tensor\.Tensor\[(.*)\]"')


def _revealed_dims(text: str) -> Optional[List[Optional[int]]]:
    """Dims of a revealed Tensor type: ints, None for Any; None for a variadic/odd type."""
    m = _REVEAL.search(text)
    if not m:
        return None
    body = m.group(1)
    if body == "()":
        return []
    if "*" in body:
        return None
    out: List[Optional[int]] = []
    for part in body.split(", "):
        lit = re.fullmatch(r"Literal\[(\d+)\]", part)
        out.append(int(lit.group(1)) if lit else None)
    return out


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # 0/0 in zeros / zeros is fine here
def test_static_and_runtime_agree(
    random_exprs: List[str], mypy_output: Dict[str, List[Tuple[int, str]]]
) -> None:
    exprs = random_exprs
    by_line: Dict[int, List[str]] = {}
    for line, text in mypy_output["random_ops"]:
        by_line.setdefault(line - 3, []).append(text)
    problems = []
    errors_seen = 0
    for i, expr in enumerate(exprs):
        said = by_line.get(i, [])
        static = [s[len("error: "):-len("  [shape]")] for s in said
                  if s.startswith("error: ") and s.endswith("[shape]")]
        others = [s for s in said if s.startswith("error: ") and not s.endswith("[shape]")]
        internal = [s for s in said if "typedflux plugin failed" in s]
        try:
            value = eval(expr, {"tf": tf})  # noqa: S307 (the generated expression)
            runtime: Optional[str] = None
        except ShapeError as err:
            runtime, value = err.message, None
        if others or internal:
            problems.append(f"{expr}: unexpected {others + internal}")
        if static and static != [runtime]:
            problems.append(f"{expr}: mypy says {static}, run time says {runtime!r}")
        if runtime is not None and not static:
            problems.append(f"{expr}: run time raises {runtime!r}; mypy said nothing")
        if runtime is None and value is not None:
            revealed = [_revealed_dims(s) for s in said if "Revealed type" in s]
            dims = revealed[0] if revealed else None
            shape = tuple(value.shape)
            if dims is not None and (
                len(dims) != len(shape) or any(d is not None and d != r for d, r in zip(dims, shape))
            ):
                problems.append(f"{expr}: mypy reveals {said}, run time shape {shape}")
        errors_seen += bool(static)
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} problems)"
    # The generator must exercise both outcomes.
    assert 0.1 * len(exprs) < errors_seen < 0.9 * len(exprs), errors_seen


_SYMBOLIC_REVEAL = re.compile(r'Revealed type is "typedflux\.tensor\.Tensor\[(.*)\]"')


def _symbolic_dims(text: str, env: Dict[str, int]) -> Optional[List[Optional[int]]]:
    """Revealed dims evaluated at ``env``: TypeVars, ``Literal[3]``, ``Literal['2*N']``;
    ``None`` for Any; ``None`` overall for a variadic type."""
    m = _SYMBOLIC_REVEAL.search(text)
    if not m:
        return None
    body = m.group(1)
    if body == "()":
        return []
    if "*" in body.replace("'", "").split("Literal[")[0] and "tuple" in body:
        return None
    out: List[Optional[int]] = []
    for part in re.findall(r"Literal\['[^']*'\]|Literal\[\d+\]|\w+", body):
        if part.startswith("Literal['"):
            out.append(int(eval(part[9:-2], {}, dict(env))))  # noqa: S307 (dim text)
        elif part.startswith("Literal["):
            out.append(int(part[8:-1]))
        elif part in env:
            out.append(env[part])
        else:
            out.append(None)
    return out


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_generic_programs_are_rigid_and_sound(mypy_output: Output) -> None:
    """Generic functions over symbols B, N. A ``[shape]`` error in a body must fail at run
    time for some sizes of B and N (rigid symbols: proven for *every* size would be too
    strong, as B = N can hide B-vs-N); a body the checker accepts with a known result must run
    for every size tried, with the shape the revealed type gives at those sizes."""
    cases = symbolic_program()
    said: Dict[int, List[str]] = {}
    for line, text in mypy_output[SYMBOLIC]:
        said.setdefault((line - 9) // 4, []).append(text)
    problems = []
    reported = 0
    for i, (a, b, expr) in enumerate(cases):
        msgs = said.get(i, [])
        errors = [m for m in msgs if m.startswith("error:")]
        if any(not m.endswith("[shape]") for m in errors) or any("plugin failed" in m for m in msgs):
            problems.append(f"{a} {b} {expr}: {msgs}")
            continue
        outcomes = []
        for env in ASSIGNMENTS:
            x = tf.zeros(*[env.get(d) or int(d) for d in a])
            y = tf.zeros(*[env.get(d) or int(d) for d in b]) if b else None
            try:
                outcomes.append((env, eval(expr, {"tf": tf, "x": x, "y": y})))  # noqa: S307
            except ShapeError as err:
                outcomes.append((env, err))
        if errors:
            reported += 1
            if not any(isinstance(o, ShapeError) for _, o in outcomes):
                problems.append(f"{a} {b} {expr}: mypy {errors[0]} but every size runs")
            continue
        revealed = [m for m in msgs if "Revealed type" in m]
        for env, o in outcomes:
            dims = _symbolic_dims(revealed[0], env) if revealed else None
            if dims is None:
                continue  # unknown rank: nothing claimed
            if isinstance(o, ShapeError):
                if all(d is not None for d in dims):
                    problems.append(f"{a} {b} {expr} at {env}: accepted, but run time: {o}")
                continue
            shape = tuple(o.shape)
            if len(dims) != len(shape) or any(d is not None and d != r for d, r in zip(dims, shape)):
                problems.append(f"{a} {b} {expr} at {env}: revealed {revealed[0]}, ran {shape}")
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} problems)"
    assert 0.1 * len(cases) < reported < 0.9 * len(cases), reported
