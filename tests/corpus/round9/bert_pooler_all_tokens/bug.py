"""BERT's pooler reads the [CLS] token only; applied to every token, the classifier's logits
keep the sequence axis and the loss against one label per sentence fails."""
import typedflux as tf
from typedflux import Dense

D = 32
hidden_states = tf.randn(4, 12, D)
pooler = Dense(D, D, tf.tanh)
classifier = Dense(D, 2)
labels = tf.onehot([0, 1, 1, 0], 2)

pooled = pooler(hidden_states)
logits = classifier(pooled)
loss = tf.losses.logitcrossentropy(logits, labels)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[4, 12, 2], target has Tensor[4, 2]; need identical shapes (no broadcasting in losses)  [shape]
print(loss.item())
