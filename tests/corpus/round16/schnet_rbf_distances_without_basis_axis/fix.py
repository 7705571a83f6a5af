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
rbf = tf.exp(-10.0 * (dist[..., None] - centres) ** 2)
filters = Dense(G, F, softplus)(rbf)
print(filters.shape)
