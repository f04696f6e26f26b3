export * from './calling-window';
export * from './calling-window-openings';
export * from './calling-window-problems';
export * from './callee-time-zone';
export * from './call-window-request';
