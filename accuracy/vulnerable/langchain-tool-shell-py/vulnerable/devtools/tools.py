import os
import subprocess

from langchain.tools import BaseTool, tool
from pydantic import BaseModel


@tool
def run_tests(test_path: str) -> str:
    """Run the project's tests under the given path and return the output."""
    cmd = f"python -m pytest -q {test_path}"
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    return proc.stdout[-4000:]


class ArchiveInput(BaseModel):
    folder: str


class ArchiveTool(BaseTool):
    name: str = "archive_folder"
    description: str = "Create a tar.gz archive of a folder"
    args_schema: type[BaseModel] = ArchiveInput

    def _run(self, folder: str) -> str:
        target = f"/tmp/{os.path.basename(folder)}.tar.gz"
        os.system("tar czf " + target + " " + folder)
        return target
