"""Optional integrations of a framework: import names that differ from their distribution, and probed backends."""
from typing import TYPE_CHECKING

# ok: unknown-package-import
from opensearchpy import OpenSearch
# ok: unknown-package-import
from gremlin_python.driver import client
# ok: unknown-package-import
import newspaper
# ok: unknown-package-import
import sqlite_vss
# ok: unknown-package-import
import gpudb
# the import name of the pydocket distribution (a task queue), not a misspelt docker
# ok: unknown-package-import
from docket import Docket
# ruleid: unknown-package-import
import llamaindex
# ruleid: unknown-package-import
import sqlite_vek
# ruleid: unknown-package-import
import opensearchpyy
# ruleid: unknown-package-import
import langchain_opena1


def is_sagemaker_mp_enabled() -> bool:
    return False


if is_sagemaker_mp_enabled():
    # ok: unknown-package-import
    import smdistributed.modelparallel.torch as smp


def is_docket_available() -> bool:
    try:
        # ok: unknown-package-import
        import docket  # noqa: F401
        return True
    except ImportError:
        return False


def report_progress(value: int) -> None:
    if not is_docket_available():
        return
    # ok: unknown-package-import
    from docket.dependencies import current_execution
    current_execution.get().progress.increment(value)


if is_docket_available():
    # ok: unknown-package-import
    from docket import Docket


def is_backend_available() -> bool:
    return True


if is_backend_available():
    # ruleid: unknown-package-import
    import dockr


def load_kernels():
    if not is_docket_available():
        return None
    # ruleid: unknown-package-import
    import reqeusts
    return reqeusts


if TYPE_CHECKING:
    print(OpenSearch, client, newspaper, sqlite_vss, gpudb, llamaindex, sqlite_vek, opensearchpyy, langchain_opena1, smp, Docket, dockr)
