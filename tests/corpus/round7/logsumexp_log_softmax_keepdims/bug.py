"""A log-softmax by hand with `logsumexp`, which drops the class axis unless told."""
import typedflux as tf

logits = tf.randn(5, 7)
logp = logits - tf.logsumexp(logits, axis=-1)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[5, 7], y has Tensor[5]; need equal sizes or 1 at axis -1 (7 vs 5); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
print(logp.shape)
