"""Layer rules vs the real forward: random conv/pool configurations and input sizes (hypothesis).

Whenever the forward runs, its output shape is the rule's; whenever the rule refuses (an input
too small), so would the arithmetic of a naive loop (no window fits).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf
from typedflux import ShapeError

pairs = st.tuples(st.integers(1, 3), st.integers(1, 3))


@settings(max_examples=40, deadline=None)
@given(
    h=st.integers(1, 9), w=st.integers(1, 9), k=pairs, s=pairs,
    p=st.tuples(st.integers(0, 2), st.integers(0, 2)), d=pairs,
    kind=st.sampled_from(["Conv", "ConvTranspose", "MaxPool", "MeanPool"]),
)
def test_rule_matches_forward(h: int, w: int, k: Any, s: Any, p: Any, d: Any, kind: str) -> None:
    if kind == "Conv":
        layer: Any = tf.Conv(k, 2, 3, stride=s, pad=p, dilation=d)
        spans = [d[i] * (k[i] - 1) + 1 for i in range(2)]
    elif kind == "ConvTranspose":
        layer = tf.ConvTranspose(k, 2, 3, stride=s, pad=p, dilation=d)
        spans = [0, 0]
    else:
        if any(pp > kk // 2 for pp, kk in zip(p, k)):
            # Windows made of padding only: refused when built, as PyTorch does.
            with pytest.raises(ShapeError, match=r"need pad <= window // 2 on each axis"):
                getattr(tf, kind)(k, stride=s, pad=p)
            return
        layer = getattr(tf, kind)(k, stride=s, pad=p)
        spans = list(k)
    shape = (2, 2, h, w)
    fits = all(n + 2 * pp >= span for n, pp, span in zip((h, w), p, spans))
    if kind == "ConvTranspose":
        full = [(n - 1) * ss + dd * (kk - 1) + 1 for n, ss, dd, kk in zip((h, w), s, d, k)]
        fits = all(f - 2 * pp >= 1 for f, pp in zip(full, p))
    if not fits:
        with pytest.raises(ShapeError, match="Input too small"):
            tf.outputsize(layer, shape)
        return
    x = tf.Tensor(np.random.default_rng(0).standard_normal(shape))
    assert tf.outputsize(layer, shape) == layer(x).shape


@settings(max_examples=25, deadline=None)
@given(h=st.integers(2, 12), w=st.integers(2, 12), oh=st.integers(1, 4), ow=st.integers(1, 4))
def test_adaptive_mean_pool_rule_matches_forward(h: int, w: int, oh: int, ow: int) -> None:
    layer = tf.AdaptiveMeanPool((oh, ow))
    if h < oh or w < ow:
        with pytest.raises(ShapeError, match="Input too small"):
            tf.outputsize(layer, (1, 2, h, w))
        return
    assert layer(tf.ones(1, 2, h, w)).shape == tf.outputsize(layer, (1, 2, h, w)) == (1, 2, oh, ow)
