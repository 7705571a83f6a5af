"""A PatchGAN discriminator scores every 70x70 patch (a 7x7 grid here); its real/fake labels
were one per image, as for a plain GAN."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, leakyrelu

disc = Chain(
    Conv((4, 4), 6, 16, leakyrelu, stride=2, pad=1),
    Conv((4, 4), 16, 32, stride=2, pad=1), BatchNorm(32), leakyrelu,
    Conv((4, 4), 32, 1, pad=1),
)
pair = tf.randn(2, 6, 32, 32)
real_labels = tf.ones(2, 1, 7, 7)
loss = tf.losses.logitbinarycrossentropy(disc(pair), real_labels)
print(loss.item())
