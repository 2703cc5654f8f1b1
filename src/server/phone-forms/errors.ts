import { AppError } from '../errors.js';

export const UNKNOWN_CODE_MESSAGE =
  'Mã không đúng. Hãy kiểm tra lại mã trên phiếu (gồm 10 ký tự, không có số 0, số 1, chữ O, I, L).';

/** A malformed or unknown code: counted against the client's address by the throttle. */
export class UnknownCodeError extends AppError {
  constructor() {
    super('not_found', UNKNOWN_CODE_MESSAGE);
  }
}
