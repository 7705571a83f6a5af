"""A bidirectional LSTM classifier: the last forward and backward states are concatenated,
and the head was sized for one direction."""
import typedflux as tf
from typedflux import LSTM, Dense

fwd, bwd = LSTM(10, 24, return_state=True), LSTM(10, 24, return_state=True)
head = Dense(24, 3)
x = tf.randn(4, 12, 10)
_, (hf, _) = fwd(x)
_, (hb, _) = bwd(x[:, ::-1])
print(head(tf.concat([hf, hb], axis=1)).shape)  # BUG  # E: Dense(24 => 3) expects input Tensor[..., 24], got Tensor[4, 48]; need size 24 at axis -1 (got 48)  [shape]
