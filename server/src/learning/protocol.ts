/** Wire types of the `aisec/learningPaths` request (client Learning view <-> language server). Pure. */
import type { LearningPath } from './paths';

export const LEARNING_PATHS_REQUEST = 'aisec/learningPaths';

export interface LearningPathsParams {
  /** A workspace folder URI; absent = every workspace folder of the server. */
  uri?: string;
}

export interface LearningPathsFolder {
  /** The workspace folder URI. */
  uri: string;
  /** The effective learning paths of the folder's config (its own and its packs'). */
  paths: LearningPath[];
  /** Config and pack files in force (file URIs), nearest first. */
  configFiles: string[];
  /** Problems in those files (shown on the files themselves). */
  errors: number;
  warnings: number;
}

export interface LearningPathsResult {
  folders: LearningPathsFolder[];
}
