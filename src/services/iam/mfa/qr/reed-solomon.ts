// Reed-Solomon error correction codewords over GF(2^8) with the QR code field polynomial x^8+x^4+x^3+x^2+1.

function multiply(x: number, y: number): number {
  let product = 0;
  for (let i = 7; i >= 0; i--) {
    product = (product << 1) ^ ((product >>> 7) * 0x11d);
    product ^= ((y >>> i) & 1) * x;
  }
  return product & 0xff;
}

/** Coefficients (highest degree first, leading 1 omitted) of the generator polynomial prod (x - 2^i), i < degree. */
function generator(degree: number): number[] {
  const coefficients = new Array<number>(degree).fill(0);
  coefficients[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      coefficients[j] = multiply(coefficients[j]!, root);
      if (j + 1 < degree) coefficients[j]! ^= coefficients[j + 1]!;
    }
    root = multiply(root, 0x02);
  }
  return coefficients;
}

/** The `degree` error correction codewords of `data`: the remainder of data(x) * x^degree divided by the generator. */
export function errorCorrection(data: readonly number[], degree: number): number[] {
  const divisor = generator(degree);
  const remainder = new Array<number>(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift()!;
    remainder.push(0);
    for (let i = 0; i < degree; i++) remainder[i]! ^= multiply(divisor[i]!, factor);
  }
  return remainder;
}
