"""Finite-difference gradient check of every primitive in the runtime registry.

Driven by the registry, so a new primitive cannot skip it: the meta-test fails when one has
no examples. The check is the inner-product identity of HIPS autograd's ``check_grads``: for
a random output cotangent ``u`` and input direction ``v``, the engine's ``<grad of <u, f>, v>``
must equal the central difference ``(<u, f(x + eps v)> - <u, f(x - eps v)>) / (2 eps)``,
all in float64. Binary ops run over the broadcast grid {(), (2,), (3,2), (1,2)}^2.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any, Callable, List, Tuple

import numpy as np
import pytest

import typedflux as tf
import typedflux.ops
from typedflux.engine.tape import Tape
from typedflux.ops.registry import REGISTRY, Primitive
from typedflux.shapes.catalog import Kind

from primitive_examples import example_arguments, examples, is_float_array

# Every ops module registers its primitives on import, including ones other engineers add.
for _m in pkgutil.iter_modules(typedflux.ops.__path__):
    importlib.import_module(f"typedflux.ops.{_m.name}")

EPS = 1e-6


def _slots(prim: Primitive, args: Tuple[Any, ...]) -> List[Tuple[int, int]]:
    """Positions (arg index, item index or -1) of the differentiable float inputs."""
    slots: List[Tuple[int, int]] = []
    for i, (a, v) in enumerate(zip(prim.spec.args, args)):
        if a.kind is Kind.TENSOR and is_float_array(v):
            slots.append((i, -1))
        elif a.kind is Kind.TENSORS:
            slots.extend((i, j) for j, item in enumerate(v) if is_float_array(item))
    return slots


def _as_tensor(v: Any) -> Any:
    if isinstance(v, np.ndarray):
        return tf.Tensor(v, dtype=v.dtype)  # keep float64 (and int/bool) as given
    return v


def _call(prim: Primitive, args: Tuple[Any, ...], slots: List[Tuple[int, int]],
          inputs: List[Any]) -> Any:
    """``prim(*args)`` with the differentiable slots replaced by ``inputs``."""
    filled = example_arguments(prim, args, _as_tensor)
    for (i, j), x in zip(slots, inputs):
        if j < 0:
            filled[i] = x
        else:
            filled[i][j] = x
    return prim.invoke(*filled)


def _value(slot_value: Any) -> np.ndarray:
    return np.asarray(slot_value, dtype=np.float64)


def _check(prim: Primitive, args: Tuple[Any, ...]) -> None:
    rng = np.random.default_rng(7)
    slots = _slots(prim, args)
    assert slots, f"example for {prim.name} has no float64 input to differentiate"
    base = [_value(args[i] if j < 0 else args[i][j]) for i, j in slots]
    out0 = _call(prim, args, slots, [tf.Tensor(b, dtype=np.float64) for b in base])
    assert out0.dtype == np.float64, f"{prim.name} lost float64: {out0.dtype}"
    u = rng.standard_normal(out0.shape)
    vs = [rng.standard_normal(b.shape) for b in base]

    def scalar(*xs: Any) -> Any:
        return (_call(prim, args, slots, list(xs)) * tf.Tensor(u, dtype=np.float64)).sum()

    leaves = [tf.Tensor(b, dtype=np.float64) for b in base]
    grads = tf.gradient(scalar, *leaves)
    analytic = sum(
        float(np.sum(g.numpy() * v)) for g, v in zip(grads, vs) if g is not None
    )
    for g, b in zip(grads, base):
        assert g is None or (g.shape == b.shape and g.dtype == np.float64)

    def at(sign: float) -> float:
        xs = [tf.Tensor(b + sign * EPS * v, dtype=np.float64) for b, v in zip(base, vs)]
        return float(np.sum(_call(prim, args, slots, xs).numpy() * u))

    numeric = (at(1.0) - at(-1.0)) / (2 * EPS)
    assert analytic == pytest.approx(numeric, rel=1e-5, abs=1e-6), (
        f"{prim.name}{tuple(np.shape(a) if isinstance(a, np.ndarray) else a for a in args)}: "
        f"engine {analytic} vs finite differences {numeric}"
    )


def _cases() -> List[Any]:
    cases = []
    for name in sorted(REGISTRY):
        prim = REGISTRY[name]
        for k, args in enumerate(examples(prim)):
            cases.append(pytest.param(prim, args, id=f"{name}-{k}"))
    return cases


@pytest.mark.parametrize("prim", sorted(REGISTRY.values(), key=lambda p: p.name), ids=str)
def test_every_primitive_has_examples(prim: Primitive) -> None:
    assert examples(prim), (
        f'primitive "{prim.name}" has no gradient-check examples: attach them with '
        f"@p_{prim.name}.examples next to its forward and VJP (typedflux.ops.examples has "
        f"generators)"
    )


@pytest.mark.parametrize("prim", sorted(REGISTRY.values(), key=lambda p: p.name), ids=str)
def test_differentiable_primitives_have_a_vjp(prim: Primitive) -> None:
    assert (prim.vjp_fn is not None) == prim.spec.differentiable


@pytest.mark.parametrize("prim, args", _cases())
def test_gradient_matches_finite_differences(prim: Primitive, args: Tuple[Any, ...]) -> None:
    if not prim.spec.differentiable:
        # Piecewise constant (comparisons, argmax): nothing is recorded, so no gradient flows.
        slots = _slots(prim, args)
        leaves = [tf.Tensor(_value(args[i] if j < 0 else args[i][j]), dtype=np.float64)
                  for i, j in slots]
        tape = Tape()
        with tape:
            for leaf in leaves:
                tape.watch(leaf)
            out = _call(prim, args, slots, leaves)
        assert out.dtype.kind in "bi", out.dtype  # bools (comparisons) or int64 positions
        assert out._tape is None and tape.nodes == []
        return
    _check(prim, args)
