import subprocess
from pathlib import Path

from .tools import tool

WORKDIR = Path.cwd().resolve()
ALLOWED_COMMANDS = {"ls": ["ls", "-la"], "git-status": ["git", "status", "--short"], "pytest": ["python", "-m", "pytest", "-q"]}


@tool
def run_command(name: str) -> str:
    """Run one of the allowed project commands: ls, git-status, pytest."""
    argv = ALLOWED_COMMANDS.get(name)
    if argv is None:
        return f"not allowed: {name}"
    return subprocess.run(argv, cwd=WORKDIR, capture_output=True, text=True, timeout=120).stdout[-4000:]


@tool
def read_file(path: str) -> str:
    """Read a text file of the project."""
    target = (WORKDIR / path).resolve()
    if not target.is_relative_to(WORKDIR):
        return "outside the project"
    return target.read_text(encoding="utf-8")[:20000]
