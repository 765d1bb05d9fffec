import { createHash } from 'node:crypto';

const namespaces = new Map<string, Buffer>();

function namespaceBytes(namespace: string): Buffer {
  let bytes = namespaces.get(namespace);
  if (!bytes) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(namespace))
      throw new TypeError(`Not a UUID: ${namespace}`);
    bytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    namespaces.set(namespace, bytes);
  }
  return bytes;
}

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 over the namespace's bytes and
 * the name's UTF-8), the same as the uuid package's v5, which re-parses its
 * namespace and encodes the name byte by byte on every call: a cost paid
 * for every event of every keyed command.
 */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(namespaceBytes(namespace)).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
