"""A forward that returns the logits, or (logits, hidden) on request; the caller mixes them up."""
from typing import Tuple, TypeVar, Union

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
body, head = Dense(8, 16, relu), Dense(16, 4)


def forward(x: Tensor[B, 8], hidden: bool = False) -> Union[Tensor[B, 4], Tuple[Tensor[B, 4], Tensor[B, 16]]]:
    h = body(x)
    return (head(h), h) if hidden else head(h)


out = forward(tf.randn(3, 8), hidden=True)
assert isinstance(out, tuple)
logits, h = out
probe = Dense(16, 2)(h)
print(probe.shape)
