"""Performer's FAVOR+ softmax kernel (performer-pytorch's softmax_kernel): per-head queries and
keys mapped by a random projection of shape (nb_features, dim_head) to positive features
exp(w.x - |x|^2/2) * nb_features**-0.5; linear attention out = D^-1 (q' (k'^T v))."""
from __future__ import annotations

import math

import typedflux as tf
from typedflux import Dense, Tensor


def softmax_kernel(data: Tensor, projection_matrix: Tensor, is_query: bool, eps: float = 1e-4) -> Tensor:
    d = data.shape[-1]
    normalizer = d ** -0.25
    ratio = 1.0 / math.sqrt(projection_matrix.shape[0])
    data_dash = tf.einsum("bhid,jd->bhij", data * normalizer, projection_matrix)
    diag = (data * data).sum(axis=-1, keepdims=True) / 2.0 * normalizer ** 2
    if is_query:
        stab = data_dash.max(axis=-1, keepdims=True)
    else:
        stab = data_dash.max()
    return ratio * (tf.exp(data_dash - diag - stab) + eps)


def linear_attention(q: Tensor, k: Tensor, v: Tensor) -> Tensor:
    k_cumsum = k.sum(axis=-2)
    d_inv = 1.0 / tf.einsum("bhnd,bhd->bhn", q, k_cumsum)
    context = tf.einsum("bhnd,bhne->bhde", k, v)
    out = tf.einsum("bhde,bhnd->bhne", context, q)
    return out * d_inv[..., None]


class FastAttention:
    def __init__(self, dim: int, heads: int, nb_features: int) -> None:
        self.heads = heads
        dim_head = dim // heads
        self.projection_matrix = tf.randn(nb_features, dim)
        self.to_qkv = Dense(dim, 3 * dim, bias=False)
        self.to_out = Dense(dim, dim)

    def __call__(self, x: Tensor) -> Tensor:
        q, k, v = tf.chunk(self.to_qkv(x), 3, axis=-1)
        q = tf.rearrange(q, "b n (h d) -> b h n d", h=self.heads)
        k = tf.rearrange(k, "b n (h d) -> b h n d", h=self.heads)
        v = tf.rearrange(v, "b n (h d) -> b h n d", h=self.heads)
        qp = softmax_kernel(q, self.projection_matrix, is_query=True)
        kp = softmax_kernel(k, self.projection_matrix, is_query=False)
        out = linear_attention(qp, kp, v)
        return self.to_out(tf.rearrange(out, "b h n d -> b n (h d)"))


attn = FastAttention(32, 4, 16)
y = attn(tf.randn(2, 10, 32))  # BUG[gap boundaries: softmax_kernel(q, self.projection_matrix, is_query=True), a module function with tensor parameters and several statements (an if on is_query), called in the body is not run on its arguments' shapes (its einsum alone, written at module level, is reported)]
print(y.shape)
