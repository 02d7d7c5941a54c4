import json

from opsmcp.tools import docker


def test_redact_env():
    assert docker._redact_env(["PATH=/usr/bin", "DB_PASSWORD=hunter2", "API_TOKEN=abc"]) == ["PATH=/usr/bin", "DB_PASSWORD=***", "API_TOKEN=***"]


def test_inspect_redacts(fake_mcp, cfg, monkeypatch, docker_inspect_output):
    monkeypatch.setattr(docker, "run_cli", lambda binary, args, timeout=60: {"success": True, "output": docker_inspect_output})
    docker.register_docker_tools(fake_mcp, cfg)
    info = fake_mcp.tools["docker_inspect"]("api")
    assert "POSTGRES_PASSWORD=***" in info["Config"]["Env"]


def test_restart_blocked_in_read_only(fake_mcp, cfg):
    from dataclasses import replace

    docker.register_docker_tools(fake_mcp, replace(cfg, read_only=True))
    assert fake_mcp.tools["docker_restart"]("api") == {"success": False, "error": "read-only mode"}


def test_docker_ps_parses_json_lines(fake_mcp, cfg, monkeypatch):
    line = json.dumps({"ID": "abc", "Names": "api", "State": "running"})
    monkeypatch.setattr(docker, "run_cli", lambda *a, **k: {"success": True, "output": line})
    docker.register_docker_tools(fake_mcp, cfg)
    assert fake_mcp.tools["docker_ps"]()[0]["Names"] == "api"
