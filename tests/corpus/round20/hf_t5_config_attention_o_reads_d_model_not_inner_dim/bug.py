"""A HuggingFace-style T5 encoder layer driven by T5Config: T5Attention projects to
inner_dim = n_heads * d_kv (which need not equal d_model) with bias-free q/k/v and maps back
with o; T5LayerNorm is an RMS norm with a weight; T5DenseActDense is wi -> relu -> wo; each
sublayer is pre-norm with a residual."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List

import numpy as np

import typedflux as tf
from typedflux import Dense, Embedding, Tensor, relu


@dataclass
class T5Config:
    vocab_size: int = 100
    d_model: int = 32
    d_kv: int = 16
    d_ff: int = 64
    num_heads: int = 4
    num_layers: int = 2


class T5LayerNorm:
    def __init__(self, hidden_size: int, eps: float = 1e-6) -> None:
        self.weight = tf.ones(hidden_size)
        self.eps = eps

    def __call__(self, hidden_states: Tensor) -> Tensor:
        variance = (hidden_states * hidden_states).mean(axis=-1, keepdims=True)
        hidden_states = hidden_states / tf.sqrt(variance + self.eps)
        return self.weight * hidden_states


class T5Attention:
    def __init__(self, config: T5Config) -> None:
        self.d_model = config.d_model
        self.key_value_proj_dim = config.d_kv
        self.n_heads = config.num_heads
        self.inner_dim = self.n_heads * self.key_value_proj_dim
        self.q = Dense(self.d_model, self.inner_dim, bias=False)
        self.k = Dense(self.d_model, self.inner_dim, bias=False)
        self.v = Dense(self.d_model, self.inner_dim, bias=False)
        self.o = Dense(self.d_model, self.d_model, bias=False)

    def __call__(self, hidden_states: Tensor) -> Tensor:
        batch_size, seq_length, _ = hidden_states.shape

        def shape(states: Tensor) -> Tensor:
            return states.reshape(batch_size, -1, self.n_heads, self.key_value_proj_dim).transpose(0, 2, 1, 3)

        def unshape(states: Tensor) -> Tensor:
            return states.transpose(0, 2, 1, 3).reshape(batch_size, -1, self.inner_dim)

        query_states = shape(self.q(hidden_states))
        key_states = shape(self.k(hidden_states))
        value_states = shape(self.v(hidden_states))
        scores = query_states @ key_states.transpose(0, 1, 3, 2)
        attn_weights = tf.softmax(scores, axis=-1)
        attn_output = unshape(attn_weights @ value_states)
        return self.o(attn_output)


class T5DenseActDense:
    def __init__(self, config: T5Config) -> None:
        self.wi = Dense(config.d_model, config.d_ff, bias=False)
        self.wo = Dense(config.d_ff, config.d_model, bias=False)

    def __call__(self, hidden_states: Tensor) -> Tensor:
        return self.wo(relu(self.wi(hidden_states)))


class T5Block:
    def __init__(self, config: T5Config) -> None:
        self.attn_norm = T5LayerNorm(config.d_model)
        self.SelfAttention = T5Attention(config)
        self.ff_norm = T5LayerNorm(config.d_model)
        self.DenseReluDense = T5DenseActDense(config)

    def __call__(self, hidden_states: Tensor) -> Tensor:
        hidden_states = hidden_states + self.SelfAttention(self.attn_norm(hidden_states))
        return hidden_states + self.DenseReluDense(self.ff_norm(hidden_states))


class T5EncoderModel:
    def __init__(self, config: T5Config) -> None:
        self.embed_tokens = Embedding(config.vocab_size, config.d_model)
        self.block: List[T5Block] = [T5Block(config) for _ in range(config.num_layers)]
        self.final_layer_norm = T5LayerNorm(config.d_model)

    def __call__(self, input_ids: Tensor) -> Tensor:
        hidden_states = self.embed_tokens(input_ids)
        for layer_module in self.block:
            hidden_states = layer_module(hidden_states)
        return self.final_layer_norm(hidden_states)


config = T5Config()
encoder = T5EncoderModel(config)
input_ids = tf.tensor(np.random.randint(0, config.vocab_size, size=(2, 7)))
last_hidden_state = encoder(input_ids)  # BUG  # E: Dense(32 => 32, bias=False) expects input Tensor[..., 32], got Tensor[2, 7, 64]; need size 32 at axis -1 (got 64)  [shape]
print(last_hidden_state.shape)
