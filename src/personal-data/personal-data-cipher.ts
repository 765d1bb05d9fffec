import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A personal value as the log stores it: AES-256-GCM under the subject's own
 * key, `pd1:<subject>:<base64url(iv ‖ ciphertext ‖ tag)>`. The subject is in
 * the text so any value can be opened (or found erased) on its own, and it is
 * the additional authenticated data, so a value cannot be moved to another
 * person undetected.
 */
const PREFIX = 'pd1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export const newDataKey = (): Buffer => randomBytes(KEY_BYTES);

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function seal(key: Buffer, subject: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(PREFIX + subject));
  const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${subject}:${body.toString('base64url')}`;
}

/** The subject a sealed value belongs to; undefined for a value that is not sealed. */
export function sealedSubject(value: string): string | undefined {
  if (!isSealed(value)) return undefined;
  const end = value.indexOf(':', PREFIX.length);
  return end === -1 ? undefined : value.slice(PREFIX.length, end);
}

/**
 * Throws when the value was not sealed for this subject, the key is not the
 * one it was sealed with, or the text was altered.
 */
export function open(key: Buffer, subject: string, value: string): string {
  if (sealedSubject(value) !== subject) throw new Error(`Not a personal value sealed for ${subject}`);
  const body = Buffer.from(value.slice(PREFIX.length + subject.length + 1), 'base64url');
  if (body.length < IV_BYTES + TAG_BYTES) throw new Error('Sealed personal value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES))
    .setAAD(Buffer.from(PREFIX + subject))
    .setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}
