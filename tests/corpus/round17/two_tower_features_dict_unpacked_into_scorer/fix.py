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


scores = score(**{"user": tf.randn(8, 30), "item": tf.randn(8, 12)})
print(scores.shape)
