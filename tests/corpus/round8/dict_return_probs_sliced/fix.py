"""A head returns a dict of logits and probabilities annotated with the class count; the
probabilities were sliced to the top half by mistake."""
from typing import Dict, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
head = Dense(12, 10)


@tf.shapecheck
def predict(x: Tensor[B, 12]) -> Dict[str, Tensor[B, 10]]:
    logits = head(x)
    probs = tf.softmax(logits, axis=-1)
    return {"logits": logits, "probs": probs}


print(predict(tf.randn(2, 12))["probs"].shape)
