"""The two halves of the registry agree: SPECS (static) and REGISTRY (runtime) hold the same
primitives, and every public function, method and reflected dunder takes exactly the
parameters its spec declares (so the plugin's argument mapping is the real one)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any, List

import pytest

import typedflux as tf
import typedflux.ops
from typedflux.engine.primitive import entry
from typedflux.ops.registry import REGISTRY
from typedflux.shapes.catalog import SPECS, Kind, OpSpec
from typedflux.tensor import Tensor

for _m in pkgutil.iter_modules(typedflux.ops.__path__):
    importlib.import_module(f"typedflux.ops.{_m.name}")

# Specs whose public functions live outside the ``typedflux`` namespace (the losses module).
_NAMESPACES = [tf]
try:
    _NAMESPACES.append(importlib.import_module("typedflux.losses"))
except ImportError:  # not written yet
    pass


def test_same_primitives_in_both_halves() -> None:
    static = {name for name, s in SPECS.items() if s.primitive}
    assert static - set(REGISTRY) == set(), "specs with primitive=True but no forward/VJP"
    assert set(REGISTRY) - static == set(), "runtime primitives without a primitive spec"


def _names(fn: Any) -> List[str]:
    return [p.name for p in inspect.signature(fn).parameters.values()]


def _check_params(where: str, actual: List[str], spec: OpSpec, fn: Any) -> None:
    expected = [a.name for a in spec.args]
    # Extra trailing parameters are allowed only with defaults (dtype= on creation ops).
    assert actual[: len(expected)] == expected, f"{where}: {actual} != spec {expected}"
    params = list(inspect.signature(fn).parameters.values())
    for p in params[len(expected):]:
        assert p.default is not inspect.Parameter.empty, f"{where}: extra required {p.name}"


def _find(name: str) -> Any:
    for ns in _NAMESPACES:
        if hasattr(ns, name):
            return getattr(ns, name)
    return None


@pytest.mark.parametrize("spec", [s for s in SPECS.values() if s.functions], ids=lambda s: s.name)
def test_function_parameters_match_spec(spec: OpSpec) -> None:
    for fname in spec.functions:
        fn = _find(fname)
        assert fn is not None, f"typedflux.{fname} (spec {spec.name}) does not exist"
        _check_params(f"typedflux.{fname}", _names(fn), spec, fn)


@pytest.mark.parametrize("spec", [s for s in SPECS.values() if s.methods], ids=lambda s: s.name)
def test_method_parameters_match_spec(spec: OpSpec) -> None:
    for mname in spec.methods:
        fn = getattr(Tensor, mname)
        names = _names(fn)
        expected = [a.name for a in spec.args]
        if fn is entry(spec.name):
            # The op's entry point itself (Tensor.__add__): self is the op's first argument.
            assert names == expected, f"Tensor.{mname}: {names} != spec {expected}"
            continue
        assert names[0] == "self"
        assert names[1:] == expected[1:], f"Tensor.{mname}: {names[1:]} != spec {expected[1:]}"


@pytest.mark.parametrize("name", ["__add__", "__sub__", "__mul__", "__truediv__", "__pow__",
                                  "__neg__"])
def test_the_forward_operators_are_their_ops_entry_points(name: str) -> None:
    # What runs is what tensor.py's class body names: the registry's entry point itself.
    (spec,) = [s for s in SPECS.values() if name in s.methods]
    assert Tensor.__dict__[name] is entry(spec.name) is REGISTRY[spec.name].invoke


def test_every_declared_primitive_is_bound() -> None:
    unbound = sorted(n for n, p in REGISTRY.items() if not p.bound)
    assert not unbound, f"primitives without a forward (no @primitive in typedflux/ops): {unbound}"


@pytest.mark.parametrize("spec", [s for s in SPECS.values() if s.reflected], ids=lambda s: s.name)
def test_reflected_parameters_match_spec(spec: OpSpec) -> None:
    for mname in spec.reflected:
        names = _names(getattr(Tensor, mname))
        assert names == ["self", spec.args[0].name], f"Tensor.{mname}: {names}"


@pytest.mark.parametrize("spec", [s for s in SPECS.values() if s.properties], ids=lambda s: s.name)
def test_properties_exist(spec: OpSpec) -> None:
    for pname in spec.properties:
        assert isinstance(inspect.getattr_static(Tensor, pname), property)


def test_every_primitive_kind_is_handled() -> None:
    # The registry passes each kind to the rule; a new kind would need code there.
    handled = set(Kind)
    for prim in REGISTRY.values():
        assert {a.kind for a in prim.spec.args} <= handled


def test_registry_calls_rule_before_forward() -> None:
    # A mismatch is typedflux's ShapeError, never numpy's ValueError.
    with pytest.raises(tf.ShapeError):
        tf.ones(2, 3) + tf.ones(4)
    with pytest.raises(tf.ShapeError):
        tf.concat([tf.ones(2, 3), tf.ones(3, 3)], axis=1)
