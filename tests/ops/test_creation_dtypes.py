"""tf.tensor and the other creation functions: the dtypes typedflux supports, a TypeError for
data it cannot hold, a ValueError for values a dtype cannot represent (never wrap-around)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf
from typedflux.dtypes import DTYPES


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
def test_every_supported_dtype_is_kept(dtype: np.dtype[Any]) -> None:
    t = tf.tensor([0, 1], dtype=dtype)
    assert t.dtype == dtype
    assert tf.zeros(2, dtype=dtype).dtype == dtype
    assert tf.full(2, value=1, dtype=dtype).dtype == dtype


def test_defaults() -> None:
    assert tf.tensor([1.5]).dtype == np.float32
    assert tf.tensor(np.float64(1.5)).dtype == np.float32
    assert tf.tensor([1, 2]).dtype == np.int64
    assert tf.tensor(np.array([1, 2], dtype=np.uint8)).dtype == np.int64
    assert tf.tensor([True]).dtype == np.bool_
    assert tf.tensor(np.array([1.0], dtype=">f8")).dtype == np.float32


@pytest.mark.parametrize(
    "data,what",
    [
        ("abc", "strings"),
        (["a", "b"], "strings"),
        ([1, "a"], "strings"),
        (b"ab", "bytes"),
        (1j, "complex numbers"),
        (np.array([1 + 2j]), "complex numbers"),
        (np.datetime64("2020-01-01"), "dates"),
        (np.timedelta64(1, "s"), "time spans"),
        (np.zeros(2, dtype=[("a", "f4")]), "structured records"),
        ([None], "Python objects \\(NoneType\\)"),
        ({"a": 1}, "Python objects \\(dict\\)"),
        (object(), "Python objects \\(object\\)"),
    ],
)
def test_unsupported_data_is_a_type_error(data: Any, what: str) -> None:
    with pytest.raises(TypeError, match=f"^tensor: data holds {what}"):
        tf.tensor(data)


@pytest.mark.parametrize("dtype", [complex, np.complex64, str, object, "U3", "datetime64[s]"])
def test_unsupported_dtypes_are_a_type_error(dtype: Any) -> None:
    for make in (lambda: tf.tensor([1], dtype=dtype), lambda: tf.zeros(2, dtype=dtype),
                 lambda: tf.ones(2, dtype=dtype), lambda: tf.arange(3, dtype=dtype)):
        with pytest.raises(TypeError, match="typedflux does not support dtype"):
            make()
    with pytest.raises(TypeError, match="'not a dtype' is not a dtype"):
        tf.tensor([1], dtype="not a dtype")


@pytest.mark.parametrize(
    "data,dtype,shown",
    [
        (np.uint64(2**64 - 1), None, "18446744073709551615, which int64 cannot hold"),
        (np.array([1, 2**64 - 1], dtype=np.uint64), None, "18446744073709551615"),
        ([2**63], None, "9223372036854775808, which int64 cannot hold"),
        ([-1, 2**63], None, "the int 9223372036854775808, which int64 cannot hold"),
        (2**64, None, "18446744073709551616, which no typedflux dtype can hold"),
        (2**70, None, "1180591620717411303424"),
        ([300], np.uint8, "300, which uint8 cannot hold"),
        ([-1], np.uint32, "-1, which uint32 cannot hold"),
        (1e300, None, "1e\\+300, which float32 cannot hold"),
        ([1.0, -1e39], None, "-1e\\+39, which float32 cannot hold"),
        (70000, np.float16, "70000, which float16 cannot hold"),
        ([np.nan], np.int64, "nan or inf, which int64 cannot hold"),
        ([1e20], np.int64, "1e\\+20, which int64 cannot hold"),
    ],
)
def test_values_that_do_not_fit_are_a_value_error(data: Any, dtype: Any, shown: str) -> None:
    with pytest.raises(ValueError, match=f"^tensor: data holds {shown}"):
        tf.tensor(data, dtype=dtype)


def test_values_that_fit_convert_exactly() -> None:
    assert tf.tensor(np.uint64(2**63 - 1)).item() == 2**63 - 1
    assert tf.tensor(2**64 - 1, dtype=np.uint64).item() == 2**64 - 1
    assert tf.tensor([np.inf, -np.inf, np.nan], dtype=np.float16).numpy()[:2].tolist() == [
        np.inf, -np.inf]
    assert tf.tensor(np.float64(3.4e38)).item() == pytest.approx(3.4e38, rel=1e-6)
    assert tf.tensor([1.5, -2.5], dtype=np.int64).numpy().tolist() == [1, -2]  # as numpy


def test_ragged_data_is_a_value_error_naming_the_argument() -> None:
    with pytest.raises(ValueError, match="^tensor: cannot make a tensor from data"):
        tf.tensor([[1, 2], [3]])


def test_tensor_copies_its_data() -> None:
    a = np.zeros(3, dtype=np.float32)
    t = tf.tensor(a)
    a[0] = 1
    assert t.numpy()[0] == 0


def test_creation_functions_check_their_arguments() -> None:
    with pytest.raises(TypeError, match="^randn: draws floats"):
        tf.randn(2, dtype=np.int64)
    with pytest.raises(TypeError, match="^rand: draws floats"):
        tf.rand(2, dtype=bool)
    with pytest.raises(TypeError, match="^full: value holds strings"):
        tf.full(2, value="a")
    with pytest.raises(ValueError, match="^full: value holds 300, which uint8"):
        tf.full(2, value=300, dtype=np.uint8)
    with pytest.raises(ValueError, match="^full: value must be one number"):
        tf.full(2, value=[1, 2])
    with pytest.raises(ValueError, match="^zeros: sizes \\(1099511627776, 1099511627776\\) hold"):
        tf.zeros(2**40, 2**40)
    with pytest.raises(TypeError, match="^arange: stop must be a real number, got str"):
        tf.arange(0, "5")
    with pytest.raises(ValueError, match="^arange: step must not be 0"):
        tf.arange(0, 5, 0)
    with pytest.raises(ValueError, match="^arange: stop must be finite"):
        tf.arange(0, float("inf"))
    with pytest.raises(ValueError, match="^arange: sizes"):
        tf.arange(0, 2**62, 1, dtype=np.float64)
    with pytest.raises(TypeError, match="^seed: n must be a non-negative int"):
        tf.seed("a")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^seed: n must be a non-negative int"):
        tf.seed(-1)
