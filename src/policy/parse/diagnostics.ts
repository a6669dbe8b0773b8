// Collects diagnostics while a document is parsed.

import type { Diagnostic, Severity } from '../types.js';

export class DiagnosticList {
  readonly items: Diagnostic[] = [];

  error(code: string, path: string, message: string): void {
    this.add('error', code, path, message);
  }

  warning(code: string, path: string, message: string): void {
    this.add('warning', code, path, message);
  }

  private add(severity: Severity, code: string, path: string, message: string): void {
    this.items.push({ severity, code, path, message });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}
