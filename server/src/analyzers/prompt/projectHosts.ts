/**
 * Is a URL served by the project's own host: the host of its package.json `homepage`, or, for a repository on a
 * code host, a download from that same owner's repositories? Used to tell a vendor's documented installer in the
 * vendor's own package (`curl -fsSL https://conway.tech/terminal.sh | sh` in a skill shipped by the package whose
 * homepage is https://conway.tech) from a script on a stranger's host.
 */

/** Code hosts: a repository there names an owner, not a host of the project's own. */
const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org']);
/** Where a code host serves its repositories' files and releases. */
const CODE_HOST_FILES: Record<string, string[]> = {
  'github.com': ['github.com', 'raw.githubusercontent.com', 'objects.githubusercontent.com'],
  'gitlab.com': ['gitlab.com'],
  'bitbucket.org': ['bitbucket.org'],
  'codeberg.org': ['codeberg.org'],
};
/** Hosts shared by many unrelated owners: a homepage there is not a host of the project's own. */
const SHARED_HOSTS = /(^|\.)(npmjs\.com|npmjs\.org|npm\.im|unpkg\.com|jsdelivr\.net|pypi\.org|readthedocs\.io|medium\.com|notion\.site|google\.com|example\.com|example\.org|localhost)$/i;

interface Parsed { host: string; path: string[] }

function parse(url: string): Parsed | undefined {
  let u = url.trim().replace(/^git\+/, '');
  // git@github.com:owner/repo.git, github:owner/repo
  const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(u);
  if (scp) u = `https://${scp[1]}/${scp[2]}`;
  const short = /^(github|gitlab|bitbucket):([\w.-]+\/[\w.-]+)$/.exec(u);
  if (short) u = `https://${short[1]}.${short[1] === 'bitbucket' ? 'org' : 'com'}/${short[2]}`;
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)(?::\d+)?([^?#]*)/i.exec(u);
  if (!m) return undefined;
  return { host: m[1].toLowerCase().replace(/^www\./, ''), path: m[2].split('/').filter(Boolean).map((p) => p.replace(/\.git$/, '')) };
}

/** An https URL on the project's own host (or from its own owner's repositories on a code host). */
export function isProjectOwnUrl(url: string, projectUrls: readonly string[] | undefined): boolean {
  if (!projectUrls?.length || !/^https:\/\//i.test(url)) return false;
  const target = parse(url);
  if (!target) return false;
  for (const p of projectUrls) {
    const own = parse(p);
    if (!own) continue;
    if (CODE_HOSTS.has(own.host)) {
      const owner = own.path[0]?.toLowerCase();
      if (owner && (CODE_HOST_FILES[own.host] ?? []).includes(target.host) && target.path[0]?.toLowerCase() === owner) return true;
      continue;
    }
    if (SHARED_HOSTS.test(own.host) || !own.host.includes('.')) continue;
    if (target.host === own.host || target.host.endsWith(`.${own.host}`)) return true;
  }
  return false;
}
