"""tsanley's local shape annotations (`scores: 'b,h,t,t'`), translated to annotated locals:
attention scores computed with the keys untransposed."""
import typedflux as tf
from typedflux import Tensor

q: Tensor[2, 4, 6, 8] = tf.randn(2, 4, 6, 8)
k: Tensor[2, 4, 6, 8] = tf.randn(2, 4, 6, 8)
scores: Tensor[2, 4, 6, 6] = q @ k  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 4, 6, 8], w has Tensor[2, 4, 6, 8]; need x.shape[-1] == w.shape[-2] (8 vs 6); did you mean to swap the last two axes of w (swapaxes(w, -1, -2))?  [shape]
print(tf.softmax(scores).shape)
