"""Fine-tuning by giving a Chain a new head through its layers tuple, then a batch of the wrong
width. The replacement and the loss over the new head's 5 classes are correct (plain mypy is
silent, it runs); they were refused, fixed since: the Chain is read with the layers the one
top-level assignment gives (callbacks/rebound_names.py)."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(8, 16, relu), Dense(16, 10))
model.layers = (model.layers[0], Dense(16, 5))
x = tf.randn(4, 8)
logits = model(x)
y = tf.onehot([0, 1, 2, 3], 5)
loss = tf.losses.logitcrossentropy(logits, y)
print(loss.item())
