"""A model keeping a recurrent layer's state on itself: ``y, self.hidden = self.rnn(x, self.hidden)``.

An RNN language model's bare ``__call__`` passes its hidden state to a ``GRU(...,
return_state=True)`` and stores the new one; the training loop resets it between batches from
outside the class (``lm.hidden = tf.zeros(4, 16)``, or ``None``). The state's shape is then
not known where the body runs (two writes, one outside the class), but the body is still run
for a call with known inputs: the state is a tensor of any shape there (never an error), the
layer's call with it gives the output sequence and the new state by the layer's rule, and the
output layer sized for the embedding width instead of the hidden width is reported at the
call. Each with its fix, concrete and symbolic; the same lines fail at run time with the same
words.
"""

from typing import Optional, TypeVar

import typedflux as tf
from typedflux import GRU, Dense, Embedding, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class RNNLM:
    def __init__(self, vocab: int, emb: int, hidden: int, head_in: int) -> None:
        self.emb = Embedding(vocab, emb)
        self.rnn = GRU(emb, hidden, return_state=True)
        self.out = Dense(head_in, vocab)
        self.hidden = tf.zeros(1, hidden)

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        y, self.hidden = self.rnn(self.emb(idx), self.hidden)
        return self.out(y)


class LazyStateLM:
    def __init__(self, vocab: int, hidden: int, head_in: int) -> None:
        self.emb = Embedding(vocab, 8)
        self.rnn = GRU(8, hidden, return_state=True)
        self.out = Dense(head_in, vocab)
        self.hidden: Optional[tf.Tensor] = None

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        y, self.hidden = self.rnn(self.emb(idx), self.hidden)
        return self.out(y)


lm = RNNLM(20, 8, 16, 8)
lm.hidden = tf.zeros(4, 16)
lm(tf.tensor([[1, 2]] * 4))  # E: Dense(8 => 20) expects input Tensor[..., 8], got Tensor[4, 2, 16]; need size 8 at axis -1 (got 16)  [shape]
fixed = RNNLM(20, 8, 16, 16)
fixed.hidden = tf.zeros(4, 16)
fixed(tf.tensor([[1, 2]] * 4))

lazy = LazyStateLM(20, 16, 8)
lazy_fixed = LazyStateLM(20, 16, 16)
for _ in range(2):
    lazy.hidden = None
    lazy(tf.tensor([[1, 2, 3]] * 2))  # E: Dense(8 => 20) expects input Tensor[..., 8], got Tensor[2, 3, 16]; need size 8 at axis -1 (got 16)  [shape]
    lazy_fixed.hidden = None
    lazy_fixed(tf.tensor([[1, 2, 3]] * 2))


@tf.shapecheck
def logits(idx: Tensor[B, T]) -> Tensor:
    return lm(idx)  # E: Dense(8 => 20) expects input Tensor[..., 8], got Tensor[B, T, 16]; need size 8 at axis -1 (got 16)  [shape]


@tf.shapecheck
def logits_fixed(idx: Tensor[B, T]) -> Tensor:
    return fixed(idx)


logits_fixed(tf.tensor([[1, 2]] * 4))
logits(tf.tensor([[1, 2]] * 4))
