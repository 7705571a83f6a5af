"""Deep Interest Network's local activation unit: the candidate item's embedding is repeated
over the user's behaviour sequence and [q, k, q - k, q * k] concatenated on features feed a
small MLP scoring each behaviour; the weighted sum of behaviours joins the candidate for the
final MLP."""
from __future__ import annotations

import typedflux as tf
from typedflux import Dense, Embedding, Tensor, relu, sigmoid


class AttentionUnit:
    def __init__(self, d: int, hidden: int = 16) -> None:
        self.fc1 = Dense(3 * d, hidden, relu)
        self.fc2 = Dense(hidden, 1)

    def __call__(self, query: Tensor, keys: Tensor) -> Tensor:
        b, t, d = keys.shape
        q = tf.repeat(query.unsqueeze(1), 1, t, 1)
        feats = tf.cat(q, keys, q - keys, q * keys, axis=-1)
        return self.fc2(self.fc1(feats))


class DIN:
    def __init__(self, n_items: int, d: int) -> None:
        self.item_emb = Embedding(n_items, d)
        self.att = AttentionUnit(d)
        self.mlp = Dense(2 * d, 1)

    def __call__(self, item: Tensor, history: Tensor) -> Tensor:
        q = self.item_emb(item)
        keys = self.item_emb(history)
        w = self.att(q, keys)
        interest = (w * keys).sum(axis=1)
        return sigmoid(self.mlp(tf.cat(q, interest, axis=-1)))


model = DIN(50, 8)
item = tf.tensor([3, 7])
history = tf.tensor([[1, 2, 3, 4], [5, 6, 7, 8]])
p = model(item, history)  # BUG  # E: Dense(24 => 16, relu) expects input Tensor[..., 24], got Tensor[2, 4, 32]; need size 24 at axis -1 (got 32)  [shape]
print(p.shape)
