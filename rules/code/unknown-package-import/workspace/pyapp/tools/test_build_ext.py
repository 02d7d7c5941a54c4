import os
import sys


def test_built_extension(build_dir):
    sys.path.append(os.path.join(build_dir, "lib"))
    # the extension module this test just compiled, found through the folder added above
    # ok: unknown-package-import
    import checks_ext
    assert checks_ext.ping() == 1
