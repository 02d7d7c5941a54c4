import shutil
import subprocess
from typing import Any


def run_cli(binary: str, args: list[str], timeout: int = 60) -> dict[str, Any]:
    if shutil.which(binary) is None:
        return {"success": False, "error": f"{binary} is not installed"}
    try:
        result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"success": False, "error": f"timed out after {timeout}s"}
    if result.returncode != 0:
        return {"success": False, "error": result.stderr.strip()}
    return {"success": True, "output": result.stdout.strip()}
