"""Tensor forms at the edges of the rules: vector @ matrix both ways, einsum traces and
'...', None and Ellipsis indexing, negative and reversed slices, tf.where with numbers on
either side, keepdims arithmetic, rearrange/reduce with '...', a cat of a comprehension of
slices, reflect padding, take_along_axis/gather, unsqueeze/squeeze, tile/repeat_interleave,
boolean sums, and generic defs slicing by x.shape."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

x = tf.randn(4, 6)
v = tf.randn(6)
a = x @ v
b = v @ x.T
c = tf.einsum("ii->i", tf.randn(5, 5))
d = tf.einsum("ii->", tf.randn(5, 5))
e = tf.einsum("bij,bjk->bik", tf.randn(2, 3, 4), tf.randn(2, 4, 5))
f = tf.einsum("...ij,...jk->...ik", tf.randn(7, 2, 3, 4), tf.randn(4, 5))
g = x[None]
h = x[..., None]
i = x[:, None, :] - x[None, :, :]
j = x[x.shape[0] - 1]
k = x[-1, ::2]
l = x[::-1]
m = tf.where(x > 0, x, 0.0)
n = tf.where(x > 0, 1.0, v)
o = x.sum(axis=-1, keepdims=True) / x.shape[-1]
p = (x - x.mean(axis=0)) / (x.std(axis=0) + 1e-5)
q = tf.rearrange(tf.randn(2, 3, 4, 5), "b ... c -> b c ...")
r = tf.reduce(tf.randn(2, 3, 4, 5), "b c h w -> b c", "mean")
s = tf.stack([x, x, x], axis=-1)
t = tf.cat(*[x[:, i : i + 1] for i in range(6)], axis=1)
u = tf.pad(x, ((1, 1), (0, 0)), mode="reflect")
w = tf.take_along_axis(x, tf.argmax(x, axis=1, keepdims=True), axis=1)
y = tf.gather(x, 1, tf.argmax(x, axis=1, keepdims=True))
z = x.unsqueeze(0).squeeze(0)
aa = tf.tile(v, 2, 1)
bb = tf.repeat_interleave(v, 2)
cc = tf.onehot([1, 2, 3], 5) @ tf.randn(5, 2)
dd = x.reshape(2, -1, 3).swapaxes(-1, -2)
ee = tf.chunk(x, 2, axis=0)[1]
ff = x[:, :, None] * x[:, None, :]
gg = x.T.T
hh = (x > 0).sum(axis=1)
ii = tf.tril(tf.ones(3, 5), k=1)
jj = x.max(axis=1)
kk = tf.logsumexp(x, axis=1)
ll = x ** 2 + 2 ** x
mm = abs(x)
nn = -x
oo = 1 - x
pp = tf.softmax(x, axis=0)
qq = tf.cumsum(x, axis=1)
rr = x.clamp(min=0.0)
ss = tf.mean(x)
tt = x[tf.argmax(v, axis=0).item() if False else 0]


def sym(x: Tensor[B, N]) -> Tensor[B, N]:
    y = x[:, : x.shape[1]]
    z = tf.cat(x[:, : x.shape[1] // 2], x[:, x.shape[1] // 2 :], axis=1)
    return y + z - x[::1] + x[..., :]


def sym2(x: Tensor[B, N], w: Tensor[N, N]) -> Tensor[B, N]:
    return (x @ w) @ w.T + x @ tf.tril(w)


print(sym(x).shape, sym2(x, tf.randn(6, 6)).shape, f.shape, i.shape, tt.shape)
