"""A log-softmax by hand with `logsumexp`, which drops the class axis unless told."""
import typedflux as tf

logits = tf.randn(5, 7)
logp = logits - tf.logsumexp(logits, axis=-1, keepdims=True)
print(logp.shape)
