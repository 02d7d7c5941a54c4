"""A Kubernetes and AWS operations MCP server: secret stores read by tools."""
import base64
from typing import Any

import boto3
from kubernetes import client, config
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("k8s-ops")
config.load_kube_config()
core = client.CoreV1Api()
secrets_manager = boto3.client("secretsmanager")


def register_secret_tools(server: FastMCP) -> None:
    @server.tool()
    def list_secrets(namespace: str = "default") -> list[dict[str, Any]]:
        """List secrets: names, types and key names, no values."""
        items = core.list_namespaced_secret(namespace).items
        # ok: mcp-tool-exposes-secrets
        return [{"name": s.metadata.name, "type": s.type, "keys": sorted((s.data or {}).keys())} for s in items]

    @server.tool()
    def get_secret(name: str, namespace: str = "default") -> dict[str, Any]:
        """Get a secret with its values decoded, to debug configuration problems."""
        secret = core.read_namespaced_secret(name, namespace)
        data = {k: base64.b64decode(v).decode("utf-8", errors="replace") for k, v in (secret.data or {}).items()}
        # ruleid: mcp-tool-exposes-secrets
        return {"name": name, "type": secret.type, "data": data}


register_secret_tools(mcp)


@mcp.tool()
def get_app_secret(secret_id: str) -> str:
    """Read a secret of the application from AWS Secrets Manager."""
    # ruleid: mcp-tool-exposes-secrets
    return secrets_manager.get_secret_value(SecretId=secret_id)["SecretString"]


@mcp.tool()
def describe_app_secret(secret_id: str) -> dict:
    """When the secret was last rotated (no value)."""
    meta = secrets_manager.describe_secret(SecretId=secret_id)
    # ok: mcp-tool-exposes-secrets
    return {"name": meta["Name"], "last_rotated": str(meta.get("LastRotatedDate"))}
