// Types of scripts/vsix-contents.cjs (for test/unit/package.test.ts).
export declare const MARKETPLACE_README: string;
export declare const RENAMES: Readonly<Record<string, string>>;
export declare const REQUIRED: readonly string[];
export declare const REQUIRED_WHEN_PACKAGED: readonly string[];
export declare const ALLOWED: readonly RegExp[];
export declare const FORBIDDEN: readonly RegExp[];
export interface ZipEntry { name: string; method: number; compressedSize: number; size: number; offset: number }
export declare function toVsixPath(file: string): string;
export declare function checkVsixPaths(paths: readonly string[]): string[];
export declare function readZipEntries(buf: Buffer): ZipEntry[];
export declare function readZipEntry(buf: Buffer, entry: ZipEntry): Buffer;
export declare function pngSize(buf: Buffer): { width: number; height: number } | undefined;
export declare function imagesBaseUrl(manifest: { repository?: string | { url?: string } }): string | undefined;
