"""Python data a user layer's body builds: position ids, split sizes, a tuple's truth.

HF BERT and GPT-2 build their position ids as lists (``tf.tensor([list(range(t))] * b)``)
and split a projection by a repeated list (``tf.split(qkv, [self.embed_dim] * 3, axis=2)``).
A body reads a list display as its items, a list repeated a known number of times as
Python repeats it, ``list(range(t))`` of a size it holds as ``t`` numbers, and
``tf.tensor`` of such data has numpy's shape (body_data.py); ragged data, or a repeat count
not known, stays unknown. A test on a tuple the body holds (``if rest:``) is Python's truth
of its length (flow_values.truth), and an ``assert`` that fails stops the run (unknown).
Each with its fix; the same lines fail at run time with the same words.
"""

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Embedding, Tensor


class Positions:
    def __init__(self, vocab: int, d: int, max_len: int) -> None:
        self.tok = Embedding(vocab, d)
        self.pos = Embedding(max_len, d)

    def __call__(self, ids: Tensor) -> Tensor:
        t = ids.shape[1]
        positions = tf.tensor([list(range(t))] * ids.shape[0])
        return self.tok(ids) + self.pos(positions)


ids = tf.tensor([[1, 2, 3], [4, 5, 6]])
p: Tensor[2, 3, 8] = Positions(10, 8, 16)(ids)
Dense(16, 2)(Positions(10, 8, 16)(ids))  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[2, 3, 8]; need size 16 at axis -1 (got 8)  [shape]


class Wide:  # position ids past a repeat and a join of lists
    def __call__(self, x: Tensor) -> Tensor:
        b, t = x.shape
        ids = tf.tensor(2 * [list(range(t)) + [0, 0]])
        return tf.cat(x, x[:, :2], axis=1) * ids


reveal_type(Wide()(tf.randn(2, 5)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[7]]"
Wide()(tf.randn(3, 5))  # E: Cannot broadcast for "mul": x has Tensor[3, 7], y has Tensor[2, 7]; need equal sizes or 1 at axis -2 (3 vs 2)  [shape]


class Ragged:  # ragged data: numpy's own rule, left to run time
    def __call__(self, x: Tensor) -> Tensor:
        t = x.shape[1]
        return tf.tensor([list(range(t)), list(range(2))])


def ragged() -> None:  # (not run: numpy refuses the data, a ValueError)
    reveal_type(Ragged()(tf.randn(2, 3)))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"


reveal_type(Ragged()(tf.randn(2, 2)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[2]]"


class Attention:
    def __init__(self, d: int) -> None:
        self.embed_dim = d
        self.c_attn = Dense(d, 3 * d)
        self.c_proj = Dense(d, d)

    def __call__(self, h: Tensor) -> Tensor:
        q, k, v = tf.split(self.c_attn(h), [self.embed_dim] * 3, axis=2)
        return self.c_proj(tf.softmax(q @ k.transpose(0, 2, 1), axis=-1) @ v)


a: Tensor[2, 5, 32] = Attention(32)(tf.randn(2, 5, 32))
Dense(16, 2)(Attention(32)(tf.randn(2, 5, 32)))  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[2, 5, 32]; need size 16 at axis -1 (got 32)  [shape]


class Flatten:
    def __call__(self, x: Tensor) -> Tensor:
        b, t, d = x.shape
        rest = (t, d)
        if rest:
            x = x.reshape(b, t * d)
        return x


f: Tensor[2, 32] = Flatten()(tf.randn(2, 4, 8))
Dense(8, 2)(Flatten()(tf.randn(2, 4, 8)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 32]; need size 8 at axis -1 (got 32)  [shape]
