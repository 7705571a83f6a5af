"""A DataLoader of one tensor, of a list, and a star-unpacking target."""
import typedflux as tf

for xb in tf.DataLoader(tf.randn(6, 4), batchsize=3):
    print(xb.shape)
for first, *others in tf.DataLoader([tf.randn(6, 4), tf.randn(6, 2), tf.randn(6)], batchsize=3):
    print(first.shape, [o.shape for o in others])
