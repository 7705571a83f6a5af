"""numpy's reductions called on a Tensor run the Tensor's method (typedflux/numpy_calls.py)."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import typedflux as tf

REDUCTIONS = [np.sum, np.mean, np.max, np.amax, np.min, np.amin, np.var, np.std, np.argmax, np.argmin]


@settings(max_examples=60, deadline=None)
@given(data=st.data(), func=st.sampled_from(REDUCTIONS))
def test_a_reduction_matches_numpy_on_the_array_and_stays_a_tensor(data: Any, func: Callable[..., Any]) -> None:
    a = data.draw(hnp.arrays(np.float32, hnp.array_shapes(min_dims=1, max_dims=3, max_side=4),
                             elements=st.floats(-100, 100, width=32)))
    axis = data.draw(st.none() | st.integers(-a.ndim, a.ndim - 1))
    kwargs: dict[str, Any] = {"axis": axis}
    if func not in (np.argmax, np.argmin) or axis is not None:
        kwargs["keepdims"] = data.draw(st.booleans())
    if func in (np.var, np.std) and data.draw(st.booleans()):
        kwargs["ddof"] = 1
    got = func(tf.tensor(a), **kwargs)
    assert isinstance(got, tf.Tensor)
    np.testing.assert_allclose(got.data, func(a, **kwargs), rtol=1e-5, atol=1e-5)


def test_np_var_keeps_numpy_default_the_biased_estimate() -> None:
    a = np.array([1.0, 2.0, 4.0], dtype=np.float32)
    assert np.var(tf.tensor(a)).item() == pytest.approx(np.var(a))
    assert np.var(tf.tensor(a)).item() != pytest.approx(tf.tensor(a).var().item())


def test_np_var_reads_correction_as_numpy_does() -> None:
    a = np.array([1.0, 2.0, 4.0], dtype=np.float32)
    assert np.std(tf.tensor(a), correction=1).item() == pytest.approx(np.std(a, ddof=1))
    with pytest.raises(ValueError, match="ddof and correction"):
        np.var(tf.tensor(a), ddof=1, correction=1)


def test_np_sum_is_recorded_on_the_tape() -> None:
    x = tf.tensor([1.0, 2.0, 3.0])
    (g,) = tf.gradient(lambda a: np.sum(a * a), x)
    np.testing.assert_array_equal(g.data, [2.0, 4.0, 6.0])


@pytest.mark.parametrize("func, kwargs, name", [
    (np.sum, {"out": np.zeros(())}, "out="),
    (np.mean, {"dtype": np.float64}, "dtype="),
    (np.max, {"initial": 0.0}, "initial="),
    (np.sum, {"where": np.array([True, False])}, "where="),
])
def test_numpy_only_arguments_are_refused_by_name(func: Callable[..., Any], kwargs: Any, name: str) -> None:
    with pytest.raises(TypeError, match=f"np.{func.__name__}\\(\\): typedflux does not take {name}"):
        func(tf.tensor([1.0, 2.0]), **kwargs)


def test_the_tensor_may_be_passed_by_keyword() -> None:
    assert np.sum(a=tf.ones(2, 3), axis=0).numpy().tolist() == [2.0, 2.0, 2.0]


def test_other_numpy_functions_still_convert_to_the_array() -> None:
    x = tf.tensor([[1.0, 2.0]])
    both = np.concatenate([x, x])
    assert type(both) is np.ndarray and both.shape == (2, 2)
    # A reduction whose first argument is a plain array is numpy's own.
    assert np.sum(np.ones(3), out=np.zeros(())) == 3.0


def test_the_checker_refuses_numpy_calls_in_the_run_times_words() -> None:
    # Each ``refused = lambda: np.<f>(...)  # E: np.<f>() ...  [arg-type]`` line of the case
    # file (the checker's words, pinned by tests/typecheck) raises that TypeError when run.
    import ast
    import re
    from pathlib import Path

    case = Path(__file__).parent / "typecheck" / "case_numpy_operators.py"
    source = case.read_text()
    lines = source.splitlines()
    namespace: dict[str, Any] = {"np": np, "tf": tf}
    checked = 0
    for node in ast.parse(source).body:
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target = node.targets[0]
        if isinstance(target, ast.Name) and target.id in ("x", "a"):
            exec(compile(ast.Module(body=[node], type_ignores=[]), str(case), "exec"), namespace)
            continue
        mark = re.search(r"# E: (np\.\w+\(\).*?)  \[(arg-type|call-arg)\]", lines[node.lineno - 1])
        if mark is None or not isinstance(node.value, ast.Lambda):
            continue
        with pytest.raises(TypeError) as info:
            eval(compile(ast.Expression(node.value.body), str(case), "eval"), namespace)
        assert str(info.value) == mark.group(1), f"line {node.lineno}"
        checked += 1
    assert checked >= 6
