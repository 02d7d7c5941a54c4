import os
import subprocess
import tarfile
from pathlib import Path

from langchain.tools import BaseTool, tool
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parents[1]


def _inside_root(p: str) -> Path:
    resolved = (ROOT / p).resolve()
    if not resolved.is_relative_to(ROOT):
        raise ValueError("path outside the project")
    return resolved


@tool
def run_tests(test_path: str) -> str:
    """Run the project's tests under the given path and return the output."""
    target = _inside_root(test_path)
    proc = subprocess.run(["python", "-m", "pytest", "-q", str(target)], capture_output=True, text=True)
    return proc.stdout[-4000:]


class ArchiveInput(BaseModel):
    folder: str


class ArchiveTool(BaseTool):
    name: str = "archive_folder"
    description: str = "Create a tar.gz archive of a folder"
    args_schema: type[BaseModel] = ArchiveInput

    def _run(self, folder: str) -> str:
        source = _inside_root(folder)
        target = f"/tmp/{source.name}.tar.gz"
        with tarfile.open(target, "w:gz") as tar:
            tar.add(source, arcname=source.name)
        return target
