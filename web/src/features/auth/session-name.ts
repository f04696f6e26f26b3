import type { MeDto } from '@call-scheduler/shared';

/** Who is signed in, as the header names them: the user's name, or the API key's ("key ci-bot"). */
export function sessionName(me: MeDto): string {
  if (me.user) return me.user.name;
  return me.apiKey ? `key ${me.apiKey.name}` : 'unknown';
}
