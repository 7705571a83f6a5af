"""One greedy decoding step appended to the prompt; argmax dropped the axis the
concatenation needs."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
V: Final = 20
embed = Embedding(V, 16)
head = Dense(16, V)


def step(ids: Tensor[B, T]) -> Tensor[B, "T+1"]:
    logits = head(embed(ids))
    next_id = tf.argmax(logits[:, -1], axis=-1, keepdims=True)
    return tf.concat([ids, next_id], axis=1)


print(step(tf.zeros(1, 4, dtype=tf.int64)).shape)
