"""An optional causal mask: None is fine, a mask for another length is not."""
from typing import Optional

import typedflux as tf
from typedflux import Tensor


@tf.shapecheck
def attend(scores: Tensor[2, 4, 6, 6], mask: Optional[Tensor[6, 6]] = None) -> Tensor[2, 4, 6, 6]:
    if mask is not None:
        scores = tf.where(mask, scores, -1e9)
    return tf.softmax(scores)


s = tf.randn(2, 4, 6, 6)
print(attend(s).shape)
print(attend(s, tf.tril(tf.ones(6, 6)) > 0).shape)
