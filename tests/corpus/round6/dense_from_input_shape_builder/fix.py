"""A head built from the features' own width (x.shape[-1]); the labels have another class
count."""
import typedflux as tf
from typedflux import Dense

tf.seed(15)
feats = tf.randn(10, 48)
head = Dense(feats.shape[-1], 7)
labels = tf.onehot([i % 7 for i in range(10)], 7)
print(tf.losses.logitcrossentropy(head(feats), labels).item())
