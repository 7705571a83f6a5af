"""PatchTST: each channel's series of 96 steps is cut into 12 patches of 8, each embedded to
16; the flatten head reads all 12 patches' embeddings (12 * 16), not one patch's."""
import typedflux as tf
from typedflux import Dense

B, C, L, P, D, HORIZON = 4, 3, 96, 8, 16, 24
series = tf.randn(B, C, L)
patches = series.reshape(B, C, L // P, P)
embed = Dense(P, D)
tokens = embed(patches)
head = Dense(P * D, HORIZON)
forecast = head(tokens.reshape(B, C, -1))  # BUG  # E: Dense(128 => 24) expects input Tensor[..., 128], got Tensor[4, 3, 192]; need size 128 at axis -1 (got 192)  [shape]
print(forecast.shape)
