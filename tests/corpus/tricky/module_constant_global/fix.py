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
print((head(enc(x)) + tf.zeros(4, 10)).shape)
