import base64
from typing import Any

from mcp.types import ToolAnnotations

from ..config import Config
from ..k8s import core_v1


def register_secret_tools(mcp, cfg: Config) -> None:
    @mcp.tool(annotations=ToolAnnotations(title="List secrets", readOnlyHint=True))
    def list_secrets(namespace: str = cfg.default_namespace, context: str = "") -> list[dict[str, Any]]:
        """List secrets (names, types and keys; no values)."""
        items = core_v1(context).list_namespaced_secret(namespace).items
        return [{"name": s.metadata.name, "type": s.type, "keys": sorted((s.data or {}).keys())} for s in items]

    @mcp.tool(annotations=ToolAnnotations(title="Get secret", readOnlyHint=True))
    def get_secret(name: str, namespace: str = cfg.default_namespace, context: str = "") -> dict[str, Any]:
        """Get a secret with its values decoded, to debug configuration problems."""
        secret = core_v1(context).read_namespaced_secret(name, namespace)
        data = {k: base64.b64decode(v).decode("utf-8", errors="replace") for k, v in (secret.data or {}).items()}
        return {"name": name, "namespace": namespace, "type": secret.type, "data": data}

    @mcp.tool(annotations=ToolAnnotations(title="Get configmap", readOnlyHint=True))
    def get_configmap(name: str, namespace: str = cfg.default_namespace, context: str = "") -> dict[str, Any]:
        """Get a configmap's data."""
        cm = core_v1(context).read_namespaced_config_map(name, namespace)
        return {"name": name, "data": cm.data or {}}
