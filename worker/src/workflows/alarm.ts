import { CancellationScope, sleep } from '@temporalio/workflow';
import { Settled } from './settled';

/** A durable timer for a point in time, read inside `condition()`, and cancelled once that time has moved. */
export class Alarm {
  private readonly scope = new CancellationScope();
  private readonly timer: Settled<void>;

  constructor(readonly at: number) {
    this.timer = new Settled(this.scope.run(() => sleep(at - Date.now())));
  }

  get rang(): boolean {
    return this.timer.fulfilled;
  }

  cancel(): void {
    if (!this.timer.done) this.scope.cancel();
  }
}
