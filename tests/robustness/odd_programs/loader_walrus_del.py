"""DataLoader batches in a comprehension, a walrus and after `del`."""
import typedflux as tf

data = (tf.randn(8, 3), tf.randn(8, 1))
shapes = [(xb.shape, yb.shape) for xb, yb in tf.DataLoader(data, batchsize=4)]
if (loader := tf.DataLoader(data, batchsize=2)) is not None:
    for xb, yb in loader:
        assert xb.shape[1] == 3
del loader
print(shapes)
