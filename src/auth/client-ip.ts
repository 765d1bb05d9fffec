import { createHash, randomBytes } from 'node:crypto';

/**
 * Hashes client IPs for the audit metadata: the same address gives the same
 * hash under one salt, so an auditor can tell requests from one client apart
 * from another's, but the address itself is never stored.
 */
export function clientIpHasher(salt: string | undefined): (ip: string) => string {
  const secret = salt ?? randomBytes(32).toString('hex');
  return (ip) => `sha256:${createHash('sha256').update(`${secret}\n${ip}`, 'utf8').digest('hex')}`;
}
