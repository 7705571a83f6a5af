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
logits = (z1.T @ z2) / 0.1
targets = tf.onehot(list(range(N)), N)
print(tf.losses.logitcrossentropy(logits, targets).item())  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[16, 16], target has Tensor[8, 8]; need identical shapes (no broadcasting in losses) (16 vs 8 at axis -1)  [shape]
