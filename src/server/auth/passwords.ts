import { hash, verify } from '@node-rs/argon2';

/** S4: argon2id with the library's defaults (19 MiB, 2 passes), OWASP's recommended minimum. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Unknown accounts cost the same hashing time as known ones, so timing does not tell them apart. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash('không-có-tài-khoản-này');
  await verifyPassword(await dummyHash, password);
  return false;
}
