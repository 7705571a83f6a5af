"""torchtyping's named dims on **kwargs, translated: a late-fusion head takes any number of
modality embeddings by name, each Tensor[B, 16]; the batch's modalities arrive as a dict and
the video encoder must end at 16 features too."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
audio_enc = Dense(40, 16)
video_enc = Dense(64, 8)


@tf.shapecheck
def fuse(**modalities: Tensor[B, 16]) -> Tensor[B, 16]:
    out = tf.zeros(1, 16)
    for m in modalities.values():
        out = out + m
    return out


fused = fuse(**{"audio": audio_enc(tf.randn(4, 40)), "video": video_enc(tf.randn(4, 64))})  # BUG  # E: Argument "video" of "fuse" has shape Tensor[4, 8], which does not match the annotation Tensor[B, 16]: axis 1 is 8, expected 16  [shape]  # N: B=4
print(fused.shape)
