"""tensor_annotations' reduce_mean(x, axis=1) on Array3[Batch, Time, Features], translated: a
clip of 10 frames of 16 features pooled over time gives one 16-feature vector per clip;
averaging the features instead leaves one value per frame."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def pool_time(frames: Tensor[B, 10, 16]) -> Tensor[B, 16]:
    return frames.mean(axis=1)


print(pool_time(tf.randn(3, 10, 16)).shape)
