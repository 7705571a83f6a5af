"""A helper builds a dict of task heads for a width; the model's trunk ends at another
width."""
from typing import Dict

import typedflux as tf
from typedflux import Chain, Dense, relu


def make_heads(width: int) -> Dict[str, Dense]:
    return {"age": Dense(width, 1), "gender": Dense(width, 2)}


trunk = Chain(Dense(40, 64, relu), Dense(64, 32, relu))
heads = make_heads(64)
h = trunk(tf.randn(5, 40))
print(heads["gender"](h).shape)  # BUG  # E: Dense(64 => ?, ?) expects input Tensor[..., 64], got Tensor[5, 32]; need size 64 at axis -1 (got 32)  [shape]
