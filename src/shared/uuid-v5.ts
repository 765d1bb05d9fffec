import { hash } from 'node:crypto';

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

/** Namespace and name side by side for one-shot hashing, reused: most names are short. */
const scratch = Buffer.alloc(1024);

/** The namespace's bytes, then the name's UTF-8. */
function hashInput(namespace: Buffer, name: string): Buffer {
  if (namespace.length + Buffer.byteLength(name, 'utf8') > scratch.length)
    return Buffer.concat([namespace, Buffer.from(name, 'utf8')]);
  namespace.copy(scratch, 0);
  const written = scratch.write(name, namespace.length, 'utf8');
  return scratch.subarray(0, namespace.length + written);
}

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 over the namespace's bytes and
 * the name's UTF-8), the same as the uuid package's v5, which re-parses its
 * namespace and encodes the name byte by byte on every call: a cost paid
 * for every event of every keyed command. One-shot `hash` over a reused
 * buffer costs about two thirds of a Hash object's update and digest.
 */
export function uuidV5(name: string, namespace: string): string {
  const digest = hash('sha1', hashInput(namespaceBytes(namespace), name), 'buffer');
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  const hex = digest.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
