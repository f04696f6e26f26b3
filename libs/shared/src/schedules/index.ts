export * from './schedule';
export * from './schedule-runs';
export * from './schedule.dto';
