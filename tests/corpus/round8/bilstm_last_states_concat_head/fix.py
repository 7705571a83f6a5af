"""A bidirectional LSTM classifier: the last forward and backward states are concatenated,
and the head was sized for one direction."""
import typedflux as tf
from typedflux import LSTM, Dense

fwd, bwd = LSTM(10, 24, return_state=True), LSTM(10, 24, return_state=True)
head = Dense(48, 3)
x = tf.randn(4, 12, 10)
_, (hf, _) = fwd(x)
_, (hb, _) = bwd(x[:, ::-1])
print(head(tf.concat([hf, hb], axis=1)).shape)
