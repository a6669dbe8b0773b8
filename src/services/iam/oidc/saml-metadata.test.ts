import { describe, expect, it } from 'vitest';
import { samlMetadataValidUntil } from './saml-metadata.js';

describe('samlMetadataValidUntil', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads validUntil from the EntityDescriptor, with or without a namespace prefix', () => {
    const prefixed =
      '<md:EntityDescriptor xmlns:md="x" validUntil="2030-05-01T10:00:00Z" entityID="e"></md:EntityDescriptor>';
    expect(samlMetadataValidUntil(prefixed, now)).toBe(Date.parse('2030-05-01T10:00:00Z'));
    expect(samlMetadataValidUntil("<EntityDescriptor validUntil='2031-01-01T00:00:00Z'/>", now)).toBe(
      Date.parse('2031-01-01T00:00:00Z'),
    );
  });

  it('gives a century without validUntil and refuses what is not metadata', () => {
    expect(new Date(samlMetadataValidUntil('<EntityDescriptor entityID="e"/>', now)).getUTCFullYear()).toBe(2126);
    expect(() => samlMetadataValidUntil('<html></html>', now)).toThrow('Could not parse metadata');
    expect(() => samlMetadataValidUntil('<EntityDescriptor validUntil="soon"/>', now)).toThrow(
      'Could not parse metadata',
    );
  });
});
