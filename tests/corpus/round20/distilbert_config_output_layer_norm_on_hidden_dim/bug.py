"""A HuggingFace-style DistilBERT driven by DistilBertConfig: MultiHeadSelfAttention with
q_lin/k_lin/v_lin/out_lin, a post-norm TransformerBlock (sa_layer_norm after attention, an FFN
of lin1 -> gelu -> lin2, then output_layer_norm), the blocks in a Transformer list, and a
sequence-classification head on the first token (pre_classifier -> relu -> classifier)."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import List

import numpy as np

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, Tensor, gelu, relu


@dataclass
class DistilBertConfig:
    vocab_size: int = 120
    max_position_embeddings: int = 32
    dim: int = 32
    n_heads: int = 4
    hidden_dim: int = 64
    n_layers: int = 2
    num_labels: int = 3


class MultiHeadSelfAttention:
    def __init__(self, config: DistilBertConfig) -> None:
        self.n_heads = config.n_heads
        self.dim = config.dim
        self.q_lin = Dense(config.dim, config.dim)
        self.k_lin = Dense(config.dim, config.dim)
        self.v_lin = Dense(config.dim, config.dim)
        self.out_lin = Dense(config.dim, config.dim)

    def __call__(self, query: Tensor, key: Tensor, value: Tensor) -> Tensor:
        bs, q_length, dim = query.shape
        k_length = key.shape[1]
        dim_per_head = self.dim // self.n_heads

        def shape(x: Tensor) -> Tensor:
            return x.reshape(bs, -1, self.n_heads, dim_per_head).transpose(0, 2, 1, 3)

        def unshape(x: Tensor) -> Tensor:
            return x.transpose(0, 2, 1, 3).reshape(bs, -1, self.n_heads * dim_per_head)

        q = shape(self.q_lin(query)) / math.sqrt(dim_per_head)
        k = shape(self.k_lin(key))
        v = shape(self.v_lin(value))
        weights = tf.softmax(q @ k.transpose(0, 1, 3, 2), axis=-1)
        return self.out_lin(unshape(weights @ v))


class FFN:
    def __init__(self, config: DistilBertConfig) -> None:
        self.lin1 = Dense(config.dim, config.hidden_dim)
        self.lin2 = Dense(config.hidden_dim, config.dim)

    def __call__(self, x: Tensor) -> Tensor:
        return self.lin2(gelu(self.lin1(x)))


class TransformerBlock:
    def __init__(self, config: DistilBertConfig) -> None:
        self.attention = MultiHeadSelfAttention(config)
        self.sa_layer_norm = LayerNorm(config.dim, eps=1e-12)
        self.ffn = FFN(config)
        self.output_layer_norm = LayerNorm(config.hidden_dim, eps=1e-12)

    def __call__(self, x: Tensor) -> Tensor:
        sa_output = self.sa_layer_norm(self.attention(x, x, x) + x)
        ffn_output = self.ffn(sa_output)
        return self.output_layer_norm(ffn_output + sa_output)


class DistilBertForSequenceClassification:
    def __init__(self, config: DistilBertConfig) -> None:
        self.word_embeddings = Embedding(config.vocab_size, config.dim)
        self.position_embeddings = Embedding(config.max_position_embeddings, config.dim)
        self.embed_norm = LayerNorm(config.dim, eps=1e-12)
        self.layer: List[TransformerBlock] = [TransformerBlock(config) for _ in range(config.n_layers)]
        self.pre_classifier = Dense(config.dim, config.dim)
        self.classifier = Dense(config.dim, config.num_labels)

    def __call__(self, input_ids: Tensor) -> Tensor:
        seq_length = input_ids.shape[1]
        position_ids = tf.arange(seq_length)
        hidden_state = self.embed_norm(self.word_embeddings(input_ids) + self.position_embeddings(position_ids))
        for layer_module in self.layer:
            hidden_state = layer_module(hidden_state)
        pooled_output = relu(self.pre_classifier(hidden_state[:, 0]))
        return self.classifier(pooled_output)


model = DistilBertForSequenceClassification(DistilBertConfig())
input_ids = tf.tensor(np.random.randint(0, 120, size=(2, 9)))
logits = model(input_ids)  # BUG  # E: LayerNorm(64) expects input Tensor[..., 64], got Tensor[2, 9, 32]; need size 64 at axis -1 (got 32)  [shape]
print(logits.shape)
