"""The layer table (as Flux's test suite does): for every layer a pinned repr, ``outputsize``
equal to the real output shape, and a float64 gradient check of ``mean(layer(x))`` with
respect to the input and every parameter. Then behaviour tests: messages, modes, references.
"""

from __future__ import annotations

from typing import Any, Callable, List, Tuple

import numpy as np
import pytest

import typedflux as tf
from typedflux import ShapeError
from typedflux.engine.tree import named_params, named_tensors
from typedflux.shapes.layers import parse_window

from layer_examples import all_examples

Row = Tuple[Callable[[], Any], Tuple[int, ...], str]


def _maker(source: str) -> Callable[[], Any]:
    return lambda: eval(source, {"tf": tf})  # noqa: S307 - our own example table


# Derived from the registry's example table (tests/layers/layer_examples.py): every layer
# spec and every container, so a new layer cannot skip these checks.
TABLE: List[Row] = [(_maker(e.source), e.shape, e.text) for _, e in all_examples()]
IDS = [r for _, _, r in TABLE]


def _input(layer: Any, shape: Tuple[int, ...], rng: np.random.Generator,
           dtype: Any = np.float64) -> Any:
    if isinstance(layer, tf.Embedding):
        return tf.tensor(rng.integers(0, layer.weight.shape[0], shape))
    return tf.Tensor(rng.standard_normal(shape), dtype)


def _grad_at(grads: Any, name: str) -> Any:
    g = grads
    for part in name.split("."):
        g = g[int(part)] if isinstance(g, tuple) else (
            g[part] if isinstance(g, dict) else getattr(g, part))
    return g


@pytest.mark.parametrize("make,shape,text", TABLE, ids=IDS)
def test_repr_and_outputsize(make: Callable[[], Any], shape: Tuple[int, ...], text: str) -> None:
    layer = make()
    assert repr(layer) == text
    x = _input(layer, shape, np.random.default_rng(0), np.float32)
    y = layer(x)
    assert tf.outputsize(layer, shape) == y.shape
    assert y.dtype == np.float32  # no float64 creep through any layer
    for _, p in named_tensors(layer):
        assert p.dtype == np.float32
    (grads,) = tf.gradient(lambda m: m(x).mean(), layer)
    for name, p in named_params(layer):
        g = _grad_at(grads, name)
        assert g is not None and g.dtype == np.float32, name


@pytest.mark.parametrize("make,shape,text", TABLE, ids=IDS)
def test_gradient_check(make: Callable[[], Any], shape: Tuple[int, ...], text: str) -> None:
    """<grad, v> against the central difference of mean(layer(x)) along a random v."""
    rng = np.random.default_rng(1)
    tf.seed(0)
    layer = make()
    tf.trainmode(layer)  # the same mode for the tape and the finite differences
    for _, p in named_tensors(layer):
        p.data = p.data.astype(np.float64)
    x = _input(layer, shape, rng)

    def loss(m: Any, x: Any) -> Any:
        tf.seed(7)  # the same dropout mask on every evaluation
        return m(x).mean()

    gmodel, gx = tf.gradient(loss, layer, x)
    targets = [(n, p, _grad_at(gmodel, n)) for n, p in named_params(layer)]
    if x.dtype.kind == "f":
        targets.append(("x", x, gx))
    assert targets
    eps = 1e-6
    for name, t, g in targets:
        assert g is not None, f"no gradient for {name}"
        assert g.shape == t.shape
        v = rng.standard_normal(t.shape)
        base = t.data.copy()
        t.data = base + eps * v
        up = loss(layer, x).item()
        t.data = base - eps * v
        down = loss(layer, x).item()
        t.data = base
        numeric = (up - down) / (2 * eps)
        analytic = float((g.numpy() * v).sum())
        assert analytic == pytest.approx(numeric, rel=1e-5, abs=1e-7), name


# -- messages ------------------------------------------------------------------------------------


def test_dense_bad_input_message() -> None:
    with pytest.raises(ShapeError) as info:
        tf.Dense(784, 32, tf.relu)(tf.ones(16, 100))
    assert str(info.value) == (
        "Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; "
        "need size 784 at axis -1 (got 100)"
    )


