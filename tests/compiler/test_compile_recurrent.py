"""The recurrent kernels (``ops/kernels/recurrent.py``: the LSTM's time-major loops, and every
cell's C-ordered copy of ``W_hh^T`` from ``_COPY_FROM_STEPS`` steps on) under ``tf.compile``:
a step through an LSTM given its initial state (the ``lstm_state`` primitive, whose backward
also gives the state's gradient), with a loss that reads the final cell state, equals the
eager step bit for bit, as do the zero-state RNN's, LSTM's and GRU's, on sequences shorter
and longer than that many steps; and the LSTM equals the plain per-step formulas it stands
for."""

from __future__ import annotations

from typing import Any, List

import numpy as np
import pytest

import typedflux as tf
from typedflux.ops.kernels.recurrent import _COPY_FROM_STEPS


def _bits(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> bool:
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def _arrays(t: Any) -> List[np.ndarray[Any, Any]]:
    return [p.data for p in tf.params(t)]


def _stated_model() -> Any:
    tf.seed(3)
    return {"lstm": tf.LSTM(3, 5, return_state=True), "h0": tf.randn(2, 5),
            "c0": tf.randn(5)}


def _stated_loss(m: Any, x: Any) -> Any:
    y, (h, c) = m["lstm"](x, (m["h0"], m["c0"]))
    return (y * y).mean() + (c * h).sum()


def _zero_state_loss(m: Any, x: Any) -> Any:
    y = m(x)
    return (y[:, -1, :] * y[:, -1, :]).sum()


STEPS = [_COPY_FROM_STEPS - 1, _COPY_FROM_STEPS + 1]


@pytest.mark.parametrize("steps", STEPS)
@pytest.mark.parametrize("rule", [lambda: tf.Descent(0.1), lambda: tf.Adam(1e-2)],
                         ids=["Descent", "Adam"])
@pytest.mark.parametrize("cell", ["LSTM_given_state", "LSTM", "GRU", "RNN"])
def test_compiled_recurrent_step_equals_eager(cell: str, rule: Any, steps: int) -> None:
    stated = cell == "LSTM_given_state"

    def make() -> Any:
        if stated:
            return _stated_model()
        tf.seed(3)
        return getattr(tf, cell)(3, 5)

    loss_fn = _stated_loss if stated else _zero_state_loss
    eager_m, model = make(), make()
    eager_s, state = tf.setup(rule(), eager_m), tf.setup(rule(), model)

    def step(m: Any, s: Any, x: Any) -> Any:
        loss, (g,) = tf.withgradient(lambda mm: loss_fn(mm, x), m)
        tf.update(s, m, g)
        return loss, g

    compiled = tf.compile(step, fallback=False)
    rng = np.random.default_rng(0)
    for i in range(4):
        x = tf.tensor(rng.standard_normal((2, steps, 3)).astype(np.float32))
        want, want_g = step(eager_m, eager_s, x)
        got, got_g = compiled(model, state, x)
        assert _bits(got.data, want.data), i
        for a, b in zip(_arrays(got_g), _arrays(want_g)):
            assert _bits(a, b), i
        for a, b in zip(_arrays(model), _arrays(eager_m)):
            assert _bits(a, b), i
    assert compiled.stats() == {"recordings": 1, "replays": 3, "eager": 0}


def _reference(x: np.ndarray[Any, Any], w_ih: np.ndarray[Any, Any],
               w_hh: np.ndarray[Any, Any], b: np.ndarray[Any, Any],
               h: np.ndarray[Any, Any], c: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    # The per-step formulas in float64, batch-first.
    def sig(a: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        out: np.ndarray[Any, Any] = 1 / (1 + np.exp(-a))
        return out

    k = w_hh.shape[1]
    outs = []
    for s in range(x.shape[1]):
        z = x[:, s] @ w_ih.T + h @ w_hh.T + b
        i, f, g, o = sig(z[:, :k]), sig(z[:, k:2 * k]), np.tanh(z[:, 2 * k:3 * k]), sig(z[:, 3 * k:])
        c = f * c + i * g
        h = o * np.tanh(c)
        outs.append(np.concatenate([h, c], axis=1))
    return np.stack(outs, axis=1)


@pytest.mark.parametrize("steps", STEPS)
def test_given_state_forward_matches_the_per_step_formulas(steps: int) -> None:
    m = _stated_model()
    x = np.random.default_rng(1).standard_normal((2, steps, 3))
    lstm = m["lstm"]
    y, (h, c) = lstm(tf.tensor(x.astype(np.float32)), (m["h0"], m["c0"]))
    want = _reference(x, *(np.asarray(p.data, np.float64) for p in (
        lstm.weight_ih, lstm.weight_hh, lstm.bias, m["h0"], m["c0"])))
    np.testing.assert_allclose(y.data, want[:, :, :5], rtol=2e-5, atol=2e-6)
    np.testing.assert_allclose(h.data, want[:, -1, :5], rtol=2e-5, atol=2e-6)
    np.testing.assert_allclose(c.data, want[:, -1, 5:], rtol=2e-5, atol=2e-6)
