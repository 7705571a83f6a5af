"""A VAE's per-sample loss adds the reconstruction error (summed over pixels) and the KL term
(summed over latent dims); the KL was summed over the batch instead."""
import typedflux as tf

B, D, Z = 8, 784, 20
x, x_hat = tf.rand(B, D), tf.rand(B, D)
mu, logvar = tf.randn(B, Z), tf.randn(B, Z)
recon = ((x - x_hat) ** 2).sum(axis=1)
kl = -0.5 * (1 + logvar - mu * mu - tf.exp(logvar)).sum(axis=0)
loss = (recon + kl).mean()  # BUG  # E: Cannot broadcast for "add": x has Tensor[8], y has Tensor[20]; need equal sizes or 1 at axis -1 (8 vs 20)  [shape]
print(loss.item())
