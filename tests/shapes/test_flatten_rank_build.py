"""Flatten's output rank is certain (2 for any input), so a Chain whose next layer refuses
rank 2 is refused where it is built; that refusal is sound: every input then fails."""

from __future__ import annotations

from typing import Any, Callable, List

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf
from typedflux import ShapeError

# Layers after a Flatten, each a fresh instance; feature size 6 where one is needed.
AFTER: List[Callable[[], Any]] = [
    lambda: tf.Dense(6, 3), lambda: tf.LayerNorm(6), lambda: tf.BatchNorm(6),
    lambda: tf.Conv((3, 3), 6, 4), lambda: tf.MaxPool((2, 2)), lambda: tf.LSTM(6, 3),
    lambda: tf.GlobalMeanPool(), lambda: tf.Upsample(2), lambda: tf.Dropout(0.5),
    lambda: tf.Flatten(), lambda: tf.Embedding(10, 3), lambda: tf.Chain(tf.Conv((1, 1), 6, 2)),
    lambda: tf.MultiHeadAttention(6, 2),
]


@settings(max_examples=80, deadline=None)
@given(first=st.sampled_from(range(len(AFTER))), second=st.sampled_from(range(len(AFTER))),
       dims=st.lists(st.integers(1, 4), min_size=1, max_size=4))
def test_a_chain_refused_after_flatten_fails_for_every_input(first: int, second: int,
                                                             dims: List[int]) -> None:
    try:
        model = tf.Chain(tf.Flatten(), AFTER[first](), AFTER[second]())
    except ShapeError:
        refused = True
    else:
        refused = False
    if not refused:
        return
    # Rebuild the parts without the Chain's check, and feed inputs of several ranks/sizes.
    parts = [tf.Flatten(), AFTER[first](), AFTER[second]()]
    x = tf.ones(2, *dims)
    h: Any = x
    with pytest.raises((ShapeError, ValueError, TypeError)):
        for layer in parts:
            h = layer(h)


def test_flatten_then_a_rank_4_layer_is_refused_where_built() -> None:
    with pytest.raises(ShapeError) as err:
        tf.Chain(tf.Flatten(), tf.MaxPool((2, 2)))
    assert str(err.value) == (
        "Chain layer 2 MaxPool((2, 2)) expects input Tensor[B, C, H, W], but layer 1 "
        "Flatten() produces Tensor[?, ?]")


def test_a_rank_only_assumed_from_a_template_stays_quiet() -> None:
    # Dense's template is (B, 6), but it takes any rank: nothing is proven about MaxPool.
    tf.Chain(tf.Dense(6, 6), tf.MaxPool((2, 2)))


def test_rank_keeping_layers_carry_the_certainty() -> None:
    with pytest.raises(ShapeError) as err:
        tf.Chain(tf.Flatten(), tf.Dense(10, 5), tf.Dropout(0.1), tf.LayerNorm(5), tf.LSTM(5, 3))
    assert str(err.value).startswith("Chain layer 5 LSTM(5 => 3) expects input Tensor[B, T, 5]")
