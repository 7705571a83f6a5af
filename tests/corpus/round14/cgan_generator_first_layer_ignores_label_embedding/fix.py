"""A conditional GAN's generator takes the noise concatenated with the label embedding
(nz + emb features); its first layer was built for the noise alone."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Dense, Embedding, relu, tanh

nz, n_classes, emb = 32, 10, 10
label_emb = Embedding(n_classes, emb)
gen = Chain(Dense(nz + emb, 128, relu), Dense(128, 256, relu), Dense(256, 28 * 28, tanh))
z = tf.randn(8, nz)
labels = tf.tensor([[i % n_classes] for i in range(8)])
inp = tf.cat(z, label_emb(labels).reshape(8, emb), axis=1)
img = gen(inp).reshape(8, 1, 28, 28)
print(img.shape)
