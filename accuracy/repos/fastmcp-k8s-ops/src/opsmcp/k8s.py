from functools import lru_cache

from kubernetes import client, config as kube_config


@lru_cache(maxsize=8)
def _load(context: str | None) -> None:
    try:
        kube_config.load_kube_config(context=context or None)
    except kube_config.ConfigException:
        kube_config.load_incluster_config()


def core_v1(context: str | None = None) -> client.CoreV1Api:
    _load(context)
    return client.CoreV1Api()


def apps_v1(context: str | None = None) -> client.AppsV1Api:
    _load(context)
    return client.AppsV1Api()


def kubectl_context_args(context: str | None) -> list[str]:
    return ["--context", context] if context else []
