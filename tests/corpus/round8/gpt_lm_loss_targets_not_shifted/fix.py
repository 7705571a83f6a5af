"""A small GPT class with a list of blocks; the language-model loss shifts the targets by
one token but not the logits."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Embedding, LayerNorm, MultiHeadAttention, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
VOCAB: Final = 40
D: Final = 32
NH: Final = 4
BLOCK: Final = 8


class Block:
    def __init__(self) -> None:
        self.ln1, self.ln2 = LayerNorm(D), LayerNorm(D)
        self.attn = MultiHeadAttention(D, NH)
        self.mlp = Chain(Dense(D, 4 * D, gelu), Dense(4 * D, D))

    def __call__(self, x: Tensor[B, T, D]) -> Tensor[B, T, D]:
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class GPT:
    def __init__(self) -> None:
        self.wte, self.wpe = Embedding(VOCAB, D), Embedding(BLOCK, D)
        self.blocks = [Block() for _ in range(2)]
        self.ln_f = LayerNorm(D)
        self.head = Dense(D, VOCAB, bias=False)

    def __call__(self, idx: Tensor[B, T]) -> Tensor[B, T, VOCAB]:
        x = self.wte(idx) + self.wpe(tf.arange(idx.shape[1]))
        for block in self.blocks:
            x = block(x)
        return self.head(self.ln_f(x))


gpt = GPT()
idx = tf.tensor([[1, 5, 9, 2, 7, 3, 0, 4], [6, 6, 1, 8, 2, 9, 3, 3]])
logits = gpt(idx)
targets = tf.onehot(idx[:, 1:], VOCAB)
loss = tf.losses.logitcrossentropy(logits[:, :-1], targets)
print(loss.item())
