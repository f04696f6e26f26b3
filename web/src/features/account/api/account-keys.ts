/** Every cached account query lives under `account`. */
export const accountKeys = {
  all: ['account'] as const,
  settings: () => [...accountKeys.all, 'settings'] as const,
  users: () => [...accountKeys.all, 'users'] as const,
  apiKeys: () => [...accountKeys.all, 'api-keys'] as const,
};
