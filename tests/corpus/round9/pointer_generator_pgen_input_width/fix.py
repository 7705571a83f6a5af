"""A pointer-generator's switch p_gen reads the context, the decoder state and the decoder
input (2H + E); it was built without the input embedding."""
import typedflux as tf
from typedflux import Dense

H, E = 32, 16
p_gen_layer = Dense(2 * H + E, 1)
context, state, emb = tf.randn(4, H), tf.randn(4, H), tf.randn(4, E)
p_gen = tf.sigmoid(p_gen_layer(tf.cat(context, state, emb, axis=-1)))
print(p_gen.shape)
