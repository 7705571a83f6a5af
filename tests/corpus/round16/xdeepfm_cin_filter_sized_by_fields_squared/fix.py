"""xDeepFM's compressed interaction network: the outer products of the previous layer's H_k
maps with the m field embeddings give H_k * m maps per embedding dimension, compressed by a
filter of that many inputs; the filter was sized m * m (right only for the first layer)."""
import typedflux as tf
from typedflux import Dense

B, M, D = 4, 6, 8
x0 = tf.randn(B, M, D)
h1 = Dense(M * M, 5)
z1 = tf.einsum("bhd,bmd->bhmd", x0, x0).reshape(B, M * M, D)
x1 = h1(z1.transpose(0, 2, 1)).transpose(0, 2, 1)
h2 = Dense(5 * M, 5)
z2 = tf.einsum("bhd,bmd->bhmd", x1, x0).reshape(B, 5 * M, D)
x2 = h2(z2.transpose(0, 2, 1)).transpose(0, 2, 1)
print(tf.cat(x1.sum(axis=-1), x2.sum(axis=-1), axis=1).shape)
