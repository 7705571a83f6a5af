"""Transformer-XL's RelPartialLearnableMultiHeadAttn: one qkv_net projects to 3 * n_head * d_head,
r_net projects the sinusoidal relative position embeddings, the content score adds the global
bias r_w_bias (n_head, d_head) to q, the position score adds r_r_bias and is aligned by
_rel_shift (pad one column, reshape, drop the first row), and o_net maps the heads back."""
from __future__ import annotations

import math

import numpy as np

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor


class PositionalEmbedding:
    def __init__(self, demb: int) -> None:
        self.inv_freq = tf.tensor(1.0 / (10000 ** (np.arange(0.0, demb, 2.0) / demb)))

    def __call__(self, pos_seq: Tensor) -> Tensor:
        sinusoid_inp = pos_seq[:, None] * self.inv_freq[None, :]
        return tf.cat(tf.sin(sinusoid_inp), tf.cos(sinusoid_inp), axis=-1)


class RelPartialLearnableMultiHeadAttn:
    def __init__(self, n_head: int, d_model: int, d_head: int) -> None:
        self.n_head = n_head
        self.d_head = d_head
        self.qkv_net = Dense(d_model, 3 * n_head * d_head, bias=False)
        self.r_net = Dense(d_model, n_head * d_head, bias=False)
        self.o_net = Dense(n_head * d_head, d_model, bias=False)
        self.layer_norm = LayerNorm(d_model)
        self.r_w_bias = tf.zeros(n_head, d_head)
        self.r_r_bias = tf.zeros(n_head, d_head)
        self.scale = 1 / math.sqrt(d_head)

    def _rel_shift(self, x: Tensor) -> Tensor:
        b, h, q, k = x.shape
        zero_pad = tf.zeros(b, h, q, 1)
        x_padded = tf.cat(zero_pad, x, axis=3).reshape(b, h, k + 1, q)
        return x_padded[:, :, 1:].reshape(b, h, q, k)

    def __call__(self, w: Tensor, r: Tensor) -> Tensor:
        bsz, qlen, _ = w.shape
        rlen = r.shape[0]
        w_heads = self.qkv_net(w)
        r_head_k = self.r_net(r).reshape(rlen, self.n_head, self.d_head)
        w_head_q, w_head_k, w_head_v = tf.chunk(w_heads, 3, axis=-1)
        w_head_q = w_head_q.reshape(bsz, qlen, self.n_head, self.d_head)
        w_head_k = w_head_k.reshape(bsz, qlen, self.n_head, self.d_head)
        w_head_v = w_head_v.reshape(bsz, qlen, self.n_head, self.d_head)
        rw_head_q = w_head_q + self.r_w_bias
        AC = tf.einsum("bind,bjnd->bnij", rw_head_q, w_head_k)
        rr_head_q = w_head_q + self.r_r_bias
        BD = self._rel_shift(tf.einsum("bind,jnd->bnij", rr_head_q, r_head_k))
        attn_prob = tf.softmax((AC + BD) * self.scale, axis=-1)
        attn_vec = tf.einsum("bnij,bjnd->bind", attn_prob, w_head_v)
        attn_vec = attn_vec.reshape(bsz, qlen, self.n_head * self.d_head)
        return self.layer_norm(w + self.o_net(attn_vec))


d_model, n_head, d_head, qlen = 32, 4, 8, 6
pos_emb = PositionalEmbedding(d_model)
attn = RelPartialLearnableMultiHeadAttn(n_head, d_model, d_head)
r = pos_emb(tf.arange(qlen - 1, -1, -1.0))
out = attn(tf.randn(2, qlen, d_model), r)
print(out.shape)
