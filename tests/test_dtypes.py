"""``tf.tensor(data)`` and ``tf.Tensor(data)`` convert data through one checked conversion
(typedflux/dtypes.py): the same dtypes for good data, the same refusals for bad data, each
naming the function and the argument."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

import typedflux as tf

MAKERS: list[tuple[str, Callable[..., Any]]] = [("tensor", tf.tensor), ("Tensor", tf.Tensor)]

GOOD: list[tuple[Any, Any, str]] = [
    ([[1, 2], [3, 4]], None, "int64"),
    ([0.5, 1.5], None, "float32"),
    (True, None, "bool"),
    (np.arange(3, dtype=np.uint8), None, "int64"),
    (np.ones(2, np.float64), None, "float32"),
    (np.ones(2, ">f4"), None, "float32"),
    (np.ones(2, np.float64), np.float64, "float64"),
    (np.ones(2, np.float32), "float16", "float16"),
    (np.uint64(2**64 - 1), np.uint64, "uint64"),
    ([1, 2], np.int8, "int8"),
    (tf.ones(2), None, "float32"),
]

BAD: list[tuple[Any, Any, type, str]] = [
    (["a"], None, TypeError, "data holds strings"),
    (np.array([b"x"]), None, TypeError, "data holds bytes"),
    ([object()], None, TypeError, "data holds Python objects"),
    (np.array([1 + 2j]), None, TypeError, "data holds complex numbers"),
    (np.uint64(2**64 - 1), None, ValueError, "data holds 18446744073709551615, which int64"),
    (np.array([2**64 - 1], dtype=np.uint64), None, ValueError, "which int64 cannot hold"),
    ([2**70], None, ValueError, "data holds 1180591620717411303424"),
    ([1e300], np.float32, ValueError, "data holds 1e+300, which float32 cannot hold"),
    (np.array([1e300]), np.float32, ValueError, "which float32 cannot hold"),
    ([np.nan], np.int64, ValueError, "data holds nan or inf"),
    (np.array([np.inf]), np.int32, ValueError, "data holds nan or inf"),
    ([[1, 2], [3]], None, ValueError, "cannot make a tensor from data"),
    ([1.0], "U1", TypeError, "does not support dtype <U1"),
    (np.ones(2), complex, TypeError, "does not support dtype complex128"),
    ([1.0], "nonsense", TypeError, "'nonsense' is not a dtype"),
]


@pytest.mark.parametrize("data,dtype,expected", GOOD, ids=[repr(g[0])[:30] for g in GOOD])
def test_both_makers_give_the_same_array(data: Any, dtype: Any, expected: str) -> None:
    made = [make(data, dtype) for _, make in MAKERS]
    for t in made:
        assert t.dtype == np.dtype(expected)
        np.testing.assert_array_equal(t.data, np.asarray(np.asarray(data), dtype=expected))
    # A copy, never the caller's array.
    if isinstance(data, np.ndarray):
        assert all(not np.shares_memory(t.data, data) for t in made)


@pytest.mark.parametrize("name,make", MAKERS, ids=[m[0] for m in MAKERS])
@pytest.mark.parametrize("data,dtype,error,words", BAD, ids=[b[3][:30] for b in BAD])
def test_bad_data_is_refused_naming_the_function_and_argument(
    name: str, make: Callable[..., Any], data: Any, dtype: Any, error: type, words: str
) -> None:
    with pytest.raises(error) as info:
        make(data, dtype)
    message = str(info.value)
    assert message.startswith(f"{name}: "), message
    assert words in message, message


def test_a_tensor_made_from_a_tensor_is_a_copy() -> None:
    x = tf.tensor([1.0, 2.0])
    for _, make in MAKERS:
        y = make(x)
        assert y.data is not x.data and not np.shares_memory(y.data, x.data)
        np.testing.assert_array_equal(y.data, x.data)
