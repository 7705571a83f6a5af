"""Set Transformer (Lee et al.): MAB(Q, K) = LN(H + rFF(H)), H = LN(Q + Multihead(Q, K, K));
ISAB(X) = MAB(X, MAB(I, X)) with `num_inds` learned inducing points of width dim_out, then
PMA pooling by learned seeds and a Dense head: set classification of point clouds."""
from __future__ import annotations

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor


class MAB:
    def __init__(self, dim_Q: int, dim_K: int, dim_V: int, num_heads: int) -> None:
        self.dim_V = dim_V
        self.num_heads = num_heads
        self.fc_q = Dense(dim_Q, dim_V)
        self.fc_k = Dense(dim_K, dim_V)
        self.fc_v = Dense(dim_K, dim_V)
        self.ln0 = LayerNorm(dim_V)
        self.ln1 = LayerNorm(dim_V)
        self.fc_o = Dense(dim_V, dim_V)

    def __call__(self, Q: Tensor, K: Tensor) -> Tensor:
        q, k, v = self.fc_q(Q), self.fc_k(K), self.fc_v(K)
        qh = tf.rearrange(q, "b n (h d) -> b h n d", h=self.num_heads)
        kh = tf.rearrange(k, "b m (h d) -> b h m d", h=self.num_heads)
        vh = tf.rearrange(v, "b m (h d) -> b h m d", h=self.num_heads)
        a = tf.softmax(qh @ kh.swapaxes(-1, -2) / (self.dim_V ** 0.5), axis=-1)
        o = q + tf.rearrange(a @ vh, "b h n d -> b n (h d)")
        o = self.ln0(o)
        return self.ln1(o + tf.relu(self.fc_o(o)))


class ISAB:
    def __init__(self, dim_in: int, dim_out: int, num_heads: int, num_inds: int) -> None:
        self.I = tf.randn(1, num_inds, dim_out) * 0.1
        self.mab0 = MAB(dim_out, dim_in, dim_out, num_heads)
        self.mab1 = MAB(dim_in, dim_out, dim_out, num_heads)

    def __call__(self, X: Tensor) -> Tensor:
        H = self.mab0(tf.repeat(self.I, X.shape[0], 1, 1), X)
        return self.mab1(X, H)


class PMA:
    def __init__(self, dim: int, num_heads: int, num_seeds: int) -> None:
        self.S = tf.randn(1, num_seeds, dim) * 0.1
        self.mab = MAB(dim, dim, dim, num_heads)

    def __call__(self, X: Tensor) -> Tensor:
        return self.mab(tf.repeat(self.S, X.shape[0], 1, 1), X)


class SetTransformer:
    def __init__(self, dim_input: int, num_outputs: int, dim_output: int, dim_hidden: int = 16,
                 num_heads: int = 4, num_inds: int = 8) -> None:
        self.enc1 = ISAB(dim_input, dim_hidden, num_heads, num_inds)
        self.enc2 = ISAB(dim_hidden, dim_hidden, num_heads, num_inds)
        self.pool = PMA(dim_hidden, num_heads, num_outputs)
        self.head = Dense(dim_hidden, dim_output)

    def __call__(self, X: Tensor) -> Tensor:
        return self.head(self.pool(self.enc2(self.enc1(X))))


model = SetTransformer(3, 1, 5)
logits = model(tf.randn(2, 20, 3))
print(logits.shape)
