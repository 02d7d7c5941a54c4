import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    read_only: bool
    kubeconfig: str
    default_namespace: str
    command_timeout: int


def load_config() -> Config:
    return Config(
        read_only=os.getenv("OPS_MCP_READ_ONLY", "0") in ("1", "true", "yes"),
        kubeconfig=os.path.expanduser(os.getenv("KUBECONFIG", "~/.kube/config")),
        default_namespace=os.getenv("OPS_MCP_NAMESPACE", "default"),
        command_timeout=int(os.getenv("OPS_MCP_TIMEOUT", "60")),
    )
