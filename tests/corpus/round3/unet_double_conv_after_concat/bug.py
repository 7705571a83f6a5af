"""U-Net from a double_conv helper: the decoder's double conv after the skip concat expects 64
channels, the concat gives 128."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, ConvTranspose, MaxPool, relu


def double_conv(cin: int, cout: int) -> Chain:
    return Chain(Conv((3, 3), cin, cout, pad=1), BatchNorm(cout, relu),
                 Conv((3, 3), cout, cout, pad=1), BatchNorm(cout, relu))


enc1 = double_conv(1, 64)
enc2 = Chain(MaxPool((2, 2)), double_conv(64, 128))
up = ConvTranspose((2, 2), 128, 64, stride=2)
dec1 = double_conv(64, 64)
x = tf.randn(1, 1, 32, 32)
s1 = enc1(x)
h = dec1(tf.concat([up(enc2(s1)), s1], axis=1))  # BUG  # E: Chain layer 1 Conv((3, 3), 64 => 64, pad=1) expects input Tensor[B, 64, H, W], got Tensor[1, 128, 32, 32]; need size 64 at axis 1 (got 128)  [shape]
print(h.shape)
