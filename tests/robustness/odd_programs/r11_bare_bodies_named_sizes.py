"""Bare __call__ bodies that name their input's sizes and reshape with them, in the forms the zoo
writes: nanoGPT's B, T, C = x.shape, ViT's int(math.sqrt(n)), group reshapes, -1; called
with concrete tensors and from generic functions (symbolic batch, length and sizes)."""
import math
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Dense, GroupNorm, LayerNorm, Tensor


class SelfAttn:
    def __init__(self, d: int, n_head: int) -> None:
        self.c_attn = Dense(d, 3 * d)
        self.c_proj = Dense(d, d)
        self.n_head = n_head
        self.n_embd = d

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        B, T, C = x.shape
        q, k, v = tf.split(self.c_attn(x), (self.n_embd, self.n_embd, self.n_embd), axis=2)
        k = k.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        q = q.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        v = v.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        att = (q @ k.swapaxes(-2, -1)) * (1.0 / math.sqrt(k.shape[-1]))
        att = tf.softmax(att, axis=-1)
        y = (att @ v).swapaxes(1, 2).reshape(B, T, C)
        return self.c_proj(y)


class TokensToGrid:
    def __init__(self, c: int) -> None:
        self.conv = Conv((3, 3), c, c, pad=1, groups=c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, n, c = x.shape
        h = w = int(math.sqrt(n))
        y = x.swapaxes(1, 2).reshape(b, c, h, w)
        y = self.conv(y)
        return y.reshape(b, c, h * w).swapaxes(1, 2)


class ChannelShuffle:
    def __init__(self, groups: int) -> None:
        self.groups = groups

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, c, h, w = x.shape
        g = self.groups
        x = x.reshape(b, g, c // g, h, w).swapaxes(1, 2)
        return x.reshape(b, -1, h, w)


class PixelNorm:
    def __init__(self, c: int) -> None:
        self.norm = GroupNorm(c, 1)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        n = x.shape[0]
        flat = x.reshape(n, -1)
        flat = flat / tf.sqrt((flat * flat).mean(axis=1, keepdims=True) + 1e-8)
        return self.norm(flat.reshape(*x.shape))


class Patchify:
    def __init__(self, p: int, d: int) -> None:
        self.p = p
        self.proj = Dense(3 * p * p, d)

    def __call__(self, img: tf.Tensor) -> tf.Tensor:
        b, c, h, w = img.shape
        p = self.p
        x = img.reshape(b, c, h // p, p, w // p, p).transpose(0, 2, 4, 3, 5, 1)
        x = x.reshape(b, (h // p) * (w // p), p * p * c)
        return self.proj(x)


class LastToken:
    def __init__(self, d: int) -> None:
        self.ln = LayerNorm(d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        t = x.shape[1]
        return self.ln(x[:, t - 1])


print(SelfAttn(32, 4)(tf.randn(2, 5, 32)).shape)
print(TokensToGrid(8)(tf.randn(2, 16, 8)).shape)
print(ChannelShuffle(3)(tf.randn(2, 12, 4, 4)).shape)
print(PixelNorm(6)(tf.randn(2, 6, 3, 3)).shape)
print(Patchify(4, 16)(tf.randn(2, 3, 8, 8)).shape)
print(LastToken(16)(tf.randn(2, 7, 16)).shape)

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
N = TypeVar("N", bound=int)
H = TypeVar("H", bound=int)

attn = SelfAttn(32, 4)
grid = TokensToGrid(8)
shuffle = ChannelShuffle(3)
pn = PixelNorm(6)
patch = Patchify(4, 16)
last = LastToken(16)


def f1(x: Tensor[B, T, 32]) -> Tensor[B, T, 32]:
    return attn(x)


def f2(x: Tensor[B, N, 8]) -> Tensor[B, N, 8]:
    return grid(x)


def f3(x: Tensor[B, 12, H, H]) -> Tensor[B, 12, H, H]:
    return shuffle(x)


def f4(x: Tensor[B, 6, H, H]) -> Tensor[B, 6, H, H]:
    return pn(x)


def f5(x: Tensor[B, 3, "4*H", "4*H"]) -> Tensor[B, "H*H", 16]:
    return patch(x)


def f6(x: Tensor[B, T, 16]) -> Tensor[B, 16]:
    return last(x)


print(f1(tf.randn(2, 5, 32)).shape, f2(tf.randn(2, 16, 8)).shape, f3(tf.randn(1, 12, 4, 4)).shape)
print(f4(tf.randn(2, 6, 3, 3)).shape, f5(tf.randn(2, 3, 8, 8)).shape, f6(tf.randn(2, 7, 16)).shape)
