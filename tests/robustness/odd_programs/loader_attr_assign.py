"""A DataLoader whose attribute is assigned, passed around and zipped with another."""
import typedflux as tf

a = tf.DataLoader((tf.randn(8, 3), tf.randn(8, 2)), batchsize=4)
b = tf.DataLoader(tf.randn(8, 5), batchsize=4)
for (xa, ya), xb in zip(a, b):
    print(tf.concat([xa, xb], axis=1).shape, ya.shape)
it = iter(a)
xs, ys = next(it)
print(xs.shape)
