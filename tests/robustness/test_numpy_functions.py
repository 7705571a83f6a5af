"""numpy functions called on tensors, as a careful user calls them (the attack round of the
2026-12-06 03:53 session). Before: ``np.exp(x)`` (any ufunc) failed in numpy's words,
"operand 'Tensor' does not support ufuncs (__array_ufunc__=None)", naming nothing to use;
``np.prod``/``np.any``/``np.all``/``np.ptp`` of a tensor failed the same way although the
reference says other numpy functions read the array; ``np.cumsum(x)`` or
``np.concatenate([x, y])`` inside ``tf.gradient`` returned an array off the tape, so the
gradient through it was silently lost; ``np.asarray(x)`` inside ``tf.compile`` was numpy's
"object __array__ method not producing an array".
"""

from __future__ import annotations

import warnings
from typing import Any, Callable, List

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import typedflux as tf

OPERATORS: List[Any] = [np.add, np.subtract, np.multiply, np.true_divide, np.power,
                        np.equal, np.not_equal, np.less, np.less_equal, np.greater,
                        np.greater_equal]
PY_OPS = {np.add: lambda a, b: a + b, np.subtract: lambda a, b: a - b,
          np.multiply: lambda a, b: a * b, np.true_divide: lambda a, b: a / b,
          np.power: lambda a, b: a ** b, np.equal: lambda a, b: a == b,
          np.not_equal: lambda a, b: a != b, np.less: lambda a, b: a < b,
          np.less_equal: lambda a, b: a <= b, np.greater: lambda a, b: a > b,
          np.greater_equal: lambda a, b: a >= b}
floats = hnp.arrays(np.float32, st.sampled_from([(3,), (2, 3)]),
                    elements=st.floats(0.5, 4, width=32))


@settings(max_examples=60, deadline=None)
@given(uf=st.sampled_from(OPERATORS), a=floats, b=floats, tensor_first=st.booleans())
def test_numpy_operator_ufuncs_run_the_tensor_operator(uf: Any, a: np.ndarray, b: np.ndarray,
                                                       tensor_first: bool) -> None:
    b = b[..., : a.shape[-1]] if b.ndim == a.ndim else b
    x, y = (tf.tensor(a), b) if tensor_first else (a, tf.tensor(b))
    want = PY_OPS[uf](a, b)
    for got in (uf(x, y), PY_OPS[uf](x, y)):  # np.multiply(a, x) and a * x alike
        assert isinstance(got, tf.Tensor)
        np.testing.assert_allclose(got.numpy(), want, rtol=1e-6)


def test_array_times_tensor_is_on_the_tape() -> None:
    a = np.array([1.0, 2.0, 3.0], np.float32)
    x = tf.tensor([1.0, 1.0, 1.0])
    for f in (lambda t: (a * t).sum(), lambda t: np.multiply(a, t).sum(),
              lambda t: (a @ t), lambda t: np.matmul(a, t)):
        (g,) = tf.gradient(f, x)
        np.testing.assert_array_equal(g.numpy(), a)


def _unary_ufuncs() -> List[Any]:
    return [getattr(np, n) for n in sorted(dir(np)) if isinstance(getattr(np, n), np.ufunc)
            and getattr(np, n).nin == 1 and getattr(np, n) not in (np.negative, np.positive,
                                                                  np.absolute)]


@pytest.mark.parametrize("uf", _unary_ufuncs(), ids=lambda u: u.__name__)
def test_other_ufuncs_are_a_type_error_naming_what_to_use(uf: Any) -> None:
    with pytest.raises(TypeError) as err:
        uf(tf.tensor([0.5, 0.25]))
    msg = str(err.value)
    assert msg.startswith(f"np.{uf.__name__}() does not run on a Tensor")
    assert f"np.{uf.__name__}(x.numpy())" in msg
    if callable(getattr(tf, uf.__name__, None)):
        assert f"use tf.{uf.__name__}," in msg


