"""MobileNet v1 from conv_bn/conv_dw helpers: the last block ends at 256 channels, the
classifier expects 512."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Flatten, GlobalMeanPool, relu


def conv_bn(inp: int, oup: int, stride: int) -> Chain:
    return Chain(Conv((3, 3), inp, oup, stride=stride, pad=1, bias=False), BatchNorm(oup, relu))


def conv_dw(inp: int, oup: int, stride: int) -> Chain:
    return Chain(
        Conv((3, 3), inp, inp, stride=stride, pad=1, groups=inp, bias=False), BatchNorm(inp, relu),
        Conv((1, 1), inp, oup, bias=False), BatchNorm(oup, relu),
    )


model = Chain(
    conv_bn(3, 32, 2), conv_dw(32, 64, 1), conv_dw(64, 128, 2), conv_dw(128, 256, 2),
    GlobalMeanPool(), Flatten(),
    Dense(256, 10),
)
print(model(tf.randn(2, 3, 64, 64)).shape)
