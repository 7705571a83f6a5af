"""A list changed through an alias and through a walrus."""
import typedflux as tf
from typedflux import Dense

blocks = [Dense(4, 4), Dense(4, 4)]
alias = blocks
alias.append(Dense(4, 4))
x = tf.randn(1, 4)
if (n := len(blocks)) == 3:
    y = tf.stack([b(x) for b in blocks])
    print(y.reshape(n, 4).shape)
