"""The oracle tells clean errors from escapes; and the escapes this suite found in the
registry, the kernels and the checkpoint API stay fixed (exact messages)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest

import typedflux as tf
from oracle import escape


def test_oracle_accepts_clean_errors_and_flags_escapes() -> None:
    assert escape(lambda: tf.zeros(2, 3) @ tf.zeros(2, 3)) is None  # ShapeError, raised by us
    assert escape(lambda: tf.tensor("a")) is None  # TypeError, raised by us
    assert escape(lambda: tf.zeros(2, 3, 4, 5, 6, 7, wrong=1)) is None  # Python's binding
    assert escape(lambda: np.zeros(3).reshape(7)) is not None  # numpy's own ValueError
    bad: Any = None
    found = escape(lambda: bad.data)
    assert found is not None and found.startswith("AttributeError")
    assert escape(lambda: [][1]) is not None  # IndexError


def test_reshape_and_axes_take_ints_only() -> None:
    x = tf.ones(2, 3)
    with pytest.raises(TypeError, match='^"reshape" needs ints for shape, got \\(1.5,\\)'):
        x.reshape(1.5)
    with pytest.raises(TypeError, match='^"reshape" needs ints for shape, got \\(6, 0.5\\)'):
        tf.reshape(x, (6, 0.5))
    with pytest.raises(TypeError, match='^"sum" needs an int, a tuple of ints or None for axis'):
        tf.sum(x, axis=tf.tensor(1))
    with pytest.raises(TypeError, match='^"sum" needs an int, a tuple of ints or None for axis'):
        x.sum(axis=(0, 1.5))
    with pytest.raises(TypeError, match='^"softmax" needs an int for axis, got \'a\''):
        tf.softmax(x, axis="a")
    with pytest.raises(TypeError, match='^"sum" needs True or False for keepdims'):
        tf.sum(x, axis=0, keepdims="yes")
    assert tf.sum(x, axis=np.int64(1)).shape == (2,)
    assert tf.sum(x, axis=[0, 1]).shape == ()


def test_numpy_arrays_of_strings_or_objects_are_refused_by_every_op() -> None:
    with pytest.raises(TypeError, match='^"exp" needs numbers or bools for x, got a numpy '
                                        'array of <U1'):
        tf.exp(np.array(["a"]))
    with pytest.raises(TypeError, match='^"add" needs numbers or bools for y, got a numpy '
                                        'array of object'):
        tf.ones(2) + np.array([None, 1], dtype=object)
    assert (tf.exp(np.zeros(2)).numpy() == 1).all()  # numeric arrays still work


def test_recurrent_layers_take_an_empty_batch() -> None:
    for layer in (tf.RNN(3, 4), tf.LSTM(3, 4), tf.GRU(3, 4)):
        assert layer(tf.zeros(0, 5, 3)).shape == (0, 5, 4)


def test_composites_read_their_arguments_as_primitives_do() -> None:
    # composite_rule reads every argument by its kind before the rule runs: the error names
    # the op the user called and the argument (these were AttributeErrors and numpy's
    # truth-value errors).
    x = tf.ones(2, 1, 3)
    with pytest.raises(TypeError, match='^"squeeze" needs a Tensor or a number for x, got list'):
        tf.squeeze([[1.0]])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match='^"flatten" needs a Tensor or a number for x, got NoneType'):
        tf.flatten(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match='^"swapaxes" needs an int for axis1, got None'):
        tf.swapaxes(x, None, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match='^"unsqueeze" needs an int for axis, got Tensor'):
        tf.unsqueeze(x, tf.ones(2))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match='^"mean" needs True or False for keepdims, got Tensor'):
        tf.mean(x, None, tf.zeros(0))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match='^"std" needs True or False for keepdims'):
        tf.std(x, 0, tf.ones(2))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match='^"cat" needs an int for axis, got Tensor'):
        tf.cat(x, x, axis=tf.ones(2))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r'^"add" needs a Tensor or a number for xs\[1\], got str'):
        tf.add(x, "a")  # type: ignore[arg-type]
    # Numbers and numpy arrays are operands, as for primitives.
    assert tf.flatten(np.ones((2, 3, 4))).shape == (2, 12)
    assert tf.swapaxes(np.ones((2, 3)), 0, 1).shape == (3, 2)
    assert tf.squeeze(2.5).shape == ()
    assert tf.mean(x, axis=[0, 2], keepdims=np.bool_(True)).shape == (1, 1, 1)


def test_slopes_and_fill_values_are_numbers() -> None:
    x = tf.tensor([-2.0, 1.0])
    for call, op, arg in ((lambda: tf.leakyrelu(x, "abc"), "leakyrelu", "a"),
                          (lambda: tf.elu(x, None), "elu", "alpha"),
                          (lambda: tf.leakyrelu(x, tf.tensor(0.1)), "leakyrelu", "a"),
                          (lambda: tf.pad(x, ((1, 1),), value=True), "pad", "value")):
        with pytest.raises(TypeError, match=f'^"{op}" needs a number for {arg}, got '):
            call()
    assert tf.leakyrelu(x, np.float32(0.5)).numpy().tolist() == [-1.0, 1.0]


def test_softmax_family_of_empty_slices() -> None:
    # The sum of no exponentials is 0: logsumexp is -inf, as torch's (not numpy's
    # "zero-size array to reduction operation maximum").
    assert tf.logsumexp(tf.zeros(0)).item() == -np.inf
    assert tf.logsumexp(tf.zeros(2, 0), axis=1).numpy().tolist() == [-np.inf, -np.inf]
    assert tf.softmax(tf.zeros(2, 0)).shape == (2, 0)
    assert tf.logsoftmax(tf.zeros(0, 3)).shape == (0, 3)


def test_outputsize_and_summary_check_their_arguments() -> None:
    model = tf.Chain(tf.Dense(3, 2))
    for fn in (tf.outputsize, tf.summary):
        name = fn.__name__
        for bad in ("abc", 1.5, tf.ones(2, 3), (2, 3.0), (True, 3)):
            with pytest.raises(TypeError, match=f"^{name}: input_shape must be a tuple of ints"):
                fn(model, bad)
        with pytest.raises(ValueError, match=f"^{name}: input_shape must hold sizes >= 0"):
            fn(model, (-1, 3))
        with pytest.raises(TypeError, match=f"^{name}: model must be a layer, a Chain or a "
                                            "function, got NoneType"):
            fn(None, (2, 3))
    assert tf.outputsize(model, [np.int64(5), 3]) == (5, 2)


def test_dataloader_of_no_entries() -> None:
    for data in ((), {}):
        with pytest.raises(ValueError, match="^DataLoader: data is an empty"):
            tf.DataLoader(data)


def test_results_too_large_for_numpy_are_memory_errors_naming_the_op_or_layer() -> None:
    # np.tile of 4 * 2**62 elements crashed the interpreter (a segfault, not an exception).
    with pytest.raises(MemoryError, match=r'^"tile" would make a tensor of shape \(2, 6, '):
        tf.repeat(tf.ones(2, 3, 4), 1, 2, 2**62)
    with pytest.raises(MemoryError, match=r'^"tile" would make a tensor of shape \(2, 0, '):
        tf.ones(2, 3, 4).tile(0, 2**62)  # empty, but with an axis numpy cannot hold
    with pytest.raises(MemoryError, match=r"^Upsample\(scale=1099511627776\) would make an "
                                          r"output of shape \(1, 2, 3298534883328, "):
        tf.Upsample(2**40)(tf.ones(1, 2, 3, 3))


def test_conversions_of_a_tensor_of_several_elements_name_themselves() -> None:
    for convert, what in ((lambda t: t.item(), "item()"), (bool, "bool()"), (float, "float()"),
                          (int, "int()")):
        with pytest.raises(ValueError, match=rf"^{re.escape(what)} needs a tensor of one "
                                             r"element, got Tensor\[3\]"):
            convert(tf.ones(3))
    assert (int(tf.ones(1, 1)), float(tf.tensor([[2.5]])), bool(tf.tensor([0]))) == (1, 2.5, False)


def test_std_and_var_gradients_where_the_spread_is_zero_or_undefined() -> None:
    # torch's: std's gradient is 0 where the variance is 0 (sqrt(var)'s was NaN), and a
    # correction leaving no degrees of freedom gives var an infinite gradient, 2/0 times
    # x - mean (was a ZeroDivisionError).
    x = tf.tensor([[2.0, 2.0], [1.0, 3.0]], dtype=np.float64)
    (g,) = tf.gradient(lambda x: tf.std(x, axis=1).sum(), x)
    np.testing.assert_allclose(g.numpy(), [[0, 0], [-0.5**0.5, 0.5**0.5]])
    with np.errstate(all="ignore"):
        (g,) = tf.gradient(lambda x: tf.var(x, correction=2), tf.tensor([1.0, 2.0]))
    assert g.numpy().tolist() == [-np.inf, np.inf]
    assert tf.std(tf.tensor([[2.0, 2.0], [1.0, 3.0]]), axis=1, correction=0).numpy().tolist() == [
        0.0, 1.0]


def test_argument_checks_found_by_the_attack() -> None:
    x = tf.ones(2, 3)
    with pytest.raises(TypeError, match='^"var" needs a number for correction, got NoneType'):
        tf.var(x, correction=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match='^"std" needs a number for correction, got str'):
        tf.std(x, correction="1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match='^"pad" needs one of constant, .* for mode, got array'):
        tf.pad(x, ((0, 0), (1, 1)), mode=np.array(["reflect"]))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^mse: yhat holds Python objects|^mse: data holds"):
        tf.losses.mse([None], x)
    with pytest.raises(TypeError, match="^huber_loss: delta must be a real number, got None"):
        tf.losses.huber_loss(x, x, delta=None)  # type: ignore[arg-type]
    assert tf.losses.label_smoothing(tf.zeros(2, 0), 0.1).shape == (2, 0)
    with pytest.raises(TypeError, match='^Wrong argument type for "Maxout": f = Dense'):
        tf.Maxout(tf.Dense(3, 4), 2)
    with pytest.raises(TypeError, match="^arange: dtype must be a number type, got bool"):
        tf.arange(0, 6, 2, dtype=bool)
    with pytest.raises(ValueError, match=r"^onehot: sizes \(2, 4611686018427387904\) hold"):
        tf.onehot([0, 1], 2**62)
    with pytest.raises(ValueError, match="^onehot: labels must be an integer tensor or a"):
        tf.onehot([[0, 1], [2]], 3)


def test_clipnorm_of_a_large_order_is_the_largest_entry_not_an_overflow() -> None:
    from typedflux.optimise.composable import ClipNorm

    g = np.array([3.0, -4.0])
    np.testing.assert_allclose(ClipNorm(1.0, p=2**62).apply(None, g, g)[1], [0.75, -1.0])
    np.testing.assert_allclose(ClipNorm(1.0, p=1000).apply(None, g, g)[1], [0.75, -1.0])
    with pytest.raises(FloatingPointError, match="2-norm is inf"):
        ClipNorm(1.0).apply(None, g, np.array([np.inf, 1.0]))
