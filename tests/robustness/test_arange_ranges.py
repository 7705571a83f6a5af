"""``tf.arange`` at the edges of its dtype. Before: ``arange(2**70)`` failed in the shape rule
with Python's bare OverflowError (``len(range(...))`` into a C ssize_t), ``arange(0, 2**70,
2**68)`` and ``arange(-3, 0, dtype=uint8)`` in numpy's words, and ``arange(0, 300, 100,
dtype=int8)`` wrapped its last value around to -56 silently.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf
from typedflux.shapes.rules_creation import arange_shape


@pytest.mark.parametrize("call, words", [
    (lambda: tf.arange(2**70), "arange: sizes (1180591620717411303424,) hold"),
    (lambda: tf.arange(0, 2**70, 2**68), "arange: the range holds 885443715538058477568, which "
                                         "int64 cannot hold"),
    (lambda: tf.arange(0, 300, 100, dtype=np.int8), "arange: the range holds 200, which int8 "
                                                    "cannot hold (its range is -128..127); pass "
                                                    "a dtype that holds it"),
    (lambda: tf.arange(-3, 0, dtype=np.uint8), "arange: the range holds -3, which uint8 cannot "
                                               "hold"),
])
def test_a_range_the_dtype_cannot_hold_is_a_valueerror(call: Any, words: str) -> None:
    with pytest.raises(ValueError) as info:
        call()
    assert str(info.value).startswith(words)


@settings(max_examples=200, deadline=None)
@given(start=st.integers(-2**65, 2**65), stop=st.integers(-2**65, 2**65),
       step=st.integers(-2**65, 2**65).filter(lambda s: s != 0))
def test_the_shape_rule_counts_any_int_range_exactly(start: int, stop: int, step: int) -> None:
    # Python's range counts exactly; len() of one beyond sys.maxsize is an OverflowError,
    # so the count is read from its last element (range indexing takes any int).
    r = range(start, stop, step)
    count = (r[-1] - r[0]) // step + 1 if r else 0
    assert arange_shape(start, stop, step) == (count,)


def test_the_shape_rule_counts_a_range_longer_than_sys_maxsize() -> None:
    assert arange_shape(-2**65, 2**65, 1) == (2**66,)


@settings(max_examples=60, deadline=None)
@given(start=st.integers(-300, 300), n=st.integers(0, 20), step=st.integers(-40, 40).filter(bool),
       dtype=st.sampled_from([np.int8, np.uint8, np.int16, np.int64]))
def test_arange_is_numpys_where_the_dtype_holds_it(start: int, n: int, step: int,
                                                   dtype: Any) -> None:
    stop = start + n * step
    want = np.arange(start, stop, step, dtype=np.int64)
    info = np.iinfo(dtype)
    if want.size and not (info.min <= want.min() and want.max() <= info.max):
        with pytest.raises(ValueError, match=f"which {np.dtype(dtype)} cannot hold"):
            tf.arange(start, stop, step, dtype=dtype)
    else:
        got = tf.arange(start, stop, step, dtype=dtype)
        assert got.dtype == dtype and got.numpy().tolist() == want.tolist()
