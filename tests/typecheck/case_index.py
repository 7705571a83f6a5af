"""Indexing: ints drop an axis, slices keep it, None adds one, ... skips; out of range."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)

x = tf.zeros(4, 5, 6)
reveal_type(x[0])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[6]]"
reveal_type(x[:, 1:3])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[2], Literal[6]]"
reveal_type(x[..., ::2])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[5], Literal[3]]"
reveal_type(x[None])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[4], Literal[5], Literal[6]]"
reveal_type(x[0, :, -1])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5]]"
too_far = x[:, 5]  # E: Index out of range for "getitem": x has Tensor[4, 5, 6]; need -5 <= index < 5 at axis 1 (index 5)  [shape]
too_far_fixed = x[:, 4]
reveal_type(too_far_fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[6]]"
reveal_type(x.transpose(2, 0, 1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6], Literal[4], Literal[5]]"
reveal_type(x.swapaxes(0, 2))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6], Literal[5], Literal[4]]"
reveal_type(tf.unsqueeze(x, 0))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[4], Literal[5], Literal[6]]"
reveal_type(tf.squeeze(tf.zeros(4, 1, 6), 1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[6]]"
not_one = tf.squeeze(x, 1)  # E: Cannot squeeze for "squeeze": x has Tensor[4, 5, 6]; need size 1 at axis 1 (5)  [shape]


def rows(x: Tensor[B, 784], i: int, k: B) -> None:
    reveal_type(x[i])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[784]]"
    reveal_type(x[:, i])  # N: Revealed type is "typedflux.tensor.Tensor[B]"
    reveal_type(x[k, None])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[784]]"
    reveal_type(x[i, i])  # N: Revealed type is "typedflux.tensor.Tensor[()]"
    reveal_type(x[i, i, i])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
