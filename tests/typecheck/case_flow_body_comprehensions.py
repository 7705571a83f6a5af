"""A user layer's body reading a list attribute through a comprehension: Wide & Deep's
``[emb(cats[:, i]) for i, emb in enumerate(self.embs)]`` starred into ``tf.cat``.

A model traced to its construction (flow_instances.py) holds the layers of a list attribute
its ``__init__`` built (``self.embs = [Embedding(v, d) for v in vocab_sizes]``), and
``len(vocab_sizes)`` of the list the construction was given is its length there. A bare
``Tensor`` ``__call__`` body evaluates a comprehension with one ``for`` and no condition over
such a list, its ``enumerate`` or a ``zip`` of such lists (bodies.py): each item with the
names bound to that pass's values (a count indexes a tensor: ``cats[:, i]``), the list's
items given to ``tf.cat(*embedded, dense, axis=1)`` one by one. A mismatch is reported at
the call, where the run time raises it. Not known (silent): a list the program changes
after ``__init__``, a comprehension with a condition. Each with its fix; the same lines fail
at run time with the same words.
"""

from typing import List

import typedflux as tf
from typedflux import Chain, Dense, Embedding, Tensor, relu


class WideDeep:
    def __init__(self, vocab_sizes: List[int], n_dense: int, d: int = 4) -> None:
        self.embs = [Embedding(v, d) for v in vocab_sizes]
        self.deep = Chain(Dense(len(vocab_sizes) * d, 8, relu), Dense(8, 1))

    def __call__(self, cats: Tensor, dense: Tensor) -> Tensor:
        embedded = [emb(cats[:, i]) for i, emb in enumerate(self.embs)]
        return self.deep(tf.cat(*embedded, dense, axis=1))


class WideDeepFixed:
    def __init__(self, vocab_sizes: List[int], n_dense: int, d: int = 4) -> None:
        self.embs = [Embedding(v, d) for v in vocab_sizes]
        self.deep = Chain(Dense(len(vocab_sizes) * d + n_dense, 8, relu), Dense(8, 1))

    def __call__(self, cats: Tensor, dense: Tensor) -> Tensor:
        embedded = [emb(cats[:, i]) for i, emb in enumerate(self.embs)]
        return self.deep(tf.cat(*embedded, dense, axis=1))


cats = tf.tensor([[1, 2, 3], [4, 0, 2]])
WideDeep([10, 20, 5], 3)(cats, tf.randn(2, 3))  # E: Chain layer 1 Dense(12 => 8, relu) expects input Tensor[..., 12], got Tensor[2, 15]; need size 12 at axis -1 (got 15)  [shape]
WideDeep([10, 20, 5], 0)(cats, tf.randn(2, 0))
WideDeepFixed([10, 20, 5], 3)(cats, tf.randn(2, 3))
Dense(1, 2)(WideDeepFixed([10, 20, 5], 3)(cats, tf.randn(2, 3)))
Dense(3, 2)(WideDeepFixed([10, 20, 5], 3)(cats, tf.randn(2, 3)))  # E: Dense(3 => 2) expects input Tensor[..., 3], got Tensor[2, 1]; need size 3 at axis -1 (got 1)  [shape]


class Heads:
    def __init__(self, d: int) -> None:
        self.branches = [Dense(d, 4), Dense(d, 6)]
        self.norms = [Dense(4, 4), Dense(6, 6)]

    def __call__(self, x: Tensor) -> Tensor:
        return tf.cat(*[n(h(x)) for h, n in zip(self.branches, self.norms)], axis=1)


Dense(10, 1)(Heads(8)(tf.randn(2, 8)))
Dense(8, 1)(Heads(8)(tf.randn(2, 8)))  # E: Dense(8 => 1) expects input Tensor[..., 8], got Tensor[2, 10]; need size 8 at axis -1 (got 10)  [shape]
Heads(8)(tf.randn(2, 5))  # E: Dense(8 => 4) expects input Tensor[..., 8], got Tensor[2, 5]; need size 8 at axis -1 (got 5)  [shape]


# Not known: a comprehension with a condition, a list changed after ``__init__`` (on any
# object: ``grown.heads.append`` leaves every class's ``self.heads`` unknown).
class Picked:
    def __init__(self, d: int) -> None:
        self.heads = [Dense(d, 4), Dense(d, 6)]

    def __call__(self, x: Tensor) -> Tensor:
        return tf.cat(*[h(x) for h in self.heads if h is not None], axis=1)


class Grown:
    def __init__(self, d: int) -> None:
        self.heads = [Dense(d, 4), Dense(d, 6)]

    def __call__(self, x: Tensor) -> Tensor:
        return tf.cat(*[h(x) for h in self.heads], axis=1)


Dense(10, 1)(Picked(8)(tf.randn(2, 8)))
grown = Grown(8)
grown.heads.append(Dense(8, 2))
Dense(12, 1)(grown(tf.randn(2, 8)))