def test_broken_chain_raises_at_construction() -> None:
    with pytest.raises(ShapeError) as info:
        tf.Chain(tf.Dense(784, 32, tf.relu), tf.Dense(64, 10))
    assert str(info.value) == (
        "Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 "
        "Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)"
    )
    # An activation function in between is shape-preserving, so it is still caught.
    with pytest.raises(ShapeError, match="Chain layer 3 Dense"):
        tf.Chain(tf.Dense(784, 32), tf.relu, tf.Dense(64, 10))
    with pytest.raises(ShapeError, match=r"Chain layer 2 Conv\(\(3, 3\), 16 => 8\)"):
        tf.Chain(tf.Conv((3, 3), 1, 8), tf.Conv((3, 3), 16, 8))


def test_chain_call_time_errors_name_position_and_shape() -> None:
    # Spatial sizes are unknown when built, so this Chain is only refuted by a real input.
    model = tf.Chain(tf.Conv((3, 3), 1, 8), tf.Flatten(), tf.Dense(100, 10))
    with pytest.raises(ShapeError) as info:
        model(tf.ones(2, 1, 6, 6))
    assert str(info.value) == (
        "Chain layer 3 Dense(100 => 10) expects input Tensor[..., 100], but layer 2 Flatten() "
        "produces Tensor[2, 128]; change Dense(100 => 10) to Dense(128 => 10)"
    )
    with pytest.raises(ShapeError) as info:
        model(tf.ones(2, 3, 6, 6))
    assert str(info.value) == (
        "Chain layer 1 Conv((3, 3), 1 => 8) expects input Tensor[B, 1, H, W], got "
        "Tensor[2, 3, 6, 6]; need size 1 at axis 1 (got 3)"
    )
    with pytest.raises(ShapeError) as info:
        tf.outputsize(model, (2, 1, 6, 6))
    assert "Chain layer 3 Dense(100 => 10)" in str(info.value)


def test_chain_wraps_errors_from_plain_functions() -> None:
    def project(x: Any) -> Any:
        return x @ tf.ones(4, 2)

    model = tf.Chain(tf.Dense(4, 3), project)
    with pytest.raises(ShapeError) as info:
        model(tf.ones(5, 4))
    assert str(info.value).splitlines() == [
        'Chain layer 2 project: Inner dimensions differ for "matmul": x has Tensor[5, 3], '
        "w has Tensor[4, 2]; need x.shape[-1] == w.shape[-2] (3 vs 4)",
        "  input to layer 2: Tensor[5, 3]",
    ]


def test_conv_too_small_input() -> None:
    with pytest.raises(ShapeError, match=r'Input too small for "Conv\(\(5, 5\), 1 => 2\)"'):
        tf.Conv((5, 5), 1, 2)(tf.ones(1, 1, 3, 3))


def test_embedding_checks_ids() -> None:
    e = tf.Embedding(5, 2)
    with pytest.raises(IndexError, match=r"need 0 <= id < 5 \(id 7\)"):
        e(tf.tensor([1, 7]))
    with pytest.raises(IndexError, match=r"\(id -1\)"):
        e(tf.tensor([-1]))


def test_mha_construction_and_calls() -> None:
    with pytest.raises(ValueError, match="divisible"):
        tf.MultiHeadAttention(10, 3)
    mha = tf.MultiHeadAttention(8, 2)
    x = tf.randn(2, 3, 8)
    np.testing.assert_allclose(mha(x).numpy(), mha(x, x, x).numpy())
    assert mha(x, tf.randn(2, 5, 8), tf.randn(2, 5, 8)).shape == (2, 3, 8)
    with pytest.raises(ShapeError, match="Sequence lengths differ"):
        mha(x, tf.randn(2, 5, 8), tf.randn(2, 4, 8))
    with pytest.raises(TypeError, match="not two inputs"):
        mha(x, x)


# -- references and modes ----------------------------------------------------------------------------


