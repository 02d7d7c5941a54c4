# numpy.distutils-style configuration of a sub-package: not the project's manifest
def configuration(parent_package="", top_path=None):
    from numpy.distutils.misc_util import Configuration
    return Configuration("native", parent_package, top_path)
