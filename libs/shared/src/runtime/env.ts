/** Reads settings from the environment once, at start-up, failing with the variable's name. */
export class Env {
  constructor(private readonly vars: NodeJS.ProcessEnv = process.env) {}

  string(name: string, fallback: string): string {
    const value = this.vars[name]?.trim();
    return value ? value : fallback;
  }

  optional(name: string): string | undefined {
    return this.vars[name]?.trim() || undefined;
  }

  int(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  }

  number(name: string, fallback: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
    return value;
  }
}
