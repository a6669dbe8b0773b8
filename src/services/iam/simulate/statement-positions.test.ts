import { describe, expect, it } from 'vitest';
import { statementPositions } from './statement-positions.js';

describe('statementPositions', () => {
  it('reports the columns AWS documents for a one-line policy with a single statement object', () => {
    const text =
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}';
    expect(statementPositions(text)).toEqual([{ start: { Line: 1, Column: 38 }, end: { Line: 1, Column: 167 } }]);
  });

  it('reports each element of a Statement array across lines, ignoring braces inside strings', () => {
    const text = [
      '{',
      '  "Version": "2012-10-17",',
      '  "Id": "x{y}",',
      '  "Statement": [',
      '    {',
      '      "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b\\"}/*"',
      '    },',
      '    {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}',
      '  ]',
      '}',
    ].join('\n');
    expect(statementPositions(text)).toEqual([
      { start: { Line: 5, Column: 6 }, end: { Line: 7, Column: 6 } },
      { start: { Line: 8, Column: 6 }, end: { Line: 8, Column: 69 } },
    ]);
  });

  it('finds nothing in a document without statements', () => {
    expect(statementPositions('{"Version":"2012-10-17"}')).toEqual([]);
    expect(statementPositions('[]')).toEqual([]);
  });
});
