// Where each statement of a policy document sits in its text, as the policy simulator reports it: the line and
// column just past the statement's opening brace and just past its closing brace (1-based, as AWS's examples show:
// a one-line policy whose statement object spans 0-based offsets 36..165 is reported as columns 38 and 167).

export interface TextPosition {
  readonly Line: number;
  readonly Column: number;
}

export interface StatementSpan {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

/** Spans of the statements in document order (the order the parser numbers them); empty if none is found. */
export function statementPositions(text: string): StatementSpan[] {
  const scanner = new Scanner(text);
  const spans: [number, number][] = [];
  scanner.skipSpace();
  if (text[scanner.pos] !== '{') return [];
  scanner.eachMember((key) => {
    if (key !== 'Statement') return scanner.skipValue();
    const first = scanner.skipSpace();
    if (text[first] === '{') spans.push([first, scanner.skipValue()]);
    else if (text[first] === '[') scanner.eachElement(() => spans.push([scanner.skipSpace(), scanner.skipValue()]));
    else scanner.skipValue();
  });
  const lines = lineStarts(text);
  return spans
    .filter(([from]) => text[from] === '{')
    .map(([from, to]) => ({ start: positionOf(lines, from + 1), end: positionOf(lines, to) }));
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of the character at `offset`. */
function positionOf(lines: readonly number[], offset: number): TextPosition {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { Line: lo + 1, Column: offset - lines[lo]! + 1 };
}

/** A lenient JSON walker over text the policy parser has already accepted; it only tracks offsets. */
class Scanner {
  pos = 0;

  constructor(private readonly text: string) {}

  /** Moves past whitespace and returns the new offset. */
  skipSpace(): number {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
    return this.pos;
  }

  /** Skips one value and returns the offset just past it. */
  skipValue(): number {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') this.eachMember(() => this.skipValue());
    else if (c === '[') this.eachElement(() => this.skipValue());
    else if (c === '"') this.readString();
    else while (this.pos < this.text.length && !/[\s,\]}]/.test(this.text[this.pos]!)) this.pos++;
    return this.pos;
  }

  /** With the cursor on `{`: calls `visit(key)` with the cursor before each member's value; ends past `}`. */
  eachMember(visit: (key: string) => void): void {
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.text.length) return;
      if (this.text[this.pos] === '}') {
        this.pos++;
        return;
      }
      if (this.text[this.pos] === ',') this.pos++;
      this.skipSpace();
      const key = this.readString();
      this.skipSpace();
      this.pos++; // the colon
      visit(key);
    }
  }

  /** With the cursor on `[`: calls `visit()` with the cursor before each element; ends past `]`. */
  eachElement(visit: () => void): void {
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.text.length) return;
      if (this.text[this.pos] === ']') {
        this.pos++;
        return;
      }
      if (this.text[this.pos] === ',') this.pos++;
      visit();
    }
  }

  private readString(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    this.pos++;
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      return '';
    }
  }
}
