import json
import re
import subprocess
from typing import Any

from mcp.types import ToolAnnotations

from ..cli import run_cli
from ..config import Config

_SECRET_KEY = re.compile(r"(PASS|SECRET|TOKEN|KEY|CREDENTIAL)", re.IGNORECASE)


def _redact_env(env: list[str]) -> list[str]:
    out = []
    for item in env:
        name, _, value = item.partition("=")
        out.append(f"{name}=***" if _SECRET_KEY.search(name) else item)
    return out


def register_docker_tools(mcp, cfg: Config) -> None:
    @mcp.tool(annotations=ToolAnnotations(title="docker ps", readOnlyHint=True))
    def docker_ps(all: bool = False) -> list[dict[str, Any]]:
        """List containers."""
        res = run_cli("docker", ["ps", "--format", "{{json .}}"] + (["-a"] if all else []))
        if not res["success"]:
            return [res]
        return [json.loads(line) for line in res["output"].splitlines() if line.strip()]

    @mcp.tool(annotations=ToolAnnotations(title="docker logs", readOnlyHint=True))
    def docker_logs(container: str, tail: int = 200, since: str = "") -> str:
        """Show a container's recent logs. `since` accepts docker durations like 10m or 1h."""
        cmd = f"docker logs --tail {int(tail)} {container}"
        if since:
            cmd += f" --since {since}"
        result = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=cfg.command_timeout)
        return (result.stdout + result.stderr)[-20000:]

    @mcp.tool(annotations=ToolAnnotations(title="docker inspect", readOnlyHint=True))
    def docker_inspect(container: str) -> dict[str, Any]:
        """Inspect a container (environment values with secret-looking names are redacted)."""
        res = run_cli("docker", ["inspect", "--", container])
        if not res["success"]:
            return res
        info = json.loads(res["output"])[0]
        info["Config"]["Env"] = _redact_env(info["Config"].get("Env") or [])
        return {"Id": info["Id"], "Name": info["Name"], "State": info["State"], "Config": info["Config"], "Mounts": info["Mounts"]}

    @mcp.tool(annotations=ToolAnnotations(title="docker restart", destructiveHint=True))
    def docker_restart(container: str) -> dict[str, Any]:
        """Restart a container."""
        if cfg.read_only:
            return {"success": False, "error": "read-only mode"}
        return run_cli("docker", ["restart", "--", container])
