"""Conv + GroupNorm blocks from a helper with a default of 8 groups; 36 channels do not
split into 8 groups."""
import typedflux as tf
from typedflux import Chain, Conv, GroupNorm, relu


def conv_gn(cin: int, cout: int, groups: int = 8) -> Chain:
    return Chain(Conv((3, 3), cin, cout, pad=1), GroupNorm(cout, groups, relu))


model = Chain(conv_gn(3, 24), conv_gn(24, 32))
print(model(tf.randn(1, 3, 8, 8)).shape)
