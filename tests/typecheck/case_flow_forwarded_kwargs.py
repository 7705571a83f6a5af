"""A layer helper forwarding ``**kwargs``: ``def dense(cin, cout, **kwargs): return Dense(cin,
cout, **kwargs)``.

At a call of such a helper with known sizes, its body is typed again with the call's values
and the call's own keyword arguments written in place of ``**kwargs`` (as Python passes
them on), so the layer keeps its sizes and its activation's name. Not followed (silent): a
body that reads the dict otherwise (``kwargs.get("activation")``), a call giving a
``**options`` of its own. Each with its fix, concrete and symbolic; the same lines fail at
run time with the same words.
"""

from typing import Any, TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, Tensor, relu, sigmoid

B = TypeVar("B", bound=int)


def dense(cin: int, cout: int, **kwargs: Any) -> Dense:
    return Dense(cin, cout, **kwargs)


autoencoder = Chain(
    dense(64, 16, activation=relu),
    dense(64, 64, activation=sigmoid),  # E: Chain layer 2 Dense(64 => 64, sigmoid) expects input Tensor[..., 64], but layer 1 Dense(64 => 16, relu) produces Tensor[B, 16]; change Dense(64 => 64, sigmoid) to Dense(16 => 64, sigmoid)  [shape]
)
autoencoder_fixed = Chain(dense(64, 16, activation=relu), dense(16, 64, activation=sigmoid))
autoencoder_fixed(tf.rand(3, 64))


def conv_block(cin: int, cout: int, **kwargs: Any) -> Chain:
    conv = Conv((3, 3), cin, cout, relu, **kwargs)
    return Chain(conv, Conv((1, 1), cout, cout))


def features(x: Tensor[B, 3, 8, 8]) -> Tensor[B, 4]:
    return Chain(conv_block(3, 16, pad=0), Flatten(), Dense(16 * 8 * 8, 4))(x)  # E: Chain layer 3 Dense(1024 => 4) expects input Tensor[..., 1024], but layer 2 Flatten() produces Tensor[B, 576]; change Dense(1024 => 4) to Dense(576 => 4)  [shape]


def features_fixed(x: Tensor[B, 3, 8, 8]) -> Tensor[B, 4]:
    return Chain(conv_block(3, 16, pad=1), Flatten(), Dense(16 * 8 * 8, 4))(x)


features(tf.randn(2, 3, 8, 8))
features_fixed(tf.randn(2, 3, 8, 8))


def reads_kwargs(cin: int, cout: int, **kwargs: Any) -> Dense:
    act = kwargs.get("activation", relu)
    return Dense(cin, cout, act)


Chain(reads_kwargs(64, 16, activation=relu), reads_kwargs(64, 8))
