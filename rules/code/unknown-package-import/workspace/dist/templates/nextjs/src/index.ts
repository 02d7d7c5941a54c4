// A template piece with its own package.json: the generator adds the packages of the components it copies in.
// ok: unknown-package-import
import { LlamaIndexServer } from "@llamaindex/server";
// ok: unknown-package-import
import { kit } from "acme-app-kit";
// ok: unknown-package-import
import { extras } from "acme-undeclared-extrazz";

new LlamaIndexServer({ kit, extras }).start();
