"""Flux's layer library: Dense, Chain, Conv, pools, norms, recurrent layers, attention.

>>> import typedflux as tf
>>> tf.Chain(tf.Dense(784, 32, tf.relu), tf.Dense(32, 10))
Chain(Dense(784 => 32, relu), Dense(32 => 10))
"""

from typedflux.layers.basic import Dense, Dropout, Embedding, Flatten
from typedflux.layers.containers import Chain, Parallel, SkipConnection
from typedflux.layers.conv import (
    AdaptiveMeanPool,
    Conv,
    ConvTranspose,
    GlobalMaxPool,
    GlobalMeanPool,
    MaxPool,
    MeanPool,
)
from typedflux.layers.attention import MultiHeadAttention
from typedflux.layers.core import Layer
from typedflux.layers.normalise import BatchNorm, GroupNorm, InstanceNorm, LayerNorm
from typedflux.layers.recurrent import GRU, LSTM, RNN
from typedflux.layers.combine import Bilinear, Maxout, PairwiseFusion
from typedflux.layers.resample import PixelShuffle, Upsample

__all__ = [
    "Layer",
    "Dense",
    "Chain",
    "Flatten",
    "Dropout",
    "SkipConnection",
    "Parallel",
    "Embedding",
    "Conv",
    "ConvTranspose",
    "MaxPool",
    "MeanPool",
    "GlobalMaxPool",
    "GlobalMeanPool",
    "AdaptiveMeanPool",
    "BatchNorm",
    "LayerNorm",
    "GroupNorm",
    "InstanceNorm",
    "Upsample",
    "PixelShuffle",
    "Bilinear",
    "Maxout",
    "PairwiseFusion",
    "RNN",
    "LSTM",
    "GRU",
    "MultiHeadAttention",
]
