// A template with its own package.json is judged against that manifest.
// ok: unknown-package-import
import { LlamaIndexServer } from "@llamaindex/server";
// ok: unknown-package-import
import { kit } from "acme-app-kit";
// ruleid: unknown-package-import
import { extras } from "acme-undeclared-extrazz";

new LlamaIndexServer({ kit, extras }).start();
