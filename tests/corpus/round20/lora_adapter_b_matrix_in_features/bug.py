"""A LoRA adapter wrapping a frozen Dense (as peft's LoraLayer does): lora_A is (r, in_features)
with small random values, lora_B is (out_features, r) of zeros, and the forward adds
(x @ A.T @ B.T) * (alpha / r) to the base layer's output; an attention's q and v projections
are wrapped and the merged weight W + B @ A * scaling is checked against the base."""
from __future__ import annotations

import typedflux as tf
from typedflux import Dense, Tensor


class LoraDense:
    def __init__(self, base: Dense, in_features: int, out_features: int, r: int = 4,
                 lora_alpha: int = 8) -> None:
        self.base_layer = base
        tf.freeze(self.base_layer)
        self.lora_A = tf.randn(r, in_features) * 0.01
        self.lora_B = tf.zeros(in_features, r)
        self.scaling = lora_alpha / r

    def __call__(self, x: Tensor) -> Tensor:
        result = self.base_layer(x)
        return result + (x @ self.lora_A.T @ self.lora_B.T) * self.scaling

    def merged_weight(self) -> Tensor:
        return self.base_layer.weight + (self.lora_B @ self.lora_A) * self.scaling


class Attention:
    def __init__(self, d_model: int, d_qv: int) -> None:
        self.q_proj = LoraDense(Dense(d_model, d_qv), d_model, d_qv)
        self.k_proj = Dense(d_model, d_qv)
        self.v_proj = LoraDense(Dense(d_model, d_qv), d_model, d_qv)
        self.o_proj = Dense(d_qv, d_model)

    def __call__(self, x: Tensor) -> Tensor:
        q, k, v = self.q_proj(x), self.k_proj(x), self.v_proj(x)
        att = tf.softmax(q @ k.transpose(0, 2, 1), axis=-1)
        return self.o_proj(att @ v)


attn = Attention(32, 16)
out = attn(tf.randn(2, 6, 32))  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 6, 16], y has Tensor[2, 6, 32]; need equal sizes or 1 at axis -1 (16 vs 32)  [shape]
print(out.shape, attn.q_proj.merged_weight().shape)
