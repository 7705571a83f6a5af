"""numpy in evaluation code, as practitioners write it."""
import numpy as np

import typedflux as tf
from typedflux import Dense

model = Dense(4, 3)
x = tf.randn(10, 4)
labels = np.array([0, 1, 2, 0, 1, 2, 0, 1, 2, 0])
logits = model(x)
pred = np.argmax(logits, axis=1)
acc = float(np.mean(pred.numpy() == labels))
probs = np.asarray(tf.softmax(logits))
loss = tf.losses.logitcrossentropy(logits, tf.onehot(labels.tolist(), 3))
print(acc, probs.shape, np.isfinite(loss.item()), np.round(probs, 2).shape)
arr = np.stack([np.asarray(logits), np.asarray(logits)])
print(arr.shape, np.allclose(np.asarray(logits), logits.numpy()), np.concatenate([x.numpy(), x.numpy()]).shape)
mean = np.mean(logits)
mx = np.max(logits, axis=0)
print(float(mean.item()), mx.shape, np.sum(logits, axis=1).shape)
scaled = np.float32(0.5) * logits
print(Dense(3, 1)(scaled).shape, (logits * np.ones(3, dtype=np.float32)).shape)
