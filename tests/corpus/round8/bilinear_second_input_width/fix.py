"""A Bilinear scorer between a query and a candidate embedding; the candidates come from
an encoder of another width."""
import typedflux as tf
from typedflux import Bilinear, Dense

score = Bilinear(16, 16, 1)
q_enc, c_enc = Dense(10, 16), Dense(10, 16)
q, c = tf.randn(6, 10), tf.randn(6, 10)
print(score(q_enc(q), c_enc(c)).shape)
