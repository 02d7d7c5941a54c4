// @ts-nocheck: codemod output fixture (jscodeshift __testfixtures__)
// ok: unknown-package-import
import { streamText } from 'ai';
// ok: unknown-package-import
import { something } from 'some-other-lib';
// ok: unknown-package-import
import { helper } from 'opena1';

export const x = streamText;
