/** Virtual module generated at build time from rules/<pack>/<id>/ (see scripts/build.mjs). */
declare module 'aisec:rules' {
  import type { RegisteredRule } from '../server/src/engine/rule';
  export const rules: RegisteredRule[];
}
declare module '*.md' {
  const text: string;
  export default text;
}
