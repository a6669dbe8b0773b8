import { describe, expect, it } from 'vitest';
import { decodeMetadataValue, encodeMetadataValue } from './metadata-encoding.js';

describe('encodeMetadataValue', () => {
  it.each([
    ['plain text', 'plain text'],
    ['tab\tinside', 'tab\tinside'],
    ['', ''],
  ])('answers printable US-ASCII %j as it is', (value, header) => {
    expect(encodeMetadataValue(value)).toBe(header);
  });

  it.each([
    // The example of the S3 user guide's rule, and what boto3 users report S3 answering for a lone `™`.
    ['中文', '=?UTF-8?B?5Lit5paH?='],
    ['™', '=?UTF-8?B?4oSi?='],
    // Printable ASCII in the majority: Q-encoding, with space as `_` and `=`, `?`, `_` escaped.
    ['café', '=?UTF-8?Q?caf=C3=A9?='],
    ['a b_c=d?é', '=?UTF-8?Q?a_b=5Fc=3Dd=3F=C3=A9?='],
    // As many ASCII as other characters is not a majority.
    ['ab中文', '=?UTF-8?B?YWLkuK3mloc=?='],
    // Controls are other characters too; CR and LF (which JavaMail would leave) are encoded, as no header has them.
    ['\u0004meta', '=?UTF-8?Q?=04meta?='],
    ['line\nbreak', '=?UTF-8?Q?line=0Abreak?='],
  ])('encodes %j as %s', (value, header) => {
    expect(encodeMetadataValue(value)).toBe(header);
  });

  it('splits a long value in halves until every encoded-word fits in 75 characters, as S3 does', () => {
    // The value of aws-amplify/aws-sdk-ios#241, whose first encoded-words the issue quotes from S3.
    const value =
      'Workout Completed: Congratulations!  You just completed the “Finding Vocal Freedom Workout”.  Make sure you ' +
      'drink some water, rest your voice, and review your lesson in your vocal journal.  Make comments about how you ' +
      'felt, the circumstances of your workout, and anything you think you did poorly or well.  Be sure to come back ' +
      'tomorrow for another workout!  Practicing on a daily basis is key to growth.';
    const header = encodeMetadataValue(value);
    const words = header.split(' ');
    expect(words.slice(0, 3)).toEqual([
      '=?UTF-8?Q?Workout_Completed:_Congratulations!__You_just_comp?=',
      '=?UTF-8?Q?leted_the_=E2=80=9CFinding_Vocal_?=',
      '=?UTF-8?Q?Freedom_Workout=E2=80=9D.__Make_su?=',
    ]);
    expect(words[3]).toMatch(/^=\?UTF-8\?Q\?re_you_/);
    for (const word of words) {
      expect(word).toMatch(/^=\?UTF-8\?Q\?[^ ]*\?=$/);
      expect(word.length).toBeLessThanOrEqual(75);
    }
    expect(decodeMetadataValue(header)).toBe(value);
  });

  it('never splits a surrogate pair', () => {
    const value = '😀'.repeat(40);
    const header = encodeMetadataValue(value);
    for (const word of header.split(' ')) expect(word.length).toBeLessThanOrEqual(75);
    expect(decodeMetadataValue(header)).toBe(value);
  });
});

describe('decodeMetadataValue', () => {
  it.each([
    ['no encoded words', 'no encoded words'],
    ['=?UTF-8?B?5Lit5paH?=', '中文'],
    ['=?utf-8?q?caf=C3=A9?=', 'café'],
    ['=?ISO-8859-1?Q?caf=E9?=', 'café'],
    ['=?UTF-8*en?Q?hello_world?=', 'hello world'],
    // Whitespace between two encoded-words goes; next to plain words it stays.
    ['=?UTF-8?B?5Lit?= =?UTF-8?B?5paH?=', '中文'],
    ['x =?UTF-8?B?5Lit?= y', 'x 中 y'],
    ['=?UTF-8?B?5Lit?=abc', '中abc'],
    ['=?UTF-8?B??=', ''],
  ])('decodes %j', (value, text) => {
    expect(decodeMetadataValue(value)).toBe(text);
  });

  it.each(['=?UTF-8?Q?bad=ZZ?=', '=?UTF-8?X?abc?=', '=?no-such-charset?B?YWJj?=', '=?UTF-8?B?YWJj', 'a=?b'])(
    'leaves %j, which does not decode, as it is',
    (value) => {
      expect(decodeMetadataValue(value)).toBe(value);
    },
  );

  it('is the inverse of encodeMetadataValue', () => {
    for (const value of ['中文', 'café', 'a b_c=d?é', 'line\nbreak', '™ and more', `${'x'.repeat(100)}é`]) {
      expect(decodeMetadataValue(encodeMetadataValue(value))).toBe(value);
    }
  });
});
