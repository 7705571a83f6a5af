"""``functools.partial`` of a layer class: mypy's own plugin types the partial and its calls,
and the keywords it holds (an activation, ``bias``) stay in the layers it builds, so messages
name the layer as the run time does (``Dense(4 => 8, relu)``, not ``Dense(4 => 8)``)."""

import functools

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, relu

make = functools.partial(Dense, activation=relu)
no_bias = functools.partial(Dense, bias=False)
reveal_type(make(4, 8))  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[4], Literal[8]]"
bad = Chain(make(4, 8), Dense(9, 2))  # E: Chain layer 2 Dense(9 => 2) expects input Tensor[..., 9], but layer 1 Dense(4 => 8, relu) produces Tensor[B, 8]; change Dense(9 => 2) to Dense(8 => 2)  [shape]
fixed = Chain(make(4, 8), Dense(8, 2))
bad_call = make(4, 8)(tf.zeros(3, 5))  # E: Dense(4 => 8, relu) expects input Tensor[..., 4], got Tensor[3, 5]; need size 4 at axis -1 (got 5)  [shape]
bad_bias = no_bias(6, 2)(tf.zeros(3, 5))  # E: Dense(6 => 2, bias=False) expects input Tensor[..., 6], got Tensor[3, 5]; need size 6 at axis -1 (got 5)  [shape]
reveal_type(fixed(tf.zeros(3, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
