"""A rank certain for every input refuses a Chain where it is built, soundly.

Flatten (rank 2), Conv, ConvTranspose, the pools, Upsample and PixelShuffle (rank 4),
MultiHeadAttention and the recurrent layers (rank 3) give one output rank whatever they are
given (``LayerConfig.out_rank``); Dense, the norms, Dropout, GlobalMeanPool keep their
input's rank and Embedding adds one axis (``keeps_rank``, ``adds_rank``), carrying that
certainty on. A Chain whose later layer then refuses the rank is refused where it is built
(typedflux/shapes/chains.py: the run time's constructor and the plugin). The property: every
Chain so refused really fails, whatever input its parts are given.
"""

from __future__ import annotations

import itertools
from typing import Any, Callable, List, Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf
from typedflux import ShapeError

# Each a fresh instance; feature and channel size 6 where one is needed.
LAYERS: List[Callable[[], Any]] = [
    lambda: tf.Flatten(), lambda: tf.Dense(6, 6), lambda: tf.LayerNorm(6),
    lambda: tf.BatchNorm(6), lambda: tf.Dropout(0.5), lambda: tf.Conv((3, 3), 6, 6),
    lambda: tf.Conv((1, 1), 6, 6), lambda: tf.ConvTranspose((3, 3), 6, 6),
    lambda: tf.MaxPool((2, 2)), lambda: tf.MeanPool((2, 2)),
    lambda: tf.AdaptiveMeanPool((2, 2)), lambda: tf.Upsample(2), lambda: tf.PixelShuffle(2),
    lambda: tf.GlobalMeanPool(), lambda: tf.GroupNorm(6, 2), lambda: tf.InstanceNorm(6),
    lambda: tf.MultiHeadAttention(6, 2), lambda: tf.LSTM(6, 6), lambda: tf.GRU(6, 6),
    lambda: tf.Embedding(10, 6), lambda: tf.Chain(tf.Conv((1, 1), 6, 6)),
]

# Sizes that fit the layers above (6) more often than not, and some that do not.
shapes = st.lists(st.sampled_from([6, 6, 6, 8, 3, 4, 1, 2]), min_size=0, max_size=4)
# For every pair: inputs of each rank 1-5 whose sizes fit (6, 8), and some that do not.
FIXED = [(2,), (2, 6), (2, 3, 6), (2, 6, 6), (2, 6, 8, 8), (2, 6, 6, 6), (2, 4, 8, 8),
         (2, 6, 6, 6, 6), (2, 8, 6), (2, 1, 6, 6)]


def _inputs(dims: Sequence[int]) -> List[Any]:
    """Floats, and ints in an Embedding's range, of shape ``dims``."""
    n = int(np.prod(dims))
    return [tf.ones(*dims), tf.tensor(np.arange(n, dtype=np.int64).reshape(dims) % 6)]


def _fails(parts: List[Any], x: Any) -> bool:
    h: Any = x
    try:
        for layer in parts:
            h = layer(h)
    except (ShapeError, ValueError, TypeError):
        return True
    return False


def _refused(picks: Sequence[int]) -> bool:
    try:
        tf.Chain(*(LAYERS[i]() for i in picks))
    except ShapeError:
        return True
    return False


def _check_fails_for(picks: Sequence[int], shapes_: Sequence[Sequence[int]]) -> None:
    for dims in shapes_:
        for x in _inputs(dims):
            parts = [LAYERS[i]() for i in picks]  # without the Chain's check
            assert _fails(parts, x), ([LAYERS[i]() for i in picks], x.shape, x.dtype)


def test_every_refused_pair_fails_for_every_input() -> None:
    refused = [p for p in itertools.product(range(len(LAYERS)), repeat=2) if _refused(p)]
    assert len(refused) > 50  # the certainty refuses many pairs: the test is not vacuous
    for picks in refused:
        _check_fails_for(picks, FIXED)


@settings(max_examples=150, deadline=None)
@given(picks=st.lists(st.integers(0, len(LAYERS) - 1), min_size=3, max_size=3),
       inputs=st.lists(shapes, min_size=1, max_size=3))
def test_a_chain_refused_for_a_certain_rank_fails_for_every_input(
        picks: List[int], inputs: List[List[int]]) -> None:
    if _refused(picks):
        _check_fails_for(picks, [(2, *dims) for dims in inputs])


@pytest.mark.parametrize("build, words", [
    (lambda: tf.Chain(tf.Conv((3, 3), 1, 8), tf.LSTM(8, 4)),
     "Chain layer 2 LSTM(8 => 4) expects input Tensor[B, T, 8], but layer 1 Conv((3, 3), "
     "1 => 8) produces Tensor[B, 8, H' - 2, W' - 2]"),
    (lambda: tf.Chain(tf.Conv((3, 3), 6, 6), tf.MaxPool((2, 2)), tf.MultiHeadAttention(6, 2)),
     "Chain layer 3 MultiHeadAttention(6, nheads=2) expects input Tensor[B, T, 6], but layer 2 "
     "MaxPool((2, 2)) produces Tensor[B, 6, H'//2 - 1, W'//2 - 1]"),
    (lambda: tf.Chain(tf.LSTM(6, 6), tf.Dense(6, 6), tf.Conv((3, 3), 6, 6)),
     "Chain layer 3 Conv((3, 3), 6 => 6) expects input Tensor[B, 6, H, W], but layer 2 "
     "Dense(6 => 6) produces Tensor[B, ?, 6]"),
])
def test_a_layer_after_a_certain_rank_is_refused_where_built(
        build: Callable[[], Any], words: str) -> None:
    with pytest.raises(ShapeError) as err:
        build()
    assert str(err.value).split("\n")[0] == words


def test_a_rank_only_assumed_from_a_template_stays_quiet() -> None:
    # Embedding's template is (B, T), but it takes any rank: what follows proves nothing.
    tf.Chain(tf.Embedding(10, 6), tf.Conv((3, 3), 6, 6))
    tf.Chain(tf.Dense(6, 6), tf.LSTM(6, 3), tf.Dense(3, 3))


def test_a_pool_first_lets_the_next_layer_start_the_check() -> None:
    # A pool has no template: the check starts at the next layer's (its fresh sizes kept for
    # later proofs), so what the pool alone would prove is not (a known limit).
    tf.Chain(tf.MaxPool((2, 2)), tf.LSTM(6, 6))
