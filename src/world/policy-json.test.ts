import { describe, expect, it } from 'vitest';
import { decodeDocument, documentText, sameDocument } from './policy-json.js';

const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }] };

describe('policy documents', () => {
  it('reads documents as IAM returns them (URL-encoded) and as S3 returns them (plain JSON)', () => {
    expect(decodeDocument(encodeURIComponent(documentText(doc)))).toEqual(doc);
    expect(decodeDocument(JSON.stringify(doc, null, 2))).toEqual(doc);
    expect(decodeDocument('%7Bnot json')).toBeUndefined();
    expect(decodeDocument(undefined)).toBeUndefined();
  });

  it('treats documents differing only in key order or formatting as the same', () => {
    const reordered = {
      Statement: [{ Resource: '*', Action: ['s3:GetObject'], Effect: 'Allow' }],
      Version: '2012-10-17',
    };
    expect(sameDocument(doc, reordered)).toBe(true);
  });

  it('sees a changed value, a changed list order and a missing document', () => {
    expect(sameDocument(doc, { ...doc, Version: '2008-10-17' })).toBe(false);
    const twoActions = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['a:B', 'a:C'], Resource: '*' }],
    };
    const swapped = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['a:C', 'a:B'], Resource: '*' }] };
    expect(sameDocument(twoActions, swapped)).toBe(false);
    expect(sameDocument(doc, undefined)).toBe(false);
  });
});
