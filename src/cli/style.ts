// Terminal styling: colour only when writing to a TTY (and NO_COLOR is unset).

const enabled = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;

const wrap = (code: number) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);

export const style = {
  bold: wrap(1),
  dim: wrap(2),
  red: wrap(31),
  green: wrap(32),
  yellow: wrap(33),
  cyan: wrap(36),
};
