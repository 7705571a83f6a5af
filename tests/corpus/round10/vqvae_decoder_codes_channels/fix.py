"""A VQ-VAE's decoder takes the quantised map (B, D, H, W) back to an image: its first
transposed conv was built for the encoder's hidden width instead of the code dimension."""
import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, Embedding, relu

HID, D, K = 64, 16, 32
codebook = Embedding(K, D)
encoder = Chain(Conv((4, 4), 3, HID, relu, stride=2, pad=1), Conv((1, 1), HID, D))
decoder = Chain(ConvTranspose((4, 4), D, HID, relu, stride=2, pad=1), Conv((3, 3), HID, 3, pad=1))
z = encoder(tf.randn(2, 3, 16, 16))
flat = z.transpose(0, 2, 3, 1).reshape(-1, D)
idx = tf.argmin(-2 * flat @ codebook.weight.T + (codebook.weight ** 2).sum(axis=1), axis=1)
z_q = codebook(idx).reshape(2, 8, 8, D).transpose(0, 3, 1, 2)
recon = decoder(z_q)
print(recon.shape)
