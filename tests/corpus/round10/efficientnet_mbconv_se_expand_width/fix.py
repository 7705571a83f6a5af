"""EfficientNet's MBConv block: 1x1 expansion, depthwise 3x3, squeeze-and-excitation, 1x1
projection. The SE's second conv restores the block's input width instead of the expanded one."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, GlobalMeanPool, swish, sigmoid

C_IN, EXPAND, C_OUT = 16, 6, 24
mid = C_IN * EXPAND
se_ch = max(1, C_IN // 4)
expand = Chain(Conv((1, 1), C_IN, mid), BatchNorm(mid), swish)
depthwise = Chain(Conv((3, 3), mid, mid, pad=1, groups=mid), BatchNorm(mid), swish)
squeeze = Chain(GlobalMeanPool(), Conv((1, 1), mid, se_ch, swish), Conv((1, 1), se_ch, mid), sigmoid)
project = Chain(Conv((1, 1), mid, C_OUT), BatchNorm(C_OUT))

x = tf.randn(2, C_IN, 8, 8)
h = depthwise(expand(x))
h = h * squeeze(h)
print(project(h).shape)