def test_dense_matches_numpy() -> None:
    d = tf.Dense(3, 2, tf.relu)
    x = np.random.default_rng(2).standard_normal((4, 3)).astype(np.float32)
    expected = np.maximum(x @ d.weight.numpy().T + d.bias.numpy(), 0)  # type: ignore[union-attr]
    np.testing.assert_allclose(d(tf.tensor(x)).numpy(), expected, rtol=1e-6)


def test_conv_layer_matches_direct_sum() -> None:
    c = tf.Conv((2, 2), 1, 1, stride=1)
    x = np.arange(9.0, dtype=np.float32).reshape(1, 1, 3, 3)
    w = c.weight.numpy()[0, 0]
    expected = np.array([[(x[0, 0, i:i + 2, j:j + 2] * w).sum() for j in range(2)]
                         for i in range(2)])
    np.testing.assert_allclose(c(tf.tensor(x)).numpy()[0, 0], expected, rtol=1e-6)


def test_batchnorm_modes_and_running_stats() -> None:
    bn = tf.BatchNorm(2, momentum=0.1)
    x = np.random.default_rng(3).standard_normal((6, 2, 3, 3)).astype(np.float32)
    # Auto mode outside a gradient: running statistics (0, 1), so the identity here.
    np.testing.assert_allclose(bn(tf.tensor(x)).numpy(), x / np.sqrt(1 + 1e-5), rtol=1e-6)
    assert bn.running_mean.numpy().tolist() == [0.0, 0.0]
    # Inside a gradient: batch statistics, and the running ones move by momentum.
    tf.gradient(lambda m: m(tf.tensor(x)).sum(), bn)
    mean, var = x.mean(axis=(0, 2, 3)), x.var(axis=(0, 2, 3), ddof=1)
    np.testing.assert_allclose(bn.running_mean.numpy(), 0.1 * mean, rtol=1e-5)
    np.testing.assert_allclose(bn.running_var.numpy(), 0.9 + 0.1 * var, rtol=1e-5)
    tf.trainmode(bn)
    y = bn(tf.tensor(x)).numpy()
    np.testing.assert_allclose(y.mean(axis=(0, 2, 3)), [0, 0], atol=1e-5)
    assert [n for n, _ in named_params(bn)] == ["weight", "bias"]
    assert [n for n, _ in named_tensors(bn)] == ["weight", "bias", "running_mean", "running_var"]


def test_dropout_modes() -> None:
    d = tf.Dropout(0.5)
    x = tf.ones(100)
    assert d(x).numpy().tolist() == [1.0] * 100  # auto, no gradient: off
    seen: List[Any] = []
    tf.gradient(lambda x: (seen.append(d(x)) or seen[-1]).sum(), x)
    values = set(seen[0].numpy().tolist())
    assert values == {0.0, 2.0}
    tf.trainmode(d)
    assert 0.0 in d(x).numpy()
    tf.testmode(d)
    assert d(x).numpy().tolist() == [1.0] * 100


def test_lstm_gradient_structure_uses_pytorch_names() -> None:
    model = tf.Chain(tf.Embedding(10, 3), tf.LSTM(3, 4), tf.Dense(4, 2))
    names = [n for n, _ in named_params(model)]
    assert names == ["layers.0.weight", "layers.1.weight_ih", "layers.1.weight_hh",
                     "layers.1.bias", "layers.2.weight", "layers.2.bias"]
    (g,) = tf.gradient(lambda m: m(tf.tensor([[1, 2, 2]])).sum(), model)
    assert g.layers[1].weight_hh.shape == (16, 4)
    # Only the rows of the used tokens get a gradient (scatter-add).
    rows = np.abs(g.layers[0].weight.numpy()).sum(axis=1)
    assert [i for i in range(10) if rows[i] > 0] == [1, 2]


def test_chain_container_protocol() -> None:
    a, b, c = tf.Dense(2, 3), tf.Dense(3, 4), tf.Dense(4, 5)
    m = tf.Chain(a, b, c)
    assert m[0] is a and len(m) == 3 and list(m) == [a, b, c]
    assert repr(m[1:]) == "Chain(Dense(3 => 4), Dense(4 => 5))"
    named = tf.Chain(enc=a, dec=b)
    assert named.enc is a and named["dec"] is b and named[1] is b
    assert [n for n, _ in named_params(named)] == [
        "layers.enc.weight", "layers.enc.bias", "layers.dec.weight", "layers.dec.bias"]
    with pytest.raises(AttributeError, match="no layer or attribute 'mid'"):
        named.mid


