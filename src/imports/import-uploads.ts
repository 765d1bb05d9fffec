import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ProblemException } from '../shared/problem';

export const IMPORTS_PATH = '/v1/imports';

/** Content types an import may be sent as, the file itself as the body. */
export const IMPORT_BODY_TYPES = [
  'text/csv',
  'application/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

const isImport = (request: FastifyRequest): boolean => request.url.split('?')[0] === IMPORTS_PATH;

/**
 * Lets POST /v1/imports take the file as multipart/form-data (@fastify/multipart,
 * field `file`) or as the body itself (the types above). Either way the body is
 * not parsed here but handed on as a stream, which the route writes to a
 * temporary file with a byte limit: nothing holds a whole file in memory.
 * Other routes keep refusing these types (415).
 */
export async function registerImportUploads(fastify: FastifyInstance): Promise<void> {
  await fastify.register(multipart, { throwFileSizeLimit: false });
  fastify.addContentTypeParser(IMPORT_BODY_TYPES, (request, payload, done) => {
    if (!isImport(request)) {
      done(
        new ProblemException(
          415,
          'unsupported-media-type',
          'Unsupported Media Type',
          'This route takes JSON',
        ),
        undefined,
      );
      return;
    }
    done(null, payload);
  });
}

/**
 * What @fastify/multipart and busboy throw while reading the parts (no
 * boundary, a broken part, limits) is about the request's bytes: a 400
 * problem that names the rule, never the bytes.
 */
function malformedMultipart(error: unknown): unknown {
  if (error instanceof ProblemException) return error;
  return new ProblemException(
    400,
    'import-malformed-multipart',
    'Malformed multipart body',
    'The multipart body could not be read: send it with a boundary and a "file" field',
    {
      errors: [{ field: 'file', rule: 'multipart-format', message: 'The multipart body could not be read' }],
    },
  );
}

export interface SavedUpload {
  path: string;
  bytes: number;
  fileName: string | null;
  remove(): Promise<void>;
}

const tooLarge = (limit: number) =>
  new ProblemException(
    413,
    'import-too-large',
    'Payload too large',
    `The file is larger than ${limit} bytes: split it`,
  );

/** Writes the upload (either way it came) to a temporary file, refusing it past `limit` bytes. */
export async function saveUpload(request: FastifyRequest, limit: number): Promise<SavedUpload> {
  const folder = await mkdtemp(join(tmpdir(), 'aet-import-'));
  const path = join(folder, 'upload');
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    let source: Readable;
    let fileName: string | null = null;
    let truncated = () => false;
    if (request.isMultipart()) {
      const part = await request
        .file({ limits: { fileSize: limit, files: 1, fields: 4, parts: 5 } })
        .catch((error: unknown) => {
          throw malformedMultipart(error);
        });
      if (!part || part.fieldname !== 'file') {
        throw new ProblemException(
          400,
          'import-no-file',
          'No file',
          'Send the file in a form field named "file"',
          {
            errors: [{ field: 'file', rule: 'required', message: 'A multipart upload needs a "file" field' }],
          },
        );
      }
      source = part.file;
      fileName = part.filename || null;
      truncated = () => part.file.truncated;
    } else {
      if (!request.body) {
        throw new ProblemException(
          400,
          'import-no-file',
          'No file',
          'Send the file as the body, or as multipart/form-data',
        );
      }
      // A body of another type (JSON, say) was parsed by its own parser: not a file.
      if (!(request.body instanceof Readable)) {
        throw new ProblemException(
          415,
          'unsupported-media-type',
          'Unsupported Media Type',
          `An import is CSV or XLSX: send it as ${IMPORT_BODY_TYPES.join(', ')}, or as multipart/form-data`,
        );
      }
      source = request.body;
    }
    let bytes = 0;
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          if (bytes > limit) throw tooLarge(limit);
          yield chunk;
        }
      },
      createWriteStream(path),
    );
    if (truncated()) throw tooLarge(limit);
    return { path, bytes, fileName, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
