"""A loop over ``range(n)`` in a model's method: a GPT's generate loop, run as at run time.

nanoGPT samples with ``for _ in range(max_new_tokens):`` in a method of the model: it calls
the model on the tokens so far (``self(idx)``), picks the next token from the last
position's logits and appends it (``idx = tf.cat(idx, idx_next, axis=1)``). Called with a
count the checker knows (``model.generate(idx, 2)``), the loop runs pass by pass with the
values the pass before left (the first four passes; a longer loop, or a count not known,
leaves the call's type unknown), so a mismatch in a pass is reported at the call, where the
run time raises it, and a loop run to its end types the call. A conditional expression on a
comparison of sizes the body knows (``idx if t <= 8 else idx[:, -8:]``) takes its branch.
Each with its fix, concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, Tensor

B = TypeVar("B", bound=int)


class Tiny:
    def __init__(self, vocab: int, d: int) -> None:
        self.block_size = 4
        self.wte = Embedding(vocab, d)
        self.head = Dense(d, vocab)

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        return self.head(self.wte(idx))

    def generate(self, idx: tf.Tensor, n: int) -> tf.Tensor:
        for _ in range(n):
            cond = idx if idx.shape[1] <= self.block_size else idx[:, -self.block_size:]
            logits = self(cond)
            nxt = tf.argmax(logits[:, -1, :], axis=-1, keepdims=True)
            idx = tf.cat(idx, nxt, axis=1)
        return idx

    def generate_wrong(self, idx: tf.Tensor, n: int) -> tf.Tensor:
        for _ in range(n):
            cond = idx if idx.shape[1] <= self.block_size else idx[:, -self.block_size:]
            logits = self(cond)
            nxt = tf.argmax(logits, axis=-1, keepdims=True)
            idx = tf.cat(idx, nxt, axis=1)
        return idx


idx = tf.tensor([[1, 2, 3], [4, 5, 6]])
Tiny(50, 16).generate(idx, 2).reshape(5, 2)
Tiny(50, 16).generate(idx, 2).reshape(3, 3)  # E: Cannot reshape for "reshape": x has Tensor[2, 5], target is (3, 3); need equal element counts (10 vs 9)  [shape]
Tiny(50, 16).generate(idx, 3)
Tiny(50, 16).generate_wrong(idx, 3)  # E: Ranks differ for "cat": xs[0] has Tensor[2, 3], xs[1] has Tensor[2, 3, 1]; need equal ranks (2 vs 3)  [shape]
Tiny(50, 16).generate(idx, 12)


@tf.shapecheck
def generated(idx: Tensor[B, 3]) -> Tensor[B, 5]:
    return Tiny(50, 16).generate(idx, 2)


@tf.shapecheck
def generated_wrong(idx: Tensor[B, 3]) -> Tensor[B, 5]:
    return Tiny(50, 16).generate_wrong(idx, 2)  # E: Ranks differ for "cat": xs[0] has Tensor[B, 3], xs[1] has Tensor[B, 3, 1]; need equal ranks (2 vs 3)  [shape]


generated(idx)
generated_wrong(idx)
