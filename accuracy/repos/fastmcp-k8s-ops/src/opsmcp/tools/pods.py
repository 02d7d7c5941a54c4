import shlex
from typing import Any

from mcp.types import ToolAnnotations

from ..cli import run_cli
from ..config import Config
from ..k8s import core_v1, kubectl_context_args


def register_pod_tools(mcp, cfg: Config) -> None:
    @mcp.tool(annotations=ToolAnnotations(title="List pods", readOnlyHint=True))
    def list_pods(namespace: str | None = None, label_selector: str = "", context: str = "") -> dict[str, Any]:
        """List pods in a namespace (all namespaces if none is given)."""
        v1 = core_v1(context)
        pods = (
            v1.list_namespaced_pod(namespace, label_selector=label_selector)
            if namespace
            else v1.list_pod_for_all_namespaces(label_selector=label_selector)
        )
        return {
            "pods": [
                {
                    "name": p.metadata.name,
                    "namespace": p.metadata.namespace,
                    "phase": p.status.phase,
                    "restarts": sum(cs.restart_count for cs in (p.status.container_statuses or [])),
                }
                for p in pods.items
            ]
        }

    @mcp.tool(annotations=ToolAnnotations(title="Pod logs", readOnlyHint=True))
    def get_pod_logs(pod_name: str, namespace: str = cfg.default_namespace, container: str | None = None, tail: int = 200, context: str = "") -> str:
        """Return the last lines of a pod's logs."""
        return core_v1(context).read_namespaced_pod_log(name=pod_name, namespace=namespace, container=container, tail_lines=min(tail, 2000))

    @mcp.tool(annotations=ToolAnnotations(title="Describe pod", readOnlyHint=True))
    def describe_pod(pod_name: str, namespace: str = cfg.default_namespace, context: str = "") -> dict[str, Any]:
        """kubectl describe pod."""
        return run_cli("kubectl", kubectl_context_args(context) + ["describe", "pod", pod_name, "-n", namespace], cfg.command_timeout)

    @mcp.tool(annotations=ToolAnnotations(title="Exec in pod", readOnlyHint=False, destructiveHint=True))
    def exec_in_pod(pod_name: str, command: str, namespace: str = cfg.default_namespace, container: str | None = None, context: str = "") -> dict[str, Any]:
        """Run a command inside a pod's container (kubectl exec)."""
        if cfg.read_only:
            return {"success": False, "error": "read-only mode"}
        args = kubectl_context_args(context) + ["exec", pod_name, "-n", namespace]
        if container:
            args += ["-c", container]
        args += ["--", *shlex.split(command)]
        return run_cli("kubectl", args, cfg.command_timeout)

    @mcp.tool(annotations=ToolAnnotations(title="Delete pod", readOnlyHint=False, destructiveHint=True))
    def delete_pod(pod_name: str, namespace: str = cfg.default_namespace, context: str = "") -> dict[str, Any]:
        """Delete a pod (its controller recreates it)."""
        if cfg.read_only:
            return {"success": False, "error": "read-only mode"}
        core_v1(context).delete_namespaced_pod(pod_name, namespace)
        return {"success": True, "deleted": f"{namespace}/{pod_name}"}
