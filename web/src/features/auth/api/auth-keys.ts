/** Who is signed in lives under one key: `null` there means nobody is. */
export const authKeys = {
  session: ['auth', 'session'] as const,
};
