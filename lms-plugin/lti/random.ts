import { createHash, randomBytes } from 'node:crypto';

/** `bytes` of CSPRNG output as base64url: 16 bytes = 128 bits, the floor for state and nonce. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');
