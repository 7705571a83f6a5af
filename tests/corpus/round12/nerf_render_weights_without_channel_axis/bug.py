"""NeRF's volume rendering: per ray and sample, alpha = 1 - exp(-sigma * delta), the weights are
alpha times the transmittance, and the colour is the weighted sum of the samples' RGB; the
weights (R, S) were multiplied with the colours (R, S, 3) without a channel axis."""
import typedflux as tf
from typedflux import Dense, relu, sigmoid

R, S = 8, 16
mlp = Dense(63, 4)
feats = mlp(tf.randn(R, S, 63))
rgb = sigmoid(feats[..., :3])
sigma = relu(feats[..., 3])
deltas = tf.full(R, S, value=0.1)
alpha = 1 - tf.exp(-sigma * deltas)
trans = tf.exp(tf.cumsum(tf.log(1 - alpha + 1e-10), axis=-1))
weights = alpha * trans
colour = (weights * rgb).sum(axis=1)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[8, 16], y has Tensor[8, 16, 3]; need equal sizes or 1 at axis -2 (8 vs 16); did you mean x[..., None] (or keepdims=True where x was reduced)?  [shape]
print(colour.shape)
