"""SimCLR's NT-Xent: 2N embeddings, each view's positive is the other view of its image; the
targets were made for the first N rows only."""
import typedflux as tf

N, D = 4, 16
z = tf.randn(2 * N, D)
z = z / tf.sqrt((z * z).sum(axis=1, keepdims=True))
sim = z @ z.T / 0.5
targets = tf.onehot([(i + N) % (2 * N) for i in range(2 * N)], 2 * N)
loss = tf.losses.logitcrossentropy(sim, targets)
print(loss.item())
