"""A tensor kept on an attribute or a module name and given another shape later, with no
annotation: any shape fits (plain mypy says nothing), and the reads have an unknown shape.

The RNN language model's hidden state reset per batch size (`lm.hidden = tf.zeros(4, 16)`
after `__init__`'s `self.hidden = tf.zeros(1, 16)`), a sum grown by broadcasting (`self.sum +=
x`), a module-level state (or a dict, tuple or list display of states) a function resets
through `global`: each was an error (`Assigned shape ... the shape "lm.hidden" has from its
first assignment`, or mypy's `[assignment]` in `Literal` words), and the use after it a false
`[shape]` error. An annotated attribute keeps
its annotation. Runs clean at run time but for the marked lines.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import GRU, Dense, Embedding, Tensor

B = TypeVar("B", bound=int)


class RNNLM:
    def __init__(self, vocab: int, hidden: int) -> None:
        self.emb = Embedding(vocab, 8)
        self.rnn = GRU(8, hidden, return_state=True)
        self.out = Dense(hidden, vocab)
        self.hidden = tf.zeros(1, hidden)

    def __call__(self, idx: Tensor) -> Tensor:
        y, self.hidden = self.rnn(self.emb(idx), self.hidden)
        return self.out(y)


lm = RNNLM(20, 16)
for batch in (4, 4, 2):
    lm.hidden = tf.zeros(batch, 16)
    print(lm(tf.tensor([[1, 2, 3]] * batch)).shape)
lm.hidden = tf.zeros(4, 16)
print(lm(tf.tensor([[1, 2]] * 4)).shape)
print(Dense(16, 2)(lm.hidden).shape)


class Meter:
    def __init__(self) -> None:
        self.sum = tf.zeros(1, 4)
        self.fixed: Tensor[1, 4] = tf.zeros(1, 4)

    def add(self, x: Tensor) -> None:
        self.sum += x


meter = Meter()
meter.add(tf.ones(6, 4))
meter.sum += tf.ones(6, 4)
print(Dense(4, 1)(meter.sum).shape)
meter.fixed = tf.ones(6, 4)  # E: Assigned shape Tensor[6, 4] does not match the annotation Tensor[1, 4] of "meter.fixed": axis 0 is 6, expected 1  [shape]

state = tf.zeros(2, 16)
cell = GRU(8, 16)


def reset(batch: int) -> None:
    global state
    state = tf.zeros(batch, 16)


def reset3() -> None:
    global state
    state = tf.zeros(3, 16)


reset3()
print(Dense(16, 1)(cell(tf.randn(3, 5, 8), state)).shape)

# A display of states a function rebinds through `global`: mypy typed the name by its first
# display (`dict[str, Tensor[2, 16]]`), so the new one was its `[assignment]` in `Literal` words.
states = {"h": tf.zeros(2, 16), "c": tf.zeros(2, 16)}
pair = (tf.zeros(2, 16), 0)
history = [[tf.zeros(2, 16)]]


def reset_all(batch: int) -> None:
    global states, pair, history
    states = {"h": tf.zeros(batch, 16), "c": tf.zeros(batch, 16)}
    pair = (tf.zeros(3, 16), 1)
    history = [[tf.zeros(3, 16)]]


reset_all(3)
print(Dense(16, 1)(cell(tf.randn(3, 5, 8), states["h"])).shape, pair[0].shape, len(history))


@tf.shapecheck
def decode(h: Tensor[B, 16]) -> Tensor[B, 2]:
    lm.hidden = h
    return Dense(16, 3)(lm.hidden)  # E: Return shape Tensor[B, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2  [shape]


@tf.shapecheck
def decode_fixed(h: Tensor[B, 16]) -> Tensor[B, 3]:
    lm.hidden = h
    return Dense(16, 3)(lm.hidden)


print(decode_fixed(tf.zeros(4, 16)).shape)
decode(tf.zeros(4, 16))
