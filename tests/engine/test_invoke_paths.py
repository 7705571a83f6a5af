"""Every specialised invoke path gives the reference path's result: the same output (values,
dtype, shape), the same error, and the same gradients, for every primitive's gradient-check
examples in float64 and float32, with tensors, numpy arrays and Python numbers as operands."""

from __future__ import annotations

from typing import Any, Callable, List, Tuple

import numpy as np
import pytest

import typedflux as tf
import typedflux.ops  # noqa: F401  (binds every primitive)
from typedflux.engine.invoke import path_of
from typedflux.engine.primitive import PATHS, REGISTRY, Primitive
from typedflux.shapes.catalog import SPECS, Kind, OpSpec

from primitive_examples import example_arguments, examples



def _reference_copy(prim: Primitive) -> Primitive:
    """A stand-alone copy of ``prim`` on the reference path (not registered)."""
    ref = Primitive(prim.spec, path="reference")
    ref.bind(prim.forward, tf.Tensor)
    ref.vjp_fn = prim.vjp_fn
    return ref


def _as_inputs(prim: Primitive, args: Tuple[Any, ...], dtype: Any) -> List[Any]:
    """The example's arguments with float arrays as tensors of ``dtype`` (integer and bool
    arrays as tensors too; lists of arrays as lists of tensors)."""

    def conv(v: Any) -> Any:
        if isinstance(v, np.ndarray):
            return tf.Tensor(v.astype(dtype) if v.dtype.kind == "f" else v, dtype=None
                             if v.dtype.kind != "f" else dtype)
        return v

    return example_arguments(prim, args, conv)


def _outcome(f: Callable[[], Any]) -> Any:
    try:
        return ("ok", f())
    except Exception as e:  # the error itself is the result being compared
        return ("error", type(e), str(e))


def _same(a: Any, b: Any) -> None:
    assert a[0] == b[0], (a, b)
    if a[0] == "error":
        assert a[1:] == b[1:]
        return
    x, y = a[1], b[1]
    assert type(x) is type(y) is tf.Tensor
    assert x.data.dtype == y.data.dtype and x.data.shape == y.data.shape
    np.testing.assert_array_equal(x.data, y.data)


def _float_slots(prim: Primitive, inputs: List[Any]) -> List[Tuple[int, int]]:
    slots: List[Tuple[int, int]] = []
    for i, (a, v) in enumerate(zip(prim.spec.args, inputs)):
        if a.kind is Kind.TENSOR and isinstance(v, tf.Tensor) and v.data.dtype.kind == "f":
            slots.append((i, -1))
        elif a.kind is Kind.TENSORS:
            slots.extend((i, j) for j, x in enumerate(v)
                         if isinstance(x, tf.Tensor) and x.data.dtype.kind == "f")
    return slots


def _grads(p: Primitive, inputs: List[Any]) -> Any:
    slots = _float_slots(p, inputs)
    if not slots or not p.spec.differentiable:
        return None
    leaves = [inputs[i] if j < 0 else inputs[i][j] for i, j in slots]

    def f(*xs: Any) -> Any:
        filled = [list(v) if isinstance(v, list) else v for v in inputs]
        for (i, j), x in zip(slots, xs):
            if j < 0:
                filled[i] = x
            else:
                filled[i][j] = x
        out = p.invoke(*filled)
        return (out * out).sum()

    return [None if g is None else g.data for g in tf.gradient(f, *leaves)]


CASES = [
    pytest.param(name, k, dtype, id=f"{name}-{k}-{np.dtype(dtype).name}")
    for name in sorted(REGISTRY)
    if path_of(SPECS[name]) != "reference"
    for k in range(len(examples(REGISTRY[name])))
    for dtype in (np.float64, np.float32)
]


@pytest.mark.filterwarnings("ignore::UserWarning")  # float64 input to float32 layer weights
@pytest.mark.parametrize("name,k,dtype", CASES)
def test_specialised_path_matches_the_reference(name: str, k: int, dtype: Any) -> None:
    prim = REGISTRY[name]
    ref = _reference_copy(prim)
    inputs = _as_inputs(prim, examples(prim)[k], dtype)
    with np.errstate(all="ignore"):
        got = _outcome(lambda: prim.invoke(*inputs))
        want = _outcome(lambda: ref.invoke(*inputs))
        _same(got, want)
        if got[0] == "ok":
            g1, g2 = _grads(prim, inputs), _grads(ref, inputs)
            assert (g1 is None) == (g2 is None)
            for a, b in zip(g1 or [], g2 or []):
                assert (a is None) == (b is None)
                if a is not None:
                    assert a.dtype == b.dtype and a.shape == b.shape
                    np.testing.assert_allclose(a, b, rtol=1e-6 if dtype == np.float32 else 1e-12)


