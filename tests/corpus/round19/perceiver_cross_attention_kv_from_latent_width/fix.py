"""Perceiver's cross-attention: a learned latent array (num_latents, latent_dim) repeated over
the batch queries a long byte array (B, M, input_dim); keys and values are projected from the
inputs, queries from the latents, both to attn_dim; a latent self-attention block follows."""
from __future__ import annotations

import math

import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, Tensor


class CrossAttention:
    def __init__(self, latent_dim: int, input_dim: int, attn_dim: int) -> None:
        self.norm_latents = LayerNorm(latent_dim)
        self.norm_inputs = LayerNorm(input_dim)
        self.to_q = Dense(latent_dim, attn_dim, bias=False)
        self.to_k = Dense(input_dim, attn_dim, bias=False)
        self.to_v = Dense(input_dim, attn_dim, bias=False)
        self.to_out = Dense(attn_dim, latent_dim)
        self.scale = 1 / math.sqrt(attn_dim)

    def __call__(self, latents: Tensor, inputs: Tensor) -> Tensor:
        q = self.to_q(self.norm_latents(latents))
        ctx = self.norm_inputs(inputs)
        k = self.to_k(ctx)
        v = self.to_v(ctx)
        attn = tf.softmax(q @ k.transpose(0, 2, 1) * self.scale, axis=-1)
        return latents + self.to_out(attn @ v)


class Perceiver:
    def __init__(self, input_dim: int = 6, num_latents: int = 8, latent_dim: int = 16,
                 num_classes: int = 3) -> None:
        self.latents = tf.randn(num_latents, latent_dim)
        self.cross = CrossAttention(latent_dim, input_dim, 12)
        self.self_attn = MultiHeadAttention(latent_dim, 4)
        self.head = Dense(latent_dim, num_classes)

    def __call__(self, data: Tensor) -> Tensor:
        b = data.shape[0]
        lat = tf.tile(self.latents[None], b, 1, 1)
        lat = self.cross(lat, data)
        lat = lat + self.self_attn(lat)
        return self.head(lat.mean(axis=1))


model = Perceiver()
data = tf.randn(2, 50, 6)
logits = model(data)
print(logits.shape)
