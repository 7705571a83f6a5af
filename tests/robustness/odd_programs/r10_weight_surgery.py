"""Weight tying and surgery: an autoencoder with a tied decoder; a head re-initialised."""
import typedflux as tf
from typedflux import Dense, Chain, relu

enc = Dense(12, 4)
dec = Dense(4, 12)
dec.weight = enc.weight.T
print(dec(enc(tf.randn(2, 12))).shape)

model = Chain(Dense(6, 8, relu), Dense(8, 3))
model.layers[1].weight = tf.randn(3, 8) * 0.01
model[1].bias = tf.zeros(3)
print(model(tf.randn(2, 6)).shape)

clf = Chain(body=Dense(6, 8, relu), head=Dense(8, 3))
clf.head.weight = tf.zeros(3, 8)
print(clf(tf.randn(1, 6)).shape)
