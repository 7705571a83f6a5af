"""NeRF's colour branch reads the feature vector with the encoded view direction (4 octaves,
27 values); it was sized with the position's 10 octaves (63)."""
import typedflux as tf
from typedflux import Dense, relu

L_DIR = 4
DIR_IN = 3 + 3 * 2 * L_DIR
XYZ_IN = 3 + 3 * 2 * 10
feature = Dense(256, 256)
rgb_hidden = Dense(256 + XYZ_IN, 128, relu)
d = tf.randn(64, 3)
d_enc = tf.cat(d, tf.sin(d), tf.cos(d), tf.sin(2.0 * d), tf.cos(2.0 * d), tf.sin(4.0 * d), tf.cos(4.0 * d),
               tf.sin(8.0 * d), tf.cos(8.0 * d), axis=-1)
h = tf.randn(64, 256)
rgb = tf.sigmoid(Dense(128, 3)(rgb_hidden(tf.cat(feature(h), d_enc, axis=-1))))  # BUG  # E: Dense(319 => 128, relu) expects input Tensor[..., 319], got Tensor[64, 283]; need size 319 at axis -1 (got 283)  [shape]
print(rgb.shape)
