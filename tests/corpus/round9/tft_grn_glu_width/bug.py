"""The Temporal Fusion Transformer's gated residual network: the GLU's projection gives
2 x output width, halved by the gate; it was sized by the hidden width."""
import typedflux as tf
from typedflux import Dense, LayerNorm, elu

IN, H, OUT = 10, 32, 16
fc1 = Dense(IN, H, elu)
fc2 = Dense(H, H)
glu = Dense(H, 2 * H)
skip = Dense(IN, OUT)
norm = LayerNorm(OUT)

a = tf.randn(4, IN)
value, gate = tf.chunk(glu(fc2(fc1(a))), 2)
out = norm(skip(a) + value * tf.sigmoid(gate))  # BUG  # E: Cannot broadcast for "add": x has Tensor[4, 16], y has Tensor[4, 32]; need equal sizes or 1 at axis -1 (16 vs 32)  [shape]
print(out.shape)
