"""Module constants shadowed by locals, parameters, comprehension variables."""
import typedflux as tf
from typedflux import Dense, Chain, relu

HIDDEN = 32
labels = [0, 1, 2, 1]
D = 16


def make(HIDDEN: int) -> Chain:
    return Chain(Dense(4, HIDDEN, relu), Dense(HIDDEN, 2))


def local() -> tf.Tensor:
    HIDDEN = 8
    x = tf.randn(3, HIDDEN)
    return Dense(8, 2)(x)


def enc(labels: list) -> tf.Tensor:
    return tf.onehot(labels, 3)


def g() -> None:
    for D in (4, 8):
        print(Dense(D, 2)(tf.randn(1, D)).shape)


print(make(8)(tf.randn(2, 4)).shape, local().shape, enc([0, 1]).shape)
g()
layers = [Dense(D, D) for D in (4, 8)]
print([l(tf.randn(1, w)).shape for l, w in zip(layers, (4, 8))])
f = lambda HIDDEN: tf.zeros(HIDDEN) + tf.zeros(5)
print(f(5).shape)
print(Dense(HIDDEN, D)(tf.randn(2, 32)).shape, tf.onehot(labels, 3).shape)
