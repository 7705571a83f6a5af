"""SASRec's log2feats: item embeddings scaled by sqrt(d) plus learned positions, padding
positions zeroed by the timeline mask (log_seqs == 0) unsqueezed on the last axis, a causal
self-attention block and a point-wise feed-forward; positive and negative items scored by a dot
product with the sequence features."""
from __future__ import annotations

import math

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, MultiHeadAttention, Tensor, relu


class SASRec:
    def __init__(self, item_num: int, maxlen: int, hidden: int, heads: int) -> None:
        self.hidden = hidden
        self.item_emb = Embedding(item_num + 1, hidden)
        self.pos_emb = Embedding(maxlen, hidden)
        self.attn_norm = LayerNorm(hidden)
        self.attn = MultiHeadAttention(hidden, heads)
        self.ff_norm = LayerNorm(hidden)
        self.ff1 = Dense(hidden, hidden)
        self.ff2 = Dense(hidden, hidden)
        self.last_norm = LayerNorm(hidden)

    def log2feats(self, log_seqs: Tensor) -> Tensor:
        b, t = log_seqs.shape
        seqs = self.item_emb(log_seqs) * math.sqrt(self.hidden)
        seqs = seqs + self.pos_emb(tf.arange(0, t))
        keep = tf.where(log_seqs != 0, 1.0, 0.0)
        seqs = seqs * keep.unsqueeze(-1)
        causal = tf.tril(tf.ones(t, t)) > 0
        q = self.attn_norm(seqs)
        seqs = q + self.attn(q, seqs, seqs, mask=causal)
        seqs = self.ff_norm(seqs)
        seqs = seqs + self.ff2(relu(self.ff1(seqs)))
        seqs = seqs * keep.unsqueeze(-1)
        return self.last_norm(seqs)

    def __call__(self, log_seqs: Tensor, pos_seqs: Tensor, neg_seqs: Tensor) -> Tensor:
        feats = self.log2feats(log_seqs)
        pos_logits = (feats * self.item_emb(pos_seqs)).sum(axis=-1)
        neg_logits = (feats * self.item_emb(neg_seqs)).sum(axis=-1)
        return pos_logits - neg_logits


model = SASRec(item_num=30, maxlen=6, hidden=8, heads=2)
log_seqs = tf.tensor([[0, 0, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]])
pos = tf.tensor([[0, 3, 4, 5, 6, 7], [2, 3, 4, 5, 6, 7]])
neg = tf.tensor([[0, 9, 9, 9, 9, 9], [8, 8, 8, 8, 8, 8]])
diff = model(log_seqs, pos, neg)
print(diff.shape)
