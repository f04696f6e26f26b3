import { condition } from '@temporalio/workflow';

/** A durable point in time that messages can move while the workflow waits for it. */
export class Deadline {
  constructor(private at: number) {}

  moveTo(at: number): void {
    this.at = at;
  }

  /** Waits until the deadline passes (true) or `interrupted` turns true first (false). */
  async reached(interrupted: () => boolean): Promise<boolean> {
    for (;;) {
      if (interrupted()) return false;
      const target = this.at;
      const remaining = target - Date.now();
      if (remaining <= 0) return true;
      await condition(() => interrupted() || this.at !== target, remaining);
    }
  }
}
