import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { s3HostId } from './rest-error.js';

describe('s3HostId', () => {
  it('derives x-amz-id-2 from the request id, so a header and an error body of one request agree', () => {
    const derived = s3HostId({ requestId: '4442587FB7D0A2F9' });
    expect(derived).toBe(createHash('sha384').update('4442587FB7D0A2F9').digest('base64'));
    expect(s3HostId({ requestId: '4442587FB7D0A2F9' })).toBe(derived);
    expect(s3HostId({ requestId: '4442587FB7D0A2FA' })).not.toBe(derived);
  });

  it('uses a host id given with the request', () => {
    expect(s3HostId({ requestId: '4442587FB7D0A2F9', hostId: 'host/id==' })).toBe('host/id==');
  });
});
