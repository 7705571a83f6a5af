"""A float64 tensor stays float64 however its dtype was spelled or made. numpy makes equal
dtypes that are distinct objects (``dt.newbyteorder("=")``, int64 spelled ``"q"``) and the
engine's fast paths compare dtypes by identity: before, ``tf.zeros``/``tf.ones``/``tf.arange``
with ``dtype=np.float64`` held such an object, and ``sum``, ``mean``, ``max``, ``var``,
``concat``, ``where``, ``mse`` and ``withgradient``'s value of them came back float32
(silently, 22 of 87 op/creation pairs of the attack round). Every tensor now holds numpy's
own dtype object, and an array holding another one (assigned to ``.data``, or an operand)
is still read by value.
"""

from __future__ import annotations

from typing import Any, Callable, Dict

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf
from typedflux.dtypes import DTYPES

F64 = np.dtype(np.float64)
# Spellings of float64, the last two distinct dtype objects equal to numpy's own.
SPELLINGS = [np.float64, "float64", "f8", "<f8", "=f8", "d", np.dtype("d"), tf.float64,
             F64.newbyteorder("="), np.dtype(np.float64).newbyteorder("<")]

MAKERS: Dict[str, Callable[[Any], Any]] = {
    "zeros": lambda dt: tf.zeros(2, 3, dtype=dt) + 1.5,
    "ones": lambda dt: tf.ones(2, 3, dtype=dt),
    "full": lambda dt: tf.full(2, 3, value=0.25, dtype=dt),
    "arange": lambda dt: tf.arange(6, dtype=dt).reshape(2, 3),
    "tensor": lambda dt: tf.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype=dt),
    "tensor of an array": lambda dt: tf.tensor(np.ones((2, 3), dtype=dt), dtype=dt),
    "randn": lambda dt: tf.randn(2, 3, dtype=dt),
    "rand": lambda dt: tf.rand(2, 3, dtype=dt),
}

OPS: Dict[str, Callable[[Any], Any]] = {
    "sum": lambda x: x.sum(),
    "sum axis": lambda x: x.sum(axis=0),
    "mean": lambda x: x.mean(),
    "max": lambda x: x.max(),
    "var": lambda x: x.var(),
    "std": lambda x: x.std(),
    "np.sum": np.sum,
    "np.mean": np.mean,
    "concat": lambda x: tf.concat([x, x], 0),
    "where": lambda x: tf.where(x > 0, x, 0.0),
    "mse": lambda x: tf.losses.mse(x, x * 0),
    "x * 0.5": lambda x: x * 0.5,
    "exp": tf.exp,
    "softmax": tf.softmax,
    "matmul": lambda x: x @ x.T,
    "gradient": lambda x: tf.gradient(lambda a: (a * a).sum(), x)[0],
    "withgradient value": lambda x: tf.withgradient(lambda a: (a * a).sum(), x)[0],
}


@settings(max_examples=80, deadline=None)
@given(spelling=st.sampled_from(SPELLINGS), make=st.sampled_from(sorted(MAKERS)),
       op=st.sampled_from(sorted(OPS)))
def test_a_float64_tensor_gives_float64_results(spelling: Any, make: str, op: str) -> None:
    x = MAKERS[make](spelling)
    assert x.dtype == F64 and x.data.dtype is F64  # numpy's own object
    got = OPS[op](x)
    assert got.dtype == F64, f"{make}(dtype={spelling!r}) then {op}: {got.dtype}"
    same = OPS[op](tf.tensor(x.numpy(), dtype=np.float64))
    np.testing.assert_array_equal(np.asarray(got), np.asarray(same))


@settings(max_examples=40, deadline=None)
@given(op=st.sampled_from(sorted(OPS)))
def test_an_array_holding_another_float64_object_is_read_by_value(op: str) -> None:
    other = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype=F64.newbyteorder("="))
    assert other.dtype is not F64
    x = tf.ones(2, 3, dtype=np.float64)
    x.data = other  # as a user assigning a parameter's array
    assert OPS[op](x).dtype == F64
    # ... and as an operand of a float64 tensor: no cast to float32 either.
    assert (tf.tensor(other.copy(), dtype=np.float64) + other).dtype == F64


def test_every_dtype_spelling_gives_numpy_own_dtype_object() -> None:
    for dt in DTYPES:
        for spelling in (dt, dt.str, dt.newbyteorder("="), dt.char):
            assert tf.zeros(1, dtype=spelling).data.dtype is dt
            assert tf.tensor(np.zeros(1, dt), dtype=spelling).data.dtype is dt
    longlong = np.zeros(2, np.dtype("q"))  # int64 under another object
    assert tf.tensor(longlong).data.dtype is np.dtype(np.int64)
    assert tf.Tensor(longlong).data.dtype is np.dtype(np.int64)


def test_a_big_endian_array_with_its_own_dtype_becomes_native() -> None:
    # tf.tensor(a, dtype=a.dtype) of a big-endian array kept it big-endian (the fast path
    # took `dtype is src`); it is converted like any other foreign layout.
    for dt in DTYPES:
        big = np.zeros(3, dt).astype(dt.newbyteorder(">"))
        for asked in (big.dtype, big.dtype.str, None):
            t = tf.tensor(big, dtype=asked)
            if asked is not None:
                assert t.data.dtype is dt
            assert any(t.data.dtype is d for d in DTYPES)  # native, numpy's own object
            assert t.numpy().tolist() == [0, 0, 0]
