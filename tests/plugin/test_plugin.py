"""The plugin as a whole: failures become notes, own error codes, routing, cache key, no
false alarms on correct code. One in-process mypy run serves every test in this module."""

from __future__ import annotations

import importlib
from typing import Dict, List, Tuple

import pytest

import mypy_plugin
from plugin_snippets import SNIPPETS

# The plugin's own view of the op table (it may hold a private copy of typedflux.shapes,
# see mypy_plugin/_shapes_import.py): patch and inspect that one.
from mypy_plugin.routing import ROUTES, SPECS, TENSOR_FULLNAME, OpSpec, specs_digest


@pytest.fixture(scope="module")
def output(mypy_output: Dict[str, List[Tuple[int, str]]]) -> Dict[str, List[str]]:
    """Messages per snippet, without line numbers."""
    return {name: [text for _, text in mypy_output[name]] for name in SNIPPETS}


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
