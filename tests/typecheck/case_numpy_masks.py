"""Masks and tables attention code builds in numpy, wrapped in ``tf.tensor``: ``np.tril`` /
``np.triu`` of ``np.ones((T, T))`` (nanoGPT's causal buffer), ``np.arange`` of int bounds,
its broadcast comparison ``np.arange(T)[:, None] < np.arange(T)[None, :]`` (MADE's mask),
``np.outer`` of two vectors (a rotary table), ``.reshape`` to int sizes and an index by full
slices, ``None`` and ``...``; through module-level names bound once, each computed from the
ones before (RetNet's decay). The tensor has those sizes, so a mask built for the wrong axes
is reported where it meets the scores, in the run time's words; before, its shape was unknown
and every shape after it too. In a model's ``__init__`` the sizes come from the construction
(``tf.tensor(np.tril(np.ones((block_size, block_size))))``).
"""

import numpy as np
from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Tensor

T, H, D = 6, 4, 8

reveal_type(tf.tensor(np.tril(np.ones((T, T)))))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6], Literal[6]]"
reveal_type(tf.tensor(np.triu(np.ones((T, T)), k=1)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6], Literal[6]]"
reveal_type(tf.tensor(np.tril(np.arange(3))))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[3]]"
reveal_type(tf.tensor(np.arange(2, 11, 3)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3]]"
reveal_type(tf.tensor(np.arange(0.0, 1.0, 0.25)))  # N: Revealed type is "typedflux.tensor.Tensor[Any]"
reveal_type(tf.tensor(np.arange(T)[:, None] < np.arange(T)[None, :]))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6], Literal[6]]"
reveal_type(tf.tensor(np.outer(np.arange(T), np.arange(0, D, 2))))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6], Literal[4]]"
reveal_type(tf.tensor(np.ones((T, T)).reshape(T, T, 1, -1)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6], Literal[6], Literal[1], Literal[1]]"
reveal_type(tf.tensor(np.ones((T, D))[..., None, :]))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6], Literal[1], Literal[8]]"

scores = tf.randn(2, H, T, T)
made = tf.tensor((np.arange(T)[:, None] >= np.arange(5)[None, :]).astype(np.float32))
hidden = Dense(5, 6)
h = hidden.weight * made.T  # E: Cannot broadcast for "mul": x has Tensor[6, 5], y has Tensor[5, 6]; need equal sizes or 1 at axis -2 (6 vs 5)  [shape]
h_fixed = hidden.weight * made

gammas = 1 - 2.0 ** (-5 - np.arange(H))
n = np.arange(T)
dist = np.tril(n[:, None] - n[None, :]).astype(np.float64)
decay_heads_last = tf.tensor(gammas[None, None, :] ** dist[:, :, None])
decay = tf.tensor(gammas[:, None, None] ** dist[None, :, :])
wrong = scores * decay_heads_last  # E: Cannot broadcast for "mul": x has Tensor[2, 4, 6, 6], y has Tensor[6, 6, 4]; need equal sizes or 1 at axis -3 (4 vs 6)  [shape]
right = scores * decay
assert right.shape == (2, H, T, T)


class CausalMask:
    """nanoGPT's causal buffer, made in numpy in ``__init__``."""

    def __init__(self, block_size: int, width: int) -> None:
        self.bias = tf.tensor(np.tril(np.ones((block_size, block_size))))
        self.proj = Dense(width, width)

    def __call__(self, att: Tensor, v: Tensor) -> Tensor:
        t = att.shape[-1]
        att = tf.where(self.bias[:t, :t] == 0, float("-inf"), att)
        return self.proj(tf.softmax(att, axis=-1) @ v)


mask = CausalMask(16, 4)
print(mask(tf.randn(2, 3, 8, 8), tf.randn(2, 3, 8, 4)).shape)
mask_bad = CausalMask(16, 8)
y = mask_bad(tf.randn(2, 3, 8, 8), tf.randn(2, 3, 8, 4))  # E: Dense(8 => 8) expects input Tensor[..., 8], got Tensor[2, 3, 8, 4]; need size 8 at axis -1 (got 4)  [shape]
too_short = CausalMask(4, 4)  # (a buffer shorter than the sequence)
z = too_short(tf.randn(2, 3, 8, 8), tf.randn(2, 3, 8, 4))  # E: Cannot broadcast for "where": cond has Tensor[4, 4], y has Tensor[2, 3, 8, 8]; need equal sizes or 1 at axis -2 (4 vs 8)  [shape]
