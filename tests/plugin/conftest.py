"""Fixtures of tests/plugin: one mypy run over every generated and snippet program."""

from __future__ import annotations

import warnings
from typing import Dict, Iterator, List, Tuple

import pytest

import typedflux as tf
from mypy_plugin.routing import SPECS
from plugin_run import Output, run
from plugin_snippets import SNIPPETS
from random_program import program
from typedflux.shapes.errors import ShapeError


@pytest.fixture(scope="session")
def random_exprs() -> List[str]:
    """The generated expressions; expression ``i`` is on line ``i + 3`` of its file."""
    return program()


@pytest.fixture(scope="session")
def boundary_cases(random_exprs: List[str]) -> List[Tuple[str, Tuple[int, ...]]]:
    """The generated expressions that run, with their run-time shapes."""
    out = []
    for expr in random_exprs:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # 0/0 in zeros / zeros
                value = eval(expr, {"tf": tf})  # noqa: S307 (the generated expression)
        except ShapeError:
            continue
        if isinstance(value, tf.Tensor):
            out.append((expr, tuple(value.shape)))
    return out


@pytest.fixture(scope="session")
def mypy_output(
    tmp_path_factory: pytest.TempPathFactory,
    random_exprs: List[str],
    boundary_cases: List[Tuple[str, Tuple[int, ...]]],
) -> Iterator[Output]:
    """File stem -> [(line, "error: ... [code]" / "note: ...")]."""
    tmp = tmp_path_factory.mktemp("plugin_programs")
    # The plugin must survive a rule that raises something unexpected (see internal_failure).
    spec = SPECS["softplus"]

    def broken(**kwargs: object) -> object:
        raise RuntimeError("boom")

    original = spec.rule
    object.__setattr__(spec, "rule", broken)
    try:
        out = run(tmp, random_exprs, boundary_cases)
    finally:
        object.__setattr__(spec, "rule", original)
    yield out


@pytest.fixture(scope="session")
def output(mypy_output: Output) -> Dict[str, List[str]]:
    """Messages per snippet, without line numbers."""
    return {name: [text for _, text in mypy_output[name]] for name in SNIPPETS}
