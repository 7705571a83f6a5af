"""A Bilinear scorer between a query and a candidate embedding; the candidates come from
an encoder of another width."""
import typedflux as tf
from typedflux import Bilinear, Dense

score = Bilinear(16, 16, 1)
q_enc, c_enc = Dense(10, 16), Dense(10, 12)
q, c = tf.randn(6, 10), tf.randn(6, 10)
print(score(q_enc(q), c_enc(c)).shape)  # BUG  # E: Bilinear(16 => 1) expects inputs Tensor[..., 16] and Tensor[..., 16], got Tensor[6, 16] and Tensor[6, 12]; need size 16 at axis -1 of y (got 12)  [shape]
