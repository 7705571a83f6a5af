"""SimCLR's NT-Xent: the 2N projections of both views are compared with each other, (2N, 2N)
similarities, and each row's target is its other view; the similarities were computed for the
first view's rows only."""
import typedflux as tf
from typedflux import Chain, Dense, relu

N = 6
proj = Chain(Dense(20, 32, relu), Dense(32, 16))
z1 = proj(tf.randn(N, 20))
z2 = proj(tf.randn(N, 20))
z = tf.cat(z1, z2, axis=0)
z = z / tf.sqrt((z ** 2).sum(axis=1, keepdims=True))
sim = z @ z.T / 0.5
sim = sim - tf.tril(tf.triu(tf.ones(2 * N, 2 * N))) * 1e9
targets = tf.onehot([(i + N) % (2 * N) for i in range(2 * N)], 2 * N)
print(tf.losses.logitcrossentropy(sim, targets).item())
