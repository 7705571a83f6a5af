"""Flux's layer library: Dense, Chain, Conv, pools, norms, recurrent layers, attention.

>>> import typedflux as tf
>>> tf.Chain(tf.Dense(784, 32, tf.relu), tf.Dense(32, 10))
Chain(Dense(784 => 32, relu), Dense(32 => 10))
"""

from typedflux.layers.basic import (
    Chain,
    Dense,
    Dropout,
    Embedding,
    Flatten,
    Parallel,
    SkipConnection,
)
from typedflux.layers.core import Layer

__all__ = [
    "Layer",
    "Dense",
    "Chain",
    "Flatten",
    "Dropout",
    "SkipConnection",
    "Parallel",
    "Embedding",
]
