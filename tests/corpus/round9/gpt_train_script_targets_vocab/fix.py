"""A GPT trained end to end on a toy corpus: config constants, a model class, token windows in
a DataLoader, `tf.train` with a lambda loss; the targets were one-hot over the character
count plus one (an end-of-text id the tokenizer never makes)."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, MultiHeadAttention, Tensor, gelu

B = TypeVar("B", bound=int)
TEXT = "hello typed world, hello shapes. " * 8
CHARS = sorted(set(TEXT))
VOCAB: Final = 15
BLOCK: Final = 8
D: Final = 32
assert len(CHARS) == VOCAB


class GPT:
    def __init__(self) -> None:
        self.tok = Embedding(VOCAB, D)
        self.pos = tf.randn(BLOCK, D) * 0.02
        self.ln1 = LayerNorm(D)
        self.attn = MultiHeadAttention(D, 4)
        self.ln2 = LayerNorm(D)
        self.up = Dense(D, 4 * D, gelu)
        self.down = Dense(4 * D, D)
        self.ln_f = LayerNorm(D)
        self.head = Dense(D, VOCAB)

    def __call__(self, ids: Tensor[B, BLOCK]) -> Tensor[B, BLOCK, VOCAB]:
        mask = tf.tril(tf.ones(BLOCK, BLOCK)) > 0
        h = self.tok(ids) + self.pos
        h = h + self.attn(self.ln1(h), mask=mask)
        h = h + self.down(self.up(self.ln2(h)))
        return self.head(self.ln_f(h))


stoi = {c: i for i, c in enumerate(CHARS)}
data = [stoi[c] for c in TEXT]
n = (len(data) - 1) // BLOCK
x = tf.tensor([data[i * BLOCK:(i + 1) * BLOCK] for i in range(n)]).reshape(n, BLOCK)
flat_targets = [data[i * BLOCK + 1 + j] for i in range(n) for j in range(BLOCK)]
y = tf.onehot(flat_targets, VOCAB).reshape(n, BLOCK, VOCAB)

tf.seed(0)
model = GPT()
state = tf.setup(tf.Adam(3e-3), model)
loader = tf.DataLoader((x, y), batchsize=4, shuffle=True, seed=0)
history = tf.train(lambda m, xb, yb: tf.losses.logitcrossentropy(m(xb), yb), model, loader, state, epochs=1, progress=False)
print(f"loss {history[0]:.3f} -> {history[-1]:.3f}")
