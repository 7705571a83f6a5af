"""A DDPM as people write it: a cosine beta schedule in numpy, sinusoidal time embeddings,
a small conv denoiser with a time MLP added per channel, q_sample, the training loss on the
noise, and a reverse sampler loop (DDPM and DDIM steps), classifier-free guidance."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import numpy as np

import typedflux as tf
from typedflux import Conv, Dense, Embedding, GroupNorm, swish


@dataclass
class DiffusionConfig:
    steps: int = 20
    channels: int = 1
    size: int = 8
    base: int = 16
    classes: int = 3


def cosine_betas(steps: int, s: float = 0.008) -> np.ndarray:
    t = np.linspace(0, steps, steps + 1) / steps
    f = np.cos((t + s) / (1 + s) * math.pi / 2) ** 2
    alphas = f / f[0]
    return np.clip(1 - alphas[1:] / alphas[:-1], 1e-4, 0.999).astype(np.float32)


def timestep_embedding(t: tf.Tensor, dim: int) -> tf.Tensor:
    half = dim // 2
    freqs = tf.exp(tf.arange(half) * (-math.log(10000.0) / half))
    args = t.reshape(t.shape[0], 1) * freqs.reshape(1, half)
    return tf.cat(tf.cos(args), tf.sin(args), axis=-1)


class ResBlock:
    def __init__(self, ch: int, tdim: int) -> None:
        self.norm1 = GroupNorm(ch, 4)
        self.conv1 = Conv((3, 3), ch, ch, pad=1)
        self.temb = Dense(tdim, ch)
        self.norm2 = GroupNorm(ch, 4)
        self.conv2 = Conv((3, 3), ch, ch, pad=1)

    def __call__(self, x: tf.Tensor, t: tf.Tensor) -> tf.Tensor:
        h = self.conv1(swish(self.norm1(x)))
        h = h + self.temb(swish(t)).reshape(t.shape[0], -1, 1, 1)
        h = self.conv2(swish(self.norm2(h)))
        return x + h


class Denoiser:
    def __init__(self, cfg: DiffusionConfig) -> None:
        self.cfg = cfg
        tdim = cfg.base * 4
        self.t1 = Dense(cfg.base, tdim, swish)
        self.t2 = Dense(tdim, tdim)
        self.label = Embedding(cfg.classes + 1, tdim)
        self.inp = Conv((3, 3), cfg.channels, cfg.base, pad=1)
        self.blocks = [ResBlock(cfg.base, tdim) for _ in range(2)]
        self.out = Conv((3, 3), cfg.base, cfg.channels, pad=1)

    def __call__(self, x: tf.Tensor, t: tf.Tensor, y: Optional[tf.Tensor] = None) -> tf.Tensor:
        emb = self.t2(self.t1(timestep_embedding(t, self.cfg.base)))
        if y is not None:
            emb = emb + self.label(y.reshape(y.shape[0], 1)).reshape(y.shape[0], -1)
        h = self.inp(x)
        for b in self.blocks:
            h = b(h, emb)
        return self.out(h)


class Diffusion:
    def __init__(self, cfg: DiffusionConfig) -> None:
        self.cfg = cfg
        self.betas = cosine_betas(cfg.steps)
        self.alphas = 1.0 - self.betas
        self.abar = np.cumprod(self.alphas)

    def q_sample(self, x0: tf.Tensor, t: np.ndarray, noise: tf.Tensor) -> tf.Tensor:
        a = tf.tensor(np.sqrt(self.abar[t]).reshape(-1, 1, 1, 1))
        s = tf.tensor(np.sqrt(1 - self.abar[t]).reshape(-1, 1, 1, 1))
        return a * x0 + s * noise

    def loss(self, model: Denoiser, x0: tf.Tensor, y: tf.Tensor, rng: np.random.Generator) -> tf.Tensor:
        t = rng.integers(0, self.cfg.steps, x0.shape[0])
        noise = tf.randn(*x0.shape)
        xt = self.q_sample(x0, t, noise)
        pred = model(xt, tf.tensor(t.astype(np.float32)), y)
        return tf.losses.mse(pred, noise)

    def sample(self, model: Denoiser, n: int, y: Optional[tf.Tensor] = None,
               guidance: float = 0.0, ddim: bool = False) -> tf.Tensor:
        c = self.cfg
        x = tf.randn(n, c.channels, c.size, c.size)
        null = tf.tensor([c.classes] * n)
        for i in reversed(range(c.steps)):
            t = tf.full(n, value=float(i))
            eps = model(x, t, y)
            if guidance > 0 and y is not None:
                eps_u = model(x, t, null)
                eps = eps_u + (eps - eps_u) * (1 + guidance)
            abar = float(self.abar[i])
            if ddim:
                prev = float(self.abar[i - 1]) if i > 0 else 1.0
                x0 = (x - eps * math.sqrt(1 - abar)) / math.sqrt(abar)
                x = x0 * math.sqrt(prev) + eps * math.sqrt(1 - prev)
            else:
                a = float(self.alphas[i])
                mean = (x - eps * (self.betas[i] / math.sqrt(1 - abar))) / math.sqrt(a)
                x = mean + (tf.randn(*x.shape) * math.sqrt(float(self.betas[i])) if i > 0 else 0.0)
        return tf.clamp(x, min=-1.0, max=1.0)


def main() -> None:
    cfg = DiffusionConfig()
    model = Denoiser(cfg)
    diff = Diffusion(cfg)
    rng = np.random.default_rng(0)
    data = tf.randn(16, cfg.channels, cfg.size, cfg.size)
    labels = tf.tensor(rng.integers(0, cfg.classes, 16))
    state = tf.setup(tf.Adam(1e-3), model)
    for xb, yb in tf.DataLoader((data, labels), batchsize=8):
        loss, g = tf.withgradient(lambda m, a, b: diff.loss(m, a, b, rng), model, xb, yb)
        state, model = tf.update(state, model, g[0])
    s = diff.sample(model, 2, tf.tensor([0, 1]), guidance=1.5)
    s2 = diff.sample(model, 3, ddim=True)
    print(s.shape, s2.shape)


main()
