import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import busboy from 'busboy';

export interface MultipartFile {
  name: string;
  body: AsyncIterable<Uint8Array>;
}

/** A multipart body that is not well formed, or has no `file` field. */
export class MultipartError extends Error {
  override name = 'MultipartError';
}

/**
 * The `file` field of a multipart/form-data body, as a stream: parsing goes on only as fast as
 * the file is read, so the file is never held whole. Other fields are skipped.
 */
export function multipartFile(body: ReadableStream<Uint8Array>, headers: Record<string, string>): Promise<MultipartFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers, limits: { files: 1, fields: 20, fieldSize: 1024 } });
    } catch (error) {
      return reject(new MultipartError(`The multipart body cannot be read: ${(error as Error).message}.`));
    }
    let found = false;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || found) return stream.resume();
      found = true;
      resolve({ name: info.filename || 'file', body: stream });
    });
    parser.on('error', (error: Error) => reject(new MultipartError(`The multipart body is malformed: ${error.message}.`)));
    parser.on('close', () => {
      if (!found) reject(new MultipartError('The multipart body has no "file" field.'));
    });
    Readable.fromWeb(body as NodeWebStream<Uint8Array>).pipe(parser);
  });
}
