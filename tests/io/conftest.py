"""The checkpoint tests share the layer zoo of the robustness suite (every public layer)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "robustness"))
