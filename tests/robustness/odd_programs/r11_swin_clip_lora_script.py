"""A Swin block (window partition/reverse, shifted-window mask by slicing) and a CLIP dual encoder
trained with the symmetric contrastive loss, a LoRA fine-tune with the base frozen."""
import math
from typing import Final, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Chain, Conv, Dense, Embedding, LayerNorm, MultiHeadAttention, Tensor, gelu

B = TypeVar("B", bound=int)
WS: Final = 4
C: Final = 16
HEADS: Final = 2


def window_partition(x: tf.Tensor, ws: int) -> tf.Tensor:
    b, h, w, c = x.shape
    x = x.reshape(b, h // ws, ws, w // ws, ws, c)
    return x.transpose(0, 1, 3, 2, 4, 5).reshape(-1, ws, ws, c)


def window_reverse(windows: tf.Tensor, ws: int, h: int, w: int) -> tf.Tensor:
    b = windows.shape[0] // ((h // ws) * (w // ws))
    x = windows.reshape(b, h // ws, w // ws, ws, ws, -1)
    return x.transpose(0, 1, 3, 2, 4, 5).reshape(b, h, w, -1)


def shift_mask(h: int, w: int, ws: int, shift: int) -> tf.Tensor:
    img = np.zeros((1, h, w, 1), dtype=np.float32)
    cnt = 0
    for hs in (slice(0, -ws), slice(-ws, -shift), slice(-shift, None)):
        for wsl in (slice(0, -ws), slice(-ws, -shift), slice(-shift, None)):
            img[:, hs, wsl, :] = cnt
            cnt += 1
    mw = window_partition(tf.tensor(img), ws).reshape(-1, ws * ws)
    diff = mw.unsqueeze(1) - mw.unsqueeze(2)
    return tf.where(diff != 0, -100.0, 0.0)


class SwinBlock:
    def __init__(self, shift: int) -> None:
        self.shift = shift
        self.norm1 = LayerNorm(C)
        self.qkv = Dense(C, 3 * C)
        self.proj = Dense(C, C)
        self.norm2 = LayerNorm(C)
        self.mlp = Chain(Dense(C, 4 * C, gelu), Dense(4 * C, C))

    def __call__(self, x: Tensor[B, 8, 8, C]) -> Tensor[B, 8, 8, C]:
        b, h, w, c = x.shape
        shortcut = x
        x = self.norm1(x)
        if self.shift:
            x = tf.concat([x[:, self.shift:], x[:, :self.shift]], axis=1)
            x = tf.concat([x[:, :, self.shift:], x[:, :, :self.shift]], axis=2)
        win = window_partition(x, WS).reshape(-1, WS * WS, c)
        nw = win.shape[0]
        q, k, v = tf.chunk(self.qkv(win).reshape(nw, WS * WS, 3, HEADS, c // HEADS).transpose(2, 0, 3, 1, 4), 3, axis=0)
        q, k, v = q[0], k[0], v[0]
        attn = (q @ k.swapaxes(-2, -1)) / math.sqrt(c // HEADS)
        if self.shift:
            mask = shift_mask(h, w, WS, self.shift)
            attn = attn.reshape(b, -1, HEADS, WS * WS, WS * WS) + mask.unsqueeze(1).unsqueeze(0)
            attn = attn.reshape(-1, HEADS, WS * WS, WS * WS)
        out = (tf.softmax(attn, axis=-1) @ v).swapaxes(1, 2).reshape(nw, WS * WS, c)
        out = window_reverse(self.proj(out).reshape(-1, WS, WS, c), WS, h, w)
        x = shortcut + out
        return x + self.mlp(self.norm2(x))


blocks = [SwinBlock(0), SwinBlock(WS // 2)]
feat = tf.randn(2, 8, 8, C)
for blk in blocks:
    feat = blk(feat)
print(feat.shape)


class CLIP:
    def __init__(self, vocab: int = 50, d: int = 32, e: int = 16) -> None:
        self.visual = Chain(Conv((4, 4), 3, d, stride=4), lambda x: x.mean(axis=(2, 3)), LayerNorm(d))
        self.tok = Embedding(vocab, d)
        self.text_attn = MultiHeadAttention(d, 4)
        self.ln = LayerNorm(d)
        self.image_proj = Dense(d, e, bias=False)
        self.text_proj = Dense(d, e, bias=False)
        self.logit_scale = tf.tensor(np.array([np.log(1 / 0.07)], dtype=np.float32))

    def encode_image(self, img: tf.Tensor) -> tf.Tensor:
        return self.image_proj(self.visual(img))

    def encode_text(self, ids: tf.Tensor, eot: np.ndarray) -> tf.Tensor:
        h = self.tok(ids)
        h = self.ln(h + self.text_attn(h))
        return self.text_proj(h[np.arange(h.shape[0]), eot])

    def __call__(self, img: tf.Tensor, ids: tf.Tensor, eot: np.ndarray) -> Tuple[tf.Tensor, tf.Tensor]:
        i = self.encode_image(img)
        t = self.encode_text(ids, eot)
        i = i / tf.sqrt((i * i).sum(axis=-1, keepdims=True))
        t = t / tf.sqrt((t * t).sum(axis=-1, keepdims=True))
        logits = tf.exp(self.logit_scale) * i @ t.T
        return logits, logits.T


clip = CLIP()
imgs = tf.randn(4, 3, 16, 16)
ids = tf.tensor(np.random.default_rng(0).integers(1, 50, (4, 7)))
eot = np.array([6, 5, 6, 3])
labels = tf.onehot([0, 1, 2, 3], 4)
opt = tf.setup(tf.Adam(1e-3), clip)
for _ in range(2):
    def loss_fn(m: CLIP) -> tf.Tensor:
        li, lt = m(imgs, ids, eot)
        return (tf.losses.logitcrossentropy(li, labels) + tf.losses.logitcrossentropy(lt, labels)) / 2
    loss, (g,) = tf.withgradient(loss_fn, clip)
    opt, clip = tf.update(opt, clip, g)
    print(round(loss.item(), 3))


class LoRA:
    def __init__(self, base: Dense, r: int = 4, alpha: float = 8.0) -> None:
        self.base = base
        self.A = tf.randn(r, base.weight.shape[1]) * 0.01
        self.B = tf.zeros(base.weight.shape[0], r)
        self.scale = alpha / r

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.base(x) + (x @ self.A.T @ self.B.T) * self.scale


layer = LoRA(Dense(16, 8))
tf.freeze(layer.base)
st = tf.setup(tf.Adam(1e-2), layer)
xs, ys = tf.randn(10, 16), tf.randn(10, 8)
for _ in range(2):
    l, (gr,) = tf.withgradient(lambda m: tf.losses.mse(m(xs), ys), layer)
    st, layer = tf.update(st, layer, gr)
merged = layer.base.weight + (layer.B @ layer.A) * layer.scale
print(merged.shape, round(l.item(), 3))
