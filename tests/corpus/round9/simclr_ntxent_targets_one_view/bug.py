"""SimCLR's NT-Xent: 2N embeddings, each view's positive is the other view of its image; the
targets were made for the first N rows only."""
import typedflux as tf

N, D = 4, 16
z = tf.randn(2 * N, D)
z = z / tf.sqrt((z * z).sum(axis=1, keepdims=True))
sim = z @ z.T / 0.5
targets = tf.onehot([(i + N) % (2 * N) for i in range(N)], 2 * N)
loss = tf.losses.logitcrossentropy(sim, targets)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[8, 8], target has Tensor[4, 8]; need identical shapes (no broadcasting in losses) (8 vs 4 at axis -2)  [shape]
print(loss.item())
