"""Whisper-style decoder cross-attention: the text decoder (width 48) attends to the audio
encoder's states (width 32) without a projection to its own width."""
import typedflux as tf
from typedflux import Dense, MultiHeadAttention

D_AUDIO, D_TEXT = 32, 48
cross = MultiHeadAttention(D_TEXT, 4)
audio_proj = Dense(D_AUDIO, D_TEXT)
audio = tf.randn(2, 50, D_AUDIO)
text = tf.randn(2, 7, D_TEXT)
out = cross(text, audio_proj(audio), audio_proj(audio))
print(out.shape)
