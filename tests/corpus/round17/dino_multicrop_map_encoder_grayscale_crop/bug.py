"""DINO's multi-crop: two global and two local crops of one image go through the same
encoder by map; every crop must keep the image's 3 channels."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, GlobalMeanPool, Tensor, relu

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
backbone = Chain(Conv((3, 3), 3, 16, relu, pad=1), GlobalMeanPool(), Flatten(), Dense(16, 32))


@tf.shapecheck
def encode(crop: Tensor[B, 3, H, W]) -> Tensor[B, 32]:
    return backbone(crop)


image = tf.rand(2, 3, 32, 32)
crops = [image, image[:, :, 4:28, 4:28], image[:, :1, :16, :16], image[:, :, 16:, 16:]]
features = list(map(encode, crops))  # BUG[gap boundaries: map over a list held in a name reads its joined item type, Tensor[2, int, int, int], so no call provably fails; since caa2ce3 mypy's own [arg-type] in Literal words is not kept either: silent]
print(len(features))
