"""Tensor method and indexing forms: tuple reshape, bare transpose, tuple axes, keepdims, starred
cat, tuple stack, None/Ellipsis/list/array/step indexing, iteration over rows."""
import numpy as np
import typedflux as tf
from typedflux import Dense, Tensor

x = tf.randn(4, 6, 8)
a: Tensor[4, 48] = x.reshape((4, -1))
b: Tensor[8, 6, 4] = x.transpose()
c: Tensor[4, 8] = x.mean((1,))
d: Tensor[4, 6, 1] = x.max(axis=-1, keepdims=True)
e: Tensor[4, 12, 8] = tf.cat(*[x, x], axis=1)
f: Tensor[2, 4, 6, 8] = tf.stack((x, x))
g: Tensor[4, 6, 8, 1] = x[..., None]
h: Tensor[1, 4, 6, 8] = x[None]
i: Tensor[4, 1, 6, 8] = x[:, None]
j = x[x > 0]
k: Tensor[2, 6, 8] = x[[0, 2]]
l: Tensor[2, 6, 8] = x[::2]
m: Tensor[4, 6, 8] = x[::-1]
n: Tensor[4, 2, 8] = x[:, 1:-1:2]
o: Tensor[4, 0, 8] = x[:, 6:]
p: Tensor[4, 6] = x[:, :, -1]
q: Tensor[6, 8] = x[-1]
r: Tensor[4, 6, 8] = x.T.transpose(2, 0, 1).swapaxes(1, 2).swapaxes(-1, -2).swapaxes(1, 2)
s = x[np.array([0, 1]), :, 2]
t: Tensor[4, 3, 8] = x[:, np.arange(3)]
u: Tensor[4, 6, 8] = x[...]
v: Tensor[4, 8] = x[:, 0, ...]
w: Tensor[4, 6, 4] = x[..., :4]
z: Tensor[4, 6, 8] = x.reshape(4, 6, 8)
idx = tf.argmax(x, axis=-1)
aa: Tensor[4, 6] = idx
bb: Tensor[4, 6, 8] = tf.where(x > 0, x, 0.0)
cc: Tensor[4, 6, 8] = x.clamp(min=0.0)
dd: Tensor[4, 6, 3] = Dense(8, 3)(x)
ee = x.sum()
ff: Tensor[()] = ee
gg: Tensor[4, 6, 8] = -x
hh: Tensor[4, 6, 8] = abs(x)
ii: Tensor[4, 6, 8] = x ** 2
jj: Tensor[4, 6, 8] = 2 ** x
kk: Tensor[4, 6, 8] = 1.0 / x
print(j.shape, s.shape, float(ee.item()), x.ndim, len(x), x.shape[-1])
for row in x:
    rr: Tensor[6, 8] = row
