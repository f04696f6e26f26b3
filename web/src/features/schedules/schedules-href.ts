/** Where the recurring calls are listed: the page's Recurring section. */
export const SCHEDULES_HREF = '#schedules';
