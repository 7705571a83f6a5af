"""A pix2pix U-Net's decoder step: the upsampled map is concatenated with the encoder's skip,
so the next transposed conv takes twice the channels."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, ConvTranspose, leakyrelu, relu

down1 = Conv((4, 4), 3, 64, leakyrelu, stride=2, pad=1)
down2 = Chain(Conv((4, 4), 64, 128, stride=2, pad=1), BatchNorm(128), leakyrelu)
up1 = Chain(ConvTranspose((4, 4), 128, 64, stride=2, pad=1), BatchNorm(64), relu)
up2 = ConvTranspose((4, 4), 64, 3, stride=2, pad=1)

x = tf.randn(1, 3, 32, 32)
d1 = down1(x)
d2 = down2(d1)
u1 = tf.cat(up1(d2), d1, axis=1)
y = tf.tanh(up2(u1))  # BUG  # E: ConvTranspose((4, 4), 64 => 3, stride=2, pad=1) expects input Tensor[B, 64, H, W], got Tensor[1, 128, 16, 16]; need size 64 at axis 1 (got 128)  [shape]
print(y.shape)