def test_parallel_with_several_inputs() -> None:
    p = tf.Parallel(tf.add, tf.Dense(2, 3), tf.Dense(4, 3))
    assert p(tf.ones(5, 2), tf.ones(5, 4)).shape == (5, 3)
    with pytest.raises(TypeError, match="called with 3 inputs"):
        p(tf.ones(5, 2), tf.ones(5, 4), tf.ones(5, 4))


def test_outputsize_falls_back_to_running_unknown_callables() -> None:
    model = tf.Chain(tf.Dense(4, 6), lambda x: x.reshape(x.shape[0], 2, 3), tf.Flatten())
    assert tf.outputsize(model, (5, 4)) == (5, 6)


def test_conv_config_text_round_trips() -> None:
    c = tf.Conv((3, 1), 2, 4, stride=(2, 1), pad=1)
    assert c.cfg_text == "kernel=3x1 stride=2x1 pad=1x1 dilation=1x1"
    assert parse_window(c.cfg_text) == c.window
    assert tf.MaxPool(2).cfg_text == "kernel=2x2 stride=2x2 pad=0x0 dilation=1x1"


def test_summary_table() -> None:
    model = tf.Chain(tf.Conv((3, 3), 1, 8, tf.relu), tf.BatchNorm(8), tf.MaxPool((2, 2)),
                     tf.Flatten(), tf.Dense(1352, 10))
    text = str(tf.summary(model, (16, 1, 28, 28)))
    lines = text.splitlines()
    assert lines[0].split() == ["Layer", "Output", "Params"]
    assert "Conv((3, 3), 1 => 8, relu)" in lines[2] and "Tensor[16, 8, 26, 26]" in lines[2]
    assert lines[2].split()[-1] == "80"
    assert "Tensor[16, 10]" in lines[6] and lines[6].split()[-1] == "13,530"
    assert lines[-1] == "Total: 13,642 parameters (13,626 trainable, 16 non-trainable)"


def test_glorot_uniform_bounds_and_seed() -> None:
    tf.seed(3)
    a = tf.Dense(100, 50).weight.numpy()
    tf.seed(3)
    b = tf.Dense(100, 50).weight.numpy()
    np.testing.assert_array_equal(a, b)
    limit = np.sqrt(6 / 150)
    assert np.abs(a).max() <= limit and np.abs(a).max() > 0.9 * limit


def test_mha_causal_mask_hides_the_future() -> None:
    mha = tf.MultiHeadAttention(4, 2)
    x = tf.randn(1, 3, 4)
    causal = tf.tensor(np.tril(np.ones((3, 3), dtype=bool)))
    y = mha(x, mask=causal).numpy()
    # Changing the last step cannot change the outputs at earlier steps.
    x2 = tf.tensor(np.concatenate([x.numpy()[:, :2], np.full((1, 1, 4), 9.0, np.float32)], 1))
    y2 = mha(x2, mask=causal).numpy()
    np.testing.assert_allclose(y[:, :2], y2[:, :2], rtol=1e-5)
    assert not np.allclose(y[:, 2], y2[:, 2])


def test_any_callable_object_is_an_activation() -> None:
    class Scale:
        __hash__ = None  # type: ignore[assignment]  # unhashable, like an eq-dataclass

        def __call__(self, x: Any) -> Any:
            return x * 2.0

    d = tf.Dense(3, 2, Scale(), bias=False)
    y = d(tf.ones(4, 3))
    np.testing.assert_allclose(y.numpy(), 2.0 * (np.ones((4, 3)) @ d.weight.numpy().T), rtol=1e-6)
    assert repr(d) == "Dense(3 => 2, Scale(), bias=False)"
    with pytest.raises(ShapeError, match="expects input"):
        d(tf.ones(4, 5))
