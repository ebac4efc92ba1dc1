"""The bundled seed pair used by `inspectcheck demo`."""

from __future__ import annotations

from pathlib import Path

SEED_A = "local-paper.txt"
SEED_B = "bbc.txt"
_HERE = Path(__file__).resolve().parent


def seed_dir() -> Path:
    """Installed package data (inspectcheck/seeds), or the repository's seeds/ folder."""
    for folder in (_HERE / "seeds", _HERE.parent / "seeds"):
        if (folder / SEED_A).is_file():
            return folder
    return _HERE / "seeds"


def seed_paths() -> tuple[str, str]:
    folder = seed_dir()
    return str(folder / SEED_A), str(folder / SEED_B)
