"""BERT's pooler reads the [CLS] token only; applied to every token, the classifier's logits
keep the sequence axis and the loss against one label per sentence fails."""
import typedflux as tf
from typedflux import Dense

D = 32
hidden_states = tf.randn(4, 12, D)
pooler = Dense(D, D, tf.tanh)
classifier = Dense(D, 2)
labels = tf.onehot([0, 1, 1, 0], 2)

pooled = pooler(hidden_states[:, 0])
logits = classifier(pooled)
loss = tf.losses.logitcrossentropy(logits, labels)
print(loss.item())
