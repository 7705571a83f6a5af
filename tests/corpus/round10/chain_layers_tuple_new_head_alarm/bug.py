"""Fine-tuning by giving a Chain a new head through its layers tuple, then a batch of the wrong
width. The replacement and the loss over the new head's 5 classes are correct (plain mypy is
silent, it runs) but are refused."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(8, 16, relu), Dense(16, 10))
model.layers = (model.layers[0], Dense(16, 5))  # ALARM[gap checker: a plain Chain's layers assigned by the module keep the first value's type: mypy's own [assignment] in Literal words]  # E: Incompatible types in assignment (expression has type "tuple[Dense[Literal[8], Literal[16]], Dense[Literal[16], Literal[5]]]", variable has type "tuple[Dense[Literal[8], Literal[16]], Dense[Literal[16], Literal[10]]]")  [assignment]
x = tf.randn(4, 6)
logits = model(x)  # BUG  # E: Chain layer 1 Dense(8 => 16, relu) expects input Tensor[..., 8], got Tensor[4, 6]; need size 8 at axis -1 (got 6)  [shape]
y = tf.onehot([0, 1, 2, 3], 5)
loss = tf.losses.logitcrossentropy(logits, y)  # ALARM[gap checker: the stale type says the Chain still ends in Dense(16 => 10), so the new head's 5 logits are refused against 5 classes]
print(loss.item())
