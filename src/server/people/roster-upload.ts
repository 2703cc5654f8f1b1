import type { FastifyRequest } from 'fastify';
import yauzl from 'yauzl';
import { AppError } from '../errors.js';

const NOT_XLSX = 'Tệp không phải bảng tính Excel (.xlsx).';
const ZIP_BOMB = 'Tệp nén bất thường (có thể là zip bomb), không thể đọc.';

/** Limits on what an .xlsx may unpack to; a real roster of thousands of rows stays far below them. */
export const ZIP_LIMITS = {
  maxEntries: 2_000,
  maxTotalBytes: 100 * 1_048_576,
  maxRatio: 100,
  /** Small parts (styles, themes) compress very well; the ratio matters only for big ones. */
  ratioFloorBytes: 1_048_576,
};

const notXlsx = () => new AppError('unsupported_media', NOT_XLSX);
const zipBomb = () => new AppError('unsupported_media', ZIP_BOMB);

/** The uploaded file of the `file` field, whole, refused when it passes the upload limit. */
export async function readUploadedFile(request: FastifyRequest, limitBytes: number): Promise<Buffer> {
  const tooLarge = new AppError('payload_too_large', `Tệp lớn hơn ${Math.round(limitBytes / 1_048_576)} MB.`);
  const part = await request.file({ limits: { fileSize: limitBytes } });
  if (part?.fieldname !== 'file') {
    throw new AppError('bad_request', 'Chưa chọn tệp để tải lên (trường "file").', [
      { path: 'body.file', message: 'Chưa chọn tệp.' },
    ]);
  }
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge;
    throw error;
  }
  if (part.file.truncated) throw tooLarge;
  return buffer;
}

/**
 * Checks the zip container before exceljs sees it: the signature, the declared sizes and ratios,
 * and then the real inflated sizes (yauzl stops an entry that inflates past its declared size),
 * so a zip bomb is refused while it is still small.
 */
export async function assertSafeXlsx(buffer: Buffer): Promise<void> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch {
    throw notXlsx();
  }
  const names = new Set<string>();
  let declaredTotal = 0;
  let inflatedTotal = 0;
  try {
    for await (const entry of entries(zip)) {
      names.add(entry.fileName);
      declaredTotal += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (
        names.size > ZIP_LIMITS.maxEntries ||
        declaredTotal > ZIP_LIMITS.maxTotalBytes ||
        (entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio)
      ) {
        throw zipBomb();
      }
      if (!entry.fileName.endsWith('/')) {
        inflatedTotal += await inflatedSize(zip, entry, ZIP_LIMITS.maxTotalBytes - inflatedTotal);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notXlsx();
  } finally {
    zip.close();
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw notXlsx();
}

export function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

export async function* entries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  while (true) {
    const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      const onEntry = (found: yauzl.Entry) => {
        cleanup();
        resolve(found);
      };
      const onEnd = () => {
        cleanup();
        resolve(null);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (!entry) return;
    yield entry;
  }
}

/** Inflates one entry only to count its bytes, stopping as soon as the budget is spent. */
function inflatedSize(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > budget) {
          stream.destroy();
          reject(zipBomb());
        }
      });
      stream.on('error', (streamError) => reject(isSizeMismatch(streamError) ? zipBomb() : streamError));
      stream.on('end', () => resolve(bytes));
    });
  });
}

const isSizeMismatch = (error: Error) => /too many bytes|too few bytes/i.test(error.message);
