"""The Nature DQN on 84x84 frames: 8x8 stride 4 -> 20, 4x4 stride 2 -> 9, 3x3 stride 1 -> 7, so
the flattened features are 64 * 7 * 7. The first dense layer used the 9x9 map."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, relu

ACTIONS = 6
q_net = Chain(
    Conv((8, 8), 4, 32, relu, stride=4),
    Conv((4, 4), 32, 64, relu, stride=2),
    Conv((3, 3), 64, 64, relu, stride=1),
    Flatten(),
    Dense(64 * 7 * 7, 512, relu),
    Dense(512, ACTIONS),
)
frames = tf.rand(2, 4, 84, 84)
print(q_net(frames).shape)
