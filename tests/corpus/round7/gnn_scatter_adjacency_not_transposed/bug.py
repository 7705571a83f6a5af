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
agg = scatter @ msgs  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[5, 4], w has Tensor[5, 8]; need x.shape[-1] == w.shape[-2] (4 vs 5); did you mean to transpose x (x.T)?  [shape]
print((x + agg).shape)
