"""UNet++'s nested skip pathway: node X(0,2) takes X(0,0), X(0,1) and the upsampled X(1,1);
its conv block was sized for two inputs (the plain U-Net's skip)."""
import typedflux as tf
from typedflux import Chain, Conv, MaxPool, Upsample, relu


def conv_block(cin: int, cout: int) -> Chain:
    return Chain(Conv((3, 3), cin, cout, relu, pad=1), Conv((3, 3), cout, cout, relu, pad=1))


up = Upsample(2)
pool = MaxPool((2, 2))
c0_0, c1_0, c2_0 = conv_block(3, 16), conv_block(16, 32), conv_block(32, 64)
c0_1 = conv_block(16 + 32, 16)
c1_1 = conv_block(32 + 64, 32)
c0_2 = conv_block(16 * 2 + 32, 16)

x = tf.randn(1, 3, 32, 32)
x0_0 = c0_0(x)
x1_0 = c1_0(pool(x0_0))
x0_1 = c0_1(tf.cat(x0_0, up(x1_0), axis=1))
x2_0 = c2_0(pool(x1_0))
x1_1 = c1_1(tf.cat(x1_0, up(x2_0), axis=1))
x0_2 = c0_2(tf.cat(x0_0, x0_1, up(x1_1), axis=1))
print(x0_2.shape)
