"""A HuggingFace-style BERT encoder: a BertConfig dataclass drives every size; BertSelfAttention
splits hidden_size into num_attention_heads heads of attention_head_size with
transpose_for_scores, BertLayer adds the intermediate/output MLP, and BertEncoder holds a
list of layers (ModuleList) run in a loop; the pooler reads the [CLS] token."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import List

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, Tensor, gelu


@dataclass
class BertConfig:
    vocab_size: int = 50
    hidden_size: int = 32
    num_hidden_layers: int = 2
    num_attention_heads: int = 4
    intermediate_size: int = 64
    max_position_embeddings: int = 16


class BertSelfAttention:
    def __init__(self, config: BertConfig) -> None:
        self.num_attention_heads = config.num_attention_heads
        self.attention_head_size = config.hidden_size // config.num_attention_heads
        self.all_head_size = config.hidden_size // self.num_attention_heads
        self.query = Dense(config.hidden_size, self.all_head_size)
        self.key = Dense(config.hidden_size, self.all_head_size)
        self.value = Dense(config.hidden_size, self.all_head_size)

    def transpose_for_scores(self, x: Tensor) -> Tensor:
        b, t, _ = x.shape
        x = x.reshape(b, t, self.num_attention_heads, self.attention_head_size)
        return x.transpose(0, 2, 1, 3)

    def __call__(self, hidden_states: Tensor) -> Tensor:
        q = self.transpose_for_scores(self.query(hidden_states))
        k = self.transpose_for_scores(self.key(hidden_states))
        v = self.transpose_for_scores(self.value(hidden_states))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(self.attention_head_size)
        probs = tf.softmax(scores, axis=-1)
        context = (probs @ v).transpose(0, 2, 1, 3)
        b, t, _, _ = context.shape
        return context.reshape(b, t, self.all_head_size)


class BertLayer:
    def __init__(self, config: BertConfig) -> None:
        self.attention = BertSelfAttention(config)
        self.attn_out = Dense(config.hidden_size, config.hidden_size)
        self.ln1 = LayerNorm(config.hidden_size)
        self.intermediate = Dense(config.hidden_size, config.intermediate_size)
        self.output = Dense(config.intermediate_size, config.hidden_size)
        self.ln2 = LayerNorm(config.hidden_size)

    def __call__(self, h: Tensor) -> Tensor:
        h = self.ln1(h + self.attn_out(self.attention(h)))
        return self.ln2(h + self.output(gelu(self.intermediate(h))))


class BertModel:
    def __init__(self, config: BertConfig) -> None:
        self.word_embeddings = Embedding(config.vocab_size, config.hidden_size)
        self.position_embeddings = Embedding(config.max_position_embeddings, config.hidden_size)
        self.layer: List[BertLayer] = [BertLayer(config) for _ in range(config.num_hidden_layers)]
        self.pooler = Dense(config.hidden_size, config.hidden_size)

    def __call__(self, input_ids: Tensor) -> Tensor:
        t = input_ids.shape[1]
        positions = tf.tensor([list(range(t))] * input_ids.shape[0])
        h = self.word_embeddings(input_ids) + self.position_embeddings(positions)
        for layer in self.layer:
            h = layer(h)
        return tf.tanh(self.pooler(h[:, 0]))


config = BertConfig()
model = BertModel(config)
ids = tf.tensor([[1, 5, 7, 2, 0, 0], [3, 4, 9, 8, 6, 2]])
pooled = model(ids)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 6, 8], target is (2, 6, 4, 8); need equal element counts (96 vs 384)  [shape]
classifier = Dense(config.hidden_size, 2)
print(classifier(pooled).shape)
