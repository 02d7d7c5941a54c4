from pathlib import Path

from fastmcp import FastMCP
from kubernetes import config as kube_config

from .config import load_config
from .tools.deployments import register_deployment_tools
from .tools.docker import register_docker_tools
from .tools.helm import register_helm_tools
from .tools.pods import register_pod_tools
from .tools.secrets import register_secret_tools

INSTRUCTIONS = """Tools for a Kubernetes cluster and the local Docker daemon.
Prefer read-only tools first (list, describe, logs). Before deleting, scaling or restarting anything,
state what you are going to do and why."""


def build_server() -> FastMCP:
    cfg = load_config()
    mcp = FastMCP("ops-mcp", instructions=INSTRUCTIONS)

    register_pod_tools(mcp, cfg)
    register_deployment_tools(mcp, cfg)
    register_secret_tools(mcp, cfg)
    register_helm_tools(mcp, cfg)
    register_docker_tools(mcp, cfg)

    @mcp.resource("k8s://contexts")
    def contexts() -> list[dict]:
        """Kubernetes contexts in the kubeconfig, and which one is active."""
        all_contexts, active = kube_config.list_kube_config_contexts(config_file=cfg.kubeconfig)
        return [{"name": c["name"], "cluster": c["context"]["cluster"], "active": c["name"] == active["name"]} for c in all_contexts]

    @mcp.resource("k8s://kubeconfig")
    def kubeconfig() -> str:
        """The kubeconfig in use, so the assistant can explain cluster and user settings."""
        return Path(cfg.kubeconfig).read_text()

    @mcp.prompt()
    def troubleshoot_pod(pod_name: str, namespace: str = "default") -> str:
        """Step-by-step troubleshooting for a failing pod."""
        return (
            f"The pod {pod_name} in namespace {namespace} is failing. Use describe_pod and get_pod_logs, "
            "look at events, restarts and the last termination reason, and propose a fix. Do not change anything yet."
        )

    return mcp
