"""The exact words of every shape message, as raised by the rules (the plugin reports the same)."""

from __future__ import annotations

from typing import Any

import pytest

import typedflux.shapes  # noqa: F401  (registers every rule)
from typedflux.shapes import messages
from typedflux.shapes.catalog import SPECS
from typedflux.shapes.dims import UNKNOWN, Star, sym
from typedflux.shapes.errors import ShapeError

B, N = sym("B"), sym("N")


def message(name: str, **kw: Any) -> str:
    with pytest.raises(ShapeError) as info:
        SPECS[name].rule(**kw)
    err = info.value
    assert isinstance(err.message, str) and str(err) == err.message
    return err.message


CASES = [
    ("matmul", dict(x=(1, 2), w=(3, 4)),
     'Inner dimensions differ for "matmul": x has Tensor[1, 2], w has Tensor[3, 4]; '
     "need x.shape[-1] == w.shape[-2] (2 vs 3)"),
    ("matmul", dict(x=(B, 784), w=(10, 784)),
     'Inner dimensions differ for "matmul": x has Tensor[B, 784], w has Tensor[10, 784]; '
     "need x.shape[-1] == w.shape[-2] (784 vs 10); did you mean to transpose w (w.T)?"),
    ("matmul", dict(x=(5, 3), w=(5,)),
     'Inner dimensions differ for "matmul": x has Tensor[5, 3], w has Tensor[5]; '
     "need x.shape[-1] == w.shape[-1] (3 vs 5); did you mean to transpose x (x.T)?"),
    ("matmul", dict(x=(2, 3, 4), w=(5, 4, 6)),
     'Cannot broadcast batch dimensions for "matmul": x has Tensor[2, 3, 4], '
     "w has Tensor[5, 4, 6]; need equal sizes or 1 at axis -3 (2 vs 5)"),
    ("matmul", dict(x=(), w=(3,)),
     'Scalar operand for "matmul": x has Tensor[()], w has Tensor[3]; need at least 1 '
     "dimension in each operand (use * to scale by a scalar)"),
    ("add", dict(x=(B, 10), y=(B, 5)),
     'Cannot broadcast for "add": x has Tensor[B, 10], y has Tensor[B, 5]; need equal sizes '
     "or 1 at axis -1 (10 vs 5)"),
    ("sub", dict(x=(N, 3), y=(sym("M"), 3)),
     'Cannot broadcast for "sub": x has Tensor[N, 3], y has Tensor[M, 3]; need equal sizes '
     "or 1 at axis -2 (N vs M)"),
    ("add", dict(x=(Star("Bs"), 784), y=(700,)),
     'Cannot broadcast for "add": x has Tensor[*Bs, 784], y has Tensor[700]; need equal sizes '
     "or 1 at axis -1 (784 vs 700)"),
    ("sub", dict(x=(B, 10), y=(B,)),
     'Cannot broadcast for "sub": x has Tensor[B, 10], y has Tensor[B]; need equal sizes '
     "or 1 at axis -1 (10 vs B); did you mean y[..., None] (or keepdims=True where y was "
     "reduced)?"),
    ("div", dict(x=(32,), y=(32, 10)),
     'Cannot broadcast for "div": x has Tensor[32], y has Tensor[32, 10]; need equal sizes '
     "or 1 at axis -1 (32 vs 10); did you mean x[..., None] (or keepdims=True where x was "
     "reduced)?"),
    ("where", dict(cond=(3,), x=(1,), y=(4,)),
     'Cannot broadcast for "where": cond has Tensor[3], y has Tensor[4]; need equal sizes '
     "or 1 at axis -1 (3 vs 4)"),
    ("add_n", dict(xs=((2, 1), (1, 3), (2, 4))),
     'Cannot broadcast for "add": xs[1] has Tensor[1, 3], xs[2] has Tensor[2, 4]; need equal '
     "sizes or 1 at axis -1 (3 vs 4)"),
    ("add_n", dict(xs=()), 'No tensors for "add": xs is empty; need at least 1 tensor'),
    ("sum", dict(x=(B, 10), axis=2),
     'Axis out of range for "sum": x has Tensor[B, 10]; need -2 <= axis < 2 (axis 2)'),
    ("mean", dict(x=(B, 10), axis=(1, -1)),
     'Repeated axis for "mean": x has Tensor[B, 10]; need distinct axes (axis (1, -1) names '
     "axis 1 twice)"),
    ("max", dict(x=(0, 3), axis=0),
     'Empty reduction for "max": x has Tensor[0, 3]; need a nonzero size at axis 0 (0)'),
    ("reshape", dict(x=(B, 784), shape=(B, 700)),
     'Cannot reshape for "reshape": x has Tensor[B, 784], target is (B, 700); need equal '
     "element counts (784*B vs 700*B)"),
    ("reshape", dict(x=(10, 3), shape=(-1, 7)),
     'Cannot reshape for "reshape": x has Tensor[10, 3], target is (-1, 7); need the element '
     "count divisible by the other target sizes (30 vs 7)"),
    ("reshape", dict(x=(6,), shape=(-1, -1)),
     'Cannot reshape for "reshape": x has Tensor[6], target is (-1, -1); need at most one -1 '
     "(2 given)"),
    ("reshape", dict(x=(6,), shape=(3, -2)),
     'Cannot reshape for "reshape": x has Tensor[6], target is (3, -2); need sizes >= 0 or a '
     "single -1 (-2 at position 1)"),
    ("transpose", dict(x=(2, 3, 4), axes=(0, 1)),
     'Wrong axes for "transpose": x has Tensor[2, 3, 4]; need a permutation of 0..2 '
     "(axes (0, 1))"),
    ("swapaxes", dict(x=(2, 3), axis1=0, axis2=2),
     'Axis out of range for "swapaxes": x has Tensor[2, 3]; need -2 <= axis < 2 (axis 2)'),
    ("squeeze", dict(x=(B, 3), axis=1),
     'Cannot squeeze for "squeeze": x has Tensor[B, 3]; need size 1 at axis 1 (3)'),
    ("squeeze", dict(x=(Star("Bs"), N), axis=-1),
     'Cannot squeeze for "squeeze": x has Tensor[*Bs, N]; need size 1 at axis -1 (N)'),
    ("unsqueeze", dict(x=(2, 3), axis=3),
     'Axis out of range for "unsqueeze": x has Tensor[2, 3]; need -3 <= axis <= 2 (axis 3)'),
    ("stack", dict(xs=((2, 3), (2, 3)), axis=-4),
     'Axis out of range for "stack": xs[0] has Tensor[2, 3]; need -3 <= axis <= 2 (axis -4)'),
    ("flatten", dict(x=()),
     'Too few dimensions for "flatten": x has Tensor[()]; need at least 1 dimension (0 given)'),
    ("concat", dict(xs=((B, 3), (N, 5)), axis=-1),
     'Sizes differ for "concat": xs[0] has Tensor[B, 3], xs[1] has Tensor[N, 5]; need equal '
     "sizes except at axis 1 (B vs N at axis 0)"),
    ("concat", dict(xs=((2, 3), (3,)), axis=0),
     'Ranks differ for "concat": xs[0] has Tensor[2, 3], xs[1] has Tensor[3]; need equal '
     "ranks (2 vs 1)"),
    ("concat", dict(xs=((), ()), axis=0),
     'Cannot join scalars for "concat": xs[0] has Tensor[()]; need at least 1 dimension '
     "(use stack for scalars)"),
    ("stack", dict(xs=((2, 3), (2, 3), (2, 4)), axis=0),
     'Sizes differ for "stack": xs[0] has Tensor[2, 3], xs[2] has Tensor[2, 4]; need equal '
     "shapes (3 vs 4 at axis 1)"),
    ("cat", dict(xs=(), axis=-1), 'No tensors for "cat": xs is empty; need at least 1 tensor'),
    ("getitem", dict(x=(3, 4), key=(0, 4)),
     'Index out of range for "getitem": x has Tensor[3, 4]; need -4 <= index < 4 at axis 1 '
     "(index 4)"),
    ("getitem", dict(x=(3, 4), key=(Ellipsis, -5)),
     'Index out of range for "getitem": x has Tensor[3, 4]; need -4 <= index < 4 at axis 1 '
     "(index -5)"),
    ("getitem", dict(x=(3, 4), key=(0, 0, 0)),
     'Too many indices for "getitem": x has Tensor[3, 4]; need at most 2 indices (3 given)'),
    ("getitem", dict(x=(3, 4), key=(Ellipsis, None, Ellipsis)),
     'Invalid index for "getitem": x has Tensor[3, 4]; need at most one ... (2 given)'),
    ("getitem", dict(x=(3, 4), key=slice(None, None, 0)),
     'Invalid index for "getitem": x has Tensor[3, 4]; need a nonzero slice step (at axis 0)'),
    ("softmax", dict(x=(B, 10), axis=2),
     'Axis out of range for "softmax": x has Tensor[B, 10]; need -2 <= axis < 2 (axis 2)'),
    ("zeros", dict(shape=(3, -1)),
     'Negative size for "zeros": shape is (3, -1); need sizes >= 0 (-1 at position 1)'),
    ("full", dict(shape=(-2,)),
     'Negative size for "full": shape is (-2); need sizes >= 0 (-2 at position 0)'),
    ("arange", dict(start=0, stop=5, step=0),
     'Zero step for "arange": step is 0; need a nonzero step'),
]


