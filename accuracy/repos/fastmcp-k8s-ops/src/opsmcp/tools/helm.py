import tempfile
from typing import Any

import yaml
from mcp.types import ToolAnnotations

from ..cli import run_cli
from ..config import Config


def register_helm_tools(mcp, cfg: Config) -> None:
    @mcp.tool(annotations=ToolAnnotations(title="Helm list", readOnlyHint=True))
    def helm_list(namespace: str | None = None) -> dict[str, Any]:
        """List Helm releases."""
        args = ["list", "-o", "json"] + (["-n", namespace] if namespace else ["-A"])
        return run_cli("helm", args, cfg.command_timeout)

    @mcp.tool(annotations=ToolAnnotations(title="Helm install", destructiveHint=True))
    def helm_install(release: str, chart: str, namespace: str = cfg.default_namespace, version: str | None = None, values: dict | None = None) -> dict[str, Any]:
        """Install or upgrade a chart (helm upgrade --install)."""
        if cfg.read_only:
            return {"success": False, "error": "read-only mode"}
        args = ["upgrade", "--install", release, chart, "-n", namespace, "--create-namespace"]
        if version:
            args += ["--version", version]
        with tempfile.NamedTemporaryFile("w", suffix=".yaml") as f:
            if values:
                yaml.safe_dump(values, f)
                f.flush()
                args += ["-f", f.name]
            return run_cli("helm", args, timeout=300)

    @mcp.tool(annotations=ToolAnnotations(title="Helm uninstall", destructiveHint=True))
    def helm_uninstall(release: str, namespace: str = cfg.default_namespace) -> dict[str, Any]:
        """Uninstall a Helm release."""
        if cfg.read_only:
            return {"success": False, "error": "read-only mode"}
        return run_cli("helm", ["uninstall", release, "-n", namespace], cfg.command_timeout)
