"""tsanley's local shape annotations (`scores: 'b,h,t,t'`), translated to annotated locals:
attention scores computed with the keys untransposed."""
import typedflux as tf
from typedflux import Tensor

q: Tensor[2, 4, 6, 8] = tf.randn(2, 4, 6, 8)
k: Tensor[2, 4, 6, 8] = tf.randn(2, 4, 6, 8)
scores: Tensor[2, 4, 6, 6] = q @ k.transpose(0, 1, 3, 2)
print(tf.softmax(scores).shape)
