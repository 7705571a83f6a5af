"""NeRF's MLP re-injects the encoded input after its fourth layer; the layer after the
concat kept the trunk's width, 256, not 256 + 63."""
import typedflux as tf
from typedflux import Chain, Dense, relu

L_XYZ = 10
IN = 3 + 3 * 2 * L_XYZ
pts = tf.rand(64, 3)
feats = [pts]
for k in range(L_XYZ):
    feats.append(tf.sin(pts * 2.0 ** k))
    feats.append(tf.cos(pts * 2.0 ** k))
enc = tf.concat(feats, axis=-1)

trunk1 = Chain(Dense(IN, 256, relu), Dense(256, 256, relu), Dense(256, 256, relu), Dense(256, 256, relu))
trunk2 = Chain(Dense(256, 256, relu), Dense(256, 256, relu))
h = trunk1(enc)
h = trunk2(tf.concat([h, enc], axis=-1))  # BUG  # E: Chain layer 1 Dense(256 => 256, relu) expects input Tensor[..., 256], got Tensor[64, 319]; need size 256 at axis -1 (got 319)  [shape]
print(h.shape)