@pytest.mark.parametrize("name, kw, text", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_message_text(name: str, kw: Any, text: str) -> None:
    assert message(name, **kw) == text


def test_messages_follow_the_house_form() -> None:
    for name, kw, _ in CASES:
        text = message(name, **kw)
        assert text[0].isupper() and not text.endswith(".")
        assert f'"{SPECS[name].functions[0] if name in ("add_n", "mul_n") else name}"' in text
        assert "; need " in text


def test_shapes_display() -> None:
    assert messages.fmt_shape((B, 784)) == "Tensor[B, 784]"
    assert messages.fmt_shape((Star("Bs"), 784)) == "Tensor[*Bs, 784]"
    assert messages.fmt_shape(()) == "Tensor[()]"
    assert messages.fmt_shape((UNKNOWN, 2 * N + 1)) == "Tensor[?, 2*N + 1]"
    assert messages.fmt_shape((Star(), 64)) == "Tensor[..., 64]"
    assert messages.fmt_shape((N // 2, 3 * (N // 2))) == "Tensor[N//2, 3*(N//2)]"


def test_chain_and_layer_messages() -> None:
    assert messages.chain_mismatch(
        2, "Dense(64 => 10)", (Star(), 64), 1, "Dense(784 => 32, relu)", (B, 32)
    ) == ("Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 "
          "Dense(784 => 32, relu) produces Tensor[B, 32]")
    assert messages.chain_mismatch(
        2, "Dense(64 => 10)", (Star(), 64), 1, "Dense(784 => 32, relu)", (B, 32),
        "change Dense(64 => 10) to Dense(32 => 10)",
    ).endswith("produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)")
    assert messages.layer_input_mismatch("Dense(784 => 32, relu)", (Star(), 784), (16, 100), -1) \
        == ("Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; "
            "need size 784 at axis -1 (got 100)")
    assert messages.layer_input_mismatch("Dense(784 => 32)", (Star(), 784), (B, 100), -1, 3) \
        .startswith("Chain layer 3 Dense(784 => 32) expects input")


def test_annotation_and_binding_messages() -> None:
    assert messages.argument_mismatch("predict", "x", (B, 784), (32, 100), 1) == (
        'Argument "x" of "predict" has shape Tensor[32, 100], which does not match the '
        "annotation Tensor[B, 784]: axis 1 is 100, expected 784")
    assert messages.return_mismatch((B, 10), (B, 10, 1)) == (
        "Return shape Tensor[B, 10, 1] does not match the annotation Tensor[B, 10]: "
        "rank is 3, expected 2")
    assert messages.yield_mismatch((Star("Bs"), 10), (B, 9), 1, "tuple item 0") == (
        "Yielded shape Tensor[B, 9] (tuple item 0) does not match the annotation "
        "Tensor[*Bs, 10]: axis 1 is 9, expected 10")
    assert messages.assignment_mismatch("h", (B, 64), (B, 32), 1) == (
        'Assigned shape Tensor[B, 32] does not match the annotation Tensor[B, 64] of "h": '
        "axis 1 is 32, expected 64")
    assert messages.binding_conflict("f", "B", 'argument "x"', 32, 'argument "y"', 16) == (
        'Dim "B" differs for "f": argument "x" gives B = 32, argument "y" gives B = 16; '
        "need one size for B (32 vs 16)")
