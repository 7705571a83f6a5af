"""Ops on bool and integer tensors: a clean error naming the op, the dtypes and the fix where
the arithmetic is not defined on bools, and real functions computed in float32 (numpy alone
computes bool, int8 and uint8 data in float16, where ``exp(12)`` is inf, and subtracts
unsigned integers with wrap-around inside softmax's shift).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf

B = tf.tensor(np.array([True, False, True]))


@pytest.mark.parametrize("call, words", [
    (lambda: B - B, '"sub": x - y of bool tensors is not defined (x is bool, y is bool); for a '
                    'logical xor use x != y; for numbers make them integers first: x * 1 - y'),
    (lambda: True - B, '"sub": x - y of bool tensors is not defined (x is bool, y is bool)'),
    (lambda: B - True, '"sub": x - y of bool tensors is not defined (x is bool, y is bool)'),
    (lambda: -B, '"neg": -x of a bool tensor is not defined (x is bool); for a logical not use '
                 'x == False; for numbers make it an integer first: -(x * 1)'),
    (lambda: B @ B, '"matmul": x @ w of bool tensors would be a logical product (True, not a '
                    'count) (x is bool, w is bool); make one operand an integer or float first: '
                    '(x * 1) @ w'),
    (lambda: tf.einsum("i,i->", B, B), '"einsum": einsum of bool tensors would be a logical '
                                       'product (True, not a count) (the operands are bool, bool)'),
    (lambda: tf.einsum("i->", B), '"einsum": einsum of a bool tensor would be a logical product'),
])
def test_bool_arithmetic_numpy_refuses_or_gets_wrong_is_a_typeerror_naming_op_and_fix(call, words):
    with pytest.raises(TypeError) as info:
        call()
    assert str(info.value).startswith(words)


def test_the_suggested_fixes_work_and_defined_bool_arithmetic_is_kept():
    c = tf.tensor(np.array([True, True, False]))
    assert (B != c).numpy().tolist() == [False, True, True]  # the xor the message offers
    assert (B == False).numpy().tolist() == [False, True, False]  # noqa: E712 - the not
    assert (B * 1 - c).numpy().tolist() == [0, -1, 1]
    assert (-(B * 1)).numpy().tolist() == [-1, 0, -1]
    assert ((B * 1) @ c).item() == 1
    # numpy and PyTorch agree on these: or, and, a bool minus an int, a mixed product.
    assert (B + c).numpy().tolist() == [True, True, True]
    assert (B * c).numpy().tolist() == [True, False, False]
    assert (B - 1).numpy().tolist() == [0, -1, 0]
    assert (B @ tf.tensor([1.0, 2.0, 3.0])).item() == 4.0
    assert tf.einsum("i,i->", B, tf.tensor([1, 2, 3])).item() == 4


_REAL = {
    "exp": (tf.exp, np.exp), "log": (tf.log, np.log), "sqrt": (tf.sqrt, np.sqrt),
    "sin": (tf.sin, np.sin), "cos": (tf.cos, np.cos), "tanh": (tf.tanh, np.tanh),
    "softplus": (tf.softplus, lambda v: np.logaddexp(v, 0)),
    "elu": (tf.elu, lambda v: np.where(v > 0, v, np.expm1(np.minimum(v, 0)))),
    "softmax": (lambda t: tf.softmax(t, axis=-1),
                lambda v: np.exp(v - v.max(-1, keepdims=True))
                / np.exp(v - v.max(-1, keepdims=True)).sum(-1, keepdims=True)),
    "logsoftmax": (lambda t: tf.logsoftmax(t, axis=-1),
                   lambda v: v - v.max(-1, keepdims=True)
                   - np.log(np.exp(v - v.max(-1, keepdims=True)).sum(-1, keepdims=True))),
    "logsumexp": (lambda t: tf.logsumexp(t, axis=-1),
                  lambda v: np.log(np.exp(v - v.max(-1, keepdims=True)).sum(-1))
                  + v.max(-1)),
}
_INTS = [np.bool_, np.int8, np.uint8, np.int16, np.uint16, np.int32, np.int64, np.uint64]


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(sorted(_REAL)), dt=st.sampled_from(_INTS),
       values=st.lists(st.integers(0, 40), min_size=1, max_size=6))
def test_real_functions_of_bool_and_integer_tensors_are_float32_and_right(name, dt, values):
    """Any real function of bool/integer data is the float64 result, as float32 (before:
    float16 for bool/int8/uint8, so exp(12) was inf; softmax of uint8 was nan)."""
    data = np.array(values) % (2 if dt is np.bool_ else 41)
    x = tf.tensor(data.astype(dt), dtype=dt)
    ours, ref = _REAL[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # log(0) is -inf, as it should be
        out = ours(x)
        want = ref(data.astype(np.float64))
    assert out.dtype == np.float32, (name, dt)
    np.testing.assert_allclose(out.numpy(), want, rtol=2e-6, atol=1e-6)


def test_exp_of_uint8_twelve_is_finite_and_softmax_of_uint8_has_no_nan():
    u = tf.tensor(np.array([[12, 0, 3]], np.uint8), dtype=np.uint8)
    assert tf.exp(u).numpy()[0, 0] == pytest.approx(np.exp(12.0), rel=1e-6)
    assert np.isfinite(tf.softmax(u).numpy()).all()
    assert np.isfinite(tf.losses.logitcrossentropy(u, tf.tensor([[1.0, 0.0, 0.0]])).item())


def test_float_tensors_keep_their_dtype():
    for dt in (np.float16, np.float32, np.float64):
        x = tf.tensor(np.array([0.5, 2.0]), dtype=dt)
        for f in (tf.exp, tf.tanh, tf.softplus, tf.softmax, tf.elu):
            assert f(x).dtype == dt


@pytest.mark.parametrize("call, words", [
    (lambda x: tf.where(x > 1, x, 300), '"where": y = 300, which int8 cannot hold'),
    (lambda x: tf.where(x > 1, -200, x), '"where": x = -200, which int8 cannot hold'),
    (lambda x: tf.pad(x, ((1, 1),), value=300), '"pad": value = 300, which int8 cannot hold'),
    (lambda x: tf.pad(x, ((1, 1),), value=float("nan")), '"pad": value = nan, which int8 '
                                                        'cannot hold; pad a float tensor'),
    (lambda x: tf.pad(x, ((1, 1),), value=1e300), '"pad": value = 1e+300, which int8 cannot'),
])
def test_a_number_an_integer_tensor_cannot_hold_is_a_valueerror(call, words):
    """Before: where gave 44 for 300 (wrapped around silently); pad raised numpy's bare
    OverflowError / ValueError."""
    x = tf.tensor(np.array([1, 2], np.int8), dtype=np.int8)
    with pytest.raises(ValueError) as info:
        call(x)
    assert str(info.value).startswith(words)


def test_numbers_an_integer_tensor_holds_still_work():
    x = tf.tensor(np.array([1, 2], np.int8), dtype=np.int8)
    assert tf.where(x > 1, x, 100).numpy().tolist() == [100, 2]
    assert tf.where(x > 1, x, 100).dtype == np.int8
    assert tf.pad(x, ((1, 0),), value=-128).numpy().tolist() == [-128, 1, 2]
    assert tf.where(x > 1, x, 0.5).numpy().tolist() == [0.5, 2.0]
