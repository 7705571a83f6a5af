"""Maxout and PairwiseFusion (issue 14), Flux's containers: values against the formulas
written out in numpy (PyTorch has neither), float64 gradient checks by central differences,
construction checks and calls in Chains, and the argument checks.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

import typedflux as tf
from typedflux import ShapeError
from typedflux.engine.tree import named_params


def _f64(model: Any) -> Any:
    rng = np.random.default_rng(4)
    for _, p in named_params(model):
        p.data = rng.standard_normal(p.shape)
    return model


def _gradcheck(model: Any, loss: Callable[[Any, Any], Any], x: Any) -> None:
    """<grad, v> against the central difference of ``loss`` along random ``v``."""
    rng = np.random.default_rng(1)
    gm, gx = tf.gradient(loss, model, x)
    targets = [(n, p, g) for (n, p), (_, g) in zip(named_params(model), named_params(gm))]
    targets.append(("x", x, gx))
    for name, t, g in targets:
        v = rng.standard_normal(t.shape)
        base = t.data.copy()
        t.data = base + 1e-6 * v
        up = loss(model, x).item()
        t.data = base - 1e-6 * v
        down = loss(model, x).item()
        t.data = base
        assert float((g.numpy() * v).sum()) == pytest.approx((up - down) / 2e-6, rel=1e-6,
                                                             abs=1e-8), name


def test_maxout_is_the_elementwise_maximum() -> None:
    m = _f64(tf.Maxout(tf.Dense(4, 3), tf.Dense(4, 3, tf.tanh), tf.Dense(4, 3)))
    x = tf.Tensor(np.random.default_rng(0).standard_normal((5, 4)), np.float64)
    want = np.maximum.reduce([layer(x).numpy() for layer in m.layers])
    np.testing.assert_array_equal(m(x).numpy(), want)
    _gradcheck(m, lambda mm, v: (mm(v) ** 2).sum(), x)


def test_maxout_of_a_constructor_makes_fresh_layers() -> None:
    m = tf.Maxout(lambda: tf.Dense(5, 7, tf.tanh), 3)
    assert len(m.layers) == 3 and len({id(layer) for layer in m.layers}) == 3
    assert repr(m) == ("Maxout(Dense(5 => 7, tanh), Dense(5 => 7, tanh), "
                       "Dense(5 => 7, tanh))")
    assert tf.outputsize(m, (11, 5)) == m(tf.ones(11, 5)).shape == (11, 7)  # Flux's doc
    names = [n for n, _ in tf.named_params(m)]
    assert names[:2] == ["layers.0.weight", "layers.0.bias"] and len(names) == 6


def test_maxout_of_functions() -> None:
    # Flux's docstring: Maxout(x -> abs2.(x), x -> x .* 3)
    m = tf.Maxout(lambda x: x * x, lambda x: x * 3)
    assert m(tf.tensor([-2.0, -1.0, 0.0, 1.0, 2.0])).numpy().tolist() == [4, 1, 0, 3, 6]


def test_maxout_in_a_chain_is_checked() -> None:
    m = tf.Maxout(tf.Dense(4, 3), tf.Dense(4, 3))
    assert tf.Chain(tf.Dense(5, 4), m, tf.Dense(3, 2))(tf.ones(2, 5)).shape == (2, 2)
    with pytest.raises(ShapeError) as info:
        tf.Chain(tf.Dense(5, 4), m, tf.Dense(7, 2))
    assert str(info.value) == (
        "Chain layer 3 Dense(7 => 2) expects input Tensor[..., 7], but layer 2 "
        "Maxout(Dense(4 => 3), Dense(4 => 3)) produces Tensor[B, 3]; change Dense(7 => 2) to "
        "Dense(3 => 2)")


def test_pairwise_fusion_follows_fluxs_code() -> None:
    l1, l2, l3 = tf.Dense(3, 3, tf.tanh), tf.Dense(3, 3), tf.Dense(3, 2)
    pf = _f64(tf.PairwiseFusion(tf.add, l1, l2, l3))
    rng = np.random.default_rng(2)
    x1, x2, x3 = (tf.Tensor(rng.standard_normal((4, 3)), np.float64) for _ in range(3))
    y1, y2, y3 = pf(x1, x2, x3)
    e1 = l1(x1).numpy()
    e2 = l2(tf.Tensor(e1 + x2.numpy(), np.float64)).numpy()
    e3 = l3(tf.Tensor(e2 + x3.numpy(), np.float64)).numpy()
    for got, want in ((y1, e1), (y2, e2), (y3, e3)):
        np.testing.assert_allclose(got.numpy(), want, rtol=1e-14)
    # One input serves every step; a tuple is several inputs.
    one = pf(x1)
    np.testing.assert_array_equal(one[2].numpy(), pf(x1, x1, x1)[2].numpy())
    np.testing.assert_array_equal(pf((x1, x2, x3))[1].numpy(), y2.numpy())
    assert tf.outputsize(pf, (4, 3)) == tuple(y.shape for y in one) == ((4, 3), (4, 3), (4, 2))
    _gradcheck(pf, lambda m, v: sum((y ** 2).sum() for y in m(v)), x1)


def test_pairwise_fusion_checks_each_fusion_where_built() -> None:
    with pytest.raises(ShapeError) as info:
        tf.PairwiseFusion(tf.cat, tf.Dense(4, 4), tf.Dense(4, 2))
    assert str(info.value) == (
        "PairwiseFusion(cat, Dense(4 => 4), Dense(4 => 2)) cannot fuse into layer 2: "
        "Dense(4 => 2) expects input Tensor[..., 4], got Tensor[B, 8]; need size 4 at axis -1 "
        "(got 8)")
    assert repr(tf.PairwiseFusion(tf.cat, tf.Dense(4, 4), tf.Dense(8, 2))) == (
        "PairwiseFusion(cat, Dense(4 => 4), Dense(8 => 2))")


BAD = [
    (lambda: tf.Maxout(), ValueError, "Maxout needs at least one layer (or Maxout(f, n))"),
    (lambda: tf.Maxout(lambda: tf.Dense(2, 2), 0), ValueError,
     'Invalid argument for "Maxout": n = 0; need an int from 1 to 65536'),
    # n layers are made and held at once: 2**40 of them would run for hours first.
    (lambda: tf.Maxout(lambda: tf.Dense(2, 2), 2**40), ValueError,
     'Invalid argument for "Maxout": n = 1099511627776; need an int from 1 to 65536'),
    (lambda: tf.Maxout(tf.Dense(2, 2), "relu"), TypeError,
     "Wrong argument type for \"Maxout\": layer 2 = 'relu' (a str); need a layer or function "
     "(any callable)"),
    (lambda: tf.Maxout(3, 2), TypeError,
     'Wrong argument type for "Maxout": f = 3 (an int); need a layer or function (any '
     "callable)"),
    (lambda: tf.Maxout(tf.Dense(5, 7), tf.Dense(5, 6)), ShapeError,
     'Maxout(Dense(5 => 7), Dense(5 => 6)) cannot compare its layers\' outputs: Cannot '
     'broadcast for "maximum": x has Tensor[B, 7], y has Tensor[B, 6]; need equal sizes or 1 '
     "at axis -1 (7 vs 6)"),
    # Every layer gets the same input: one that cannot take it fails for every input.
    (lambda: tf.Maxout(tf.Dense(5, 7), tf.Dense(4, 7)), ShapeError,
     "Maxout(Dense(5 => 7), Dense(4 => 7)) cannot give layer 2 the input the others take: "
     "Dense(4 => 7) expects input Tensor[..., 4], got Tensor[B, 5]; need size 4 at axis -1 "
     "(got 5)"),
    (lambda: tf.Maxout(tf.Dense(5, 7), tf.Dense(5, 7))(tf.ones(2, 4)), ShapeError,
     "Dense(5 => 7) expects input Tensor[..., 5], got Tensor[2, 4]; need size 5 at axis -1 "
     "(got 4)"),
    (lambda: tf.PairwiseFusion(tf.add), ValueError, "PairwiseFusion needs at least one layer"),
    # A fused value that cannot be made is named by the layer it feeds (the shared rule).
    (lambda: tf.PairwiseFusion(tf.add, tf.Dense(2, 2), tf.Dense(2, 2))(
        tf.ones(1, 2), tf.ones(1, 3)), ShapeError,
     "PairwiseFusion(add, Dense(2 => 2), Dense(2 => 2)) cannot fuse into layer 2: Cannot "
     'broadcast for "add": xs[0] has Tensor[1, 2], xs[1] has Tensor[1, 3]; need equal sizes '
     "or 1 at axis -1 (2 vs 3)"),
    (lambda: tf.PairwiseFusion("add", tf.Dense(2, 2)), TypeError,
     "Wrong argument type for \"PairwiseFusion\": connection = 'add' (a str); need a layer or "
     "function (any callable)"),
    (lambda: tf.PairwiseFusion(tf.add, tf.Dense(2, 2), tf.Dense(2, 2))(
        tf.ones(1, 2), tf.ones(1, 2), tf.ones(1, 2)), TypeError,
     "PairwiseFusion(add, Dense(2 => 2), Dense(2 => 2)) has 2 layers but was called with 3 "
     "inputs (one input, or one per layer)"),
]


@pytest.mark.parametrize("call,exc,text", BAD, ids=[t[:40] for _, _, t in BAD])
def test_bad_arguments(call: Callable[[], Any], exc: type, text: str) -> None:
    with pytest.raises(exc) as info:
        call()
    assert str(info.value) == text
