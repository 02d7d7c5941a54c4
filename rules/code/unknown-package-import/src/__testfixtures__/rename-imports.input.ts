// @ts-nocheck: codemod input fixture (jscodeshift __testfixtures__): placeholder imports nobody installs
// ok: unknown-package-import
import { streamText } from 'ai';
// ok: unknown-package-import
import { something } from 'some-other-lib';
// ok: unknown-package-import
import { helper } from 'opena1';

export const x = streamText;
