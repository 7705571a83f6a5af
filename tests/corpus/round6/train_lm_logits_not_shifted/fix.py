"""A language model's loss: logits for every position against the targets shifted by one;
the model was run on the whole sequence, not on all but the last id."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
VOCAB: Final = 20
D: Final = 16


class TinyLM:
    def __init__(self) -> None:
        self.embed = Embedding(VOCAB, D)
        self.mlp = Dense(D, D, gelu)
        self.norm = LayerNorm(D)
        self.head = Dense(D, VOCAB)

    def __call__(self, ids: Tensor[B, T]) -> Tensor[B, T, VOCAB]:
        h = self.embed(ids)
        return self.head(self.norm(h + self.mlp(h)))


def lm_loss(model: TinyLM, ids: Tensor[B, T]) -> Tensor[()]:
    logits = model(ids[:, :-1])
    targets = ids[:, 1:]
    return tf.losses.logitcrossentropy(logits.reshape(-1, VOCAB), tf.onehot(targets.reshape(-1), VOCAB))


tf.seed(8)
ids = tf.tensor([[i * 7 % VOCAB for i in range(9)], [i * 3 % VOCAB for i in range(9)]])
print(lm_loss(TinyLM(), ids).item())
