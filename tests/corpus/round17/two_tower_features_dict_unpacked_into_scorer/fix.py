"""A recommender's scoring function takes the user and item features by name, and the batch
arrives as a dict unpacked into it; the item features must have the item tower's 12 columns."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
user_tower = Dense(30, 16)
item_tower = Dense(12, 16)


@tf.shapecheck
def score(user: Tensor[B, 30], item: Tensor[B, 12]) -> Tensor[B]:
    return (user_tower(user) * item_tower(item)).sum(axis=1)


scores = score(**{"user": tf.randn(8, 30), "item": tf.randn(8, 12)})  # ALARM[gap boundaries: a dict display unpacked into a call keeps mypy's own check of the joined dict[str, Tensor[8, int]] against each parameter, two [arg-type] errors]  # E: Argument 1 to "score" has incompatible type "**dict[str, Tensor[Literal[8], int]]"; expected "Tensor[Literal[8], Literal[30]]"  [arg-type]  # E: Argument 1 to "score" has incompatible type "**dict[str, Tensor[Literal[8], int]]"; expected "Tensor[Literal[8], Literal[12]]"  [arg-type]
print(scores.shape)
