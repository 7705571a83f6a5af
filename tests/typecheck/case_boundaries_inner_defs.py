"""A ``def`` written in a user layer's ``__call__`` and called there (HF T5, DistilBERT).

HF attention splits and merges heads with local helpers that read the body's values::

    batch_size, seq_length, _ = hidden_states.shape

    def shape(states):
        return states.reshape(batch_size, -1, self.n_heads, self.key_value_proj_dim) ...

    query_states = shape(self.q(hidden_states))

The body's run steps over such a ``def`` (undecorated, positional parameters, one
``return``) and runs it where it is called: its ``return`` on the arguments, and the names
it reads from the body around it (``batch_size``, ``self``) as they are when it is called,
as a closure reads them at run time (a name bound again after the ``def`` is read with its
later value). Any other ``def`` leaves the body unknown. Each with its fix; the same lines
fail at run time with the same words.
"""

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Tensor


class Attention:
    def __init__(self, d: int, heads: int, out: int) -> None:
        self.heads, self.hd = heads, d // heads
        self.qkv = Dense(d, 3 * d)
        self.o = Dense(out, out)

    def __call__(self, x: Tensor) -> Tensor:
        b, t, _ = x.shape

        def shape(s: Tensor) -> Tensor:
            return s.reshape(b, -1, self.heads, self.hd).transpose(0, 2, 1, 3)

        def unshape(s: Tensor) -> Tensor:
            return s.transpose(0, 2, 1, 3).reshape(b, -1, self.heads * self.hd)

        q, k, v = tf.chunk(self.qkv(x), 3, axis=-1)
        w = tf.softmax(shape(q) @ shape(k).transpose(0, 1, 3, 2), axis=-1)
        return self.o(unshape(w @ shape(v)))


a: Tensor[2, 5, 32] = Attention(32, 4, 32)(tf.randn(2, 5, 32))
Attention(32, 4, 16)(tf.randn(2, 5, 32))  # E: Dense(16 => 16) expects input Tensor[..., 16], got Tensor[2, 5, 32]; need size 16 at axis -1 (got 32)  [shape]


class Late:  # a closure reads the value its name holds when the def is called
    def __call__(self, x: Tensor) -> Tensor:
        n = 4

        def head(v: Tensor) -> Tensor:
            return v[:, :n]

        n = 2
        return head(x)


reveal_type(Late()(tf.randn(3, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
Dense(4, 1)(Late()(tf.randn(3, 8)))  # E: Dense(4 => 1) expects input Tensor[..., 4], got Tensor[3, 2]; need size 4 at axis -1 (got 2)  [shape]
Dense(2, 1)(Late()(tf.randn(3, 8)))


class Defaulted:  # a def with a default: not read here
    def __call__(self, x: Tensor) -> Tensor:
        def head(v: Tensor, n: int = 2) -> Tensor:
            return v[:, :n]

        return head(x)


reveal_type(Defaulted()(tf.randn(3, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