@pytest.mark.parametrize("call, use", [
    (lambda x: np.exp(x), "use tf.exp"),
    (lambda x: np.maximum(x, 0), "use tf.maximum"),
    (lambda x: np.absolute(x, out=np.zeros(2)), "out="),
    (lambda x: np.add.reduce(x), "use tf.sum"),
    (lambda x: np.add.accumulate(x), "use tf.cumsum"),
    (lambda x: np.square(x), "use x ** 2"),
    (lambda x: np.sum(np.ones(2), where=x > 0), "where= is a Tensor"),
])
def test_ufunc_messages_name_the_fix(call: Callable[[Any], Any], use: str) -> None:
    with pytest.raises(TypeError, match=use.replace("*", r"\*")):
        call(tf.tensor([0.5, -0.25]))


def test_an_array_cannot_take_a_tensor_in_place() -> None:
    a = np.ones(2)
    with pytest.raises(TypeError, match=r"write a = a \+ x"):
        a += tf.tensor([1.0, 2.0])
    assert a.tolist() == [1.0, 1.0]


@pytest.mark.parametrize("func", [np.prod, np.any, np.all, np.ptp, np.median, np.cumsum,
                                  np.nansum, np.sort, np.round, np.average, np.linalg.norm,
                                  np.argsort, np.diff, np.trace],
                         ids=lambda f: f.__name__)
def test_other_numpy_functions_read_the_array(func: Callable[..., Any]) -> None:
    a = np.array([[1.0, -2.0], [3.5, 4.0]], np.float32)
    np.testing.assert_array_equal(np.asarray(func(tf.tensor(a))), np.asarray(func(a)))


@pytest.mark.parametrize("loss, use", [
    (lambda x: (tf.tensor(np.cumsum(x)) * x).sum(), "Use tf.cumsum"),
    (lambda x: (np.concatenate([x, x]) * 2).sum(), "Use tf.concat"),
    (lambda x: np.prod(x) * x.sum(), "typedflux has no op for np.prod"),
    (lambda x: (np.clip(x, 0, 1) * x).sum(), "Use tf.clamp"),
    (lambda x: (np.where(x > 1, x, 0) * x).sum(), "Use tf.where"),
])
def test_a_float_result_off_the_tape_while_differentiating_is_refused(
        loss: Callable[[Any], Any], use: str) -> None:
    with pytest.raises(TypeError, match=f"carry no gradient. {use}"):
        tf.gradient(loss, tf.tensor([1.0, 2.0]))


def test_reading_structure_or_indices_while_differentiating_is_fine() -> None:
    x = tf.tensor([3.0, 1.0, 2.0])
    for loss, want in [
        (lambda t: t.sum() * float(np.shape(t)[0]), [3.0, 3.0, 3.0]),
        (lambda t: t[np.argsort(t.numpy())][0] * 1.0, [0.0, 1.0, 0.0]),
        (lambda t: t.sum() if np.allclose(t, t) else t.sum(), [1.0, 1.0, 1.0]),
        (lambda t: (t * np.cumsum(np.ones(3))).sum(), [1.0, 2.0, 3.0]),  # no tensor in it
    ]:
        (g,) = tf.gradient(loss, x)
        assert g.numpy().tolist() == want
    # A tensor the gradient does not track (a constant): its array is read as before.
    c = tf.tensor([1.0, 2.0, 3.0])
    (g,) = tf.gradient(lambda t: (t * np.cumsum(c)).sum(), x)
    assert g.numpy().tolist() == [1.0, 3.0, 6.0]


def test_np_asarray_inside_compile_runs_eagerly_with_the_right_values() -> None:
    f = tf.compile(lambda x: np.asarray(x).sum() + x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "running ... eagerly"
        first = f(tf.ones(2))
        second = f(tf.tensor([2.0, 3.0]))
    assert first.numpy().tolist() == [3.0, 3.0] and second.numpy().tolist() == [7.0, 8.0]
    g = tf.compile(lambda x: tf.tensor(np.cumsum(x)) + x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert g(tf.ones(2)).numpy().tolist() == [2.0, 3.0]
        assert g(tf.tensor([2.0, 3.0])).numpy().tolist() == [4.0, 8.0]
