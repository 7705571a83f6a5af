"""DETR's head (Carion et al.): a CNN backbone's map goes through input_proj, a 1x1 conv from
backbone.num_channels to hidden_dim, is flattened to (B, HW, hidden_dim); learned object
queries attend to it; a class head (num_classes + 1 for 'no object') and a box MLP ending in
4 sigmoid coordinates read every query."""
from __future__ import annotations

import typedflux as tf
from typedflux import Chain, Conv, Dense, LayerNorm, MaxPool, MultiHeadAttention, Tensor, relu, sigmoid


class Backbone:
    num_channels = 24

    def __init__(self) -> None:
        self.body = Chain(Conv((3, 3), 3, 12, relu, pad=1), MaxPool((2, 2)),
                          Conv((3, 3), 12, self.num_channels, relu, pad=1), MaxPool((2, 2)))

    def __call__(self, x: Tensor) -> Tensor:
        return self.body(x)


class DETR:
    def __init__(self, backbone: Backbone, num_classes: int = 5, num_queries: int = 6,
                 hidden_dim: int = 16) -> None:
        self.backbone = backbone
        self.input_proj = Conv((1, 1), hidden_dim, hidden_dim)
        self.query_embed = tf.randn(num_queries, hidden_dim)
        self.cross_attn = MultiHeadAttention(hidden_dim, 4)
        self.norm = LayerNorm(hidden_dim)
        self.class_embed = Dense(hidden_dim, num_classes + 1)
        self.bbox_embed = Chain(Dense(hidden_dim, hidden_dim, relu), Dense(hidden_dim, 4, sigmoid))

    def __call__(self, images: Tensor) -> tuple[Tensor, Tensor]:
        src = self.input_proj(self.backbone(images))
        b, c, h, w = src.shape
        memory = src.reshape(b, c, h * w).transpose(0, 2, 1)
        queries = tf.tile(self.query_embed[None], b, 1, 1)
        hs = self.norm(queries + self.cross_attn(queries, memory, memory))
        return self.class_embed(hs), self.bbox_embed(hs)


model = DETR(Backbone())
logits, boxes = model(tf.randn(2, 3, 16, 16))  # BUG  # E: Conv((1, 1), 16 => 16) expects input Tensor[B, 16, H, W], got Tensor[2, 24, 4, 4]; need size 16 at axis 1 (got 24)  [shape]
print(logits.shape, boxes.shape)
