"""Op edge forms: einsum traces and ellipses, rearrange/reduce, fancy and mask indexing, stacks of comprehensions."""
import numpy as np
import typedflux as tf
from typedflux import Dense

x = tf.randn(2, 3, 4, 5)
a = tf.randn(4, 4)
print(tf.einsum("ii->i", a).shape, tf.einsum("ii", a).shape, tf.einsum("...ij->...ji", x).shape)
print(tf.einsum("bhqd,bhkd->bhqk", x, x).shape, tf.einsum("b...d,d->b...", x, tf.randn(5)).shape)
print(tf.einsum("i,j->ij", tf.randn(3), tf.randn(4)).shape)
print(tf.rearrange(x, "b c h w -> b (c h w)").shape, tf.rearrange(x, "b c h w -> (b c) h w").shape)
print(tf.rearrange(x, "b c (h p) w -> b c h p w", p=2).shape)
print(tf.rearrange(x, "b ... w -> b w ...").shape)

print(tf.reduce(x, "b c h w -> b c", "mean").shape, tf.reduce(x, "b c (h p) w -> b c h w", "max", p=2).shape)
print(x[:, ::-1].shape, x[..., 0].shape, x[:, None].shape, x[0, :, -1].shape, x[:, 1:-1, ::2].shape)
idx = tf.tensor([0, 2])
print(x[:, idx].shape, x[:, [0, 1, 2]].shape)
m = x > 0
print(x[m].shape)
print(x.reshape(*x.shape[:-1], 5, 1).shape, x.reshape(x.shape[0], -1).shape)
y = tf.zeros(*x.shape)
print(y.shape, (x + y).shape)
s = tf.stack([tf.randn(3) for _ in range(4)])
print(s.shape, tf.stack([tf.randn(3) for _ in range(4)], axis=1).shape)
c = tf.cat(*[tf.randn(2, i + 1) for i in range(3)], axis=1)
print(c.shape, Dense(6, 1)(c).shape)
losses = [tf.losses.mse(tf.randn(3), tf.randn(3)) for _ in range(3)]
print(sum(losses) / len(losses))
n = tf.tensor(np.arange(12).reshape(3, 4).astype(np.float32))
print(Dense(4, 2)(n).shape)
print(x.transpose(0, 2, 1, 3).shape, x.T.shape if x.ndim == 2 else 0, x.swapaxes(1, 2).shape if hasattr(x, "swapaxes") else 0)
print(x.sum(axis=(1, 2)).shape, x.mean(axis=-1, keepdims=True).shape, x.max(axis=1).shape)
print(tf.split(x, [1, 2], axis=1)[1].shape, tf.chunk(x, 2, axis=2)[0].shape)
print(tf.tile(tf.randn(2, 3), 2, 1).shape, tf.repeat(tf.randn(2, 3), 2, 1).shape, tf.repeat_interleave(tf.randn(2, 3), 2, axis=0).shape)
print(tf.pad(x, [(0, 0), (0, 0), (1, 1), (2, 2)]).shape)
print(tf.gather(tf.randn(4, 5), 1, tf.tensor([[0, 1], [2, 3]])).shape)
print(tf.take_along_axis(tf.randn(4, 5), tf.tensor([[0], [1], [2], [3]]), 1).shape)
print(tf.where(x > 0, x, 0.0).shape, tf.clamp(x, min=0).shape, tf.cumsum(x, 1).shape)
print(tf.argmax(x, axis=1).shape, tf.argmax(x).shape)
