"""pyright style: a TypedDict batch with typed tensors; the model reads the wrong key."""
from typing import TypedDict

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class Batch(TypedDict):
    features: Tensor[8, 20]
    labels: Tensor[8, 3]


model = Chain(Dense(20, 16, relu), Dense(16, 3))
batch: Batch = {"features": tf.randn(8, 20), "labels": tf.onehot([i % 3 for i in range(8)], 3)}
logits = model(batch["labels"])  # BUG  # E: Chain layer 1 Dense(20 => 16, relu) expects input Tensor[..., 20], got Tensor[8, 3]; need size 20 at axis -1 (got 3)  [shape]
print(tf.losses.logitcrossentropy(logits, batch["labels"]).item())
