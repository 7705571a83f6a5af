"""A character tokenizer pads a batch of strings to one length; the embedding's width and
the classifier's input disagree."""
import typedflux as tf
from typedflux import Dense, Embedding

VOCAB = {ch: i + 1 for i, ch in enumerate("abcdefghijklmnopqrstuvwxyz ")}
texts = ["hello world", "typed shapes", "flux"]
longest = max(len(t) for t in texts)
ids = tf.tensor([[VOCAB[c] for c in t] + [0] * (longest - len(t)) for t in texts])
embed = Embedding(28, 16)
classify = Dense(32, 3)
h = embed(ids).mean(axis=1)
print(classify(h).shape)  # BUG  # E: Dense(32 => 3) expects input Tensor[..., 32], got Tensor[?, 16]; need size 32 at axis -1 (got 16)  [shape]
