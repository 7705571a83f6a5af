"""Repeating a batch of prompts for beam search with numpy-style tile: the reps line up with
the last axes, so tile(x, 3) widens the features instead of the batch."""
import typedflux as tf
from typedflux import Dense

BEAMS = 3
prompts = tf.randn(2, 8)
expanded = tf.tile(prompts, BEAMS, 1)
scores = Dense(8, 5)(expanded)
print(scores.shape)
