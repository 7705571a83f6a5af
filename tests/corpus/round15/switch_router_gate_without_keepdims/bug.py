"""Switch Transformer's top-1 routing: each token goes to its highest-scoring expert, whose
output is scaled by the router's probability; the probability was taken without keepdims, so
it cannot scale the (B, T, D) output."""
import typedflux as tf
from typedflux import Chain, Dense, relu

D, E = 16, 4
router = Dense(D, E)
experts = [Chain(Dense(D, 32, relu), Dense(32, D)) for _ in range(E)]
x = tf.randn(2, 6, D)
probs = tf.softmax(router(x), axis=-1)
gate = probs.max(axis=-1)
choice = tf.argmax(probs, axis=-1, keepdims=True)
outs = tf.stack([f(x) for f in experts], axis=2)
picked = tf.take_along_axis(outs, choice[..., None], axis=2)[:, :, 0]
y = gate * picked  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 6], y has Tensor[2, 6, 16]; need equal sizes or 1 at axis -2 (2 vs 6); did you mean x[..., None] (or keepdims=True where x was reduced)?  [shape]
print(y.shape)