BINARY = sorted(n for n, p in REGISTRY.items() if p.path == "binary")
OPERANDS: List[Any] = [
    np.float32(0.5), 0.5, 2, -0.0, True, 1e300, np.ones((2, 3)), np.ones(3, np.float32),
]


@pytest.mark.parametrize("name", BINARY)
def test_binary_path_matches_the_reference_with_numbers_and_arrays(name: str) -> None:
    prim = REGISTRY[name]
    ref = _reference_copy(prim)
    shapes = [(2, 3), (3,), ()] if name != "matmul" else [(2, 3), (3, 2), (3,)]
    for xs in shapes:
        for dtype in (np.float32, np.float64, np.int64):
            x = tf.Tensor(np.arange(1, 1 + int(np.prod(xs))).reshape(xs) * 0.5, dtype=dtype)
            for y in OPERANDS + [x, tf.Tensor(np.ones((4,)), dtype=dtype)]:
                for a, b in ((x, y), (y, x)):
                    with np.errstate(all="ignore"):
                        _same(_outcome(lambda: prim.invoke(a, b)), _outcome(lambda: ref.invoke(a, b)))


def test_every_path_is_taken_by_some_primitive() -> None:
    assert {p.path for p in REGISTRY.values()} == set(PATHS)


@pytest.mark.parametrize("spec", [s for s in SPECS.values() if s.primitive], ids=lambda s: s.name)
def test_the_path_follows_the_argument_kinds(spec: OpSpec) -> None:
    kinds = tuple(a.kind for a in spec.args)
    path = REGISTRY[spec.name].path
    tensors = sum(k is Kind.TENSOR for k in kinds)
    if path == "binary":
        assert kinds == (Kind.TENSOR, Kind.TENSOR)
    elif path == "unary":
        assert kinds == (Kind.TENSOR,)
    elif path == "single":
        assert kinds[0] is Kind.TENSOR and tensors == 1 and Kind.TENSORS not in kinds
    elif path == "multi":
        assert tensors >= 2 and Kind.TENSORS not in kinds and Kind.INDEX not in kinds
    else:
        assert path == "reference"


@pytest.mark.parametrize("name,second", [("mul", "tensor"), ("add", "float"), ("exp", None)])
def test_the_fast_lanes_write_the_node_tape_record_writes(name: str, second: Any) -> None:
    # The two elementwise fast lanes write Tape.record's node inline (a call less per op).
    from typedflux.engine.tape import Tape

    prim = REGISTRY[name]
    x = tf.tensor([1.0, 2.0])
    y = {"tensor": tf.tensor([3.0, 4.0]), "float": 0.5, None: None}[second]
    operands = (x,) if y is None else (x, y)
    lane, by_record = Tape(), Tape()
    with lane:
        lane.watch_all([x] + ([y] if second == "tensor" else []))
        out = prim.invoke(*operands)
    with by_record:
        by_record.watch_all([x] + ([y] if second == "tensor" else []))
        twin = tf.Tensor(out.data)
        (node,) = lane.nodes
        by_record.record(twin, name, prim.vjp_fn, node[3], node[4], True)
    assert len(by_record.nodes) == 1 and len(node) == len(by_record.nodes[0])
    for a, b in zip(node, by_record.nodes[0]):
        assert type(a) is type(b)
        assert np.array_equal(a, b) if isinstance(a, np.ndarray) else a is b or a == b
    assert (out._tape, out._id) == (lane, node[2]) and (twin._tape, twin._id) == (by_record, node[2])
    assert lane.vals[-1] is out.data and node[5] is out.data and node[6] == len(node[3]) > 0
    assert node[3] == ((0, 1) if second == "tensor" else (0, -1) if second else (0,))
    assert node[4][0] is x.data and (second != "tensor" or node[4][1] is y.data)
