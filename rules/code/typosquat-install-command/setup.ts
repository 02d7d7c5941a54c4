import { execSync, spawnSync } from 'node:child_process';

// ruleid: typosquat-install-command
execSync('npm install lodahs', { stdio: 'inherit' });
// ok: typosquat-install-command
execSync('npm install lodash', { stdio: 'inherit' });
// ruleid: typosquat-install-command
spawnSync('npm', ['install', 'expresss'], { stdio: 'inherit' });
// ok: typosquat-install-command
spawnSync('npm', ['install', 'express'], { stdio: 'inherit' });
