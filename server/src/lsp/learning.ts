/**
 * `aisec/learningPaths`: the effective learning paths of each workspace folder, for the client's Learning view.
 * The config is loaded fresh on each request (a few small files), so the view never races the config cache.
 */
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { Connection } from 'vscode-languageserver/node';
import { builtinRules } from '../engine/registry';
import type { LearningPathsFolder, LearningPathsParams, LearningPathsResult } from '../learning/protocol';
import { LEARNING_PATHS_REQUEST } from '../learning/protocol';
import { loadConfigFor } from '../packs/config';

function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** `roots()`: the workspace folders (paths); `configPath(uri)`: the `aisec.configPath` setting of a folder. */
export function registerLearningRequests(connection: Connection, roots: () => string[], configPath: (uri: string) => Promise<string>, restricted: () => boolean = () => false): void {
  connection.onRequest(LEARNING_PATHS_REQUEST, async (params: LearningPathsParams | undefined): Promise<LearningPathsResult> => {
    const asked = params?.uri ? toPath(params.uri) : undefined;
    const folders = asked ? [asked] : roots();
    const out: LearningPathsFolder[] = [];
    for (const folder of folders) {
      const uri = pathToFileURL(folder).toString();
      const setting = await configPath(uri).catch(() => '');
      const loaded = loadConfigFor(folder, folder, builtinRules, setting ? path.resolve(folder, setting) : undefined, { restricted: restricted() });
      out.push({ uri, paths: loaded.config.learning?.paths ?? [], configFiles: loaded.files.map((f) => pathToFileURL(f).toString()), errors: loaded.errors.length, warnings: loaded.warnings?.length ?? 0 });
    }
    return { folders: out };
  });
}
