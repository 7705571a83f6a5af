"""A ViT patch embedding with a class token; the position table has one row per patch,
not one more for the class token."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)
IMG: Final = 16
PATCH: Final = 4
D: Final = 32
NP: Final = 16


class PatchEmbed:
    def __init__(self) -> None:
        self.proj = Conv((PATCH, PATCH), 3, D, stride=PATCH)
        self.cls = tf.zeros(1, 1, D)
        self.pos = tf.zeros(1, NP + 1, D)

    def __call__(self, img: Tensor[B, 3, IMG, IMG]) -> Tensor[B, 17, D]:
        p = tf.rearrange(self.proj(img), "b d h w -> b (h w) d")
        cls = tf.repeat(self.cls, img.shape[0], 1, 1)
        x = tf.concat([cls, p], axis=1)
        return x + self.pos


print(PatchEmbed()(tf.randn(2, 3, 16, 16)).shape)
