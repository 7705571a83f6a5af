"""A ViT as people write it today: a frozen config dataclass, argparse overrides, logging,
patch embedding by a strided Conv, a class token, position table, pre-norm blocks, a training
loop with withgradient/update, a checkpoint saved and loaded, evaluation in testmode."""
from __future__ import annotations

import argparse
import logging
import math
import os
import tempfile
from dataclasses import dataclass, field, replace
from typing import List, Optional, Tuple

import numpy as np

import typedflux as tf
from typedflux import Conv, Dense, Dropout, LayerNorm, gelu

log = logging.getLogger("vit")


@dataclass(frozen=True)
class ViTConfig:
    image: int = 16
    patch: int = 4
    channels: int = 3
    dim: int = 32
    depth: int = 2
    heads: int = 4
    mlp_ratio: int = 2
    classes: int = 10
    dropout: float = 0.1
    tags: List[str] = field(default_factory=list)

    @property
    def patches(self) -> int:
        return (self.image // self.patch) ** 2

    @property
    def head_dim(self) -> int:
        return self.dim // self.heads


class PatchEmbed:
    def __init__(self, cfg: ViTConfig) -> None:
        self.proj = Conv((cfg.patch, cfg.patch), cfg.channels, cfg.dim, stride=cfg.patch)
        self.n = cfg.patches

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        y = self.proj(x)
        b, c, h, w = y.shape
        return y.reshape(b, c, h * w).transpose(0, 2, 1)


class Attention:
    def __init__(self, cfg: ViTConfig) -> None:
        self.qkv = Dense(cfg.dim, 3 * cfg.dim)
        self.out = Dense(cfg.dim, cfg.dim)
        self.heads = cfg.heads
        self.scale = 1.0 / math.sqrt(cfg.head_dim)
        self.drop = Dropout(cfg.dropout)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        qkv = self.qkv(x).reshape(b, t, 3, self.heads, d // self.heads)
        qkv = qkv.transpose(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        att = tf.softmax((q @ k.swapaxes(-2, -1)) * self.scale, axis=-1)
        att = self.drop(att)
        y = (att @ v).transpose(0, 2, 1, 3).reshape(b, t, d)
        return self.out(y)


class MLP:
    def __init__(self, cfg: ViTConfig) -> None:
        hidden = cfg.dim * cfg.mlp_ratio
        self.fc1 = Dense(cfg.dim, hidden, gelu)
        self.fc2 = Dense(hidden, cfg.dim)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc2(self.fc1(x))


class Block:
    def __init__(self, cfg: ViTConfig) -> None:
        self.ln1 = LayerNorm(cfg.dim)
        self.attn = Attention(cfg)
        self.ln2 = LayerNorm(cfg.dim)
        self.mlp = MLP(cfg)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class ViT:
    def __init__(self, cfg: ViTConfig) -> None:
        self.cfg = cfg
        self.embed = PatchEmbed(cfg)
        self.cls = tf.zeros(1, 1, cfg.dim)
        self.pos = tf.randn(1, cfg.patches + 1, cfg.dim) * 0.02
        self.blocks = [Block(cfg) for _ in range(cfg.depth)]
        self.norm = LayerNorm(cfg.dim)
        self.head = Dense(cfg.dim, cfg.classes)

    def features(self, x: tf.Tensor) -> tf.Tensor:
        p = self.embed(x)
        b = p.shape[0]
        cls = tf.repeat(self.cls, b, 1, 1)
        h = tf.cat(cls, p, axis=1) + self.pos
        for blk in self.blocks:
            h = blk(h)
        return self.norm(h)[:, 0]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.features(x))


def parse(argv: Optional[List[str]] = None) -> Tuple[ViTConfig, argparse.Namespace]:
    p = argparse.ArgumentParser()
    p.add_argument("--dim", type=int, default=32)
    p.add_argument("--depth", type=int, default=2)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--batch", type=int, default=8)
    args = p.parse_args(argv)
    cfg = replace(ViTConfig(), dim=args.dim, depth=args.depth)
    return cfg, args


def make_data(n: int, cfg: ViTConfig) -> Tuple[tf.Tensor, tf.Tensor]:
    rng = np.random.default_rng(0)
    x = tf.tensor(rng.standard_normal((n, cfg.channels, cfg.image, cfg.image)).astype(np.float32))
    labels = [int(v) for v in rng.integers(0, cfg.classes, n)]
    return x, tf.onehot(labels, cfg.classes)


def accuracy(model: ViT, x: tf.Tensor, y: tf.Tensor) -> float:
    tf.testmode(model)
    pred = tf.onecold(model(x))
    gold = tf.onecold(y)
    tf.trainmode(model)
    return float((pred.numpy() == gold.numpy()).mean())


def loss_fn(m: ViT, x: tf.Tensor, y: tf.Tensor) -> tf.Tensor:
    return tf.losses.logitcrossentropy(m(x), y)


def main(argv: Optional[List[str]] = None) -> None:
    log.setLevel(logging.WARNING)
    cfg, args = parse(argv)
    model = ViT(cfg)
    x, y = make_data(32, cfg)
    xv, yv = make_data(8, cfg)
    state = tf.setup(tf.AdamW(args.lr), model)
    loader = tf.DataLoader((x, y), batchsize=args.batch, shuffle=True, seed=0)
    best = math.inf
    folder = tempfile.mkdtemp()
    ckpt = os.path.join(folder, "vit.safetensors")
    for epoch in range(args.epochs):
        total = 0.0
        for xb, yb in loader:
            loss, grads = tf.withgradient(loss_fn, model, xb, yb)
            state, model = tf.update(state, model, grads[0])
            total += loss.item()
        val = loss_fn(model, xv, yv).item()
        log.info("epoch %d loss %.3f val %.3f", epoch, total, val)
        if val < best:
            best = val
            tf.save(model, ckpt)
    fresh = ViT(cfg)
    tf.load(fresh, ckpt)
    feats = fresh.features(xv)
    probe = Dense(cfg.dim, 2)
    print(probe(feats).shape, accuracy(fresh, xv, yv) >= 0.0)
    os.remove(ckpt)
    os.rmdir(folder)


if __name__ == "__main__":
    main([])
