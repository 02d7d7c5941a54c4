# build-time script run from the source tree next to its code generators
# ok: unknown-package-import
import genapi_helpers
