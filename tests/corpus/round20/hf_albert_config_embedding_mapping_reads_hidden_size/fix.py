"""A HuggingFace-style ALBERT driven by AlbertConfig: factorised embeddings of embedding_size
(smaller than hidden_size) mapped in by embedding_hidden_mapping_in, ONE AlbertLayer whose
weights are shared by every pass of num_hidden_layers, and an MLM head that maps back down to
embedding_size before the decoder over the vocabulary."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, MultiHeadAttention, Tensor, gelu


@dataclass
class AlbertConfig:
    vocab_size: int = 90
    embedding_size: int = 16
    hidden_size: int = 32
    num_hidden_layers: int = 3
    num_attention_heads: int = 4
    intermediate_size: int = 64
    max_position_embeddings: int = 24


class AlbertLayer:
    def __init__(self, config: AlbertConfig) -> None:
        self.attention = MultiHeadAttention(config.hidden_size, config.num_attention_heads)
        self.attn_norm = LayerNorm(config.hidden_size)
        self.ffn = Dense(config.hidden_size, config.intermediate_size, gelu)
        self.ffn_output = Dense(config.intermediate_size, config.hidden_size)
        self.full_layer_layer_norm = LayerNorm(config.hidden_size)

    def __call__(self, hidden_states: Tensor) -> Tensor:
        attention_output = self.attn_norm(hidden_states + self.attention(hidden_states, hidden_states, hidden_states))
        ffn_output = self.ffn_output(self.ffn(attention_output))
        return self.full_layer_layer_norm(ffn_output + attention_output)


class AlbertForMaskedLM:
    def __init__(self, config: AlbertConfig) -> None:
        self.config = config
        self.word_embeddings = Embedding(config.vocab_size, config.embedding_size)
        self.position_embeddings = Embedding(config.max_position_embeddings, config.embedding_size)
        self.embed_norm = LayerNorm(config.embedding_size)
        self.embedding_hidden_mapping_in = Dense(config.embedding_size, config.hidden_size)
        self.albert_layer = AlbertLayer(config)
        self.predictions_dense = Dense(config.hidden_size, config.embedding_size, gelu)
        self.predictions_norm = LayerNorm(config.embedding_size)
        self.decoder = Dense(config.embedding_size, config.vocab_size)

    def __call__(self, input_ids: Tensor) -> Tensor:
        positions = tf.arange(input_ids.shape[1])
        embeddings = self.embed_norm(self.word_embeddings(input_ids) + self.position_embeddings(positions))
        hidden_states = self.embedding_hidden_mapping_in(embeddings)
        for _ in range(self.config.num_hidden_layers):
            hidden_states = self.albert_layer(hidden_states)
        return self.decoder(self.predictions_norm(self.predictions_dense(hidden_states)))


model = AlbertForMaskedLM(AlbertConfig())
input_ids = tf.tensor(np.random.randint(0, 90, size=(2, 10)))
prediction_scores = model(input_ids)
print(prediction_scores.shape)
