"""PatchTST (Nie et al.) channel-independent forecasting: each series cut into patches of
patch_len with stride (an unfold written as a stack of slices), one padded patch added at the
end by replicating the last value (padding_patch="end"), so num_patches = (seq_len - patch_len)
// stride + 2; a Dense embedding per patch, a transformer encoder, and a flatten head from
d_model * num_patches to the prediction length."""
from __future__ import annotations

import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, Tensor, gelu


class PatchTST:
    def __init__(self, seq_len: int, pred_len: int, patch_len: int = 8, stride: int = 4,
                 d_model: int = 16, n_heads: int = 2) -> None:
        self.patch_len = patch_len
        self.stride = stride
        self.num_patches = (seq_len - patch_len) // stride + 1 + 1
        self.W_P = Dense(patch_len, d_model)
        self.W_pos = tf.randn(self.num_patches, d_model) * 0.02
        self.attn = MultiHeadAttention(d_model, n_heads)
        self.norm1 = LayerNorm(d_model)
        self.ff = tf.Chain(Dense(d_model, 2 * d_model, gelu), Dense(2 * d_model, d_model))
        self.norm2 = LayerNorm(d_model)
        self.head = Dense(d_model * self.num_patches, pred_len)

    def patchify(self, z: Tensor) -> Tensor:
        z = tf.pad(z, ((0, 0), (0, 0), (0, self.stride)), mode="replicate")
        starts = range(0, z.shape[-1] - self.patch_len + 1, self.stride)
        return tf.stack([z[:, :, s:s + self.patch_len] for s in starts], axis=2)

    def __call__(self, x: Tensor) -> Tensor:
        b, n_vars, _ = x.shape
        patches = self.patchify(x)
        u = self.W_P(patches).reshape(b * n_vars, self.num_patches, -1) + self.W_pos
        u = self.norm1(u + self.attn(u))
        u = self.norm2(u + self.ff(u))
        return self.head(u.reshape(b, n_vars, -1))


model = PatchTST(seq_len=32, pred_len=12)
forecast = model(tf.randn(2, 3, 32))
print(forecast.shape)
