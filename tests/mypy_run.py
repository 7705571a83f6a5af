"""One helper for tests that type-check generated files: ONE mypy run, output parsed by line."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import List, Sequence

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<kind>error|note): (?P<text>.*?)(?:  \[(?P<code>[\w-]+)\])?$")


@dataclass(frozen=True)
class Report:
    """One line of mypy's output: ``file:line: kind: text  [code]``."""

    file: str  # the file name, without its folder
    line: int
    kind: str  # "error" or "note"
    text: str
    code: str  # "" when mypy gave none

    def shown(self, line: int) -> str:
        """The line as mypy prints it, for a file called ``example.py`` at ``line``."""
        code = f"  [{self.code}]" if self.code else ""
        return f"example.py:{line}: {self.kind}: {self.text}{code}"


def run_mypy(files: Sequence[str], workdir: Path, *, plugin: bool = True) -> List[Report]:
    """Type-check ``files`` (paths relative to ``workdir``) in one mypy run, with the plugin.

    Returns every error and note; any other output (a crash, a config problem) raises.
    """
    config = workdir / "mypy.ini"
    config.write_text(
        "[mypy]\n"
        + ("plugins = mypy_plugin\n" if plugin else "")
        + "ignore_missing_imports = True\nallow_redefinition = True\n"
    )
    proc = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--config-file", str(config),
            "--cache-dir", str(workdir / ".mypy_cache"), "--hide-error-context",
            "--no-error-summary", "--show-error-codes", *files,
        ],
        capture_output=True, text=True, cwd=workdir,
    )
    reports = []
    for raw in proc.stdout.splitlines():
        m = LINE.match(raw)
        if not m:
            raise AssertionError(f"unexpected mypy output: {raw}\n{proc.stderr}")
        reports.append(
            Report(Path(m["file"]).name, int(m["line"]), m["kind"], m["text"], m["code"] or "")
        )
    if proc.returncode not in (0, 1):
        raise AssertionError(f"mypy failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return reports
