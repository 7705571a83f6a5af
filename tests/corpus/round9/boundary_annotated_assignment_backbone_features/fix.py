"""Inside a generic function the backbone's features are annotated with the width the neck
expects; the backbone's last stage is wider."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, GlobalMeanPool, Tensor, relu

B = TypeVar("B", bound=int)
backbone = Chain(Conv((3, 3), 3, 32, relu, pad=1), Conv((3, 3), 32, 128, relu, stride=2, pad=1),
                 GlobalMeanPool(), Flatten())
neck = Dense(128, 64)


def embed(x: Tensor[B, 3, 16, 16]) -> Tensor[B, 64]:
    feats: Tensor[B, 128] = backbone(x)
    return neck(feats)


print(embed(tf.randn(2, 3, 16, 16)).shape)
