"""A numerically stable softmax by hand subtracts a max that dropped the class axis."""
import typedflux as tf

logits = tf.randn(4, 10)
shifted = logits - tf.max(logits, axis=1)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[4, 10], y has Tensor[4]; need equal sizes or 1 at axis -1 (10 vs 4); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
probs = tf.exp(shifted) / tf.exp(shifted).sum(axis=1, keepdims=True)
print(probs.shape)
