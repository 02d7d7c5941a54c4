import os

# ok: unknown-package-import
import openai
# ruleid: unknown-package-import
import invented_agent_toolkitzz


def cpu_counter():
    if os.name == "nt":
        # ok: unknown-package-import
        import win32pdh
        return win32pdh.PDH_FMT_LONG
    return openai, invented_agent_toolkitzz


def debug_dump(graph):
    # the graph module is written to ./foo and imported back
    graph.to_folder("foo")
    # ok: unknown-package-import
    from foo import FxModule
    return FxModule()
