"""A HuggingFace-style ViT driven by ViTConfig: ViTPatchEmbeddings is a strided Conv flattened
to tokens, ViTEmbeddings prepends the [CLS] token and adds position embeddings for
num_patches + 1 positions, the encoder layers are pre-norm, and the classifier reads the CLS
token after the final layernorm."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List

import typedflux as tf
from typedflux import Conv, Dense, LayerNorm, MultiHeadAttention, Tensor, gelu


@dataclass
class ViTConfig:
    image_size: int = 16
    patch_size: int = 4
    num_channels: int = 3
    hidden_size: int = 32
    num_hidden_layers: int = 2
    num_attention_heads: int = 4
    intermediate_size: int = 64
    num_labels: int = 10


class ViTPatchEmbeddings:
    def __init__(self, config: ViTConfig) -> None:
        self.num_patches = (config.image_size // config.patch_size) ** 2
        self.projection = Conv((config.patch_size, config.patch_size), config.num_channels,
                               config.hidden_size, stride=config.patch_size)

    def __call__(self, pixel_values: Tensor) -> Tensor:
        embeddings = self.projection(pixel_values)
        b, c, h, w = embeddings.shape
        return embeddings.reshape(b, c, h * w).transpose(0, 2, 1)


class ViTEmbeddings:
    def __init__(self, config: ViTConfig) -> None:
        self.cls_token = tf.zeros(1, 1, config.hidden_size)
        self.patch_embeddings = ViTPatchEmbeddings(config)
        num_patches = self.patch_embeddings.num_patches
        self.position_embeddings = tf.randn(1, num_patches, config.hidden_size)

    def __call__(self, pixel_values: Tensor) -> Tensor:
        batch_size = pixel_values.shape[0]
        embeddings = self.patch_embeddings(pixel_values)
        cls_tokens = tf.tile(self.cls_token, batch_size, 1, 1)
        embeddings = tf.cat(cls_tokens, embeddings, axis=1)
        return embeddings + self.position_embeddings


class ViTLayer:
    def __init__(self, config: ViTConfig) -> None:
        self.layernorm_before = LayerNorm(config.hidden_size)
        self.attention = MultiHeadAttention(config.hidden_size, config.num_attention_heads)
        self.layernorm_after = LayerNorm(config.hidden_size)
        self.intermediate = Dense(config.hidden_size, config.intermediate_size, gelu)
        self.output = Dense(config.intermediate_size, config.hidden_size)

    def __call__(self, hidden_states: Tensor) -> Tensor:
        h = self.layernorm_before(hidden_states)
        hidden_states = hidden_states + self.attention(h, h, h)
        return hidden_states + self.output(self.intermediate(self.layernorm_after(hidden_states)))


class ViTForImageClassification:
    def __init__(self, config: ViTConfig) -> None:
        self.embeddings = ViTEmbeddings(config)
        self.layer: List[ViTLayer] = [ViTLayer(config) for _ in range(config.num_hidden_layers)]
        self.layernorm = LayerNorm(config.hidden_size)
        self.classifier = Dense(config.hidden_size, config.num_labels)

    def __call__(self, pixel_values: Tensor) -> Tensor:
        hidden_states = self.embeddings(pixel_values)
        for layer_module in self.layer:
            hidden_states = layer_module(hidden_states)
        sequence_output = self.layernorm(hidden_states)
        return self.classifier(sequence_output[:, 0, :])


model = ViTForImageClassification(ViTConfig())
logits = model(tf.randn(2, 3, 16, 16))  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 17, 32], y has Tensor[1, 16, 32]; need equal sizes or 1 at axis -2 (17 vs 16)  [shape]
print(logits.shape)
