"""Merging a LoRA adapter into its Dense layer: the update is B @ A (out x r times r x in) scaled
by alpha / r, added to the frozen weight (out x in). The factors were multiplied the other way."""
import typedflux as tf
from typedflux import Dense

IN, OUT, R, ALPHA = 32, 48, 4, 8
base = Dense(IN, OUT)
lora_A = tf.randn(R, IN) * 0.01
lora_B = tf.zeros(OUT, R)
delta = (lora_A @ lora_B) * (ALPHA / R)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[4, 32], w has Tensor[48, 4]; need x.shape[-1] == w.shape[-2] (32 vs 48)  [shape]
base.weight = base.weight + delta
print(base(tf.randn(3, IN)).shape)
