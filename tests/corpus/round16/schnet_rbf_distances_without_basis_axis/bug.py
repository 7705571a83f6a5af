"""SchNet's radial basis expansion: each interatomic distance (N, N) is compared with G centres,
exp(-gamma * (d - mu_g)^2), giving (N, N, G) for the filter network; the distances need a
trailing axis to meet the centres."""
import typedflux as tf
from typedflux import Dense, softplus

N, G, F = 5, 20, 16
pos = tf.randn(N, 3)
diff = pos[:, None, :] - pos[None, :, :]
dist = tf.sqrt((diff * diff).sum(axis=-1) + 1e-9)
centres = tf.arange(G) * 0.25
rbf = tf.exp(-10.0 * (dist - centres) ** 2)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[5, 5], y has Tensor[20]; need equal sizes or 1 at axis -1 (5 vs 20)  [shape]
filters = Dense(G, F, softplus)(rbf)
print(filters.shape)
