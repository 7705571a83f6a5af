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
print(heads["gender"](h).shape)  # BUG[gap flow: a helper returning a dict display of layers (def make_heads(width) -> Dict[str, Dense]) keeps its declared Dense[Any, Any] values]
