"""InfoNCE between two views: the similarity matrix was taken over features instead of
over the batch, so it does not match the identity targets."""
import typedflux as tf
from typedflux import Dense

N = 8
proj = Dense(32, 16)
z1 = proj(tf.randn(N, 32))
z2 = proj(tf.randn(N, 32))
z1 = z1 / tf.sqrt((z1 * z1).sum(axis=1, keepdims=True))
z2 = z2 / tf.sqrt((z2 * z2).sum(axis=1, keepdims=True))
logits = (z1 @ z2.T) / 0.1
targets = tf.onehot(list(range(N)), N)
print(tf.losses.logitcrossentropy(logits, targets).item())
