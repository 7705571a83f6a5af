"""A top-2 Mixture-of-Experts layer (router logits, top-k by argsort in numpy, a load-balancing
loss, experts in a list) inside a Transformer block, and CLIP: two towers, projections, a
learnable log temperature parameter clamped, the symmetric contrastive loss."""
from __future__ import annotations

import math
from typing import List, Tuple

import numpy as np

import typedflux as tf
from typedflux import Chain, Conv, Dense, Embedding, Flatten, GlobalMeanPool, LayerNorm, gelu, relu


class Expert:
    def __init__(self, d: int, hidden: int) -> None:
        self.w1 = Dense(d, hidden, gelu)
        self.w2 = Dense(hidden, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.w2(self.w1(x))


class MoE:
    def __init__(self, d: int, n: int, k: int = 2) -> None:
        self.router = Dense(d, n, bias=False)
        self.experts = [Expert(d, 2 * d) for _ in range(n)]
        self.k = k
        self.n = n

    def __call__(self, x: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        b, t, d = x.shape
        flat = x.reshape(b * t, d)
        logits = self.router(flat)
        probs = tf.softmax(logits, axis=-1)
        top = np.argsort(-probs.numpy(), axis=-1)[:, : self.k]
        keep = np.zeros((b * t, self.n), dtype=bool)
        np.put_along_axis(keep, top, True, axis=-1)
        gates = tf.where(tf.tensor(keep), probs, 0.0)
        gates = gates / gates.sum(axis=-1, keepdims=True)
        outs = tf.stack([e(flat) for e in self.experts], axis=1)
        y = (outs * gates.reshape(b * t, self.n, 1)).sum(axis=1)
        frac = tf.tensor(keep.mean(axis=0).astype(np.float32))
        aux = (frac * probs.mean(axis=0)).sum() * self.n
        return y.reshape(b, t, d), aux


class MoEBlock:
    def __init__(self, d: int, n: int) -> None:
        self.ln = LayerNorm(d)
        self.moe = MoE(d, n)

    def __call__(self, x: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        y, aux = self.moe(self.ln(x))
        return x + y, aux


class CLIP:
    def __init__(self, vocab: int, d: int, embed: int) -> None:
        self.image = Chain(Conv((3, 3), 3, d, relu, pad=1), GlobalMeanPool(), Flatten())
        self.tok = Embedding(vocab, d)
        self.text = MoEBlock(d, 4)
        self.img_proj = Dense(d, embed, bias=False)
        self.txt_proj = Dense(d, embed, bias=False)
        self.logit_scale = tf.tensor([math.log(1 / 0.07)])

    def encode_image(self, img: tf.Tensor) -> tf.Tensor:
        z = self.img_proj(self.image(img))
        return z / tf.sqrt((z * z).sum(axis=-1, keepdims=True))

    def encode_text(self, ids: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        h, aux = self.text(self.tok(ids))
        z = self.txt_proj(h[:, -1])
        return z / tf.sqrt((z * z).sum(axis=-1, keepdims=True)), aux

    def __call__(self, img: tf.Tensor, ids: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        zi = self.encode_image(img)
        zt, aux = self.encode_text(ids)
        scale = tf.exp(tf.clamp(self.logit_scale, max=math.log(100.0)))
        logits = (zi @ zt.T) * scale
        return logits, aux


def clip_loss(model: CLIP, img: tf.Tensor, ids: tf.Tensor) -> tf.Tensor:
    logits, aux = model(img, ids)
    n = logits.shape[0]
    labels = tf.onehot(list(range(n)), n)
    return (tf.losses.logitcrossentropy(logits, labels)
            + tf.losses.logitcrossentropy(logits.T, labels)) / 2 + 0.01 * aux


def main() -> None:
    model = CLIP(30, 16, 8)
    img = tf.randn(6, 3, 8, 8)
    ids = tf.tensor(np.random.default_rng(0).integers(0, 30, (6, 5)))
    state = tf.setup(tf.AdamW(1e-3), model)
    for _ in range(2):
        loss, g = tf.withgradient(clip_loss, model, img, ids)
        state, model = tf.update(state, model, g[0])
    logits, _ = model(img, ids)
    print(logits.shape, tf.onecold(logits).shape, loss.item() > 0)


main()
