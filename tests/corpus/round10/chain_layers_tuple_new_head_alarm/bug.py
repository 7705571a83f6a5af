"""Fine-tuning by giving a Chain a new head through its layers tuple, then a batch of the wrong
width. The replacement and the loss over the new head's 5 classes are correct (plain mypy is
silent, it runs); they were refused, fixed since: the Chain is read with the layers the one
top-level assignment gives (callbacks/rebound_names.py)."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(8, 16, relu), Dense(16, 10))
model.layers = (model.layers[0], Dense(16, 5))
x = tf.randn(4, 6)
logits = model(x)  # BUG  # E: Chain layer 1 Dense(8 => 16, relu) expects input Tensor[..., 8], got Tensor[4, 6]; need size 8 at axis -1 (got 6)  [shape]
y = tf.onehot([0, 1, 2, 3], 5)
loss = tf.losses.logitcrossentropy(logits, y)
print(loss.item())
