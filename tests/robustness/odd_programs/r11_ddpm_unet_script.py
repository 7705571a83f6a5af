"""A small DDPM U-Net (time embedding added per block, skips stacked in a list) and its training step."""
import math
from typing import List, Tuple

import numpy as np

import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, Dense, GroupNorm, Tensor, swish as silu


def timestep_embedding(t: tf.Tensor, dim: int) -> tf.Tensor:
    half = dim // 2
    freqs = tf.exp(-math.log(10000) * tf.arange(0, half) / half)
    args = t.reshape(-1, 1) * freqs.reshape(1, -1)
    return tf.concat([tf.cos(args), tf.sin(args)], axis=-1)


class ResBlock:
    def __init__(self, cin: int, cout: int, tdim: int) -> None:
        self.norm1 = GroupNorm(cin, 4)
        self.conv1 = Conv((3, 3), cin, cout, pad=1)
        self.temb = Dense(tdim, cout)
        self.norm2 = GroupNorm(cout, 4)
        self.conv2 = Conv((3, 3), cout, cout, pad=1)
        self.skip = Conv((1, 1), cin, cout) if cin != cout else None

    def __call__(self, x: tf.Tensor, t: tf.Tensor) -> tf.Tensor:
        h = self.conv1(silu(self.norm1(x)))
        h = h + self.temb(silu(t))[:, :, None, None]
        h = self.conv2(silu(self.norm2(h)))
        s = x if self.skip is None else self.skip(x)
        return h + s


class UNet:
    def __init__(self, ch: int = 8, mults: Tuple[int, ...] = (1, 2, 4), tdim: int = 32) -> None:
        self.tdim = tdim
        self.time_mlp = Chain(Dense(tdim, tdim, silu), Dense(tdim, tdim))
        self.inc = Conv((3, 3), 3, ch, pad=1)
        chans = [ch * m for m in mults]
        self.downs: List[ResBlock] = []
        self.pools: List[Conv] = []
        cin = ch
        for c in chans:
            self.downs.append(ResBlock(cin, c, tdim))
            self.pools.append(Conv((3, 3), c, c, stride=2, pad=1))
            cin = c
        self.mid = ResBlock(cin, cin, tdim)
        self.ups: List[ConvTranspose] = []
        self.upblocks: List[ResBlock] = []
        for c in reversed(chans):
            self.ups.append(ConvTranspose((2, 2), cin, c, stride=2))
            self.upblocks.append(ResBlock(2 * c, c, tdim))
            cin = c
        self.out = Conv((1, 1), cin, 3)

    def __call__(self, x: tf.Tensor, t: tf.Tensor) -> tf.Tensor:
        temb = self.time_mlp(timestep_embedding(t, self.tdim))
        h = self.inc(x)
        skips = []
        for block, pool in zip(self.downs, self.pools):
            h = block(h, temb)
            skips.append(h)
            h = pool(h)
        h = self.mid(h, temb)
        for up, block in zip(self.ups, self.upblocks):
            h = up(h)
            h = block(tf.concat([h, skips.pop()], axis=1), temb)
        return self.out(h)


T_STEPS = 100
betas = np.linspace(1e-4, 0.02, T_STEPS)
alphas_bar = np.cumprod(1 - betas)
model = UNet()
opt = tf.setup(tf.Adam(2e-4), model)
rng = np.random.default_rng(0)
x0 = tf.tensor(rng.standard_normal((4, 3, 16, 16)).astype(np.float32))
for step in range(2):
    t = rng.integers(0, T_STEPS, 4)
    noise = tf.randn(4, 3, 16, 16)
    ab = tf.tensor(alphas_bar[t].astype(np.float32)).reshape(-1, 1, 1, 1)
    xt = tf.sqrt(ab) * x0 + tf.sqrt(1 - ab) * noise
    tt = tf.tensor(t.astype(np.float32))
    loss, (g,) = tf.withgradient(lambda m: tf.losses.mse(m(xt, tt), noise), model)
    opt, model = tf.update(opt, model, g)
    print(step, round(loss.item(), 3))
