"""A module tensor and layer rebound through global in a loop; sizes rebound by for."""
import typedflux as tf
from typedflux import Dense

state = tf.zeros(2, 4)
proj = Dense(4, 4)
WIDTH = 4


def step() -> None:
    global state, proj
    state = proj(state) + 1.0
    proj = Dense(4, 4)


for _ in range(3):
    step()
for WIDTH in (4, 4):
    pass
print(state.shape, Dense(4, WIDTH)(state).shape)
