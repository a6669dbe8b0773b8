// Thrown by a credential source for a key it knows but refuses; the authenticator turns it into the error the
// receiving service's protocol uses (InvalidClientTokenId, ExpiredToken, InvalidAccessKeyId, ...).
export type RefusalReason = 'expired' | 'invalid';

export class CredentialRefused extends Error {
  constructor(readonly reason: RefusalReason) {
    super(`credential refused: ${reason}`);
    this.name = 'CredentialRefused';
  }
}
