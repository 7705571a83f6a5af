"""Recurrent state (issue 14), Flux 0.16's API: ``rnn(x, state)``, ``lstm(x, (h0, c0))``,
``initialstates(layer)`` and ``return_state=True``.

PyTorch is the oracle (float64; parameters copied across: typedflux's one bias is torch's
``bias_ih`` with ``bias_hh`` zero, which also makes torch's GRU Flux's cell): outputs, final
states, and the gradients of a loss on both with respect to the input, the initial state and
the weights. Then the properties a seq2seq model and stateful generation rely on, and the
checks of state shapes.
"""

from __future__ import annotations

from typing import Any, List, Tuple

import numpy as np
import pytest

import typedflux as tf
from typedflux import ShapeError
from typedflux.ops import layers_nn as F
from typedflux.ops import recurrent_state as S

torch = pytest.importorskip("torch")  # the `test` extra pins torch==2.13.0

KINDS = ["RNN", "GRU", "LSTM"]


def _x(*shape: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape) * 0.7


def _f64(layer: Any) -> Any:
    for name in ("weight_ih", "weight_hh", "bias"):
        t = getattr(layer, name)
        t.data = _x(*t.shape, seed=hash(name) % 100).astype(np.float64) * 0.6
    return layer


def _torch_twin(layer: Any, kind: str) -> Any:
    cls = {"RNN": torch.nn.RNN, "GRU": torch.nn.GRU, "LSTM": torch.nn.LSTM}[kind]
    n_in, hidden = layer.weight_ih.shape[1], layer.weight_hh.shape[1]
    module = cls(n_in, hidden, batch_first=True).double()
    with torch.no_grad():
        module.weight_ih_l0.copy_(torch.tensor(layer.weight_ih.numpy()))
        module.weight_hh_l0.copy_(torch.tensor(layer.weight_hh.numpy()))
        module.bias_ih_l0.copy_(torch.tensor(layer.bias.numpy()))
        module.bias_hh_l0.zero_()
    return module


def _states(kind: str, shape: Tuple[int, ...], seed: int) -> List[np.ndarray]:
    return [_x(*shape, seed=seed + k) for k in range(2 if kind == "LSTM" else 1)]


