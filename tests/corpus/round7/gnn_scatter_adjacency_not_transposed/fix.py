"""A message-passing layer: messages are gathered from source nodes with an index tensor and
summed into destination nodes with a one-hot matrix, which must be transposed."""
import typedflux as tf
from typedflux import Dense

src = tf.tensor([0, 1, 2, 2, 3])
dst = [1, 2, 0, 3, 0]
x = tf.randn(4, 8)
message = Dense(8, 8)
msgs = message(x[src])
scatter = tf.onehot(dst, 4)
agg = scatter.T @ msgs
print((x + agg).shape)
