"""A numerically stable softmax by hand subtracts a max that dropped the class axis."""
import typedflux as tf

logits = tf.randn(4, 10)
shifted = logits - tf.max(logits, axis=1, keepdims=True)
probs = tf.exp(shifted) / tf.exp(shifted).sum(axis=1, keepdims=True)
print(probs.shape)
