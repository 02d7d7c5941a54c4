from types import SimpleNamespace

from opsmcp.tools import pods


def _pod(name, phase, restarts):
    return SimpleNamespace(
        metadata=SimpleNamespace(name=name, namespace="default"),
        status=SimpleNamespace(phase=phase, container_statuses=[SimpleNamespace(restart_count=restarts)]),
    )


def test_list_pods(fake_mcp, cfg, monkeypatch):
    api = SimpleNamespace(list_namespaced_pod=lambda ns, label_selector="": SimpleNamespace(items=[_pod("api-1", "Running", 2)]))
    monkeypatch.setattr(pods, "core_v1", lambda context=None: api)
    pods.register_pod_tools(fake_mcp, cfg)
    assert fake_mcp.tools["list_pods"](namespace="default")["pods"][0]["restarts"] == 2


def test_exec_builds_argv(fake_mcp, cfg, monkeypatch):
    seen = {}
    monkeypatch.setattr(pods, "run_cli", lambda binary, args, timeout=60: seen.update(args=args) or {"success": True, "output": ""})
    pods.register_pod_tools(fake_mcp, cfg)
    fake_mcp.tools["exec_in_pod"]("api-1", "cat /etc/hostname")
    assert seen["args"][-3:] == ["--", "cat", "/etc/hostname"]
