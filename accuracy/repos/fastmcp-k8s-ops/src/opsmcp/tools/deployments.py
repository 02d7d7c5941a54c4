import datetime
from typing import Any

from mcp.types import ToolAnnotations

from ..config import Config
from ..k8s import apps_v1


def register_deployment_tools(mcp, cfg: Config) -> None:
    @mcp.tool(annotations=ToolAnnotations(title="Scale deployment", destructiveHint=True))
    def scale_deployment(name: str, replicas: int, namespace: str = cfg.default_namespace, context: str = "") -> dict[str, Any]:
        """Set the replica count of a deployment (0-50)."""
        if cfg.read_only:
            return {"success": False, "error": "read-only mode"}
        if not 0 <= replicas <= 50:
            return {"success": False, "error": "replicas must be between 0 and 50"}
        apps_v1(context).patch_namespaced_deployment_scale(name, namespace, {"spec": {"replicas": replicas}})
        return {"success": True, "replicas": replicas}

    @mcp.tool(annotations=ToolAnnotations(title="Rollout restart", destructiveHint=True))
    def rollout_restart(name: str, namespace: str = cfg.default_namespace, context: str = "") -> dict[str, Any]:
        """Restart a deployment's pods (like kubectl rollout restart)."""
        if cfg.read_only:
            return {"success": False, "error": "read-only mode"}
        now = datetime.datetime.now(datetime.timezone.utc).isoformat()
        body = {"spec": {"template": {"metadata": {"annotations": {"kubectl.kubernetes.io/restartedAt": now}}}}}
        apps_v1(context).patch_namespaced_deployment(name, namespace, body)
        return {"success": True, "restartedAt": now}
