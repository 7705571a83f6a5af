"""ViT with registers: the position table covers the class token and the patches only, so the
register tokens are inserted after the positions are added."""
import typedflux as tf
from typedflux import Conv

B, D, IMG, P, REG = 2, 48, 32, 8, 4
N = (IMG // P) ** 2
patch = Conv((P, P), 3, D, stride=P)
cls = tf.zeros(1, 1, D)
registers = tf.zeros(1, REG, D)
positions = tf.randn(1, 1 + N, D)
x = patch(tf.randn(B, 3, IMG, IMG)).reshape(B, D, N).swapaxes(1, 2)
x = tf.cat(tf.tile(cls, B, 1, 1), tf.tile(registers, B, 1, 1), x, axis=1)
x = x + positions  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 21, 48], y has Tensor[1, 17, 48]; need equal sizes or 1 at axis -2 (21 vs 17)  [shape]
print(x.shape)
