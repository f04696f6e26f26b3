export class ScheduleNotFoundError extends Error {
  constructor(readonly scheduleId: string) {
    super(`No schedule with id ${scheduleId}`);
  }
}
