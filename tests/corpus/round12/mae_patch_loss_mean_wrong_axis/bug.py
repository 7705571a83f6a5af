"""MAE's loss is the mean squared error per patch (B, L), averaged over the masked patches
only; the per-patch mean was taken over the patches instead of the pixels of each patch."""
import typedflux as tf
from typedflux import Dense

B, L, P2C, D = 2, 16, 48, 32
decoder_pred = Dense(D, P2C)
latent = tf.randn(B, L, D)
target = tf.randn(B, L, P2C)
mask = (tf.rand(B, L) > 0.25) * 1.0
err = (decoder_pred(latent) - target) ** 2
per_patch = err.mean(axis=1)
loss = (per_patch * mask).sum() / mask.sum()  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 48], y has Tensor[2, 16]; need equal sizes or 1 at axis -1 (48 vs 16)  [shape]
print(loss.item())