@pytest.mark.parametrize("per_sequence", [True, False], ids=["state[B,H]", "state[H]"])
@pytest.mark.parametrize("kind", KINDS)
def test_state_in_and_out_match_torch(kind: str, per_sequence: bool) -> None:
    tf.seed(0)
    layer = _f64(getattr(tf, kind)(3, 4, return_state=True))
    module = _torch_twin(layer, kind)
    n, t = 2, 5
    x = _x(n, t, 3, seed=1)
    states = _states(kind, (n, 4) if per_sequence else (4,), seed=2)
    uy, uh = _x(n, t, 4, seed=7), _x(n, 4, seed=8)
    uc = _x(n, 4, seed=9)

    def loss(m: Any, x: Any, *st: Any) -> Any:
        y, final = m(x, tuple(st) if kind == "LSTM" else st[0])
        h = final[0] if kind == "LSTM" else final
        total = (y * tf.Tensor(uy, np.float64)).sum() + (h * tf.Tensor(uh, np.float64)).sum()
        if kind == "LSTM":
            total = total + (final[1] * tf.Tensor(uc, np.float64)).sum()
        return total

    xt = tf.Tensor(x, np.float64)
    st = [tf.Tensor(s, np.float64) for s in states]
    value, grads = tf.withgradient(loss, layer, xt, *st)

    X = torch.tensor(x, requires_grad=True)
    Ss = [torch.tensor(s, requires_grad=True) for s in states]
    full = [s if per_sequence else s.expand(n, 4) for s in Ss]
    tstate = tuple(s.unsqueeze(0) for s in full)
    Y, final = module(X, tstate if kind == "LSTM" else tstate[0])
    hn = final[0][0] if kind == "LSTM" else final[0]
    total = (Y * torch.tensor(uy)).sum() + (hn * torch.tensor(uh)).sum()
    if kind == "LSTM":
        total = total + (final[1][0] * torch.tensor(uc)).sum()
    total.backward()

    assert value.item() == pytest.approx(total.item(), rel=1e-12)
    gm, gx, *gs = grads
    np.testing.assert_allclose(gx.numpy(), X.grad.numpy(), rtol=1e-10, atol=1e-12)
    for g, T in zip(gs, Ss):
        assert g.shape == tuple(T.shape)  # a Tensor[H] state gets a Tensor[H] gradient
        np.testing.assert_allclose(g.numpy(), T.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(gm.weight_ih.numpy(), module.weight_ih_l0.grad.numpy(),
                               rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(gm.weight_hh.numpy(), module.weight_hh_l0.grad.numpy(),
                               rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(gm.bias.numpy(), module.bias_ih_l0.grad.numpy(),
                               rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("kind", KINDS)
def test_zero_state_kernels_agree_with_the_zero_state_primitives(kind: str) -> None:
    # The layers keep the zero-state primitives when no state is given: both must agree,
    # values and gradients, so starting from initialstates() changes nothing.
    tf.seed(1)
    layer = _f64(getattr(tf, kind)(3, 4))
    x = tf.Tensor(_x(2, 6, 3), np.float64)
    a = layer(x)
    b = layer(x, tf.initialstates(layer))
    np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=1e-14, atol=1e-15)
    ga = tf.gradient(lambda m: (m(x) ** 2).sum(), layer)[0]
    gb = tf.gradient(lambda m: (m(x, tf.initialstates(m)) ** 2).sum(), layer)[0]
    for name in ("weight_ih", "weight_hh", "bias"):
        np.testing.assert_allclose(getattr(ga, name).numpy(), getattr(gb, name).numpy(),
                                   rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("kind", KINDS)
def test_stateful_generation_continues_from_the_last_state(kind: str) -> None:
    # One pass over 7 steps equals 4 steps, then 3 more started from the state after 4.
    tf.seed(2)
    layer = _f64(getattr(tf, kind)(3, 4, return_state=True))
    x = tf.Tensor(_x(2, 7, 3), np.float64)
    y_all, last_all = layer(x)
    y1, state = layer(x[:, :4])
    y2, last = layer(x[:, 4:], state)
    np.testing.assert_allclose(tf.cat(y1, y2, axis=1).numpy(), y_all.numpy(), rtol=1e-13)
    flat = (lambda s: list(s)) if kind == "LSTM" else (lambda s: [s])
    for a, b in zip(flat(last), flat(last_all)):
        np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=1e-13)


def test_seq2seq_decoder_from_the_encoder_state_trains_both() -> None:
    tf.seed(3)
    model = {"enc": tf.LSTM(3, 5, return_state=True), "dec": tf.LSTM(2, 5)}
    src, tgt = tf.randn(4, 6, 3), tf.randn(4, 3, 2)

    def loss(m: Any) -> Any:
        _, state = m["enc"](src)
        return (m["dec"](tgt, state) ** 2).mean()

    (g,) = tf.gradient(loss, model)
    for part in ("enc", "dec"):
        w = g[part].weight_ih
        assert w is not None and float(np.abs(w.numpy()).sum()) > 0, part


def test_initial_states() -> None:
    lstm, gru = tf.LSTM(3, 4), tf.GRU(3, 5)
    h, c = tf.initialstates(lstm)
    assert h.shape == c.shape == (4,) and h.dtype == np.float32
    assert not h.numpy().any() and not c.numpy().any()
    assert tf.initialstates(gru).shape == (5,)
    gru.weight_hh.data = gru.weight_hh.data.astype(np.float64)
    assert tf.initialstates(gru).dtype == np.float64  # the parameters' dtype
    with pytest.raises(TypeError, match=r"initialstates needs a recurrent layer .* got Dense"):
        tf.initialstates(tf.Dense(2, 3))


@pytest.mark.parametrize("kind", KINDS)
def test_empty_sequence_returns_the_initial_state(kind: str) -> None:
    layer = getattr(tf, kind)(3, 4, return_state=True)
    x = tf.zeros(2, 0, 3)
    y, last = layer(x)
    assert y.shape == (2, 0, 4)
    given = tuple(tf.ones(4) for _ in range(2)) if kind == "LSTM" else tf.ones(4)
    _, from_given = layer(x, given)
    for s in (from_given if kind == "LSTM" else (from_given,)):
        assert s.shape == (2, 4) and (s.numpy() == 1).all()
    for s in (last if kind == "LSTM" else (last,)):
        assert s.shape == (2, 4) and not s.numpy().any()


def test_repr_arguments_and_outputsize() -> None:
    enc = tf.LSTM(3, 5, return_state=True)
    assert repr(enc) == "LSTM(3 => 5, return_state=True)"
    assert repr(tf.LSTM(*enc._arguments())) == repr(enc)
    # outputsize is the output sequence's shape (the state is (B, hidden) beside it).
    assert tf.outputsize(enc, (2, 7, 3)) == enc(tf.ones(2, 7, 3))[0].shape == (2, 7, 5)


BAD_STATES = [
    ("RNN", lambda: tf.zeros(2, 3), ShapeError,
     'Initial state does not fit "RNN(3 => 4)": h0 has Tensor[2, 3], x has Tensor[2, 5, 3]; '
     "need h0 of Tensor[2, 4] or Tensor[4] (size 4 at axis -1, got 3)"),
    ("GRU", lambda: tf.zeros(3, 4), ShapeError,
     'Initial state does not fit "GRU(3 => 4)": h0 has Tensor[3, 4], x has Tensor[2, 5, 3]; '
     "need h0 of Tensor[2, 4] or Tensor[4] (size 2 at axis 0, got 3)"),
    ("RNN", lambda: tf.zeros(1, 2, 4), ShapeError,
     'Initial state does not fit "RNN(3 => 4)": h0 has Tensor[1, 2, 4], x has Tensor[2, 5, 3]; '
     "need h0 of Tensor[2, 4] or Tensor[4] (rank 3)"),
    ("LSTM", lambda: (tf.zeros(4), tf.zeros(2, 5)), ShapeError,
     'Initial state does not fit "LSTM(3 => 4)": c0 has Tensor[2, 5], x has Tensor[2, 5, 3]; '
     "need c0 of Tensor[2, 4] or Tensor[4] (size 4 at axis -1, got 5)"),
    ("LSTM", lambda: tf.zeros(4), TypeError,
     "LSTM(3 => 4) takes its initial state as a pair (h0, c0), got Tensor"),
    ("GRU", lambda: [0.0, 1.0], TypeError,
     'Wrong input type for "GRU(3 => 4)": x = [0.0, 1.0] (a list); need a Tensor'),
]


@pytest.mark.parametrize("kind,state,exc,text", BAD_STATES, ids=[t[:50] for *_, t in BAD_STATES])
def test_bad_states_name_the_layer(kind: str, state: Any, exc: type, text: str) -> None:
    with pytest.raises(exc) as info:
        getattr(tf, kind)(3, 4)(tf.ones(2, 5, 3), state())
    assert str(info.value).startswith(text), str(info.value)


def test_state_primitives_check_their_shapes_when_called_directly() -> None:
    with pytest.raises(ShapeError, match=r'Sizes differ for "lstm_state": h0 has Tensor\[3, 4\]'):
        S.lstm_state(tf.ones(2, 5, 3), tf.ones(16, 3), tf.ones(16, 4), tf.zeros(16),
                     tf.zeros(3, 4), tf.zeros(4))
    assert F.rnn_sequence(tf.ones(2, 5, 3), tf.ones(4, 3), tf.ones(4, 4), tf.zeros(4)).shape == (
        S.rnn_state(tf.ones(2, 5, 3), tf.ones(4, 3), tf.ones(4, 4), tf.zeros(4), tf.zeros(4))
        .shape)
