"""Bare ``__call__`` bodies that split a tensor or loop over two list attributes.

An attention block splits one projection three ways (``q, k, v = tf.chunk(self.qkv(x), 3,
axis=-1)``, or takes ``tf.chunk(...)[0]``) and moves heads with ``tf.rearrange(q, "b t (h d)
-> b h t d", h=4)``; a Transformer encoder keeps its feed-forward blocks and its norms in two
list attributes and loops over ``zip(self.ffs, self.norms)`` (or ``enumerate(self.layers)``).
For an instance traced to the call that built it, the body runs on those layers (a split
gives a tuple of tensors, an item of it read by a literal index; ``zip`` stops at the
shortest list, as at run time), so a mismatch is reported at the call. Each with its fix,
concrete and symbolic; the same lines fail at run time with the same words.
"""

from dataclasses import dataclass
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)


@dataclass
class AttnConfig:
    d_model: int = 32
    n_heads: int = 4


class Attention:
    def __init__(self, cfg: AttnConfig, out_in: int) -> None:
        self.qkv = Dense(cfg.d_model, 3 * cfg.d_model)
        self.out = Dense(out_in, cfg.d_model)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        q, k, v = tf.chunk(self.qkv(x), 3, axis=-1)
        q = tf.rearrange(q, "b t (h d) -> b h t d", h=4)
        k = tf.rearrange(k, "b t (h d) -> b h t d", h=4)
        v = tf.rearrange(v, "b t (h d) -> b h t d", h=4)
        y = tf.softmax(q @ k.swapaxes(-1, -2) * 0.35, axis=-1) @ v
        return self.out(tf.rearrange(y, "b h t d -> b t (h d)"))


Attention(AttnConfig(), 8)(tf.randn(2, 5, 32))  # E: Dense(8 => 32) expects input Tensor[..., 8], got Tensor[2, 5, 32]; need size 8 at axis -1 (got 32)  [shape]
Attention(AttnConfig(), 32)(tf.randn(2, 5, 32))


class Gate:
    def __init__(self, d: int, out_in: int) -> None:
        self.proj = Dense(d, 2 * d)
        self.out = Dense(out_in, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.out(tf.chunk(self.proj(x), 2, axis=-1)[0])


gate = Gate(16, 32)
gate_fixed = Gate(16, 16)


def gated(x: Tensor[B, 16]) -> Tensor[B, 16]:
    return gate(x)  # E: Dense(32 => 16) expects input Tensor[..., 32], got Tensor[B, 16]; need size 32 at axis -1 (got 16)  [shape]


def gated_fixed(x: Tensor[B, 16]) -> Tensor[B, 16]:
    return gate_fixed(x)


gated(tf.randn(3, 16))
gated_fixed(tf.randn(3, 16))


class Encoder:
    def __init__(self, depth: int, norm_width: int) -> None:
        self.ffs = [Chain(Dense(24, 96, gelu), Dense(96, 24)) for _ in range(depth)]
        self.norms = [LayerNorm(norm_width) for _ in range(depth)]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for ff, norm in zip(self.ffs, self.norms):
            x = x + ff(norm(x))
        return x


Encoder(2, 96)(tf.randn(2, 5, 24))  # E: LayerNorm(96) expects input Tensor[..., 96], got Tensor[2, 5, 24]; need size 96 at axis -1 (got 24)  [shape]
Encoder(2, 24)(tf.randn(2, 5, 24))
encoder = Encoder(3, 96)
encoder_fixed = Encoder(3, 24)


def encode(x: Tensor[B, 7, 24]) -> Tensor[B, 7, 24]:
    return encoder(x)  # E: LayerNorm(96) expects input Tensor[..., 96], got Tensor[B, 7, 24]; need size 96 at axis -1 (got 24)  [shape]


def encode_fixed(x: Tensor[B, 7, 24]) -> Tensor[B, 7, 24]:
    return encoder_fixed(x)


encode(tf.randn(2, 7, 24))
encode_fixed(tf.randn(2, 7, 24))


class Scaled:
    def __init__(self, d: int, depth: int) -> None:
        self.layers = [Dense(d, d) for _ in range(depth)]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for i, layer in enumerate(self.layers):
            x = layer(x) * (i + 1)
        return x


Scaled(8, 3)(tf.randn(3, 4))  # E: Dense(8 => 8) expects input Tensor[..., 8], got Tensor[3, 4]; need size 8 at axis -1 (got 4)  [shape]
Scaled(4, 3)(tf.randn(3, 4))
