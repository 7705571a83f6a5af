"""Adam's step bound (``Rule.step_bound``, issue 12): it covers every step update lets through
without reading the parameter, is lost for good when the moments move without it, and a step
beyond it is read and caught."""

from __future__ import annotations

import importlib
import math
import warnings
from typing import Any, List

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import typedflux as tf

state_module = importlib.import_module("typedflux.optimise.state")

DTYPES = [np.float32, np.float64]

# Gradient entries over many scales: zero, subnormal, tiny, ordinary, huge.
_SCALES = [0.0, 1e-45, 1e-39, 1e-30, 1e-8, 1e-3, 1.0, 1e3, 1e15, 1e30, 3e38]


@st.composite
def _adam_run(draw: Any) -> Any:
    dtype = draw(st.sampled_from(DTYPES))
    steps = draw(st.integers(1, 12))
    rules = []
    for _ in range(steps):  # the hyperparameters may change between steps (tf.adjust)
        b1 = draw(st.sampled_from([0.0, 0.5, 0.9, 0.999]))
        b2 = draw(st.sampled_from([0.0, 0.5, 0.999, 0.999999]))
        eps = draw(st.sampled_from([1e-37, 1e-30, 1e-12, 1e-8, 1.0]))
        eta = draw(st.sampled_from([0.0, 1e-8, 1e-3, 1.0, 1e20]))
        rules.append(tf.Adam(eta, (b1, b2), eps))
    grads = []
    for _ in range(steps):
        scale = draw(st.sampled_from(_SCALES))
        signs = draw(st.lists(st.sampled_from([-1.0, 0.0, 0.5, 1.0]), min_size=3, max_size=3))
        grads.append(np.array([s * scale for s in signs], dtype))
    return dtype, rules, grads


@settings(max_examples=300, deadline=None)
@given(_adam_run())
@example((np.float32, [tf.Adam(1.0, (0.9, 0.999), 1e-8)] * 3,
          [np.array([3e38, -3e38, 1.0], np.float32)] * 3))
def test_adams_step_bound_covers_every_step(run: Any) -> None:
    dtype, rules, grads = run
    s = rules[0].init(np.zeros(3, dtype))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # overflows of v are part of the test
        for rule, g in zip(rules, grads):
            top = float(np.abs(g).max())  # (any bound on the entries; this is the tightest)
            s, step = rule.apply(s, np.zeros(3, dtype), g)
            b = rule.step_bound(s, top)
            assert not math.isnan(b)
            # (update trusts a bound only far below the dtype's largest number.)
            if b < float(np.finfo(dtype).max):
                assert np.isfinite(step).all()
                assert float(np.abs(step).max()) <= b


def test_adams_bound_is_lost_for_good_when_the_moments_move_without_it() -> None:
    a = tf.Adam(0.1)
    s = a.init(np.zeros(2, np.float32))
    s, _ = a.apply(s, np.zeros(2, np.float32), np.ones(2, np.float32))
    assert a.step_bound(s, 1.0) < math.inf
    s, _ = a.apply(s, np.zeros(2, np.float32), np.full(2, 1e3, np.float32))  # not bounded
    s, _ = a.apply(s, np.zeros(2, np.float32), np.ones(2, np.float32))
    assert a.step_bound(s, 1.0) == math.inf
    s, _ = a.apply(s, np.zeros(2, np.float32), np.ones(2, np.float32))
    assert a.step_bound(s, 1.0) == math.inf
    # float16 moments and an infinite gradient bound give no bound either.
    s16 = a.init(np.zeros(2, np.float16))
    s16, _ = a.apply(s16, np.zeros(2, np.float16), np.ones(2, np.float16))
    assert a.step_bound(s16, 1.0) == math.inf
    s = a.init(np.zeros(2, np.float32))
    s, _ = a.apply(s, np.zeros(2, np.float32), np.ones(2, np.float32))
    assert a.step_bound(s, math.inf) == math.inf


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> List[Any]:
    read: List[Any] = []
    real = state_module._vdot

    def dot(a: Any, b: Any) -> Any:
        read.append(a)
        return real(a, b)

    monkeypatch.setattr(state_module, "_vdot", dot)
    return read


def test_adam_updates_read_no_parameter_while_its_bound_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tf.seed(0)
    m = tf.Chain(tf.Dense(4, 8, tf.relu), tf.Dense(8, 2))
    x = tf.tensor(np.linspace(-1, 1, 20).reshape(5, 4))
    st_ = tf.setup(tf.Adam(1e-3), m)
    read = _counting_reads(monkeypatch)
    for _ in range(5):
        (g,) = tf.gradient(lambda mm: (mm(x) ** 2).sum(), m)
        tf.update(st_, m, g)
    assert read == [] and st_.step == 5
    # Other rules (no bound) read each parameter they wrote, once per update.
    st2 = tf.setup(tf.RMSProp(1e-3), m)
    (g,) = tf.gradient(lambda mm: (mm(x) ** 2).sum(), m)
    tf.update(st2, m, g)
    assert len(read) == 4


def test_an_adam_step_beyond_its_bound_is_read_and_caught() -> None:
    f32max = float(np.finfo(np.float32).max)
    m = {"w": tf.tensor(np.array([-f32max, 1.0], np.float32))}
    st_ = tf.setup(tf.Adam(1e37), m)  # (a first step of eta: beyond half float32's spacing)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(tf.NonFiniteError, match=r"parameter w is not finite \(1 inf"):
            tf.update(st_, m, {"w": tf.tensor(np.array([1.0, 0.0], np.float32))})
