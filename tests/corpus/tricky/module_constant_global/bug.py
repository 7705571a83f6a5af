"""A width constant that a configure() function rebinds with `global` before the model is built."""
import typedflux as tf
from typedflux import Dense

WIDTH = 64


def configure(wide: bool) -> None:
    global WIDTH
    if wide:
        WIDTH = 128


configure(True)
enc = Dense(32, WIDTH)
head = Dense(128, 10)
x = tf.rand(4, 32)
print((head(enc(x)) + tf.zeros(4, 9)).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[4, 10], y has Tensor[4, 9]; need equal sizes or 1 at axis -1 (10 vs 9)  [shape]
