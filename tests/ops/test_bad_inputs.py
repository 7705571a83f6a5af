"""Bad input to the ops gives a clear error naming the op and the argument (never a bare numpy
traceback); shape slips are ShapeErrors in the checker's words."""

from __future__ import annotations

import re
from typing import Any, Callable, Type

import numpy as np
import pytest

import typedflux as tf

x = tf.tensor(np.arange(12.0).reshape(3, 4))

CASES = [
    # (call, exception type, message pattern)
    (lambda: tf.clamp(x), ValueError, r'"clamp" needs at least one bound: min or max'),
    (lambda: tf.clamp(x, min=tf.zeros(4)), TypeError,  # type: ignore[arg-type]
     r'"clamp" needs a number or None for min, got Tensor'),
    (lambda: tf.clamp(x, max="1"), TypeError,  # type: ignore[arg-type]
     r'"clamp" needs a number or None for max, got str'),
    (lambda: tf.argmax(x, axis=(0, 1)), TypeError,  # type: ignore[arg-type]
     r'"argmax" takes one axis \(an int or None\) for axis, got \(0, 1\)'),
    (lambda: tf.argmin(x, axis=2), tf.ShapeError,
     r'Axis out of range for "argmin": x has Tensor\[3, 4\]; need -2 <= axis < 2 \(axis 2\)'),
    (lambda: tf.argmax(tf.zeros(0, 3), axis=0), tf.ShapeError,
     r'Empty reduction for "argmax": x has Tensor\[0, 3\]; need a nonzero size at axis 0'),
    (lambda: tf.tril(x, k=0.5), TypeError, r'"tril" needs an int for k, got float'),  # type: ignore[arg-type]
    (lambda: tf.triu(tf.ones(3)), tf.ShapeError,
     r'Too few dimensions for "triu": x has Tensor\[3\]; need at least 2 dimensions'),
    (lambda: tf.cumsum(x, axis=-3), tf.ShapeError, r'Axis out of range for "cumsum"'),
    (lambda: tf.var(x, axis=(1, 1)), tf.ShapeError, r'Repeated axis for "var"'),
    (lambda: tf.std(x, axis=5), tf.ShapeError, r'Axis out of range for "std"'),
    (lambda: tf.max(x, axis=3), tf.ShapeError, r'Axis out of range for "max"'),
    (lambda: tf.einsum(tf.ones(2), "i->i"), TypeError,  # type: ignore[arg-type]
     r'"einsum" needs a string for subscripts, got Tensor \(the subscripts come first'),
    (lambda: tf.einsum("ij,jk->ik", x, x), tf.ShapeError,
     r'Sizes differ for "einsum": xs\[0\] has Tensor\[3, 4\], xs\[1\] has Tensor\[3, 4\]; '
     r'need one size for "j" in "ij,jk->ik" \(4 at axis 1 of xs\[0\] vs 3 at axis 0 of xs\[1\]\)'),
    (lambda: tf.einsum("ij,jk->ik", x, "a"), TypeError,  # type: ignore[arg-type]
     r'"einsum" needs a Tensor or a number for xs\[1\], got str'),
    (lambda: tf.rearrange(x, ["a b -> b a"]), TypeError,  # type: ignore[arg-type]
     r'"rearrange" needs a string for pattern, got list'),
    (lambda: tf.rearrange(x, "a (h d) -> a h d", h=1.5), TypeError,  # type: ignore[arg-type]
     r'"rearrange" needs an int for the size h=, got float'),
    (lambda: tf.rearrange(x, "a (h d) -> a h d", h=3), tf.ShapeError,
     r'Cannot split axis for "rearrange": x has Tensor\[3, 4\], pattern "a \(h d\) -> a h d" '
     r'with h=3; need 4 divisible by 3 to split axis 1 into \(h d\) \(4 % 3 = 1\)'),
    (lambda: tf.split(x, 2), TypeError,  # type: ignore[arg-type]
     r'"split" needs a tuple or list of sizes for sizes, got int \(for n equal parts use chunk\(x, n\)\)'),
    (lambda: tf.split(x, (2, 1.5)), TypeError,  # type: ignore[arg-type]
     r'"split" needs an int for sizes\[1\], got float'),
    (lambda: tf.split(x, (1, 2)), tf.ShapeError,
     r'Sizes do not add up for "split": x has Tensor\[3, 4\], sizes are \(1, 2\); need a sum of 4 at axis 1 \(3 vs 4\)'),
    (lambda: tf.split(x, (5, -1)), tf.ShapeError, r'Negative size for "split"'),
    (lambda: tf.chunk(x, 0), tf.ShapeError, r'need at least 1 chunk'),
    (lambda: tf.chunk(x, 3), tf.ShapeError,
     r'Cannot split evenly for "chunk": x has Tensor\[3, 4\], chunks is 3; need the size at axis 1 divisible by 3 \(4 % 3 = 1\)'),
    (lambda: tf.chunk(x, 2, axis=2), tf.ShapeError, r'Axis out of range for "chunk"'),
    (lambda: tf.chunk(x, "2"), TypeError, r'"chunk" needs an int for chunks, got str'),  # type: ignore[arg-type]
    (lambda: tf.tile(x, 2, -1), tf.ShapeError,
     r'Negative count for "tile": reps is \(2, -1\); need counts >= 0 \(-1 at position 1\)'),
    (lambda: tf.tile(x, 2.0), TypeError, r'"tile" needs ints for reps, got float at position 0'),  # type: ignore[arg-type]
    (lambda: tf.repeat(x, 2), tf.ShapeError, r'Too few counts for "repeat": x has Tensor\[3, 4\]'),
    (lambda: tf.repeat_interleave(x, 2, axis=(0, 1)), TypeError,  # type: ignore[arg-type]
     r'"repeat_interleave" takes one axis'),
    (lambda: tf.repeat_interleave(x, -2), tf.ShapeError, r'Negative count for "repeat_interleave"'),
    (lambda: tf.pad(x, ((1, 1),)), tf.ShapeError,
     r'Cannot pad for "pad": x has Tensor\[3, 4\], widths is \(\(1, 1\),\); need one \(before, after\) pair per axis \(1 given for rank 2\)'),
    (lambda: tf.pad(x, (1, 1)), TypeError, r'"pad" needs a \(before, after\) pair for widths\[0\], got 1'),  # type: ignore[arg-type]
    (lambda: tf.pad(x, ((0, 0), (4, 0)), mode="reflect"), tf.ShapeError,
     r'need reflect widths below the axis size \(4 vs 4 at axis 1\)'),
    (lambda: tf.pad(x, ((0, 0), (1, 1)), mode="edge"), ValueError,
     r'"pad" needs one of constant, reflect, replicate, circular for mode, got \'edge\''),
    (lambda: tf.pad(x, ((0, 0), (1, 1)), value="0"), TypeError, r'"pad" needs a number for value'),  # type: ignore[arg-type]
    (lambda: tf.take_along_axis(x, tf.tensor([[0.0]]), 1), TypeError,
     r'"take_along_axis" needs an integer tensor for indices, got float32'),
    (lambda: tf.take_along_axis(x, tf.tensor([[4]]), 1), IndexError,
     r'"take_along_axis": indices holds 4; need -4 <= index < 4 along axis 1'),
    (lambda: tf.take_along_axis(x, tf.tensor([0]), 0), tf.ShapeError,
     r'Cannot index for "take_along_axis": x has Tensor\[3, 4\], indices has Tensor\[1\]; need equal ranks \(2 vs 1\)'),
    (lambda: tf.gather(x, 1, tf.tensor([[0]] * 5)), tf.ShapeError,
     r'need index sizes <= x sizes off the axis \(5 vs 3 at axis 0\)'),
    (lambda: tf.reduce(x, "a b -> a", "median"), ValueError,
     r'"reduce" needs one of sum, mean, max, min for reduction, got \'median\''),
    (lambda: tf.reduce(x, "a b c -> a", "sum"), tf.ShapeError,
     r'Wrong rank for "reduce": x has Tensor\[3, 4\], pattern "a b c -> a" names 3 axes; need rank 3 \(got 2\)'),
    (lambda: tf.reduce(x, 3, "sum"), TypeError, r'"reduce" needs a string for pattern, got int'),  # type: ignore[arg-type]
    (lambda: tf.sin("a"), TypeError, r'"sin" needs a Tensor or a number for x, got str'),  # type: ignore[arg-type]
]


@pytest.mark.parametrize("call, error, pattern", CASES, ids=[c[2][:40] for c in CASES])
def test_bad_input_is_a_clear_error(call: Callable[[], Any], error: Type[Exception],
                                    pattern: str) -> None:
    with pytest.raises(error) as raised:
        call()
    assert re.search(pattern, str(raised.value)), str(raised.value)


def test_std_error_names_std_not_var() -> None:
    # A composite runs its own rule first, so the message names the op the user called.
    with pytest.raises(tf.ShapeError, match='"std"'):
        tf.std(tf.zeros(2, 3), axis=2)


def test_causal_mask_from_tril_of_bools() -> None:
    mask = tf.tril(tf.ones(3, 3)) > 0
    assert mask.dtype == np.bool_
    assert mask.numpy().tolist() == [[True, False, False], [True, True, False], [True, True, True]]
    assert tf.tril(tf.tensor(np.ones((2, 2), dtype=bool))).dtype == np.bool_
