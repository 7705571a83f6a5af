"""A Chain of several unpacked lists of layers, ``Chain(*encoder, *decoder)``: mypy refused
two unpacked arguments for ``Chain``'s ``*layers: Unpack[Layers]`` (`Passing multiple
variadic unpacks in a call is not supported  [call-arg]`) on a call Python runs. The
signature takes them now (callbacks/chain_stars.py), and the Chain hook reads each list as
it reads one: lists known in the scope give their layers, in order, and layers that do not
compose are reported where the Chain is built; lists not known give a Chain of unknown
layers (nothing reported)."""

from typing import Any, List

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, relu

encoder = [Dense(4, 8, relu), Dense(8, 8)]
decoder = [Dense(8, 8, relu), Dense(8, 4)]
autoencoder = Chain(*encoder, *decoder)
reveal_type(autoencoder(tf.randn(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[4]]"

stem: List[Any] = []
stem.append(Dense(4, 8))
head: List[Any] = []
head.append(Dense(8, 2))
reveal_type(Chain(*stem, Dense(8, 8), *head)(tf.randn(3, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
Chain(*stem, Dense(9, 8), *head)  # E: Chain layer 2 Dense(9 => 8) expects input Tensor[..., 9], but layer 1 Dense(4 => 8) produces Tensor[B, 8]; change Dense(9 => 8) to Dense(8 => 8)  [shape]


def joined(a: List[Any], b: List[Any]) -> Chain:
    return Chain(*a, Dense(3, 3), *b)


reveal_type(joined([Dense(3, 3)], [Dense(3, 2)]))  # N: Revealed type is "typedflux.layers.containers.Chain[*tuple[Any, ...]]"
assert joined([], [Dense(3, 2)])(tf.randn(2, 3)).shape == (2, 2)
assert Chain(*[], *[Dense(2, 2)])(tf.randn(1, 2)).shape == (1, 2)
