"""A ViT as the model zoos write it (timm-like), shaped annotations, trained a step, eval, save/load."""
import math
import os
import tempfile
from dataclasses import dataclass
from typing import Final, List, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Conv, Dense, Dropout, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

IMG: Final = 32
PATCH: Final = 8
CH: Final = 3
DIM: Final = 48
HEADS: Final = 4
HEAD_DIM: Final = DIM // HEADS
NUM_PATCHES: Final = (IMG // PATCH) ** 2
CLASSES: Final = 10


@dataclass(frozen=True)
class ViTConfig:
    depth: int = 2
    mlp_ratio: float = 4.0
    drop: float = 0.0


class PatchEmbed:
    def __init__(self) -> None:
        self.proj = Conv((PATCH, PATCH), CH, DIM, stride=PATCH)

    def __call__(self, x: Tensor[B, CH, IMG, IMG]) -> Tensor[B, NUM_PATCHES, DIM]:
        x = self.proj(x)  # B, DIM, 4, 4
        return tf.rearrange(x, "b c h w -> b (h w) c")


class Attention:
    def __init__(self, dim: int, num_heads: int = 8, qkv_bias: bool = False) -> None:
        self.num_heads = num_heads
        head_dim = dim // num_heads
        self.scale = head_dim ** -0.5
        self.qkv = Dense(dim, dim * 3, bias=qkv_bias)
        self.proj = Dense(dim, dim)

    def __call__(self, x: Tensor[B, N, DIM]) -> Tensor[B, N, DIM]:
        b, n, c = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.num_heads, c // self.num_heads)
        qkv = qkv.transpose(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        attn = (q @ k.swapaxes(-2, -1)) * self.scale
        attn = tf.softmax(attn, axis=-1)
        x = (attn @ v).swapaxes(1, 2).reshape(b, n, c)
        x = self.proj(x)
        return x


class Mlp:
    def __init__(self, in_features: int, hidden_features: int) -> None:
        self.fc1 = Dense(in_features, hidden_features, gelu)
        self.fc2 = Dense(hidden_features, in_features)

    def __call__(self, x: Tensor[B, N, DIM]) -> Tensor[B, N, DIM]:
        return self.fc2(self.fc1(x))


class Block:
    def __init__(self, dim: int, num_heads: int, mlp_ratio: float = 4.0) -> None:
        self.norm1 = LayerNorm(dim)
        self.attn = Attention(dim, num_heads=num_heads, qkv_bias=True)
        self.norm2 = LayerNorm(dim)
        self.mlp = Mlp(dim, int(dim * mlp_ratio))

    def __call__(self, x: Tensor[B, N, DIM]) -> Tensor[B, N, DIM]:
        x = x + self.attn(self.norm1(x))
        x = x + self.mlp(self.norm2(x))
        return x


class VisionTransformer:
    def __init__(self, cfg: ViTConfig) -> None:
        self.patch_embed = PatchEmbed()
        self.cls_token = tf.zeros(1, 1, DIM)
        self.pos_embed = tf.randn(1, NUM_PATCHES + 1, DIM) * 0.02
        self.pos_drop = Dropout(cfg.drop)
        self.blocks = [Block(DIM, HEADS, cfg.mlp_ratio) for _ in range(cfg.depth)]
        self.norm = LayerNorm(DIM)
        self.head = Dense(DIM, CLASSES)

    def forward_features(self, x: Tensor[B, CH, IMG, IMG]) -> Tensor[B, DIM]:
        x = self.patch_embed(x)
        cls_token = self.cls_token.repeat(x.shape[0], 1, 1)
        x = tf.concat([cls_token, x], axis=1)
        x = self.pos_drop(x + self.pos_embed)
        for blk in self.blocks:
            x = blk(x)
        x = self.norm(x)
        return x[:, 0]

    def __call__(self, x: Tensor[B, CH, IMG, IMG]) -> Tensor[B, CLASSES]:
        return self.head(self.forward_features(x))


def train_step(model: VisionTransformer, opt: tf.OptState, x: Tensor[B, CH, IMG, IMG],
               y: Tensor[B, CLASSES]) -> Tuple[float, tf.OptState]:
    loss, (g,) = tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(x), y), model)
    opt, _ = tf.update(opt, model, g)
    return loss.item(), opt


tf.seed(0)
model = VisionTransformer(ViTConfig())
x = tf.randn(4, CH, IMG, IMG)
y = tf.onehot([1, 2, 3, 4], CLASSES)
opt: tf.OptState = tf.setup(tf.AdamW(1e-3, lambd=0.05), model)
for _ in range(2):
    l, opt = train_step(model, opt, x, y)
    print(round(l, 3))
tf.testmode(model)
print(model(x).shape, model.forward_features(x[:1]).shape)
d = tempfile.mkdtemp()
p = os.path.join(d, "vit.safetensors")
tf.save(model, p)
m2 = VisionTransformer(ViTConfig())
tf.load(m2, p)
print(np.allclose(m2(x).numpy(), model(x).numpy(), atol=1e-5))
os.remove(p); os.rmdir(d)
